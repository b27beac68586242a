//! The follow-up page: budget versus outcome per unit and line for the year to date, the
//! forecast, the board's net cost month by month with a chart, and the import log.

use askama::Template;
use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::tkr;
use styr_domain::money::Amount;
use styr_domain::operating::OperatingRow;
use styr_render::followup::{Layout, chart_svg, heading, period_words};
use styr_reports::followup::{ENTERED, FollowupReport, GroupFollowup};

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PagePath, PageQuery};
use crate::pages::{PageResult, html};
use crate::view::{NavItem, nav};

pub struct RowView {
    pub label: &'static str,
    pub key: &'static str,
    pub emphasised: bool,
    pub year_budget: String,
    pub ytd_budget: String,
    pub ytd_actual: String,
    pub deviation: String,
    pub negative: bool,
    pub forecast: String,
    pub forecast_entered: bool,
    pub forecast_deviation: String,
    pub comment: String,
}

pub struct GroupView {
    pub code: String,
    pub name: String,
    pub rows: Vec<RowView>,
    pub can_forecast: bool,
}

pub struct MonthView {
    pub number: u8,
    pub name: &'static str,
    pub budget: String,
    pub actual: String,
    pub deviation: String,
    pub negative: bool,
    pub ytd_budget: String,
    pub ytd_actual: String,
    pub ytd_deviation: String,
}

pub struct ImportView {
    pub file_name: String,
    pub format: String,
    pub months: String,
    pub vouchers: i64,
    pub rows: i64,
    pub replaced: i64,
    pub by: String,
    pub at: String,
    pub checksum: String,
}

#[derive(Template)]
#[template(path = "followup.html")]
pub struct FollowupPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    /// manad | delar | helar
    pub layout: &'static str,
    pub heading: String,
    pub period: String,
    pub groups: Vec<GroupView>,
    pub chart: String,
    /// The board's net cost month by month, through the last month of the period.
    pub months: Vec<MonthView>,
    pub imports: Vec<ImportView>,
    pub unmapped_accounts: Vec<(String, String, String)>,
    pub unmapped_cost_centres: Vec<(String, String, String)>,
    pub profiles: Vec<String>,
    pub messages: Vec<String>,
    pub entered_rows: Vec<(&'static str, &'static str)>,
    /// Whether this person may import the books (a läsare reads the report only).
    pub may_import: bool,
}

fn group_view(group: &GroupFollowup) -> GroupView {
    GroupView {
        code: group.code.clone(),
        name: group.name.clone(),
        can_forecast: group.unit.is_some(),
        rows: group
            .rows
            .iter()
            .map(|row| RowView {
                label: row.label,
                key: row.row.key(),
                emphasised: row.row.is_emphasised(),
                year_budget: tkr(row.year_budget),
                ytd_budget: tkr(row.ytd_budget),
                ytd_actual: tkr(row.ytd_actual),
                deviation: tkr(row.ytd_deviation),
                negative: row.ytd_deviation.ore() < 0,
                forecast: tkr(row.forecast),
                forecast_entered: row.forecast_entered,
                forecast_deviation: tkr(row.forecast_deviation),
                comment: row.forecast_comment.clone(),
            })
            .collect(),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct LayoutQuery {
    /// manad (default), delar (January–August) or helar (the whole year).
    #[serde(default)]
    pub layout: String,
}

impl LayoutQuery {
    fn layout(&self) -> (Layout, &'static str, Option<u8>) {
        match self.layout.as_str() {
            "delar" => (Layout::Interim, "delar", Some(8)),
            "helar" => (Layout::YearEnd, "helar", Some(12)),
            _ => (Layout::Month, "manad", None),
        }
    }
}

/// The page in its default layout, with `messages` at the top (a refused import's problems).
pub async fn page(
    state: &Acting,
    id: i64,
    messages: Vec<String>,
) -> Result<FollowupPage, PageError> {
    page_in(state, id, &LayoutQuery::default(), messages).await
}

async fn page_in(
    state: &Acting,
    id: i64,
    query: &LayoutQuery,
    messages: Vec<String>,
) -> Result<FollowupPage, PageError> {
    let (layout, layout_key, through) = query.layout();
    let snapshot = state.app.snapshot(id).await?;
    let report: FollowupReport = state.app.followup(id, None, through).await?;
    let chart = report
        .total
        .row(OperatingRow::NetCost)
        .map(|row| chart_svg(&report, row))
        .unwrap_or_default();
    let items = |list: &[styr_reports::followup::UnmappedAmount]| {
        list.iter()
            .map(|item| (item.code.clone(), item.name.clone(), tkr(item.amount)))
            .collect()
    };
    Ok(FollowupPage {
        title: format!("Uppföljning – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        layout: layout_key,
        heading: heading(&report, layout),
        period: period_words(report.through),
        groups: std::iter::once(&report.total)
            .chain(&report.groups)
            .map(|group| {
                let mut view = group_view(group);
                // A forecast form only for a group this person may forecast for now.
                view.can_forecast = group.unit.as_ref().is_some_and(|unit| {
                    crate::view::may(
                        state,
                        &snapshot,
                        &styr_domain::access::Action::SetForecast { unit: unit.clone() },
                    )
                });
                view
            })
            .collect(),
        chart,
        months: month_views(&report)?,
        imports: state
            .app
            .outcome_imports(id)
            .await?
            .into_iter()
            .map(|record| ImportView {
                file_name: record.file_name,
                format: record.format,
                months: format!("{} – {}", record.first_month, record.last_month),
                vouchers: record.vouchers,
                rows: record.rows,
                replaced: record.replaced_rows,
                by: record.imported_by,
                at: crate::view::local_time(&record.imported_at),
                checksum: record.checksum,
            })
            .collect(),
        unmapped_accounts: items(&report.unmapped_accounts),
        unmapped_cost_centres: items(&report.unmapped_cost_centres),
        profiles: state.app.import_profiles().await?.into_keys().collect(),
        messages,
        entered_rows: ENTERED.iter().map(|row| (row.key(), row.label())).collect(),
        may_import: crate::view::may(
            state,
            &snapshot,
            &styr_domain::access::Action::ImportOutcome,
        ),
    })
}

/// The board's net cost month by month with the running year to date; a sum past the
/// amounts' range is refused rather than shown wrong.
fn month_views(report: &FollowupReport) -> Result<Vec<MonthView>, PageError> {
    let Some(row) = report.total.row(OperatingRow::NetCost) else {
        return Ok(Vec::new());
    };
    let overflow =
        |error: styr_domain::money::AmountOverflow| PageError::invalid(error.to_string());
    let (mut budget_sum, mut actual_sum) = (Amount::ZERO, Amount::ZERO);
    let mut months = Vec::new();
    for (index, name) in MONTH_NAMES
        .iter()
        .enumerate()
        .take(usize::from(report.through))
    {
        budget_sum = budget_sum
            .checked_add(row.budget[index])
            .map_err(overflow)?;
        actual_sum = actual_sum
            .checked_add(row.actual[index])
            .map_err(overflow)?;
        let deviation = row.actual[index]
            .checked_sub(row.budget[index])
            .map_err(overflow)?;
        months.push(MonthView {
            number: u8::try_from(index + 1).unwrap_or(12),
            name,
            budget: tkr(row.budget[index]),
            actual: tkr(row.actual[index]),
            deviation: tkr(deviation),
            negative: deviation.ore() < 0,
            ytd_budget: tkr(budget_sum),
            ytd_actual: tkr(actual_sum),
            ytd_deviation: tkr(actual_sum.checked_sub(budget_sum).map_err(overflow)?),
        });
    }
    Ok(months)
}

pub async fn show(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<LayoutQuery>,
) -> PageResult {
    html(&page_in(&state, id, &query, Vec::new()).await?)
}
