//! The end of an import: what earlier imports stored for the months this one covers is
//! replaced by its vouchers, sums, period budget and names, the import is recorded in the
//! import log and the audit log, and the transaction commits — or, on any error, nothing.

use sqlx::{Any, Row};
use styr_domain::followup::LedgerImport;
use styr_domain::money::Amount;

use super::OutcomeImport;
use crate::followup::packing::{BATCH, placeholders};
use crate::followup::{ImportRecord, month_text};
use crate::{Stamp, StoreError};

impl OutcomeImport {
    /// Replaces what earlier imports stored for the months this one covers, writes the sums,
    /// the period budget and the names in `about`, records the import and commits.
    pub async fn finish(
        mut self,
        about: &LedgerImport,
        stamp: &Stamp,
    ) -> Result<ImportRecord, StoreError> {
        for (key, _) in &about.period_budget {
            self.cover(key.month);
        }
        let Some((first, last)) = self.months else {
            return Err(StoreError::Corrupt(
                "importen innehåller inga bokningar på resultatkonton".into(),
            ));
        };
        let (first, last) = (month_text(first), month_text(last));
        let (budget, import_id) = (self.budget, self.import_id);
        let transaction = &mut self.transaction;
        let replaced: i64 = sqlx::query(
            "SELECT CAST(COALESCE(SUM(row_count), 0) AS BIGINT) AS replaced FROM outcome_vouchers \
             WHERE budget_id = $1 AND month >= $2 AND month <= $3 AND import_id <> $4",
        )
        .bind(budget)
        .bind(&first)
        .bind(&last)
        .bind(import_id)
        .fetch_one(&mut **transaction)
        .await?
        .try_get("replaced")?;
        sqlx::query(
            "DELETE FROM outcome_vouchers WHERE budget_id = $1 AND month >= $2 AND month <= $3 AND import_id <> $4",
        )
        .bind(budget)
        .bind(&first)
        .bind(&last)
        .bind(import_id)
        .execute(&mut **transaction)
        .await?;
        for table in [
            "outcome_sums",
            "outcome_period_budget",
            "outcome_investment",
        ] {
            // The table names are the constants above, never input.
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE budget_id = $1 AND month >= $2 AND month <= $3"
            )))
            .bind(budget)
            .bind(&first)
            .bind(&last)
            .execute(&mut **transaction)
            .await?;
        }
        let sums: Vec<_> = self
            .sums
            .iter()
            .filter(|(_, amount)| **amount != Amount::ZERO)
            .collect();
        for chunk in sums.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO outcome_sums (budget_id, month, account, cost_centre, amount) VALUES {}",
                placeholders(chunk.len(), 5, self.backend)
            );
            let mut query = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for ((month, account, cost_centre), amount) in chunk {
                query = query
                    .bind(budget)
                    .bind(month_text(*month))
                    .bind(i64::from(*account))
                    .bind(cost_centre.as_deref())
                    .bind(amount.ore());
            }
            query.execute(&mut **transaction).await?;
        }
        let investment: Vec<_> = self
            .investment
            .iter()
            .filter(|(_, amount)| **amount != Amount::ZERO)
            .collect();
        for chunk in investment.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO outcome_investment (budget_id, month, account, cost_centre, project, amount) VALUES {}",
                placeholders(chunk.len(), 6, self.backend)
            );
            let mut query = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for ((month, account, cost_centre, project), amount) in chunk {
                query = query
                    .bind(budget)
                    .bind(month_text(*month))
                    .bind(i64::from(*account))
                    .bind(cost_centre.as_deref())
                    .bind(project.as_deref())
                    .bind(amount.ore());
            }
            query.execute(&mut **transaction).await?;
        }
        for chunk in about.period_budget.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO outcome_period_budget (budget_id, month, account, cost_centre, amount) VALUES {}",
                placeholders(chunk.len(), 5, self.backend)
            );
            let mut query = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for (key, amount) in chunk {
                query = query
                    .bind(budget)
                    .bind(month_text(key.month))
                    .bind(i64::from(key.account))
                    .bind(key.cost_centre.as_deref())
                    .bind(amount.ore());
            }
            query.execute(&mut **transaction).await?;
        }
        let names = about
            .account_names
            .iter()
            .map(|(code, name)| ("account", code.to_string(), name))
            .chain(
                about
                    .cost_centre_names
                    .iter()
                    .map(|(code, name)| ("cost_centre", code.clone(), name)),
            )
            .chain(
                about
                    .project_names
                    .iter()
                    .map(|(code, name)| ("project", code.clone(), name)),
            );
        for (kind, code, name) in names {
            sqlx::query(
                "INSERT INTO outcome_names (budget_id, kind, code, name) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (budget_id, kind, code) DO UPDATE SET name = excluded.name",
            )
            .bind(budget)
            .bind(kind)
            .bind(code)
            .bind(name.as_str())
            .execute(&mut **transaction)
            .await?;
        }
        let record = ImportRecord {
            id: import_id,
            file_name: about.file_name.clone(),
            checksum: about.checksum.clone(),
            format: about.format.clone(),
            first_month: first,
            last_month: last,
            vouchers: self.vouchers,
            rows: self.rows,
            debit: self.debit,
            credit: self.credit,
            replaced_rows: replaced,
            imported_by: stamp.by.clone(),
            imported_at: stamp.at.clone(),
        };
        sqlx::query(
            "INSERT INTO outcome_imports (budget_id, id, file_name, checksum, format, first_month, last_month, vouchers, row_count, debit, credit, replaced_rows, imported_by, imported_at, booked_first, booked_last) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind(budget)
        .bind(record.id)
        .bind(record.file_name.as_str())
        .bind(record.checksum.as_str())
        .bind(record.format.as_str())
        .bind(record.first_month.as_str())
        .bind(record.last_month.as_str())
        .bind(record.vouchers)
        .bind(record.rows)
        .bind(self.debit.ore())
        .bind(self.credit.ore())
        .bind(record.replaced_rows)
        .bind(record.imported_by.as_str())
        .bind(record.imported_at.as_str())
        .bind(self.booked.map(|(first, _)| month_text(first)))
        .bind(self.booked.map(|(_, last)| month_text(last)))
        .execute(&mut **transaction)
        .await?;
        let stamp = stamp.clone().with(
            crate::AuditEntry::new(
                "import av utfall",
                Some(budget),
                format!("utfall/import/{}", record.id),
            )
            .values(
                None,
                Some(format!(
                    "{} ({}, {}–{}, {} verifikationer, {} rader, ersatte {} rader, CRC-32 {})",
                    record.file_name,
                    record.format,
                    record.first_month,
                    record.last_month,
                    record.vouchers,
                    record.rows,
                    record.replaced_rows,
                    record.checksum
                )),
            ),
        );
        crate::audit::write(transaction, &stamp).await?;
        self.transaction.commit().await?;
        Ok(record)
    }
}
