//! Follow-up storage: the books as imported from the accounting system, kept beside the
//! budget (never moving its revision), and the rules that map them onto the budget.
//!
//! - `import`: an import of the books as one transaction fed batch by batch, all or nothing,
//!   replacing the months it covers — the same file twice gives the same figures.
//! - `outcome`: what a report reads (sums per account, cost centre and month) and what
//!   drill-down reads (a month's vouchers, packed per voucher and month: `packing`).
//! - `rules`, `line_profiles`, `forecasts`, `import_profiles`: the mapping from accounts and
//!   cost centres to budget lines and units, how a year's budget is spread over months, a
//!   unit's forecast with the history of every forecast entered, and saved CSV layouts.
//! - `commentary`, `projects`: what people write beside the figures (a deviation's
//!   explanation, a report's texts), and the investment follow-up's rules and forecasts.

mod commentary;
mod forecasts;
mod import;
mod import_profiles;
mod line_profiles;
mod outcome;
mod packing;
mod projects;
mod rules;

pub use import::OutcomeImport;

use sqlx::{AnyConnection, Row};
use styr_domain::followup::Month;
use styr_domain::money::Amount;

use crate::{BudgetId, StoreError, codec};

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
    /// The project object (SIE dimension 6), when the row has one.
    pub project: Option<String>,
    /// Debit positive.
    pub amount: Amount,
    pub text: String,
}

pub(crate) fn month_text(month: Month) -> String {
    month.to_string()
}

pub(crate) fn month(text: &str) -> Result<Month, StoreError> {
    let parsed = text.split_once('-').and_then(|(year, number)| {
        let year = styr_domain::calendar::Year::new(year.parse().ok()?).ok()?;
        Month::new(year, number.parse().ok()?)
    });
    parsed.ok_or_else(|| codec::corrupt(format!("månaden ”{text}”")))
}

fn account(value: i64) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| codec::corrupt(format!("kontot {value}")))
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
