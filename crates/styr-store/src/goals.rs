//! Goals followed up, beside the budget: the KPIs' measured values and the goals' assessments,
//! kept with the municipality and board they belong to ([`GoalScope`]: the budget's
//! municipality code and board unit), so a KPI's history outlives one budget year and never
//! moves a budget's revision. Each write is one transaction with its audit entries, old value
//! and new.
//!
//! ```text
//! let scope = GoalScope::of(&budget);                         // 1489 / ks
//! store.set_measurements(&scope, &[value], "ange nyckeltalsvärde", &stamp).await?;
//! store.measurements(&scope).await?                            // every value, by KPI and period
//! ```

mod assessments;
mod measurements;

use styr_domain::budget::Budget;

/// Whose goals: a municipality (its four-digit code) and one of its boards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalScope {
    pub municipality: String,
    pub board: String,
}

impl GoalScope {
    pub fn of(budget: &Budget) -> GoalScope {
        GoalScope {
            municipality: budget.municipality.code.clone(),
            board: budget.board.0.clone(),
        }
    }

    /// The audit log's entity for something of this scope: "mal/1489/ks/…".
    pub(crate) fn entity(&self, rest: &str) -> String {
        format!("mal/{}/{}/{rest}", self.municipality, self.board)
    }
}
