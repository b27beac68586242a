//! The follow-up of one ansvar: from the board down to förvaltning, avdelning and ansvar, the
//! unit's table (its own lines and bookings and those of every unit below it), the units
//! directly below with their net cost, the cost centres booked on it, the forecasts entered
//! for it (who, when, on which month's outcome), the course of its deviation, and a form per
//! line for the responsible person's forecast and explanation of the deviation.
//!
//! ```text
//! Kommunstyrelsen › Kommunledningskontoret › Ekonomiavdelningen (avdelning)
//! Personalkostnader  -31 200  -20 800  -21 433  -633  …  Förklaring: Två vikarier …
//! ```

use askama::Template;
use serde::Deserialize;
use styr_domain::format::tkr;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use styr_render::followup::{SIGNS, booked_sentence, course_svg};
use styr_reports::followup::{ENTERED, FollowupReport};
use styr_reports::shown::followup::table;

use super::report::{GroupView, group_view};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath, PageQuery};
use crate::input::{self, Key};
use crate::pages::{PageResult, html, invalid, see};
use crate::view::{NavItem, nav};

pub struct ChildView {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub year_budget: String,
    pub actual: String,
    pub forecast: String,
    pub forecast_deviation: String,
    pub negative: bool,
}

pub struct EntryView {
    pub at: String,
    pub by: String,
    pub row: &'static str,
    pub amount: String,
    pub based_on: String,
    pub comment: String,
}

#[derive(Template)]
#[template(path = "followup_unit.html")]
pub struct UnitPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub unit: String,
    pub name: String,
    pub kind: &'static str,
    /// The units above, board first: (id, name).
    pub trail: Vec<(String, String)>,
    pub version_sentence: String,
    pub booked_sentence: String,
    pub signs: &'static str,
    pub period: String,
    pub group: GroupView,
    pub children: Vec<ChildView>,
    pub cost_centres: String,
    pub has_budget: bool,
    pub course: String,
    pub history: Vec<EntryView>,
    pub entered_rows: Vec<(&'static str, &'static str)>,
    pub messages: Vec<String>,
    pub version_query: String,
    /// Whether the person may forecast and explain this unit (else the page only reads).
    pub may_forecast: bool,
}

#[derive(Deserialize, Default)]
pub struct UnitQuery {
    #[serde(default)]
    pub version: Option<i64>,
}

fn child_views(report: &FollowupReport, children: &[UnitId]) -> Result<Vec<ChildView>, PageError> {
    let mut views = Vec::new();
    for child in children {
        let Some(found) = report.unit(child) else {
            continue;
        };
        let shown = table(&found.group).map_err(|error| PageError::invalid(error.to_string()))?;
        let Some(net) = shown.row(OperatingRow::NetCost) else {
            continue;
        };
        views.push(ChildView {
            id: child.0.clone(),
            name: found.group.name.clone(),
            kind: found.kind,
            year_budget: tkr(net.year_budget),
            actual: tkr(net.actual),
            forecast: tkr(net.forecast),
            forecast_deviation: tkr(net.forecast_deviation),
            negative: net.forecast_deviation.ore() < 0,
        });
    }
    Ok(views)
}

async fn unit_page(
    state: &Acting,
    id: i64,
    unit: &UnitId,
    query: &UnitQuery,
    messages: Vec<String>,
) -> Result<UnitPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let request = styr_app::FollowupRequest {
        version: query.version,
        ..styr_app::FollowupRequest::default()
    };
    let row = if snapshot.budget.frame(unit).is_some() {
        OperatingRow::Result
    } else {
        OperatingRow::NetCost
    };
    let (report, course) = state.app.deviation_course(id, &request, unit, row).await?;
    let found = report.unit(unit).ok_or_else(PageError::not_found)?;
    let mut trail = Vec::new();
    let mut above = found.parent.clone();
    while let Some(parent) = above {
        let Some(up) = report.unit(&parent) else {
            break;
        };
        trail.insert(0, (parent.0.clone(), up.group.name.clone()));
        above = up.parent.clone();
    }
    let history = state
        .app
        .forecast_history(id)
        .await?
        .into_iter()
        .rev()
        .filter(|entry| entry.forecast.unit == *unit && entry.forecast.year == report.year)
        .map(|entry| EntryView {
            at: crate::view::local_time(&entry.entered.at),
            by: entry.entered.by,
            row: entry.forecast.row.label(),
            amount: tkr(entry.forecast.amount),
            based_on: entry.entered.based_on.map_or_else(
                || "okänt".to_string(),
                |month| format!("t.o.m. {} {}", month.name(), month.year()),
            ),
            comment: entry.forecast.comment,
        })
        .collect();
    Ok(UnitPage {
        title: format!("Uppföljning – {}", found.group.name),
        nav: nav(id, "uppfoljning"),
        id,
        unit: unit.0.clone(),
        name: found.group.name.clone(),
        kind: found.kind,
        trail,
        version_sentence: report
            .version
            .as_ref()
            .map(|version| version.sentence())
            .unwrap_or_default(),
        booked_sentence: booked_sentence(&report),
        signs: SIGNS,
        period: styr_render::followup::short_period(report.through),
        group: group_view(&report, &found.group)?,
        children: child_views(&report, &found.children)?,
        cost_centres: found
            .cost_centres
            .iter()
            .map(|(code, name)| {
                if name.is_empty() {
                    code.clone()
                } else {
                    format!("{code} {name}")
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        has_budget: found.has_budget,
        course: if course.is_empty() {
            String::new()
        } else {
            course_svg(
                &format!("{}, {}", row.label(), found.group.name),
                &report.year.to_string(),
                &course,
                "diagram-avvikelse",
            )
        },
        history,
        entered_rows: ENTERED.iter().map(|row| (row.key(), row.label())).collect(),
        messages,
        version_query: query
            .version
            .map(|number| format!("?version={number}"))
            .unwrap_or_default(),
        may_forecast: crate::view::may_follow_up(
            state,
            &snapshot,
            &styr_domain::access::Action::SetForecast { unit: unit.clone() },
        ),
    })
}

pub async fn show(
    state: Acting,
    PagePath((id, unit)): PagePath<(i64, Key)>,
    PageQuery(query): PageQuery<UnitQuery>,
) -> PageResult {
    let unit = UnitId(unit.into_inner());
    html(&unit_page(&state, id, &unit, &query, Vec::new()).await?)
}

/// The explanation form; its fields keep their Swedish names in the page.
#[derive(Deserialize)]
pub struct ExplanationForm {
    #[serde(rename = "enhet")]
    pub unit: String,
    #[serde(rename = "rad")]
    pub row: String,
    #[serde(rename = "forklaring", default)]
    pub text: String,
}

/// Writes the responsible person's explanation of a line's deviation (empty removes it).
pub async fn explain(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(form): PageForm<ExplanationForm>,
) -> PageResult {
    let unit = input::key(&form.unit).map_err(PageError::invalid)?;
    let unit = UnitId(unit);
    let row = OperatingRow::from_key(&form.row)
        .filter(|row| ENTERED.contains(row))
        .ok_or_else(|| PageError::invalid("raden tar ingen förklaring"))?;
    let text = match input::text(&form.text) {
        Ok(text) => text,
        Err(message) => {
            let page = unit_page(&state, id, &unit, &UnitQuery::default(), vec![message]).await?;
            return invalid(&page);
        }
    };
    let snapshot = state.app.snapshot(id).await?;
    let explanation = styr_domain::followup::DeviationExplanation {
        unit: unit.clone(),
        row,
        year: snapshot.budget.years.budget,
        text,
        by: String::new(),
        at: String::new(),
    };
    match state
        .app
        .explain_deviation(&state.actor, id, explanation)
        .await
    {
        Ok(()) => see(format!(
            "/budget/{id}/uppfoljning/ansvar/{}#forklaring-{}",
            unit.0,
            row.key()
        )),
        Err(error @ (styr_app::AppError::Invalid(_) | styr_app::AppError::Rejected(_))) => {
            let page = unit_page(
                &state,
                id,
                &unit,
                &UnitQuery::default(),
                vec![error.to_string()],
            )
            .await?;
            invalid(&page)
        }
        Err(error) => Err(error.into()),
    }
}
