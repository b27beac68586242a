//! Måluppfyllelse as a report value: every goal of a budget with its KPIs in a period — each
//! KPI's values (entered, imported, or Kolada's for the kommun), the year's target, where it
//! stands, its trend, and where there is a Kolada id the kommun among its peers — the goal's
//! computed fulfilment with its trail beside the assessment a person chose, the political
//! directions with what follows them up, and the overarching goal judged against similar
//! municipalities and the referenskostnad. Pages, the API, `styr goals` and the board's
//! document all show this one value.
//!
//! ```text
//! goals_followup(&FollowUpInput { budget, measurements, assessments, kolada, peers, period: 2025 })
//!   → Arbetsmiljömål: uppfyllt (1 av 1 nyckeltal når sitt målvärde), chosen: —
//!     Sveriges mest effektiva kommun: delvis (kvalitet 3 av 4 bättre, kostnad över)
//! ```
//!
//! A KPI with a Kolada id takes the kommun's yearly values from Kolada; a value entered for the
//! same period takes precedence (it is the newer word), and the source says which it is.

pub mod judgement;
pub mod peers;

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::goals::{
    Assessment, Fulfilment, Goal, GoalFulfilment, GoalKind, Kpi, KpiFulfilment, Measurement,
    Period, PeriodPart, Source, assess_kpi, goal_fulfilment,
};
use styr_domain::kolada::MunicipalityGroup;

pub use judgement::{Judgement, ReferenceCost, Verdict, judge, judge_compared};
pub use peers::{KoladaIndex, PeerComparison, PeerSet, PeerValue, compare, compare_set};

/// What the follow-up is computed from.
pub struct FollowUpInput<'a> {
    pub budget: &'a Budget,
    pub measurements: &'a [Measurement],
    pub assessments: &'a [Assessment],
    pub kolada: &'a KoladaIndex,
    pub peers: Option<&'a MunicipalityGroup>,
    pub period: Period,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KpiRow {
    pub kpi: Kpi,
    pub fulfilment: KpiFulfilment,
    /// Every value, oldest first: entered ones and, for a Kolada KPI, Kolada's.
    pub values: Vec<Measurement>,
    pub peer: Option<PeerComparison>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalRow {
    pub id: String,
    pub kind: GoalKind,
    pub title: String,
    pub statement: String,
    pub computed: GoalFulfilment,
    pub chosen: Option<Assessment>,
    pub kpis: Vec<KpiRow>,
}

impl GoalRow {
    /// The fulfilment shown: the one a person chose, else the computed one.
    pub fn shown(&self) -> Fulfilment {
        self.chosen
            .as_ref()
            .map_or(self.computed.computed, |chosen| chosen.chosen)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DirectionRow {
    pub id: String,
    pub title: String,
    /// (goal id, goal title) of the goals that follow it up.
    pub goals: Vec<(String, String)>,
    /// (goal id, KPI id, KPI name) of the KPIs that follow it up.
    pub kpis: Vec<(String, String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalsFollowUp {
    pub period: Period,
    pub municipality: String,
    pub peer_group: Option<(String, String)>,
    pub goals: Vec<GoalRow>,
    pub directions: Vec<DirectionRow>,
    pub judgement: Option<Judgement>,
    pub rule: &'static str,
    pub judgement_rule: &'static str,
}

/// A KPI's values: the entered ones, and Kolada's yearly values for the kommun where no value
/// was entered for that year.
pub fn kpi_values(kpi: &Kpi, input: &FollowUpInput<'_>) -> Vec<Measurement> {
    let mut values: Vec<Measurement> = input
        .measurements
        .iter()
        .filter(|measurement| measurement.kpi == kpi.id)
        .cloned()
        .collect();
    if let Some(kolada) = &kpi.kolada_id {
        let own = &input.budget.municipality.code;
        for year in input.kolada.years(kolada, own) {
            let period = Period::year(year);
            if values.iter().any(|value| value.period == period) {
                continue;
            }
            if let Some(value) = input.kolada.value(kolada, own, year) {
                values.push(Measurement {
                    kpi: kpi.id.clone(),
                    period,
                    value,
                    source: Source::Kolada,
                    entered_by: "Kolada".into(),
                    entered_at: String::new(),
                    comment: String::new(),
                });
            }
        }
    }
    values.sort_by_key(|value| value.period.end(kpi.measurements_per_year));
    values
}

fn peer_ids(input: &FollowUpInput<'_>) -> Vec<String> {
    input
        .peers
        .map(|group| {
            group
                .members
                .iter()
                .map(|member| member.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn goal_row(goal: &Goal, input: &FollowUpInput<'_>, peers: &PeerSet) -> GoalRow {
    let kpis: Vec<KpiRow> = goal
        .kpis
        .iter()
        .map(|kpi| {
            let values = kpi_values(kpi, input);
            KpiRow {
                fulfilment: assess_kpi(kpi, &values, input.period),
                peer: kpi
                    .kolada_id
                    .as_deref()
                    .filter(|_| input.peers.is_some())
                    .map(|id| {
                        compare_set(input.kolada, id, kpi.direction, peers, input.period.year)
                    }),
                values,
                kpi: kpi.clone(),
            }
        })
        .collect();
    // Each KPI is assessed once: the goal's fulfilment is worked out from the rows'.
    let fulfilments = kpis.iter().map(|row| row.fulfilment.clone()).collect();
    GoalRow {
        id: goal.id.clone(),
        kind: goal.kind,
        title: goal.title.clone(),
        statement: goal.statement.clone(),
        chosen: input
            .assessments
            .iter()
            .find(|assessment| assessment.goal == goal.id && assessment.period == input.period)
            .cloned(),
        computed: goal_fulfilment(goal, fulfilments, input.period),
        kpis,
    }
}

/// The overarching goal judged from its row's comparisons (each KPI is compared once), and
/// its computed fulfilment taken from the judgement when one can be made.
fn judged(goal: &Goal, row: &mut GoalRow, input: &FollowUpInput<'_>) -> Judgement {
    let quality: Vec<PeerComparison> = goal
        .kpis
        .iter()
        .zip(&row.kpis)
        .filter(|(kpi, _)| kpi.purpose == styr_domain::goals::KpiPurpose::Quality)
        .filter_map(|(_, kpi_row)| kpi_row.peer.clone())
        .collect();
    let own = &input.budget.municipality.code;
    let judgement = judge_compared(goal, quality, input.kolada, own, input.period.year);
    if judgement.verdict != Verdict::CannotJudge {
        row.computed.computed = match judgement.verdict {
            Verdict::Yes => Fulfilment::Fulfilled,
            Verdict::Partly => Fulfilment::PartlyFulfilled,
            _ => Fulfilment::NotFulfilled,
        };
        row.computed.trail = format!(
            "bedömt mot liknande kommuner och referenskostnaden {}: {}",
            judgement.year,
            judgement.verdict.swedish()
        );
    }
    judgement
}

pub fn goals_followup(input: &FollowUpInput<'_>) -> GoalsFollowUp {
    let budget = input.budget;
    let peers = input
        .kolada
        .peer_set(&budget.municipality.code, &peer_ids(input));
    let mut judgement = None;
    let goals = budget
        .goals
        .iter()
        .filter(|goal| goal.kind != GoalKind::PoliticalDirection)
        .map(|goal| {
            let mut row = goal_row(goal, input, &peers);
            let judge_it = goal.kind == GoalKind::Overarching
                && judgement.is_none()
                && input.period.part == PeriodPart::Year
                && input.peers.is_some();
            if judge_it {
                judgement = Some(judged(goal, &mut row, input));
            }
            row
        })
        .collect();
    let directions = budget
        .goals
        .iter()
        .filter(|goal| goal.kind == GoalKind::PoliticalDirection)
        .map(|direction| DirectionRow {
            id: direction.id.clone(),
            title: direction.title.clone(),
            goals: budget
                .goals
                .iter()
                .filter(|goal| goal.directions.contains(&direction.id))
                .map(|goal| (goal.id.clone(), goal.title.clone()))
                .collect(),
            kpis: budget
                .goals
                .iter()
                .flat_map(|goal| goal.kpis.iter().map(move |kpi| (goal, kpi)))
                .filter(|(_, kpi)| kpi.directions.contains(&direction.id))
                .map(|(goal, kpi)| (goal.id.clone(), kpi.id.clone(), kpi.name.clone()))
                .collect(),
        })
        .collect();
    GoalsFollowUp {
        period: input.period,
        municipality: budget.municipality.code.clone(),
        peer_group: input
            .peers
            .map(|group| (group.id.clone(), group.title.clone())),
        goals,
        directions,
        judgement,
        rule: styr_domain::goals::RULE,
        judgement_rule: judgement::RULE,
    }
}
