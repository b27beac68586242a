//! A unit's full-year forecast for a budget line: one row per unit, line and year, replaced
//! when set again, the value it replaced kept in the audit log.

use sqlx::Row;
use styr_domain::followup::Forecast;
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

    /// Sets (or replaces) one forecast and returns what it replaced.
    pub async fn set_forecast(
        &self,
        budget: BudgetId,
        forecast: &Forecast,
        stamp: &Stamp,
    ) -> Result<Option<(Amount, String)>, StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
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
