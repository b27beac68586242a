//! What people write beside the follow-up's figures: a unit's explanation of a line's
//! deviation (one per unit, line and year, replaced when written again), and the texts of a
//! report (the events of importance, the outlook) per report and period. Each save is one
//! transaction with its audit entry, old text and new.

use sqlx::Row;
use styr_domain::followup::{DeviationExplanation, ReportPart, ReportPeriod, ReportTexts};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;

use super::require_budget;
use crate::{AuditEntry, BudgetId, Stamp, Store, StoreError, codec};

impl Store {
    pub async fn deviation_explanations(
        &self,
        budget: BudgetId,
    ) -> Result<Vec<DeviationExplanation>, StoreError> {
        let rows = sqlx::query(
            "SELECT unit, operating_row, year, text, updated_by, updated_at FROM deviation_explanations WHERE budget_id = $1 ORDER BY unit, operating_row, year",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let key: String = row.try_get("operating_row")?;
                Ok(DeviationExplanation {
                    unit: UnitId(row.try_get("unit")?),
                    row: OperatingRow::from_key(&key)
                        .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?,
                    year: codec::year(row.try_get("year")?)?,
                    text: row.try_get("text")?,
                    by: row.try_get("updated_by")?,
                    at: row.try_get("updated_at")?,
                })
            })
            .collect()
    }

    /// Writes (or replaces) one explanation; an empty text removes it.
    pub async fn set_deviation_explanation(
        &self,
        budget: BudgetId,
        explanation: &DeviationExplanation,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        let year = i64::from(explanation.year.number());
        let previous: Option<String> = sqlx::query(
            "SELECT text FROM deviation_explanations WHERE budget_id = $1 AND unit = $2 AND operating_row = $3 AND year = $4",
        )
        .bind(budget)
        .bind(explanation.unit.0.clone())
        .bind(explanation.row.key())
        .bind(year)
        .fetch_optional(&mut *transaction)
        .await?
        .map(|row| row.try_get("text"))
        .transpose()?;
        sqlx::query(
            "DELETE FROM deviation_explanations WHERE budget_id = $1 AND unit = $2 AND operating_row = $3 AND year = $4",
        )
        .bind(budget)
        .bind(explanation.unit.0.clone())
        .bind(explanation.row.key())
        .bind(year)
        .execute(&mut *transaction)
        .await?;
        if !explanation.text.is_empty() {
            sqlx::query(
                "INSERT INTO deviation_explanations (budget_id, unit, operating_row, year, text, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(budget)
            .bind(explanation.unit.0.clone())
            .bind(explanation.row.key())
            .bind(year)
            .bind(explanation.text.clone())
            .bind(stamp.by.clone())
            .bind(stamp.at.clone())
            .execute(&mut *transaction)
            .await?;
        }
        let entity = format!(
            "avvikelse/{}/{}/{}",
            explanation.unit,
            explanation.row.key(),
            explanation.year
        );
        let stamp = stamp.clone().with(
            AuditEntry::new("förklara avvikelse", Some(budget), entity)
                .values(previous, Some(explanation.text.clone())),
        );
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    pub async fn report_texts(
        &self,
        budget: BudgetId,
        period: ReportPeriod,
    ) -> Result<ReportTexts, StoreError> {
        let mut connection = self.pool.acquire().await?;
        texts_in(&mut connection, budget, period).await
    }

    /// Replaces a report's texts, every part in one transaction, each change on record.
    pub async fn set_report_texts(
        &self,
        budget: BudgetId,
        period: ReportPeriod,
        texts: &ReportTexts,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        let before = texts_in(&mut transaction, budget, period).await?;
        let mut stamp = stamp.clone();
        for part in ReportPart::ALL {
            let (old, new) = (before.part(part), texts.part(part));
            if old == new {
                continue;
            }
            sqlx::query(
                "DELETE FROM report_texts WHERE budget_id = $1 AND kind = $2 AND period = $3 AND part = $4",
            )
            .bind(budget)
            .bind(period.kind.key())
            .bind(period.through.to_string())
            .bind(part.key())
            .execute(&mut *transaction)
            .await?;
            if !new.is_empty() {
                sqlx::query(
                    "INSERT INTO report_texts (budget_id, kind, period, part, text, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(budget)
                .bind(period.kind.key())
                .bind(period.through.to_string())
                .bind(part.key())
                .bind(new.to_string())
                .bind(stamp.by.clone())
                .bind(stamp.at.clone())
                .execute(&mut *transaction)
                .await?;
            }
            stamp = stamp.with(
                AuditEntry::new(
                    "skriv rapporttext",
                    Some(budget),
                    format!(
                        "rapport/{}/{}/{}",
                        period.kind.key(),
                        period.through,
                        part.key()
                    ),
                )
                .values(
                    (!old.is_empty()).then(|| old.to_string()),
                    Some(new.to_string()),
                ),
            );
        }
        crate::audit::write(&mut transaction, &stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}

async fn texts_in(
    connection: &mut sqlx::AnyConnection,
    budget: BudgetId,
    period: ReportPeriod,
) -> Result<ReportTexts, StoreError> {
    let rows = sqlx::query(
        "SELECT part, text FROM report_texts WHERE budget_id = $1 AND kind = $2 AND period = $3",
    )
    .bind(budget)
    .bind(period.kind.key())
    .bind(period.through.to_string())
    .fetch_all(&mut *connection)
    .await?;
    let mut texts = ReportTexts::default();
    for row in rows {
        let key: String = row.try_get("part")?;
        let part = ReportPart::from_key(&key)
            .ok_or_else(|| codec::corrupt(format!("rapportdelen ”{key}”")))?;
        texts.set(part, row.try_get("text")?);
    }
    Ok(texts)
}
