//! How a voucher's rows are kept for drill-down: one text column per voucher and month,
//! a line per row ("account TAB cost centre TAB öre TAB text", and "TAB project" when the row
//! has one — rows stored before projects were kept read the same), and the multi-row INSERTs
//! that write them. A row per booked row made an import four times slower (ADR 0002).

use std::fmt::Write as _;

use sqlx::Row;
use styr_domain::followup::LedgerRow;
use styr_domain::money::Amount;

use super::BookedRow;
use crate::{Backend, StoreError, codec};

/// Rows per INSERT statement with bound values: well under SQLite's and PostgreSQL's limits on
/// parameters.
pub(crate) const BATCH: usize = 2000;

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

/// Appends one row to a voucher part: "account TAB cost centre TAB amount TAB text", "TAB
/// project" when it has one, and a newline. The text is kept only when it is not the voucher's
/// own; tabs and line breaks in it and in the project (which a SIE line cannot hold unquoted
/// anyway) become spaces.
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
    let plain = |character| match character {
        '\t' | '\n' | '\r' => ' ',
        other => other,
    };
    packed.extend(text.chars().map(plain));
    if let Some(project) = &row.project {
        packed.push('\t');
        packed.extend(project.chars().map(plain));
    }
    packed.push('\n');
}

pub(crate) fn unpack(parts: &[sqlx::any::AnyRow]) -> Result<Vec<BookedRow>, StoreError> {
    let mut rows = Vec::new();
    for part in parts {
        let voucher_text: String = part.try_get("text")?;
        let packed: String = part.try_get("rows")?;
        for line in packed.lines() {
            let mut fields = line.splitn(5, '\t');
            let (Some(account), Some(cost_centre), Some(amount), Some(text), project) = (
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
            ) else {
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
                project: project.map(str::to_string),
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
    use styr_domain::followup::Month;

    #[test]
    fn a_packed_row_unpacks_to_itself() {
        let month = Month::new(Year::new(2025).expect("a year"), 3).expect("a month");
        let row = LedgerRow {
            voucher: 0,
            month,
            account: 5011,
            cost_centre: Some("1100".into()),
            project: None,
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
        pack_row(
            &mut packed,
            &LedgerRow {
                account: 1229,
                project: Some("P\t140".into()),
                ..row.clone()
            },
            "Lön",
        );
        assert!(packed.ends_with("1229\t1100\t-12345\tLön mars\tP 140\n"));
    }
}
