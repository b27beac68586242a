//! The follow-up as the page shows it: every figure already a Swedish string, every light a
//! word and a shape (never a colour alone).

use styr_domain::budget::Budget;
use styr_domain::goals::{Fulfilment, Period, PeriodPart, Source};
use styr_reports::goals::{DirectionRow, GoalRow, Judgement, KpiRow};

/// A select's option.
pub struct Option3 {
    pub key: String,
    pub label: String,
    pub selected: bool,
}

/// A traffic light: its class, its shape and its word.
pub struct Light {
    pub class: &'static str,
    pub shape: &'static str,
    pub label: &'static str,
}

pub fn light(fulfilment: Fulfilment) -> Light {
    let (class, shape) = match fulfilment {
        Fulfilment::Fulfilled => ("light-green", "✔"),
        Fulfilment::PartlyFulfilled => ("light-yellow", "◐"),
        Fulfilment::NotFulfilled => ("light-red", "✖"),
        Fulfilment::NotAssessed => ("light-grey", "–"),
    };
    Light {
        class,
        shape,
        label: fulfilment.swedish(),
    }
}

pub struct KpiLine {
    pub name: String,
    pub href: String,
    pub latest: String,
    pub target: String,
    pub trend: String,
    pub light: Light,
    pub trail: String,
    pub peer: String,
}

pub struct Chosen {
    pub label: String,
    pub reason: String,
    pub by: String,
    pub at: String,
}

pub struct GoalCard {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub light: Light,
    pub computed: &'static str,
    pub chosen: Option<Chosen>,
    pub trail: String,
    pub kpis: Vec<KpiLine>,
    pub may_assess: bool,
    pub kolada: bool,
}

fn kpi_line(id: i64, row: &KpiRow) -> KpiLine {
    let unit = row.kpi.unit;
    let latest = row.fulfilment.measured.map_or_else(
        || "inget värde".to_string(),
        |(period, value)| format!("{} ({})", unit.show(value), period.swedish()),
    );
    let last: Vec<String> = row
        .values
        .iter()
        .rev()
        .take(6)
        .rev()
        .map(|value| value.value.to_swedish())
        .collect();
    KpiLine {
        name: row.kpi.name.clone(),
        href: format!("/budget/{id}/maluppfyllelse/nyckeltal/{}", row.kpi.id),
        latest,
        target: row
            .fulfilment
            .target
            .map_or_else(|| "inget".to_string(), |target| unit.show(target)),
        trend: if last.is_empty() {
            "–".to_string()
        } else {
            last.join(" → ")
        },
        light: light(row.fulfilment.standing.fulfilment()),
        trail: row.fulfilment.trail.clone(),
        peer: row.peer.as_ref().map_or_else(String::new, |peer| {
            styr_render::goals::peer_line(peer, unit)
        }),
    }
}

pub fn goal_card(id: i64, row: &GoalRow, may_assess: bool) -> GoalCard {
    GoalCard {
        id: row.id.clone(),
        title: row.title.clone(),
        kind: row.kind.swedish(),
        light: light(row.shown()),
        computed: row.computed.computed.swedish(),
        chosen: row.chosen.as_ref().map(|chosen| Chosen {
            label: chosen.chosen.swedish().to_string(),
            reason: chosen.reason.clone(),
            by: chosen.by.clone(),
            at: chosen.at.chars().take(10).collect(),
        }),
        trail: row.computed.trail.clone(),
        kolada: row.kpis.iter().any(|kpi| {
            kpi.peer.is_some()
                || kpi
                    .values
                    .iter()
                    .any(|value| value.source == Source::Kolada)
        }),
        kpis: row.kpis.iter().map(|kpi| kpi_line(id, kpi)).collect(),
        may_assess,
    }
}

pub struct JudgementView {
    pub year: String,
    pub verdict: &'static str,
    pub trail: Vec<String>,
    pub rule: &'static str,
}

pub fn judgement_view(judgement: &Judgement) -> JudgementView {
    JudgementView {
        year: judgement.year.to_string(),
        verdict: judgement.verdict.swedish(),
        trail: judgement.trail.clone(),
        rule: styr_reports::goals::judgement::RULE,
    }
}

pub struct DirectionView {
    pub title: String,
    pub linked: String,
}

impl DirectionView {
    pub fn of(row: &DirectionRow) -> DirectionView {
        let linked: Vec<String> = row
            .goals
            .iter()
            .map(|(_, title)| format!("målet {title}"))
            .chain(
                row.kpis
                    .iter()
                    .map(|(_, _, name)| format!("nyckeltalet {name}")),
            )
            .collect();
        DirectionView {
            title: row.title.clone(),
            linked: if linked.is_empty() {
                "Inget mål eller nyckeltal följer upp den än.".to_string()
            } else {
                format!("Följs upp av {}.", linked.join(", "))
            },
        }
    }
}

/// The periods to choose among: each of the budget's years and its tertials.
pub fn periods(budget: &Budget, chosen: Period) -> Vec<Option3> {
    let mut periods = Vec::new();
    for year in budget.years.columns() {
        periods.push(Period::year(year));
        for tertial in 1..=3 {
            periods.push(Period {
                year,
                part: PeriodPart::Tertial(tertial),
            });
        }
    }
    if !periods.contains(&chosen) {
        periods.push(chosen);
    }
    periods
        .into_iter()
        .map(|period| Option3 {
            key: period.key(),
            label: period.swedish(),
            selected: period == chosen,
        })
        .collect()
}
