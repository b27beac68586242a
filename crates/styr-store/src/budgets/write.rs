//! Writing a budget: a new one whole, one cell, the parts a change touches, or the whole
//! budget again (a re-import), each in one writer's transaction that checks and moves the
//! revision and records the stamp's audit entries.

use sqlx::Row;
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::money::Amount;
use styr_domain::organisation::UnitId;

use crate::{BudgetId, CellLine, Part, Stamp, Store, StoreError, audit, parts};

/// One write to a budget: a single operating cell of a unit that already has lines, or a whole
/// part rewritten from the budget.
#[derive(Clone, Debug)]
pub enum Write {
    Cell {
        unit: UnitId,
        line: CellLine,
        year: Year,
        amount: Amount,
    },
    Part(Part),
}

impl Store {
    /// Stores a new budget (an import) and returns its id.
    pub async fn insert(&self, budget: &Budget, stamp: &Stamp) -> Result<BudgetId, StoreError> {
        let mut transaction = self.begin_write().await?;
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM budgets")
            .fetch_one(&mut *transaction)
            .await?
            .try_get("next")?;
        parts::insert_budget_row(&mut transaction, id, budget, stamp).await?;
        for part in Part::ALL {
            parts::write_part(&mut transaction, id, budget, part).await?;
        }
        let mut stamp = stamp.clone();
        for entry in &mut stamp.entries {
            entry.budget.get_or_insert(id);
        }
        audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(id)
    }

    /// Replaces a whole budget (a re-import), if it is still at `expected_revision`.
    pub async fn replace(
        &self,
        id: BudgetId,
        expected_revision: i64,
        budget: &Budget,
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut writes = vec![Write::Part(Part::Document)];
        writes.extend(Part::ALL.into_iter().map(Write::Part));
        self.save(id, expected_revision, budget, &writes, stamp)
            .await
    }

    /// Makes `writes` from `budget` (the budget after the change) if the stored budget is still
    /// at `expected_revision`, and returns the new revision. All or nothing.
    pub async fn save(
        &self,
        id: BudgetId,
        expected_revision: i64,
        budget: &Budget,
        writes: &[Write],
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        self.save_changes(id, expected_revision, 1, budget, writes, stamp)
            .await
    }

    /// Like [`Store::save`] for `changes` changes made together (a group commit): the revision
    /// moves by one per change, so every change keeps a revision of its own.
    pub async fn save_changes(
        &self,
        id: BudgetId,
        expected_revision: i64,
        changes: i64,
        budget: &Budget,
        writes: &[Write],
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut transaction = self.begin_write().await?;
        let updated = sqlx::query("UPDATE budgets SET revision = revision + $1, updated_by = $2, updated_at = $3 WHERE id = $4 AND revision = $5")
            .bind(changes)
            .bind(&stamp.by)
            .bind(&stamp.at)
            .bind(id)
            .bind(expected_revision)
            .execute(&mut *transaction)
            .await?;
        if updated.rows_affected() == 0 {
            return Err(refused(&mut transaction, id, expected_revision).await?);
        }
        for write in writes {
            match write {
                Write::Cell {
                    unit,
                    line,
                    year,
                    amount,
                } => {
                    parts::operating::write_cell(&mut transaction, id, unit, *line, *year, *amount)
                        .await?;
                }
                Write::Part(part) => parts::write_part(&mut transaction, id, budget, *part).await?,
            }
        }
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(expected_revision + changes)
    }

    pub async fn delete(&self, id: BudgetId, stamp: &Stamp) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        parts::delete_budget(&mut transaction, id).await?;
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}

/// Why a write guarded by `revision = expected` changed no row: the budget moved on (a
/// conflict, naming the revision now) or is gone.
pub(crate) async fn refused(
    connection: &mut sqlx::AnyConnection,
    id: BudgetId,
    expected: i64,
) -> Result<StoreError, StoreError> {
    let actual = sqlx::query("SELECT revision FROM budgets WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *connection)
        .await?;
    Ok(match actual {
        Some(row) => StoreError::Conflict {
            expected,
            actual: row.try_get("revision")?,
        },
        None => StoreError::NotFound(id),
    })
}
