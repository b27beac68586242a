//! A version of a budget as its document is written: the budget as it is in that version, its
//! status, and the look it is written in. The current version is written in the
//! municipality's profile as stored now; an adopted version as it was frozen, profile and
//! decision included, so that its file is the same to the byte however often it is written
//! and whatever has changed since. A version that is not adopted shows none of an earlier
//! version's decision: no decision date, and not the diarienummer an adoption gave.
//!
//! ```text
//! app.edition(budget, Some(1))  → version 1, fastställd, the file frozen at its adoption
//! app.edition(budget, None)     → the current version: utkast (version 2), today's profile
//! ```

use styr_domain::budget::Budget;
use styr_domain::workflow::Status;
use styr_store::BudgetId;

use crate::{App, AppError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edition {
    pub number: i64,
    pub status: Status,
    pub budget: Budget,
}

impl App {
    /// Version `number` of the budget (without it, the current version).
    pub async fn edition(&self, id: BudgetId, number: Option<i64>) -> Result<Edition, AppError> {
        let current = self.snapshot(id).await?;
        let number = number.unwrap_or(current.version_number);
        let adopted = self.store.adopted_versions(id).await?;
        if let Some(version) = adopted
            .iter()
            .find(|version| version.version_number == number)
        {
            let budget =
                styr_import::parse_budget(&version.content).map_err(AppError::Unreadable)?;
            return Ok(Edition {
                number,
                status: Status::Adopted,
                budget,
            });
        }
        if number != current.version_number {
            return Err(AppError::NotFound);
        }
        let mut budget = current.budget.clone();
        // The profile belongs to the municipality: another of its budgets may have changed it.
        budget.profile = self.store.profile(&budget.municipality.code).await?;
        if current.status != Status::Adopted {
            budget.document.decision_date = None;
            if adopted
                .iter()
                .any(|version| version.registry_number == budget.document.registry_number)
            {
                budget.document.registry_number.clear();
            }
        }
        Ok(Edition {
            number,
            status: current.status,
            budget,
        })
    }
}

impl App {
    /// The graphic profile budget `id`'s municipality has now (the default if none of its own).
    pub async fn profile(&self, id: BudgetId) -> Result<styr_domain::profile::Profile, AppError> {
        let snapshot = self.snapshot(id).await?;
        Ok(self
            .store
            .profile(&snapshot.budget.municipality.code)
            .await?
            .unwrap_or_default())
    }
}
