//! The workflow's state and the adopted versions. A step (submit, return, adopt, revise) moves
//! the budget's revision like any change, so an edit based on a read from before the step is
//! refused; adoption freezes the version as a budget file in `budget_versions`.

use sqlx::Row;
use styr_domain::workflow::Status;

use crate::{BudgetId, Stamp, Store, StoreError, codec};

/// Where a budget's current version is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkflowState {
    pub revision: i64,
    pub status: Status,
    pub version_number: i64,
}

/// An adopted version, kept as the budget file it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdoptedVersion {
    pub version_number: i64,
    pub decided_by: String,
    pub decision_date: String,
    pub registry_number: String,
    pub adopted_by: String,
    pub adopted_at: String,
    pub content: String,
}

pub(crate) fn status(key: &str) -> Result<Status, StoreError> {
    Status::from_key(key).ok_or_else(|| codec::corrupt(format!("okänd status ”{key}”")))
}

impl Store {
    pub async fn workflow(&self, id: BudgetId) -> Result<WorkflowState, StoreError> {
        let row = sqlx::query("SELECT revision, status, version_number FROM budgets WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(id))?;
        Ok(WorkflowState {
            revision: row.try_get("revision")?,
            status: status(&row.try_get::<String, _>("status")?)?,
            version_number: row.try_get("version_number")?,
        })
    }

    /// Moves the budget to `to` if it is still at `expected_revision`; with `adopted`, freezes
    /// the current version as that file and writes the budget's document part (which now
    /// names the decision). `next_version` starts a revision. All or nothing.
    pub async fn step(
        &self,
        id: BudgetId,
        expected_revision: i64,
        to: Status,
        next_version: bool,
        adopted: Option<(&AdoptedVersion, &styr_domain::budget::Budget)>,
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut transaction = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE budgets SET revision = revision + 1, status = $1, version_number = version_number + $2, updated_by = $3, updated_at = $4 WHERE id = $5 AND revision = $6",
        )
        .bind(to.key())
        .bind(i64::from(next_version))
        .bind(stamp.by.as_str())
        .bind(stamp.at.as_str())
        .bind(id)
        .bind(expected_revision)
        .execute(&mut *transaction)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(crate::refused(&mut transaction, id, expected_revision).await?);
        }
        if let Some((version, budget)) = adopted {
            // The decision is part of the document's metadata block from now on.
            crate::parts::write_part(&mut transaction, id, budget, crate::Part::Document).await?;
            sqlx::query(
                "INSERT INTO budget_versions (budget_id, version_number, decided_by, decision_date, registry_number, adopted_by, adopted_at, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(version.version_number)
            .bind(version.decided_by.as_str())
            .bind(version.decision_date.as_str())
            .bind(version.registry_number.as_str())
            .bind(version.adopted_by.as_str())
            .bind(version.adopted_at.as_str())
            .bind(version.content.as_str())
            .execute(&mut *transaction)
            .await?;
        }
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(expected_revision + 1)
    }

    /// Every adopted version of a budget, oldest first.
    pub async fn adopted_versions(&self, id: BudgetId) -> Result<Vec<AdoptedVersion>, StoreError> {
        let rows = sqlx::query(
            "SELECT version_number, decided_by, decision_date, registry_number, adopted_by, adopted_at, content FROM budget_versions WHERE budget_id = $1 ORDER BY version_number",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(AdoptedVersion {
                    version_number: row.try_get("version_number")?,
                    decided_by: row.try_get("decided_by")?,
                    decision_date: row.try_get("decision_date")?,
                    registry_number: row.try_get("registry_number")?,
                    adopted_by: row.try_get("adopted_by")?,
                    adopted_at: row.try_get("adopted_at")?,
                    content: row.try_get("content")?,
                })
            })
            .collect()
    }
}
