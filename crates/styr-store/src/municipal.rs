//! The municipality's budget years (migration 0060), each kept whole as the municipality file
//! it was read from. A year is added, never changed: the next year is a new row that names the
//! year it was opened from, and a year is opened from once (a unique index), so two people
//! opening 2027 at once get one 2027 and a [`StoreError::Conflict`].
//!
//! ```text
//! let id = store.insert_municipal_budget(&new, &stamp).await?;     // 1
//! store.municipal_budget(1).await?                                  // Some(row), revision 1
//! store.update_municipal_budget(1, 1, &edited, &stamp).await?       // revision 2
//! ```

use sqlx::Row;

use crate::{Stamp, Store, StoreError, audit};

/// A budget year to add.
pub struct NewMunicipalBudget<'a> {
    pub municipality_name: &'a str,
    pub municipality_code: &'a str,
    pub budget_year: i32,
    /// The municipality file, as read.
    pub source: &'a str,
    /// The year this one was opened from.
    pub opened_from: Option<i64>,
}

/// A budget year as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalBudgetRow {
    pub id: i64,
    pub municipality_name: String,
    pub municipality_code: String,
    pub budget_year: i32,
    pub source: String,
    pub opened_from: Option<i64>,
    /// The year opened from this one, if any: this one is then kept as it was.
    pub opened_as: Option<i64>,
    /// Counted up by every edit: an edit names the revision it was made on.
    pub revision: i64,
    /// Who archived the year and when ("" when it is not archived): kept, read, not changed.
    pub archived_by: Option<String>,
    pub archived_at: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

impl Store {
    /// Adds a budget year and its audit entries in one transaction; its id.
    pub async fn insert_municipal_budget(
        &self,
        new: &NewMunicipalBudget<'_>,
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut transaction = self.begin_write().await?;
        if let Some(from) = new.opened_from {
            let taken = sqlx::query("SELECT id FROM municipal_budgets WHERE opened_from = $1")
                .bind(from)
                .fetch_optional(&mut *transaction)
                .await?;
            if let Some(taken) = taken {
                return Err(StoreError::Conflict {
                    expected: 0,
                    actual: taken.try_get::<i64, _>("id")?,
                });
            }
            // Opening counts the year's revision up, so an edit made on it at the same time
            // finds its revision gone instead of changing a year that is now frozen.
            sqlx::query("UPDATE municipal_budgets SET revision = revision + 1 WHERE id = $1")
                .bind(from)
                .execute(&mut *transaction)
                .await?;
        }
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM municipal_budgets")
            .fetch_one(&mut *transaction)
            .await?
            .try_get("next")?;
        sqlx::query(
            "INSERT INTO municipal_budgets (id, municipality_name, municipality_code, budget_year, source, opened_from, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(new.municipality_name)
        .bind(new.municipality_code)
        .bind(i64::from(new.budget_year))
        .bind(new.source)
        .bind(new.opened_from)
        .bind(&stamp.by)
        .bind(&stamp.at)
        .execute(&mut *transaction)
        .await?;
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(id)
    }

    /// Replaces budget year `id`'s file with `source`, made on `revision`; the new revision.
    /// Refused, writing nothing, when the year has changed since ([`StoreError::Conflict`]),
    /// when the next year is opened from it ([`StoreError::Frozen`]) or when it is not there.
    pub async fn update_municipal_budget(
        &self,
        id: i64,
        revision: i64,
        source: &str,
        stamp: &Stamp,
    ) -> Result<i64, StoreError> {
        let mut transaction = self.begin_write().await?;
        let current = sqlx::query(
            "SELECT m.revision, (SELECT n.id FROM municipal_budgets n WHERE n.opened_from = m.id) AS opened_as \
             FROM municipal_budgets m WHERE m.id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *transaction)
        .await?
        .ok_or(StoreError::NotFound(id))?;
        if let Some(opened) = current.try_get::<Option<i64>, _>("opened_as")? {
            return Err(StoreError::Frozen(opened));
        }
        let actual: i64 = current.try_get("revision")?;
        if actual != revision {
            return Err(StoreError::Conflict {
                expected: revision,
                actual,
            });
        }
        let next = revision
            .checked_add(1)
            .ok_or_else(|| StoreError::Corrupt(format!("revisionen {revision}")))?;
        // On PostgreSQL a concurrent edit or opening may commit between the read and here;
        // the row lock makes this one wait and then find the revision gone.
        let updated = sqlx::query(
            "UPDATE municipal_budgets SET source = $1, revision = $2 WHERE id = $3 AND revision = $4 AND archived_at IS NULL",
        )
        .bind(source)
        .bind(next)
        .bind(id)
        .bind(revision)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
        if updated != 1 {
            return Err(StoreError::Conflict {
                expected: revision,
                actual: revision.saturating_add(1),
            });
        }
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(next)
    }

    /// Archives budget year `id` (`archived`) or brings it back, with its audit entries; the
    /// revision is counted up, so an edit made on the year at the same time is refused.
    pub async fn set_municipal_archived(
        &self,
        id: i64,
        archived: bool,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        let (by, at) = if archived {
            (Some(stamp.by.as_str()), Some(stamp.at.as_str()))
        } else {
            (None, None)
        };
        let updated = sqlx::query(
            "UPDATE municipal_budgets SET archived_by = $1, archived_at = $2, revision = revision + 1 WHERE id = $3",
        )
        .bind(by)
        .bind(at)
        .bind(id)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
        if updated != 1 {
            return Err(StoreError::NotFound(id));
        }
        audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// One budget year, with the year opened from it.
    pub async fn municipal_budget(
        &self,
        id: i64,
    ) -> Result<Option<MunicipalBudgetRow>, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let row = sqlx::query(
            "SELECT m.*, (SELECT n.id FROM municipal_budgets n WHERE n.opened_from = m.id) AS opened_as \
             FROM municipal_budgets m WHERE m.id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *connection)
        .await?;
        row.as_ref().map(read).transpose()
    }

    /// Every budget year, by municipality and year.
    pub async fn municipal_budgets(&self) -> Result<Vec<MunicipalBudgetRow>, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let rows = sqlx::query(
            "SELECT m.*, (SELECT n.id FROM municipal_budgets n WHERE n.opened_from = m.id) AS opened_as \
             FROM municipal_budgets m ORDER BY m.municipality_name, m.budget_year, m.id",
        )
        .fetch_all(&mut *connection)
        .await?;
        rows.iter().map(read).collect()
    }
}

fn read(row: &sqlx::any::AnyRow) -> Result<MunicipalBudgetRow, StoreError> {
    let year: i64 = row.try_get("budget_year")?;
    Ok(MunicipalBudgetRow {
        id: row.try_get("id")?,
        municipality_name: row.try_get("municipality_name")?,
        municipality_code: row.try_get("municipality_code")?,
        budget_year: i32::try_from(year)
            .map_err(|_| StoreError::Corrupt(format!("budgetåret {year}")))?,
        source: row.try_get("source")?,
        opened_from: row.try_get("opened_from")?,
        opened_as: row.try_get("opened_as")?,
        revision: row.try_get("revision")?,
        archived_by: row.try_get("archived_by")?,
        archived_at: row.try_get("archived_at")?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
    })
}
