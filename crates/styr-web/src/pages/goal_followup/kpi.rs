//! A KPI's page: what it is (direction, unit, range, schedule, baseline), its targets with a
//! form to set a year's, its values with a form to enter one (the periods of its schedule to
//! choose among), its trend chart, and the kommun among its peers as a chart and a table.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::ValueEntry;
use styr_domain::access::Action;
use styr_domain::change::Change;
use styr_domain::goals::{Period, PeriodPart, Source};

use super::view::{Light, Option3, light};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{self, Key};
use crate::pages::{PageResult, html, invalid, see};
use crate::view::{NavItem, nav};

mod save;

pub use save::{save_target, save_value};

pub struct ValueRowView {
    pub period: String,
    pub value: String,
    pub source: &'static str,
    pub by: String,
    pub at: String,
    pub comment: String,
}

pub struct PeerRowView {
    pub name: String,
    pub value: String,
    pub own: bool,
}

#[derive(Template)]
#[template(path = "kpi.html")]
pub struct KpiPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub kpi: String,
    pub name: String,
    pub goal: String,
    pub facts: Vec<(&'static str, String)>,
    pub light: Light,
    pub trail: String,
    pub targets: Vec<(String, String)>,
    pub values: Vec<ValueRowView>,
    pub trend: String,
    pub peers_chart: String,
    pub peers: Vec<PeerRowView>,
    pub peer_line: String,
    pub periods: Vec<Option3>,
    pub years: Vec<Option3>,
    pub may_enter: bool,
    pub may_set_target: bool,
    pub kolada: bool,
    pub message: String,
    pub typed: BTreeMap<String, String>,
}

impl KpiPage {
    pub fn typed(&self, field: &str) -> String {
        self.typed.get(field).cloned().unwrap_or_default()
    }
}

async fn page(
    state: &Acting,
    id: i64,
    kpi_id: &str,
    message: String,
    typed: BTreeMap<String, String>,
) -> Result<KpiPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let budget = &snapshot.budget;
    let followup = state.app.goals_followup(id, None).await?;
    let (goal, row) = followup
        .goals
        .iter()
        .find_map(|goal| {
            goal.kpis
                .iter()
                .find(|row| row.kpi.id == kpi_id)
                .map(|row| (goal, row))
        })
        .ok_or_else(PageError::not_found)?;
    let kpi = &row.kpi;
    let unit = budget
        .goals
        .iter()
        .find(|found| found.id == goal.id)
        .and_then(|found| found.unit.clone())
        .unwrap_or_else(|| budget.board.clone());
    let allows = |action: &Action| {
        state
            .actor
            .role
            .allows(action, &budget.organisation, &budget.board)
    };
    let mut facts = vec![
        ("Riktning", kpi.direction.swedish().to_string()),
        ("Enhet", kpi.unit.swedish().to_string()),
        ("Mäts", kpi.schedule()),
        ("Källa", kpi.source.clone()),
    ];
    if let (Some(low), Some(high)) = (kpi.minimum, kpi.maximum) {
        facts.push((
            "Möjliga värden",
            format!("{}–{}", low.to_swedish(), high.to_swedish()),
        ));
    }
    if let Some(baseline) = &kpi.baseline {
        facts.push((
            "Utgångsvärde",
            format!(
                "{} ({})",
                kpi.unit.show(baseline.value),
                baseline.period.swedish()
            ),
        ));
    }
    if let Some(tolerance) = kpi.tolerance {
        facts.push(("Tolerans", kpi.unit.show(tolerance)));
    }
    if let Some(kolada) = &kpi.kolada_id {
        facts.push(("Kolada-id", kolada.clone()));
    }
    let own_name = budget.municipality.name.clone();
    let peer_names = state.app.kolada_names().await?;
    let name_of = |id: &str| {
        peer_names
            .get(id)
            .cloned()
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| id.to_string())
    };
    // Kolada publishes a year after: compare in the latest year the kommun has a value.
    let latest_kolada = row
        .values
        .iter()
        .filter(|value| value.source == Source::Kolada)
        .map(|value| value.period.year)
        .max();
    let comparison = match (&row.peer, latest_kolada) {
        (Some(peer), Some(year)) if peer.own.is_none() && year != peer.year => state
            .app
            .goals_followup(id, Some(Period::year(year)))
            .await?
            .goals
            .iter()
            .flat_map(|goal| &goal.kpis)
            .find(|other| other.kpi.id == kpi_id)
            .and_then(|other| other.peer.clone()),
        (peer, _) => peer.clone(),
    };
    let (peers_chart, peers, peer_line) = match &comparison {
        Some(peer) => {
            let mut rows: Vec<PeerRowView> = peer
                .peers
                .iter()
                .map(|found| PeerRowView {
                    name: name_of(&found.municipality),
                    value: kpi.unit.show(found.value),
                    own: false,
                })
                .collect();
            if let Some(own) = peer.own {
                let at = peer
                    .peers
                    .iter()
                    .position(|found| peer.direction.beats(own, found.value))
                    .unwrap_or(rows.len());
                rows.insert(
                    at,
                    PeerRowView {
                        name: format!("{own_name} (kommunen)"),
                        value: kpi.unit.show(own),
                        own: true,
                    },
                );
            }
            (
                styr_render::goals::chart::peers_svg(kpi, peer, &own_name, &name_of),
                rows,
                styr_render::goals::peer_line(peer, kpi.unit),
            )
        }
        None => (String::new(), Vec::new(), String::new()),
    };
    let years: Vec<_> = budget.years.columns();
    let mut periods = Vec::new();
    for year in &years {
        let parts: Vec<PeriodPart> = match kpi.measurements_per_year {
            1 => vec![PeriodPart::Year],
            12 => (1..=12).map(PeriodPart::Month).collect(),
            times => (1..=times)
                .map(PeriodPart::Round)
                .chain([PeriodPart::Year])
                .collect(),
        };
        periods.extend(parts.into_iter().map(|part| Period { year: *year, part }));
    }
    let chosen_period = typed.get("period").cloned().unwrap_or_default();
    Ok(KpiPage {
        title: format!("{} – Måluppfyllelse – {}", kpi.name, budget.document.title),
        nav: nav(id, "maluppfyllelse"),
        id,
        kpi: kpi.id.clone(),
        name: kpi.name.clone(),
        goal: goal.title.clone(),
        facts,
        light: light(row.fulfilment.standing.fulfilment()),
        trail: row.fulfilment.trail.clone(),
        targets: kpi
            .targets
            .iter()
            .map(|target| (target.year.to_string(), kpi.unit.show(target.value)))
            .collect(),
        values: row
            .values
            .iter()
            .rev()
            .map(|value| ValueRowView {
                period: value.period.swedish(),
                value: kpi.unit.show(value.value),
                source: value.source.swedish(),
                by: value.entered_by.clone(),
                at: value
                    .entered_at
                    .chars()
                    .take(16)
                    .collect::<String>()
                    .replace('T', " "),
                comment: value.comment.clone(),
            })
            .collect(),
        trend: styr_render::goals::chart::trend_svg(kpi, &row.values),
        kolada: row.peer.is_some()
            || row
                .values
                .iter()
                .any(|value| value.source == Source::Kolada),
        peers_chart,
        peers,
        peer_line,
        periods: periods
            .into_iter()
            .map(|period| Option3 {
                selected: period.key() == chosen_period,
                key: period.key(),
                label: period.swedish(),
            })
            .collect(),
        years: years
            .iter()
            .map(|year| Option3 {
                key: year.to_string(),
                label: year.to_string(),
                selected: typed
                    .get("year")
                    .is_some_and(|typed| *typed == year.to_string()),
            })
            .collect(),
        may_enter: allows(&Action::FollowUpGoal { unit }),
        may_set_target: allows(&Action::EditRegisters),
        message,
        typed,
    })
}

pub async fn show_kpi(state: Acting, PagePath((id, kpi)): PagePath<(i64, Key)>) -> PageResult {
    html(
        &page(
            &state,
            id,
            &kpi.into_inner(),
            String::new(),
            BTreeMap::new(),
        )
        .await?,
    )
}
