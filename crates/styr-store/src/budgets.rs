//! Budgets as wholes: the overview's list, reading one whole (part by part, see `parts/`),
//! and the revision every write names. A budget is at revision 1 when imported; each change
//! moves it by one, and a write that names an older revision changes nothing and says so
//! ([`StoreError::Conflict`]) — the check and the write are one `UPDATE … WHERE revision = $n`
//! in the write's own transaction (write.rs).

mod write;

pub use write::Write;
pub(crate) use write::refused;

use sqlx::Row;
use styr_domain::budget::Budget;

use crate::{BudgetId, Store, StoreError, codec, parts};

/// What the overview lists for each budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetSummary {
    pub id: BudgetId,
    pub revision: i64,
    pub municipality: String,
    pub board: String,
    pub title: String,
    pub budget_year: i64,
    pub updated_at: String,
    pub status: styr_domain::workflow::Status,
    pub version_number: i64,
}

/// A budget as stored, with the revision a later write must name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredBudget {
    pub id: BudgetId,
    pub revision: i64,
    pub budget: Budget,
}

impl Store {
    pub async fn list(&self) -> Result<Vec<BudgetSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, revision, municipality_name, board, title, budget_year, updated_at, status, version_number FROM budgets ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(BudgetSummary {
                    id: row.try_get("id")?,
                    revision: row.try_get("revision")?,
                    municipality: row.try_get("municipality_name")?,
                    board: row.try_get("board")?,
                    title: row.try_get("title")?,
                    budget_year: row.try_get("budget_year")?,
                    updated_at: row.try_get("updated_at")?,
                    status: codec::status(&row.try_get::<String, _>("status")?)?,
                    version_number: row.try_get("version_number")?,
                })
            })
            .collect()
    }

    /// The budget's current revision: one cheap query, for telling whether a cached read is fresh.
    pub async fn revision(&self, id: BudgetId) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT revision FROM budgets WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => Ok(row.try_get("revision")?),
            None => Err(StoreError::NotFound(id)),
        }
    }

    pub async fn load(&self, id: BudgetId) -> Result<StoredBudget, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let (revision, budget) = parts::read_budget(&mut connection, id).await?;
        Ok(StoredBudget {
            id,
            revision,
            budget,
        })
    }
}
