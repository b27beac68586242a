//! Follow-up storage: imports of the books (all-or-nothing, replacing the months they cover),
//! the sums a report needs, vouchers for drill-down, mapping rules, forecasts and CSV profiles.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sqlx::{AnyConnection, Row};
use styr_domain::followup::{
    AccountMapping, AccountRule, CostCentreMapping, CostCentreRule, Forecast, LedgerRow, Month,
    Outcome, OutcomeKey, Profile,
};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

use crate::{Backend, BudgetId, Stamp, Store, StoreError, codec};

/// Rows per INSERT statement with bound values: well under SQLite's and PostgreSQL's limits on
/// parameters.
pub(crate) const BATCH: usize = 2000;

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

pub(crate) fn month_text(month: Month) -> String {
    month.to_string()
}

fn month(text: &str) -> Result<Month, StoreError> {
    let parsed = text.split_once('-').and_then(|(year, number)| {
        let year = styr_domain::calendar::Year::new(year.parse().ok()?).ok()?;
        Month::new(year, number.parse().ok()?)
    });
    parsed.ok_or_else(|| codec::corrupt(format!("månaden ”{text}”")))
}

fn account(value: i64) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| codec::corrupt(format!("kontot {value}")))
}

/// `(…), (…)` with placeholders for `rows` rows of `columns` values: numbered for PostgreSQL,
/// positional `?` for SQLite, whose driver looks every `$N` up by name — quadratic in a
/// statement of thousands of parameters (it cost 87 % of a million-row import).
pub(crate) fn placeholders(rows: usize, columns: usize, backend: Backend) -> String {
    (0..rows)
        .map(|row| {
            let values: Vec<String> = (1..=columns)
                .map(|column| match backend {
                    Backend::Postgres => format!("${}", row * columns + column),
                    Backend::Sqlite => "?".to_string(),
                })
                .collect();
            format!("({})", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) async fn require_budget(
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
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_account_rules(&mut transaction, budget, mapping).await?;
        crate::audit::write(&mut transaction, stamp).await?;
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
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_cost_centre_rules(&mut transaction, budget, mapping).await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// Replaces the account rules, the cost-centre rules and the lines' profiles together, in
    /// one transaction: all three are saved or none.
    pub async fn set_followup_settings(
        &self,
        budget: BudgetId,
        accounts: &AccountMapping,
        cost_centres: &CostCentreMapping,
        profiles: &BTreeMap<LineKind, Profile>,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_account_rules(&mut transaction, budget, accounts).await?;
        write_cost_centre_rules(&mut transaction, budget, cost_centres).await?;
        write_line_profiles(&mut transaction, budget, profiles).await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// The lines' spreading profiles; a line without one is spread evenly.
    pub async fn line_profiles(
        &self,
        budget: BudgetId,
    ) -> Result<BTreeMap<LineKind, Profile>, StoreError> {
        let rows = sqlx::query("SELECT line, weights FROM line_profiles WHERE budget_id = $1")
            .bind(budget)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let line: String = row.try_get("line")?;
                let weights: String = row.try_get("weights")?;
                let kind = LineKind::from_key(&line)
                    .ok_or_else(|| codec::corrupt(format!("raden ”{line}”")))?;
                let values: Vec<u32> = weights
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .map_err(|_| codec::corrupt(format!("profilen ”{weights}”")))?;
                let values: [u32; 12] = values
                    .try_into()
                    .map_err(|_| codec::corrupt(format!("profilen ”{weights}”")))?;
                Ok((kind, Profile(values)))
            })
            .collect()
    }

    /// Replaces every line's profile with `profiles`.
    pub async fn set_line_profiles(
        &self,
        budget: BudgetId,
        profiles: &BTreeMap<LineKind, Profile>,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let mut transaction = self.begin_write().await?;
        require_budget(&mut transaction, budget).await?;
        write_line_profiles(&mut transaction, budget, profiles).await?;
        crate::audit::write(&mut transaction, stamp).await?;
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
        let mut transaction = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO import_profiles (name, definition, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(definition)
        .bind(stamp.by.clone())
        .bind(stamp.at.clone())
        .execute(&mut *transaction)
        .await?;
        crate::audit::write(&mut transaction, stamp).await?;
        transaction.commit().await?;
        Ok(())
    }
}

async fn write_account_rules(
    connection: &mut AnyConnection,
    budget: BudgetId,
    mapping: &AccountMapping,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM account_rules WHERE budget_id = $1")
        .bind(budget)
        .execute(&mut *connection)
        .await?;
    for (position, rule) in mapping.rules.iter().enumerate() {
        sqlx::query("INSERT INTO account_rules (budget_id, position, prefix, operating_row) VALUES ($1, $2, $3, $4)")
            .bind(budget)
            .bind(position as i64)
            .bind(rule.prefix.clone())
            .bind(rule.row.map(|row| row.key().to_string()))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

async fn write_cost_centre_rules(
    connection: &mut AnyConnection,
    budget: BudgetId,
    mapping: &CostCentreMapping,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM cost_centre_rules WHERE budget_id = $1")
        .bind(budget)
        .execute(&mut *connection)
        .await?;
    for (position, rule) in mapping.rules.iter().enumerate() {
        sqlx::query("INSERT INTO cost_centre_rules (budget_id, position, object, unit, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(budget)
            .bind(position as i64)
            .bind(rule.object.clone())
            .bind(rule.unit.0.clone())
            .bind(rule.valid_from.map(|date| date.to_string()))
            .bind(rule.valid_to.map(|date| date.to_string()))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

async fn write_line_profiles(
    connection: &mut AnyConnection,
    budget: BudgetId,
    profiles: &BTreeMap<LineKind, Profile>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM line_profiles WHERE budget_id = $1")
        .bind(budget)
        .execute(&mut *connection)
        .await?;
    for (line, profile) in profiles {
        let weights: Vec<String> = profile.0.iter().map(u32::to_string).collect();
        sqlx::query("INSERT INTO line_profiles (budget_id, line, weights) VALUES ($1, $2, $3)")
            .bind(budget)
            .bind(line.key())
            .bind(weights.join(","))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// Appends one row to a voucher part: "account TAB cost centre TAB amount TAB text" and a
/// newline. The text is kept only when it is not the voucher's own; tabs and line breaks in it
/// (which a SIE line cannot hold unquoted anyway) become spaces.
pub(crate) fn pack_row(packed: &mut String, row: &LedgerRow, voucher_text: &str) {
    let text = if row.text == voucher_text {
        ""
    } else {
        row.text.as_str()
    };
    let _ = write!(
        packed,
        "{}\t{}\t{}\t",
        row.account,
        row.cost_centre.as_deref().unwrap_or(""),
        row.amount.ore()
    );
    packed.extend(text.chars().map(|character| match character {
        '\t' | '\n' | '\r' => ' ',
        other => other,
    }));
    packed.push('\n');
}

fn unpack(parts: &[sqlx::any::AnyRow]) -> Result<Vec<BookedRow>, StoreError> {
    let mut rows = Vec::new();
    for part in parts {
        let voucher_text: String = part.try_get("text")?;
        let packed: String = part.try_get("rows")?;
        for line in packed.lines() {
            let mut fields = line.splitn(4, '\t');
            let (Some(account), Some(cost_centre), Some(amount), Some(text)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(codec::corrupt(format!("verifikationsraden ”{line}”")));
            };
            rows.push(BookedRow {
                voucher_id: part.try_get("id")?,
                series: part.try_get("series")?,
                number: part.try_get("number")?,
                date: part.try_get("date")?,
                voucher_text: voucher_text.clone(),
                month: part.try_get("month")?,
                account: account
                    .parse()
                    .map_err(|_| codec::corrupt(format!("kontot ”{account}”")))?,
                cost_centre: (!cost_centre.is_empty()).then(|| cost_centre.to_string()),
                amount: Amount::from_ore(
                    amount
                        .parse()
                        .map_err(|_| codec::corrupt(format!("beloppet ”{amount}”")))?,
                ),
                text: if text.is_empty() {
                    voucher_text.clone()
                } else {
                    text.to_string()
                },
            });
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::calendar::Year;

    #[test]
    fn a_packed_row_unpacks_to_itself() {
        let month = Month::new(Year::new(2025).expect("a year"), 3).expect("a month");
        let row = LedgerRow {
            voucher: 0,
            month,
            account: 5011,
            cost_centre: Some("1100".into()),
            amount: Amount::from_ore(-12_345),
            text: "Lön\tmars".into(),
        };
        let mut packed = String::new();
        pack_row(&mut packed, &row, "Lön");
        pack_row(
            &mut packed,
            &LedgerRow {
                cost_centre: None,
                text: "Lön".into(),
                ..row.clone()
            },
            "Lön",
        );
        assert_eq!(packed, "5011\t1100\t-12345\tLön mars\n5011\t\t-12345\t\n");
    }
}
