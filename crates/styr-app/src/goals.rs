//! Goals followed up: the follow-up of a budget's goals in a period (report.rs), KPI values
//! entered in a form, through the API or from a CSV file, and goals assessed (values.rs), and
//! the Kolada cache — a fetch's answer written, a Kolada file imported, peer groups chosen
//! (kolada.rs). Values and assessments are kept with the municipality and board, beside the
//! budget: they never move its revision, and an adopted budget's goals are still followed up.
//!
//! ```text
//! app.set_kpi_values(&controller, 1, &[entry("arbetsbelastningen", "2025-O1", "3,6")], Source::Entered).await?;
//! app.assess_goal(&controller, 1, "arbetsmiljomal", period, Fulfilment::PartlyFulfilled, "…").await?;
//! let followup = app.goals_followup(1, None).await?;     // every goal, computed and chosen
//! ```
//!
//! Who may: a KPI's values and a goal's assessment are the goal's unit's (the board's when it
//! names none) — a controller's, or a budgetansvarig's whose scope covers it; the Kolada
//! cache is the controllers'. Every refusal is recorded like any other.

mod demo;
mod kolada;
mod report;
mod values;

pub use demo::GoalsDemo;
pub use kolada::KoladaCache;
pub use values::ValueEntry;

use styr_domain::access::Action;
use styr_domain::budget::Budget;
use styr_domain::change::ChangeError;
use styr_domain::goals::Goal;

use crate::AppError;

/// The goal that has KPI `kpi`, or why there is none.
fn goal_of_kpi<'a>(budget: &'a Budget, kpi: &str) -> Result<&'a Goal, AppError> {
    budget
        .goals
        .iter()
        .find(|goal| goal.kpi(kpi).is_some())
        .ok_or_else(|| {
            AppError::Rejected(format!(
                "nyckeltalet ”{}” finns inte i budgeten",
                kpi.chars().take(60).collect::<String>()
            ))
        })
}

fn goal<'a>(budget: &'a Budget, id: &str) -> Result<&'a Goal, AppError> {
    budget
        .goals
        .iter()
        .find(|goal| goal.id == id)
        .ok_or_else(|| AppError::Invalid(ChangeError::UnknownGoal(id.to_string())))
}

/// What following `goal` up asks permission for: its unit, or the board's.
fn follow_up(budget: &Budget, goal: &Goal) -> Action {
    Action::FollowUpGoal {
        unit: goal.unit.clone().unwrap_or_else(|| budget.board.clone()),
    }
}
