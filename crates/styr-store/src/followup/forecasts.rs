//! A unit's full-year forecast for a budget line: one row per unit, line and year in force,
//! replaced when set again, and every forecast as it was entered in the history (who, when,
//! and which month's outcome it was built on); the value it replaced is in the audit log too.

use sqlx::Row;
use styr_domain::followup::{Entered, Forecast, ForecastEntry, Month};
use styr_domain::money::Amount;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;

use super::require_budget;
use crate::{BudgetId, Stamp, Store, StoreError, codec};

impl Store {
    pub async fn forecasts(&self, budget: BudgetId) -> Result<Vec<Forecast>, StoreError> {
        let rows = sqlx::query(
            "SELECT unit, operating_row, year, amount, comment FROM forecasts WHERE budget_id = $1 ORDER BY unit, year",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let key: String = row.try_get("operating_row")?;
                Ok(Forecast {
                    unit: UnitId(row.try_get("unit")?),
                    row: OperatingRow::from_key(&key)
                        .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?,
                    year: codec::year(row.try_get("year")?)?,
                    amount: Amount::from_ore(row.try_get("amount")?),
                    comment: row.try_get("comment")?,
                })
            })
            .collect()
    }

    /// Every forecast as it was entered, oldest first.
    pub async fn forecast_history(
        &self,
        budget: BudgetId,
    ) -> Result<Vec<ForecastEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT unit, operating_row, year, amount, comment, based_on, entered_by, entered_at FROM forecast_history WHERE budget_id = $1 ORDER BY id",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let key: String = row.try_get("operating_row")?;
                Ok(ForecastEntry {
                    forecast: Forecast {
                        unit: UnitId(row.try_get("unit")?),
                        row: OperatingRow::from_key(&key)
                            .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?,
                        year: codec::year(row.try_get("year")?)?,
                        amount: Amount::from_ore(row.try_get("amount")?),
                        comment: row.try_get("comment")?,
                    },
                    entered: entered(row)?,
                })
            })
            .collect()
    }

    /// Sets (or replaces) one forecast, built on the outcome through `based_on`, keeps it in
    /// the history and returns what it replaced.
    pub async fn set_forecast(
        &self,
        budget: BudgetId,
        forecast: &Forecast,
        based_on: Option<Month>,
        stamp: &Stamp,
    ) -> Result<Option<(Amount, String)>, StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        let id = next_id(&mut transaction, "forecast_history", budget).await?;
        sqlx::query(
            "INSERT INTO forecast_history (budget_id, id, unit, operating_row, year, amount, comment, based_on, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(budget)
        .bind(id)
        .bind(forecast.unit.0.clone())
        .bind(forecast.row.key())
        .bind(i64::from(forecast.year.number()))
        .bind(forecast.amount.ore())
        .bind(forecast.comment.clone())
        .bind(based_on.map(|month| month.to_string()))
        .bind(stamp.by.clone())
        .bind(stamp.at.clone())
        .execute(&mut *transaction)
        .await?;
        let previous = sqlx::query(
            "SELECT amount, comment FROM forecasts WHERE budget_id = $1 AND unit = $2 AND operating_row = $3 AND year = $4",
        )
        .bind(budget)
        .bind(forecast.unit.0.clone())
        .bind(forecast.row.key())
        .bind(i64::from(forecast.year.number()))
        .fetch_optional(&mut *transaction)
        .await?
        .map(|row| -> Result<(Amount, String), StoreError> {
            Ok((Amount::from_ore(row.try_get("amount")?), row.try_get("comment")?))
        })
        .transpose()?;
        sqlx::query(
            "INSERT INTO forecasts (budget_id, unit, operating_row, year, amount, comment, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (budget_id, unit, operating_row, year) DO UPDATE SET amount = excluded.amount, comment = excluded.comment, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(budget)
        .bind(forecast.unit.0.clone())
        .bind(forecast.row.key())
        .bind(i64::from(forecast.year.number()))
        .bind(forecast.amount.ore())
        .bind(forecast.comment.clone())
        .bind(stamp.by.clone())
        .bind(stamp.at.clone())
        .execute(&mut *transaction)
        .await?;
        let entity = format!(
            "prognos/{}/{}/{}",
            forecast.unit,
            forecast.row.key(),
            forecast.year
        );
        let describe = |amount: Amount, comment: &str| format!("{} öre: {comment}", amount.ore());
        let stamp = stamp.clone().with(
            crate::AuditEntry::new("prognos", Some(budget), entity).values(
                previous
                    .as_ref()
                    .map(|(amount, comment)| describe(*amount, comment)),
                Some(describe(forecast.amount, &forecast.comment)),
            ),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(previous)
    }
}

/// The next id of a history table (its constant name, never input) for `budget`.
pub(super) async fn next_id(
    connection: &mut sqlx::AnyConnection,
    table: &'static str,
    budget: BudgetId,
) -> Result<i64, StoreError> {
    Ok(sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM {table} WHERE budget_id = $1"
    )))
    .bind(budget)
    .fetch_one(&mut *connection)
    .await?
    .try_get("next")?)
}

/// Who entered a history row, when, and on which month's outcome.
pub(super) fn entered(row: &sqlx::any::AnyRow) -> Result<Entered, StoreError> {
    let based_on: Option<String> = row.try_get("based_on")?;
    Ok(Entered {
        by: row.try_get("entered_by")?,
        at: row.try_get("entered_at")?,
        based_on: based_on.as_deref().map(super::month).transpose()?,
    })
}
