//! An import of the books as one transaction that is fed batch by batch, so a year of a large
//! municipality never has to be in memory at once: vouchers are written as they arrive, the
//! sums per account, cost centre and month are kept (they grow with the chart, not the rows),
//! and `finish` replaces what earlier imports stored for the months this one covers. Dropped
//! without `finish` — a file that turned out to be broken — the transaction rolls back and
//! nothing has changed.

use std::collections::BTreeMap;

use sqlx::{Any, Row, Transaction};
use styr_domain::followup::{LedgerImport, Month};
use styr_domain::money::Amount;

use crate::followup::{BATCH, ImportRecord, month_text, pack_row, placeholders, require_budget};
use crate::{Backend, BudgetId, Stamp, Store, StoreError};

pub struct OutcomeImport {
    transaction: Transaction<'static, Any>,
    backend: Backend,
    budget: BudgetId,
    import_id: i64,
    next_voucher: i64,
    sums: BTreeMap<(Month, u32, Option<String>), i64>,
    months: Option<(Month, Month)>,
    vouchers: i64,
    rows: i64,
    debit: i64,
    credit: i64,
}

impl Store {
    /// Starts an import of the books for `budget`.
    pub async fn begin_outcome_import(
        &self,
        budget: BudgetId,
    ) -> Result<OutcomeImport, StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        let import_id: i64 = sqlx::query(
            "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM outcome_imports WHERE budget_id = $1",
        )
        .bind(budget)
        .fetch_one(&mut *transaction)
        .await?
        .try_get("next")?;
        let next_voucher: i64 = sqlx::query(
            "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM outcome_vouchers WHERE budget_id = $1",
        )
        .bind(budget)
        .fetch_one(&mut *transaction)
        .await?
        .try_get("next")?;
        Ok(OutcomeImport {
            transaction,
            backend: self.backend,
            budget,
            import_id,
            next_voucher,
            sums: BTreeMap::new(),
            months: None,
            vouchers: 0,
            rows: 0,
            debit: 0,
            credit: 0,
        })
    }

    /// Stores a whole import at once: [`Store::begin_outcome_import`], one batch, finish.
    pub async fn import_outcome(
        &self,
        budget: BudgetId,
        ledger: &LedgerImport,
        stamp: &Stamp,
    ) -> Result<ImportRecord, StoreError> {
        let mut import = self.begin_outcome_import(budget).await?;
        import.add(ledger).await?;
        import.finish(ledger, stamp).await
    }
}

impl OutcomeImport {
    fn cover(&mut self, month: Month) {
        self.months = Some(match self.months {
            None => (month, month),
            Some((first, last)) => (first.min(month), last.max(month)),
        });
    }

    /// Writes a batch of vouchers (the batch's rows name its vouchers by index).
    pub async fn add(&mut self, batch: &LedgerImport) -> Result<(), StoreError> {
        // Each voucher's rows, packed per month: a voucher's rows may fall in different months.
        let mut parts: BTreeMap<(usize, Month), (i64, String)> = BTreeMap::new();
        for row in &batch.rows {
            let (count, packed) = parts.entry((row.voucher, row.month)).or_default();
            *count += 1;
            pack_row(packed, row, &batch.vouchers[row.voucher].text);
            *self
                .sums
                .entry((row.month, row.account, row.cost_centre.clone()))
                .or_default() += row.amount.ore();
            if row.amount.ore() > 0 {
                self.debit += row.amount.ore();
            } else {
                self.credit += row.amount.ore();
            }
            self.cover(row.month);
        }
        self.rows += batch.rows.len() as i64;
        self.vouchers += batch.vouchers.len() as i64;
        let parts: Vec<_> = parts.into_iter().collect();
        for chunk in parts.chunks(BATCH / 2) {
            let sql = format!(
                "INSERT INTO outcome_vouchers (budget_id, id, month, import_id, series, number, date, text, row_count, rows) VALUES {}",
                placeholders(chunk.len(), 10, self.backend)
            );
            let mut query = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for ((index, month), (count, packed)) in chunk {
                let voucher = &batch.vouchers[*index];
                query = query
                    .bind(self.budget)
                    .bind(self.next_voucher + *index as i64)
                    .bind(month_text(*month))
                    .bind(self.import_id)
                    .bind(voucher.series.as_str())
                    .bind(voucher.number.as_str())
                    .bind(voucher.date.to_string())
                    .bind(voucher.text.as_str())
                    .bind(*count)
                    .bind(packed.as_str());
            }
            query.execute(&mut *self.transaction).await?;
        }
        self.next_voucher += batch.vouchers.len() as i64;
        Ok(())
    }

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
        for table in ["outcome_sums", "outcome_period_budget"] {
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
            .filter(|(_, amount)| **amount != 0)
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
                    .bind(**amount);
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
            debit: Amount::from_ore(self.debit),
            credit: Amount::from_ore(self.credit),
            replaced_rows: replaced,
            imported_by: stamp.by.clone(),
            imported_at: stamp.at.clone(),
        };
        sqlx::query(
            "INSERT INTO outcome_imports (budget_id, id, file_name, checksum, format, first_month, last_month, vouchers, row_count, debit, credit, replaced_rows, imported_by, imported_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
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
        .bind(self.debit)
        .bind(self.credit)
        .bind(record.replaced_rows)
        .bind(record.imported_by.as_str())
        .bind(record.imported_at.as_str())
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
