//! An import of the books as one transaction that is fed batch by batch, so a year of a large
//! municipality never has to be in memory at once: vouchers are written as they arrive, the
//! sums per account, cost centre and month are kept (they grow with the chart, not the rows),
//! and `finish` (finish.rs) replaces what earlier imports stored for the months this one
//! covers. Dropped without `finish` — a file that turned out to be broken — the transaction
//! rolls back and nothing has changed.
//!
//! ```text
//! let mut import = store.begin_outcome_import(budget).await?;   // waits for another import
//! import.add(&batch).await?;                                     // … as often as needed
//! let record = import.finish(&about, &stamp).await?;             // commits
//! ```
//!
//! Imports to one budget take turns: each numbers its import and vouchers from the largest
//! number stored, so two at once would take the same numbers. On SQLite the import's
//! transaction is a writer from its start (`BEGIN IMMEDIATE`, see open.rs), which already
//! makes every other writer wait; on PostgreSQL it takes a transaction lock on the budget's
//! imports (an advisory lock, [`IMPORT_LOCK`] and the budget), which edits of the budget
//! itself do not wait for.

mod finish;

use std::collections::BTreeMap;

use sqlx::{Any, Row, Transaction};
use styr_domain::followup::mapping::is_result_account;
use styr_domain::followup::projects::is_investment_account;
use styr_domain::followup::{LedgerImport, Month};
use styr_domain::money::Amount;

use super::packing::{BATCH, pack_row, placeholders};
use super::{ImportRecord, month_text, require_budget};
use crate::{Backend, BudgetId, Stamp, Store, StoreError};

/// The first key of the PostgreSQL lock an import holds on its budget ("SI" for styr import;
/// the migrations' lock is a one-key lock, a space of its own).
pub const IMPORT_LOCK: i32 = 0x5349;

pub struct OutcomeImport {
    transaction: Transaction<'static, Any>,
    backend: Backend,
    budget: BudgetId,
    import_id: i64,
    next_voucher: i64,
    sums: BTreeMap<(Month, u32, Option<String>), Amount>,
    /// The bookings the investment follow-up reads: (month, account, cost centre, project).
    investment: BTreeMap<(Month, u32, Option<String>, Option<String>), Amount>,
    months: Option<(Month, Month)>,
    /// The months of the vouchers' rows alone (without a period budget's).
    booked: Option<(Month, Month)>,
    vouchers: i64,
    rows: i64,
    debit: Amount,
    credit: Amount,
}

impl Store {
    /// Starts an import of the books for `budget`.
    pub async fn begin_outcome_import(
        &self,
        budget: BudgetId,
    ) -> Result<OutcomeImport, StoreError> {
        let mut transaction = self.begin_write().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock($1, CAST(MOD($2, 2147483647) AS INTEGER))")
                .bind(IMPORT_LOCK)
                .bind(budget)
                .execute(&mut *transaction)
                .await?;
        }
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
            investment: BTreeMap::new(),
            months: None,
            booked: None,
            vouchers: 0,
            rows: 0,
            debit: Amount::ZERO,
            credit: Amount::ZERO,
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

/// `range` widened to hold `month`.
fn widened(range: Option<(Month, Month)>, month: Month) -> (Month, Month) {
    match range {
        None => (month, month),
        Some((first, last)) => (first.min(month), last.max(month)),
    }
}

impl OutcomeImport {
    fn cover(&mut self, month: Month) {
        self.months = Some(widened(self.months, month));
    }

    /// Writes a batch of vouchers (the batch's rows name its vouchers by index).
    pub async fn add(&mut self, batch: &LedgerImport) -> Result<(), StoreError> {
        // Each voucher's rows, packed per month: a voucher's rows may fall in different months.
        let mut parts: BTreeMap<(usize, Month), (i64, String)> = BTreeMap::new();
        for row in &batch.rows {
            let (count, packed) = parts.entry((row.voucher, row.month)).or_default();
            *count += 1;
            pack_row(packed, row, &batch.vouchers[row.voucher].text);
            // A crafted file can book amounts whose sum leaves the range: refused, never wrapped.
            if is_result_account(row.account) {
                let sum = self
                    .sums
                    .entry((row.month, row.account, row.cost_centre.clone()))
                    .or_default();
                *sum = sum.checked_add(row.amount)?;
            }
            if is_investment_account(row.account) || row.project.is_some() {
                let key = (
                    row.month,
                    row.account,
                    row.cost_centre.clone(),
                    row.project.clone(),
                );
                let sum = self.investment.entry(key).or_default();
                *sum = sum.checked_add(row.amount)?;
            }
            self.booked = Some(widened(self.booked, row.month));
            let side = if row.amount.ore() > 0 {
                &mut self.debit
            } else {
                &mut self.credit
            };
            *side = side.checked_add(row.amount)?;
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
}
