//! A KPI's measured values: one row per KPI and period, replaced when entered again.

use sqlx::Row;
use styr_domain::goals::{Measurement, Period, Source};

use super::GoalScope;
use crate::parts::decimal;
use crate::{AuditEntry, Stamp, Store, StoreError, codec};

fn describe(measurement: &Measurement) -> String {
    let mut text = format!("{} ({})", measurement.value, measurement.source.key());
    if !measurement.comment.is_empty() {
        text.push_str(": ");
        text.push_str(&measurement.comment);
    }
    text
}

impl Store {
    pub async fn measurements(&self, scope: &GoalScope) -> Result<Vec<Measurement>, StoreError> {
        let rows = sqlx::query(
            "SELECT kpi, period, value, source, entered_by, entered_at, comment FROM kpi_measurements WHERE municipality = $1 AND board = $2 ORDER BY kpi, period",
        )
        .bind(&scope.municipality)
        .bind(&scope.board)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let period: String = row.try_get("period")?;
                let source: String = row.try_get("source")?;
                Ok(Measurement {
                    kpi: row.try_get("kpi")?,
                    period: Period::parse(&period)
                        .map_err(|error| codec::corrupt(error.to_string()))?,
                    value: decimal(&row.try_get::<String, _>("value")?)?,
                    source: Source::from_key(&source)
                        .ok_or_else(|| codec::corrupt(format!("källan ”{source}”")))?,
                    entered_by: row.try_get("entered_by")?,
                    entered_at: row.try_get("entered_at")?,
                    comment: row.try_get("comment")?,
                })
            })
            .collect()
    }

    /// Sets every value of `values` (replacing a KPI's value for the same period) in one
    /// transaction, each recorded under `action` with what it replaced. All or nothing.
    pub async fn set_measurements(
        &self,
        scope: &GoalScope,
        values: &[Measurement],
        action: &str,
        stamp: &Stamp,
    ) -> Result<usize, StoreError> {
        let mut transaction = self.begin_write().await?;
        let mut stamp = stamp.clone();
        for value in values {
            let previous = sqlx::query(
                "SELECT value, source, comment FROM kpi_measurements WHERE municipality = $1 AND board = $2 AND kpi = $3 AND period = $4",
            )
            .bind(&scope.municipality)
            .bind(&scope.board)
            .bind(&value.kpi)
            .bind(value.period.key())
            .fetch_optional(&mut *transaction)
            .await?
            .map(|row| -> Result<String, StoreError> {
                let mut text = format!("{} ({})", row.try_get::<String, _>("value")?, row.try_get::<String, _>("source")?);
                let comment: String = row.try_get("comment")?;
                if !comment.is_empty() {
                    text.push_str(": ");
                    text.push_str(&comment);
                }
                Ok(text)
            })
            .transpose()?;
            sqlx::query(
                "INSERT INTO kpi_measurements (municipality, board, kpi, period, value, source, entered_by, entered_at, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (municipality, board, kpi, period) DO UPDATE SET value = excluded.value, source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at, comment = excluded.comment",
            )
            .bind(&scope.municipality)
            .bind(&scope.board)
            .bind(&value.kpi)
            .bind(value.period.key())
            .bind(value.value.to_string())
            .bind(value.source.key())
            .bind(&value.entered_by)
            .bind(&value.entered_at)
            .bind(&value.comment)
            .execute(&mut *transaction)
            .await?;
            stamp = stamp.with(
                AuditEntry::new(
                    action,
                    None,
                    scope.entity(&format!("nyckeltal/{}/{}", value.kpi, value.period)),
                )
                .values(previous, Some(describe(value))),
            );
        }
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(values.len())
    }

    /// Removes a KPI's value for a period; `None` when there was none (nothing is recorded).
    pub async fn remove_measurement(
        &self,
        scope: &GoalScope,
        kpi: &str,
        period: Period,
        stamp: &Stamp,
    ) -> Result<Option<Measurement>, StoreError> {
        let before = self
            .measurements(scope)
            .await?
            .into_iter()
            .find(|value| value.kpi == kpi && value.period == period);
        let Some(before) = before else {
            return Ok(None);
        };
        let mut transaction = self.begin_write().await?;
        sqlx::query("DELETE FROM kpi_measurements WHERE municipality = $1 AND board = $2 AND kpi = $3 AND period = $4")
            .bind(&scope.municipality)
            .bind(&scope.board)
            .bind(kpi)
            .bind(period.key())
            .execute(&mut *transaction)
            .await?;
        let stamp = stamp.clone().with(
            AuditEntry::new(
                "ta bort nyckeltalsvärde",
                None,
                scope.entity(&format!("nyckeltal/{kpi}/{period}")),
            )
            .values(Some(describe(&before)), None),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(Some(before))
    }
}
