//! The rows of a CSV export, each read by the profile's columns into a booking: a date, an
//! account, an amount with the profile's sign, and a cost centre and text when the profile
//! names them. Rows that share a voucher number are one voucher; without a voucher column each
//! row is a voucher of its own. What the rows cost held whole is counted as they are read, and
//! reading stops, with the line named, at [`Limits::ledger_bytes`], or at a cost centre past
//! [`Limits::cost_centres`].

use std::collections::{BTreeMap, BTreeSet};

use styr_domain::calendar::Date;
use styr_domain::followup::{LedgerImport, LedgerRow, LedgerVoucher, Month};
use styr_domain::money::Amount;

use super::profile::{Profile, Sign};
use super::values::{parse_amount, parse_date, split_line};
use crate::issue::{Issue, Issues};
use crate::limits::{Limit, Limits};

/// Where each field is: the index of its column.
pub(super) struct Columns {
    pub date: usize,
    pub account: usize,
    pub amount: usize,
    pub cost_centre: Option<usize>,
    pub project: Option<usize>,
    pub text: Option<usize>,
    pub voucher: Option<usize>,
}

/// What a row costs held in memory, for [`Limits::ledger_bytes`].
fn row_bytes(row: &LedgerRow) -> u64 {
    (size_of::<LedgerRow>()
        + row.text.len()
        + row.cost_centre.as_ref().map_or(0, String::len)
        + row.project.as_ref().map_or(0, String::len)) as u64
}

/// What a voucher costs held in memory, with its place in the index of voucher numbers.
fn voucher_bytes(voucher: &LedgerVoucher) -> u64 {
    (2 * size_of::<LedgerVoucher>()
        + voucher.series.len()
        + 2 * voucher.number.len()
        + voucher.text.len()) as u64
}

/// One line's fields, with where each starts in the source.
struct Line<'a> {
    source: &'a str,
    start: usize,
    line: &'a str,
    fields: Vec<(usize, String)>,
}

impl Line<'_> {
    /// The field at `index`: where it starts in the source, and its text.
    fn field(&self, index: usize) -> Option<(usize, &str)> {
        self.fields
            .get(index)
            .map(|(at, value)| (self.start + at, value.as_str()))
    }

    /// The text of an optional column, owned.
    fn text(&self, index: Option<usize>) -> Option<String> {
        index
            .and_then(|index| self.field(index))
            .map(|(_, value)| value.to_string())
    }

    /// `value` read by `read`, or an issue at the field (or at the line's end when it is missing).
    fn read<T>(
        &self,
        index: usize,
        read: impl Fn(&str) -> Option<T>,
        message: impl FnOnce() -> String,
        issues: &mut Issues,
    ) -> Option<T> {
        let found = self.field(index);
        let value = found.and_then(|(_, value)| read(value));
        if value.is_none() {
            let end = self.start + self.line.len();
            let span = found.map_or(end..end, |(at, value)| at..at + value.len().max(1));
            issues.add(|| Issue::error(self.source, span, message()));
        }
        value
    }
}

/// The date, account and amount of a line, every one that does not read named in `issues`.
fn booking(
    line: &Line<'_>,
    columns: &Columns,
    decimal: char,
    issues: &mut Issues,
) -> Option<(Date, u32, i64)> {
    let date = line.read(
        columns.date,
        parse_date,
        || "datumet ska vara ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD och finnas i kalendern".into(),
        issues,
    );
    let account = line.read(
        columns.account,
        |value| value.parse::<u32>().ok(),
        || "kontot ska vara ett kontonummer med bara siffror".into(),
        issues,
    );
    let amount = line.read(
        columns.amount,
        |value| parse_amount(value, decimal),
        || format!("beloppet ska vara ett tal med högst två decimaler och ”{decimal}” som decimaltecken"),
        issues,
    );
    Some((date?, account?, amount?))
}

/// Reads `lines` (index, start, line) into `ledger`, every problem into `issues`.
pub(super) fn read_rows<'a>(
    source: &'a str,
    lines: impl Iterator<Item = (usize, usize, &'a str)>,
    columns: &Columns,
    profile: &Profile,
    limits: &Limits,
    ledger: &mut LedgerImport,
    issues: &mut Issues,
) {
    let delimiter = profile.delimiter.chars().next().unwrap_or(';');
    let decimal = profile.decimal.chars().next().unwrap_or(',');
    let mut vouchers: BTreeMap<String, usize> = BTreeMap::new();
    let mut centres: BTreeSet<String> = BTreeSet::new();
    let mut held_bytes = 0;
    for (number, start, line) in lines {
        let fields = match split_line(line, delimiter) {
            Ok(fields) => fields,
            Err(at) => {
                let span = start + at..start + line.len();
                issues.add(|| Issue::error(source, span, "citattecknet avslutas aldrig"));
                continue;
            }
        };
        let line = Line {
            source,
            start,
            line,
            fields,
        };
        let Some((date, account, amount)) = booking(&line, columns, decimal, issues) else {
            continue;
        };
        let amount = if profile.sign == Sign::Credit {
            -amount
        } else {
            amount
        };
        let text = line.text(columns.text).unwrap_or_default();
        let key = line.text(columns.voucher);
        // Without a voucher column every row is a voucher of its own: no lookup needed.
        let found = key.as_ref().and_then(|key| vouchers.get(key)).copied();
        let voucher = found.unwrap_or(ledger.vouchers.len());
        if found.is_none() {
            let number = key.unwrap_or_else(|| format!("rad {}", number + 1));
            if columns.voucher.is_some() {
                vouchers.insert(number.clone(), voucher);
            }
            let made = LedgerVoucher {
                series: "CSV".into(),
                number,
                date,
                text: text.clone(),
            };
            held_bytes += voucher_bytes(&made);
            ledger.vouchers.push(made);
        }
        if crate::sie::is_kept_account(account) {
            let cost_centre = line
                .text(columns.cost_centre)
                .filter(|value| !value.is_empty());
            if let Some(centre) = &cost_centre
                && !centres.contains(centre)
            {
                let subject = format!("kostnadsstället {centre}");
                let count = centres.len() as u64 + 1;
                if let Err(exceeded) = limits.check(Limit::CostCentres, count, &subject) {
                    let span = start..start + line.line.len();
                    issues.add(|| Issue::error(source, span, exceeded.to_string()));
                    return;
                }
                held_bytes += (size_of::<String>() + centre.len()) as u64;
                centres.insert(centre.clone());
            }
            let row = LedgerRow {
                voucher,
                month: Month::of(date),
                account,
                cost_centre,
                project: line.text(columns.project).filter(|value| !value.is_empty()),
                amount: Amount::from_ore(amount),
                text,
            };
            held_bytes += row_bytes(&row);
            ledger.rows.push(row);
        }
        if let Err(exceeded) = limits.check(Limit::LedgerBytes, held_bytes, "raden") {
            let span = start..start + line.line.len();
            issues.add(|| Issue::error(source, span, exceeded.to_string()));
            return;
        }
    }
}
