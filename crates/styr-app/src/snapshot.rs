//! A budget at one revision with everything computed from it, shared by every request that
//! reads that revision. The full report is computed on first use: a write answers with the one
//! table it changed, and the next read pays for the rest once. Snapshots are cached by budget
//! (cache.rs); a read costs one small query to see that the cached revision is current.

mod cache;

pub(crate) use cache::Cache;

use std::sync::OnceLock;

use styr_domain::budget::Budget;
use styr_domain::budget::FigureError;
use styr_domain::workflow::Status;
use styr_reports::{BudgetReport, budget_report};
use styr_store::BudgetId;

#[derive(Debug)]
pub struct Snapshot {
    pub id: BudgetId,
    pub revision: i64,
    pub budget: Budget,
    /// Where this version is on its way to a decision, and which version it is.
    pub status: Status,
    pub version_number: i64,
    report: OnceLock<BudgetReport>,
}

impl Snapshot {
    /// Checks that the budget computes (so no stored budget ever fails to), or says why not.
    pub fn compute(id: BudgetId, revision: i64, budget: Budget) -> Result<Snapshot, FigureError> {
        let report = budget_report(&budget)?;
        Ok(Snapshot {
            id,
            revision,
            budget,
            status: Status::Draft,
            version_number: 1,
            report: OnceLock::from(report),
        })
    }

    /// A snapshot of a budget known to compute, whose report is made when first asked for.
    pub(crate) fn deferred(id: BudgetId, revision: i64, budget: Budget) -> Snapshot {
        Snapshot {
            id,
            revision,
            budget,
            status: Status::Draft,
            version_number: 1,
            report: OnceLock::new(),
        }
    }

    pub fn report(&self) -> &BudgetReport {
        self.report.get_or_init(|| {
            // Every snapshot's budget has computed once: changes are checked before they are
            // stored (see App::change_all), and imports before they are stored.
            budget_report(&self.budget).expect("a stored budget computes")
        })
    }
}
