//! Reading the stored books: the import log, the sums a report needs, and the vouchers behind
//! a figure.

use std::collections::BTreeSet;

use sqlx::Row;
use styr_domain::followup::{InvestmentKey, Month, Outcome, OutcomeKey};
use styr_domain::money::Amount;

use super::packing::unpack;
use super::{BookedRow, ImportRecord, account, month, month_text};
use crate::{BudgetId, Store, StoreError};

impl Store {
    /// Every import of a budget's outcome, the latest first.
    pub async fn outcome_imports(&self, budget: BudgetId) -> Result<Vec<ImportRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, file_name, checksum, format, first_month, last_month, vouchers, row_count, debit, credit, replaced_rows, imported_by, imported_at \
             FROM outcome_imports WHERE budget_id = $1 ORDER BY id DESC",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ImportRecord {
                    id: row.try_get("id")?,
                    file_name: row.try_get("file_name")?,
                    checksum: row.try_get("checksum")?,
                    format: row.try_get("format")?,
                    first_month: row.try_get("first_month")?,
                    last_month: row.try_get("last_month")?,
                    vouchers: row.try_get("vouchers")?,
                    rows: row.try_get("row_count")?,
                    debit: Amount::from_ore(row.try_get("debit")?),
                    credit: Amount::from_ore(row.try_get("credit")?),
                    replaced_rows: row.try_get("replaced_rows")?,
                    imported_by: row.try_get("imported_by")?,
                    imported_at: row.try_get("imported_at")?,
                })
            })
            .collect()
    }

    /// The stored outcome summed per account, cost centre and month, with the names.
    pub async fn outcome(&self, budget: BudgetId) -> Result<Outcome, StoreError> {
        let mut outcome = Outcome::default();
        for (table, target) in [("outcome_sums", true), ("outcome_period_budget", false)] {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT account, cost_centre, month, CAST(SUM(amount) AS BIGINT) AS amount FROM {table} \
                 WHERE budget_id = $1 GROUP BY account, cost_centre, month"
            )))
            .bind(budget)
            .fetch_all(&self.pool)
            .await?;
            for row in rows {
                let key = OutcomeKey {
                    account: account(row.try_get("account")?)?,
                    cost_centre: row.try_get("cost_centre")?,
                    month: month(&row.try_get::<String, _>("month")?)?,
                };
                let amount = Amount::from_ore(row.try_get("amount")?);
                if target {
                    outcome.actual.insert(key, amount);
                } else {
                    outcome.budget.insert(key, amount);
                }
            }
        }
        let names = sqlx::query("SELECT kind, code, name FROM outcome_names WHERE budget_id = $1")
            .bind(budget)
            .fetch_all(&self.pool)
            .await?;
        for row in names {
            let kind: String = row.try_get("kind")?;
            let code: String = row.try_get("code")?;
            let name: String = row.try_get("name")?;
            match kind.as_str() {
                "account" => {
                    if let Ok(number) = code.parse() {
                        outcome.account_names.insert(number, name);
                    }
                }
                "project" => {
                    outcome.project_names.insert(code, name);
                }
                _ => {
                    outcome.cost_centre_names.insert(code, name);
                }
            }
        }
        let rows = sqlx::query(
            "SELECT account, cost_centre, project, month, CAST(SUM(amount) AS BIGINT) AS amount FROM outcome_investment \
             WHERE budget_id = $1 GROUP BY account, cost_centre, project, month",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        for row in rows {
            let key = InvestmentKey {
                account: account(row.try_get("account")?)?,
                cost_centre: row.try_get("cost_centre")?,
                project: row.try_get("project")?,
                month: month(&row.try_get::<String, _>("month")?)?,
            };
            outcome
                .investment
                .insert(key, Amount::from_ore(row.try_get("amount")?));
        }
        outcome.covered = self.covered_months(budget).await?;
        Ok(outcome)
    }

    /// The months the stored imports' vouchers cover, each from its first to its last month.
    async fn covered_months(&self, budget: BudgetId) -> Result<BTreeSet<Month>, StoreError> {
        let rows = sqlx::query(
            "SELECT COALESCE(booked_first, first_month) AS first, COALESCE(booked_last, last_month) AS last \
             FROM outcome_imports WHERE budget_id = $1 AND row_count > 0",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        let mut covered = BTreeSet::new();
        for row in rows {
            let first = month(&row.try_get::<String, _>("first")?)?;
            let last = month(&row.try_get::<String, _>("last")?)?;
            let mut current = first;
            while current <= last {
                covered.insert(current);
                current = current.next();
            }
        }
        Ok(covered)
    }

    /// The booked rows of one month, with their vouchers, in voucher order.
    pub async fn booked_rows(
        &self,
        budget: BudgetId,
        month_of: Month,
    ) -> Result<Vec<BookedRow>, StoreError> {
        let parts = sqlx::query(
            "SELECT id, month, series, number, date, text, rows FROM outcome_vouchers \
             WHERE budget_id = $1 AND month = $2 ORDER BY id",
        )
        .bind(budget)
        .bind(month_text(month_of))
        .fetch_all(&self.pool)
        .await?;
        unpack(&parts)
    }

    /// One voucher with all its stored rows.
    pub async fn voucher(
        &self,
        budget: BudgetId,
        voucher_id: i64,
    ) -> Result<Vec<BookedRow>, StoreError> {
        let parts = sqlx::query(
            "SELECT id, month, series, number, date, text, rows FROM outcome_vouchers \
             WHERE budget_id = $1 AND id = $2 ORDER BY month",
        )
        .bind(budget)
        .bind(voucher_id)
        .fetch_all(&self.pool)
        .await?;
        unpack(&parts)
    }
}
