//! Follow-up storage: imports of the books (all-or-nothing, replacing the months they cover),
//! the sums a report needs, vouchers for drill-down, mapping rules, forecasts and CSV profiles.

use std::collections::BTreeMap;

use sqlx::{Any, AnyConnection, Row};
use styr_domain::followup::{
    AccountMapping, AccountRule, CostCentreMapping, CostCentreRule, Forecast, LedgerImport, Month,
    Outcome, OutcomeKey,
};
use styr_domain::money::Amount;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;

use crate::{BudgetId, Stamp, Store, StoreError, codec};

/// Rows per INSERT statement: well under SQLite's and PostgreSQL's limits on parameters.
const BATCH: usize = 400;

/// What one import brought, as the import log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRecord {
    pub id: i64,
    pub file_name: String,
    pub checksum: String,
    pub format: String,
    pub first_month: String,
    pub last_month: String,
    pub vouchers: i64,
    pub rows: i64,
    pub debit: Amount,
    pub credit: Amount,
    /// Rows of earlier imports for the same months that this import replaced.
    pub replaced_rows: i64,
    pub imported_by: String,
    pub imported_at: String,
}

/// One booked row with its voucher, for drill-down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookedRow {
    pub voucher_id: i64,
    pub series: String,
    pub number: String,
    pub date: String,
    pub voucher_text: String,
    pub month: String,
    pub account: u32,
    pub cost_centre: Option<String>,
    /// Debit positive.
    pub amount: Amount,
    pub text: String,
}

fn month_text(month: Month) -> String {
    month.to_string()
}

fn month(text: &str) -> Result<Month, StoreError> {
    let (year, number) = text
        .split_once('-')
        .ok_or_else(|| codec::corrupt(format!("månaden ”{text}”")))?;
    let year = codec::year(
        year.parse()
            .map_err(|_| codec::corrupt(format!("månaden ”{text}”")))?,
    )?;
    let number = number
        .parse()
        .map_err(|_| codec::corrupt(format!("månaden ”{text}”")))?;
    Month::new(year, number).ok_or_else(|| codec::corrupt(format!("månaden ”{text}”")))
}

fn account(value: i64) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| codec::corrupt(format!("kontot {value}")))
}

/// `(…), (…)` with numbered placeholders for `rows` rows of `columns` values.
fn placeholders(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let values: Vec<String> = (1..=columns)
                .map(|column| format!("${}", row * columns + column))
                .collect();
            format!("({})", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

async fn require_budget(
    connection: &mut AnyConnection,
    budget: BudgetId,
) -> Result<(), StoreError> {
    let found = sqlx::query("SELECT COUNT(*) AS found FROM budgets WHERE id = $1")
        .bind(budget)
        .fetch_one(&mut *connection)
        .await?
        .try_get::<i64, _>("found")?;
    if found == 0 {
        return Err(StoreError::NotFound(budget));
    }
    Ok(())
}

impl Store {
    /// Stores an import in one transaction: what earlier imports stored for the same months is
    /// removed first, so the same file imported twice gives the same figures, never double.
    pub async fn import_outcome(
        &self,
        budget: BudgetId,
        ledger: &LedgerImport,
        stamp: &Stamp,
    ) -> Result<ImportRecord, StoreError> {
        let Some((first, last)) = ledger.months() else {
            return Err(StoreError::Corrupt(
                "importen innehåller inga bokningar på resultatkonton".into(),
            ));
        };
        let (first, last) = (month_text(first), month_text(last));
        let mut transaction = self.pool.begin().await?;
        require_budget(&mut transaction, budget).await?;
        let mut replaced = 0;
        for table in ["outcome_rows", "outcome_vouchers", "outcome_period_budget"] {
            // The table names are the constants above, never input.
            let result = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE budget_id = $1 AND month >= $2 AND month <= $3"
            )))
            .bind(budget)
            .bind(&first)
            .bind(&last)
            .execute(&mut *transaction)
            .await?;
            if table == "outcome_rows" {
                replaced = i64::try_from(result.rows_affected()).unwrap_or(i64::MAX);
            }
        }
        let import_id: i64 = sqlx::query(
            "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM outcome_imports WHERE budget_id = $1",
        )
        .bind(budget)
        .fetch_one(&mut *transaction)
        .await?
        .try_get("next")?;
        let first_voucher: i64 = sqlx::query(
            "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM outcome_vouchers WHERE budget_id = $1",
        )
        .bind(budget)
        .fetch_one(&mut *transaction)
        .await?
        .try_get("next")?;
        let voucher_month: Vec<Option<Month>> = {
            let mut months = vec![None; ledger.vouchers.len()];
            for row in &ledger.rows {
                months[row.voucher].get_or_insert(row.month);
            }
            months
        };
        for (chunk_index, chunk) in ledger.vouchers.chunks(BATCH).enumerate() {
            let sql = format!(
                "INSERT INTO outcome_vouchers (budget_id, id, import_id, month, series, number, date, text) VALUES {}",
                placeholders(chunk.len(), 8)
            );
            let mut query = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for (offset, voucher) in chunk.iter().enumerate() {
                let index = chunk_index * BATCH + offset;
                let month = voucher_month[index].unwrap_or(Month::of(voucher.date));
                query = query
                    .bind(budget)
                    .bind(first_voucher + index as i64)
                    .bind(import_id)
                    .bind(month_text(month))
                    .bind(voucher.series.clone())
                    .bind(voucher.number.clone())
                    .bind(voucher.date.to_string())
                    .bind(voucher.text.clone());
            }
            query.execute(&mut *transaction).await?;
        }
        for chunk in ledger.rows.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO outcome_rows (budget_id, voucher_id, month, account, cost_centre, amount, text) VALUES {}",
                placeholders(chunk.len(), 7)
            );
            let mut query = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for row in chunk {
                query = query
                    .bind(budget)
                    .bind(first_voucher + row.voucher as i64)
                    .bind(month_text(row.month))
                    .bind(i64::from(row.account))
                    .bind(row.cost_centre.clone())
                    .bind(row.amount.ore())
                    .bind(row.text.clone());
            }
            query.execute(&mut *transaction).await?;
        }
        for chunk in ledger.period_budget.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO outcome_period_budget (budget_id, month, account, cost_centre, amount) VALUES {}",
                placeholders(chunk.len(), 5)
            );
            let mut query = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for (key, amount) in chunk {
                query = query
                    .bind(budget)
                    .bind(month_text(key.month))
                    .bind(i64::from(key.account))
                    .bind(key.cost_centre.clone())
                    .bind(amount.ore());
            }
            query.execute(&mut *transaction).await?;
        }
        let names = ledger
            .account_names
            .iter()
            .map(|(code, name)| ("account", code.to_string(), name))
            .chain(
                ledger
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
            .bind(name.clone())
            .execute(&mut *transaction)
            .await?;
        }
        let (debit, credit) = ledger.totals();
        let record = ImportRecord {
            id: import_id,
            file_name: ledger.file_name.clone(),
            checksum: ledger.checksum.clone(),
            format: ledger.format.clone(),
            first_month: first,
            last_month: last,
            vouchers: ledger.vouchers.len() as i64,
            rows: ledger.rows.len() as i64,
            debit,
            credit,
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
        .bind(record.file_name.clone())
        .bind(record.checksum.clone())
        .bind(record.format.clone())
        .bind(record.first_month.clone())
        .bind(record.last_month.clone())
        .bind(record.vouchers)
        .bind(record.rows)
        .bind(debit.ore())
        .bind(credit.ore())
        .bind(record.replaced_rows)
        .bind(record.imported_by.clone())
        .bind(record.imported_at.clone())
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await?;
        Ok(record)
    }

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
        for (table, target) in [("outcome_rows", true), ("outcome_period_budget", false)] {
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
            if kind == "account" {
                if let Ok(number) = code.parse() {
                    outcome.account_names.insert(number, name);
                }
            } else {
                outcome.cost_centre_names.insert(code, name);
            }
        }
        Ok(outcome)
    }

    /// The booked rows of one month, with their vouchers, in voucher order.
    pub async fn booked_rows(
        &self,
        budget: BudgetId,
        month_of: Month,
    ) -> Result<Vec<BookedRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.voucher_id, v.series, v.number, v.date, v.text AS voucher_text, r.month, r.account, r.cost_centre, r.amount, r.text \
             FROM outcome_rows r JOIN outcome_vouchers v ON v.budget_id = r.budget_id AND v.id = r.voucher_id \
             WHERE r.budget_id = $1 AND r.month = $2 ORDER BY r.voucher_id, r.account",
        )
        .bind(budget)
        .bind(month_text(month_of))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(booked_row).collect()
    }

    /// One voucher with all its stored rows.
    pub async fn voucher(
        &self,
        budget: BudgetId,
        voucher_id: i64,
    ) -> Result<Vec<BookedRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.voucher_id, v.series, v.number, v.date, v.text AS voucher_text, r.month, r.account, r.cost_centre, r.amount, r.text \
             FROM outcome_rows r JOIN outcome_vouchers v ON v.budget_id = r.budget_id AND v.id = r.voucher_id \
             WHERE r.budget_id = $1 AND r.voucher_id = $2 ORDER BY r.account",
        )
        .bind(budget)
        .bind(voucher_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(booked_row).collect()
    }

    /// The account rules, or `None` when the budget still uses the default.
    pub async fn account_rules(
        &self,
        budget: BudgetId,
    ) -> Result<Option<AccountMapping>, StoreError> {
        let rows = sqlx::query(
            "SELECT prefix, operating_row FROM account_rules WHERE budget_id = $1 ORDER BY position",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        if rows.is_empty() {
            return Ok(None);
        }
        let rules = rows
            .iter()
            .map(|row| {
                let key: Option<String> = row.try_get("operating_row")?;
                let operating_row = match key {
                    Some(key) => Some(
                        OperatingRow::from_key(&key)
                            .ok_or_else(|| codec::corrupt(format!("raden ”{key}”")))?,
                    ),
                    None => None,
                };
                Ok(AccountRule {
                    prefix: row.try_get("prefix")?,
                    row: operating_row,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        AccountMapping::new(rules)
            .map(Some)
            .map_err(|error| codec::corrupt(error.to_string()))
    }

    pub async fn set_account_rules(
        &self,
        budget: BudgetId,
        mapping: &AccountMapping,
    ) -> Result<(), StoreError> {
        let mut transaction = self.pool.begin().await?;
        require_budget(&mut transaction, budget).await?;
        sqlx::query("DELETE FROM account_rules WHERE budget_id = $1")
            .bind(budget)
            .execute(&mut *transaction)
            .await?;
        for (position, rule) in mapping.rules.iter().enumerate() {
            sqlx::query("INSERT INTO account_rules (budget_id, position, prefix, operating_row) VALUES ($1, $2, $3, $4)")
                .bind(budget)
                .bind(position as i64)
                .bind(rule.prefix.clone())
                .bind(rule.row.map(|row| row.key().to_string()))
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await?;
        Ok(())
    }

    pub async fn cost_centre_rules(
        &self,
        budget: BudgetId,
    ) -> Result<CostCentreMapping, StoreError> {
        let rows = sqlx::query(
            "SELECT object, unit, valid_from, valid_to FROM cost_centre_rules WHERE budget_id = $1 ORDER BY position",
        )
        .bind(budget)
        .fetch_all(&self.pool)
        .await?;
        let rules = rows
            .iter()
            .map(|row| {
                Ok(CostCentreRule {
                    object: row.try_get("object")?,
                    unit: UnitId(row.try_get("unit")?),
                    valid_from: codec::optional_date(row.try_get("valid_from")?)?,
                    valid_to: codec::optional_date(row.try_get("valid_to")?)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(CostCentreMapping { rules })
    }

    pub async fn set_cost_centre_rules(
        &self,
        budget: BudgetId,
        mapping: &CostCentreMapping,
    ) -> Result<(), StoreError> {
        let mut transaction = self.pool.begin().await?;
        require_budget(&mut transaction, budget).await?;
        sqlx::query("DELETE FROM cost_centre_rules WHERE budget_id = $1")
            .bind(budget)
            .execute(&mut *transaction)
            .await?;
        for (position, rule) in mapping.rules.iter().enumerate() {
            sqlx::query("INSERT INTO cost_centre_rules (budget_id, position, object, unit, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(budget)
                .bind(position as i64)
                .bind(rule.object.clone())
                .bind(rule.unit.0.clone())
                .bind(rule.valid_from.map(|date| date.to_string()))
                .bind(rule.valid_to.map(|date| date.to_string()))
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await?;
        Ok(())
    }

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
        let mut transaction = self.pool.begin().await?;
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
        transaction.commit().await?;
        Ok(previous)
    }

    /// Saved CSV import profiles: name → definition (the profile's own text form).
    pub async fn import_profiles(&self) -> Result<BTreeMap<String, String>, StoreError> {
        let rows = sqlx::query("SELECT name, definition FROM import_profiles ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("name")?, row.try_get("definition")?)))
            .collect()
    }

    pub async fn save_import_profile(
        &self,
        name: &str,
        definition: &str,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO import_profiles (name, definition, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(definition)
        .bind(stamp.by.clone())
        .bind(stamp.at.clone())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

fn booked_row(row: &sqlx::any::AnyRow) -> Result<BookedRow, StoreError> {
    Ok(BookedRow {
        voucher_id: row.try_get("voucher_id")?,
        series: row.try_get("series")?,
        number: row.try_get("number")?,
        date: row.try_get("date")?,
        voucher_text: row.try_get("voucher_text")?,
        month: row.try_get("month")?,
        account: account(row.try_get("account")?)?,
        cost_centre: row.try_get("cost_centre")?,
        amount: Amount::from_ore(row.try_get("amount")?),
        text: row.try_get("text")?,
    })
}
