//! Goals and KPIs followed up: the municipality's overarching goal, the board's political
//! directions and its own goals (such as the work-environment goal), each followed up by KPIs
//! with a direction, a unit, targets per year and measured values per period.
//!
//! ```text
//! Arbetsmiljömål  ← KPI "Arbetsbelastningen" (index, higher is better, target 2025: 3,8)
//!   2025 omgång 1: 3,6 · omgång 2: 3,7 · omgång 3: 3,9
//!   → the KPI at 2025: 3,9 ≥ 3,8, at target → the goal uppfyllt, with that trail
//! ```
//!
//! The parts: `kpi` (what a KPI is and which values it takes), `period` (year, tertial, month,
//! survey round, and their order within a year), `measurement` (a measured value with who
//! entered it, from where), and `fulfilment` (the stated rule from measurements and targets
//! to uppfyllt / delvis uppfyllt / ej uppfyllt / ej bedömt, with its trail).

mod fulfilment;
mod kpi;
mod measurement;
mod period;

pub use fulfilment::{
    Assessment, Fulfilment, GoalFulfilment, KpiFulfilment, KpiStanding, RULE, assess_goal,
    assess_kpi, goal_fulfilment, value_at,
};
pub use kpi::{Baseline, Direction, Kpi, KpiPurpose, KpiUnit, Target, ValueError};
pub use measurement::{Measurement, Source};
pub use period::{Period, PeriodError, PeriodPart};

use serde::Serialize;

use crate::organisation::UnitId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// Kommunövergripande mål: "Sveriges mest effektiva kommun".
    Overarching,
    /// Politisk inriktning chosen by the board for the year.
    PoliticalDirection,
    /// Nämndmål, such as the arbetsmiljömål.
    Board,
}

impl GoalKind {
    pub const fn swedish(self) -> &'static str {
        match self {
            GoalKind::Overarching => "Övergripande mål",
            GoalKind::PoliticalDirection => "Politisk inriktning",
            GoalKind::Board => "Nämndmål",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            GoalKind::Overarching => "overarching",
            GoalKind::PoliticalDirection => "political_direction",
            GoalKind::Board => "board",
        }
    }

    pub fn from_key(key: &str) -> Option<GoalKind> {
        [
            GoalKind::Overarching,
            GoalKind::PoliticalDirection,
            GoalKind::Board,
        ]
        .into_iter()
        .find(|kind| kind.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub id: String,
    pub kind: GoalKind,
    pub title: String,
    /// The goal as formulated ("Alla chefer har kunskaper om …").
    pub statement: String,
    /// Further text in Markdown.
    pub text: String,
    pub kpis: Vec<Kpi>,
    /// The unit that answers for the goal; none is the board itself. Whoever's scope covers
    /// it may enter the KPIs' values and assess the goal.
    pub unit: Option<UnitId>,
    /// The political directions (their goal ids) this goal follows up.
    pub directions: Vec<String>,
}

impl Goal {
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.kpis.iter().find(|kpi| kpi.id == id)
    }
}
