//! A budget at one revision with everything computed from it, shared by every request that
//! reads that revision.

use styr_domain::budget::Budget;
use styr_reports::{BudgetReport, budget_report};
use styr_store::BudgetId;

#[derive(Debug)]
pub struct Snapshot {
    pub id: BudgetId,
    pub revision: i64,
    pub budget: Budget,
    pub report: BudgetReport,
}

impl Snapshot {
    /// Computes the report, or says in a sentence why the budget does not compute.
    pub fn compute(id: BudgetId, revision: i64, budget: Budget) -> Result<Snapshot, String> {
        let report = budget_report(&budget).map_err(|error| error.to_string())?;
        Ok(Snapshot {
            id,
            revision,
            budget,
            report,
        })
    }
}
