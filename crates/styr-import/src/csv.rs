//! Transactions as CSV, the way municipal ledgers export them: semicolon- or comma-separated,
//! decimal comma or point, a header row. A saved [`Profile`] names which header is which field.
//!
//! Each CSV row is one booking; rows that share a voucher number (when the profile names that
//! column) form one voucher. Every issue is reported with its line and column, and a file with
//! any issue imports nothing. The file is read within the [`Limits`]: its size, each line's,
//! and what the rows cost held whole; a text with a direction control (`crate::bidi`) is
//! refused at its place, since the person importing can correct the export.

use std::borrow::Cow;
use std::collections::BTreeMap;

use styr_domain::followup::{LedgerImport, LedgerRow, LedgerVoucher, Month};
use styr_domain::money::Amount;

use crate::bidi;
use crate::issue::Issue;
use crate::limits::{Limit, Limits};
use values::{parse_amount, parse_date, split_line};

mod profile;
mod values;

pub use profile::{Profile, Sign};

/// The text of `bytes`: UTF-8 without its byte order mark, or else Latin-1; lines that end in
/// `\r` alone (as classic Mac OS wrote them) end in `\n` instead, so lines count as a person
/// sees them.
fn source_text(bytes: &[u8]) -> Cow<'_, str> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text.trim_start_matches('\u{feff}')),
        Err(_) => Cow::Owned(bytes.iter().map(|&byte| char::from(byte)).collect()),
    };
    let first_end = text.find(['\n', '\r']);
    let cr_only =
        first_end.is_some_and(|at| text[at..].starts_with('\r') && !text[at..].starts_with("\r\n"));
    if cr_only {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    }
}

/// What a row costs held in memory, for [`Limits::ledger_bytes`].
fn row_bytes(row: &LedgerRow) -> u64 {
    (size_of::<LedgerRow>() + row.text.len() + row.cost_centre.as_ref().map_or(0, String::len))
        as u64
}

/// What a voucher costs held in memory, with its place in the index of voucher numbers.
fn voucher_bytes(voucher: &LedgerVoucher) -> u64 {
    (2 * size_of::<LedgerVoucher>()
        + voucher.series.len()
        + 2 * voucher.number.len()
        + voucher.text.len()) as u64
}

/// Reads CSV `bytes` (UTF-8, or Latin-1 when not valid UTF-8) by `profile`.
pub fn read_csv(
    bytes: &[u8],
    file_name: &str,
    profile: &Profile,
) -> Result<LedgerImport, Vec<Issue>> {
    read_csv_within(bytes, file_name, profile, &Limits::default())
}

/// [`read_csv`] within `limits` instead of the defaults.
pub fn read_csv_within(
    bytes: &[u8],
    file_name: &str,
    profile: &Profile,
    limits: &Limits,
) -> Result<LedgerImport, Vec<Issue>> {
    if let Err(exceeded) = limits.check(Limit::FileBytes, bytes.len() as u64, "filen") {
        return Err(vec![Issue::error("", 0..0, exceeded.to_string())]);
    }
    let source = source_text(bytes);
    let source = source.as_ref();
    let delimiter = profile.delimiter.chars().next().unwrap_or(';');
    let decimal = profile.decimal.chars().next().unwrap_or(',');
    let mut issues = Vec::new();
    // Each line with where it starts; a line past the limit is named, not read.
    let mut lines = Vec::new();
    let mut start = 0;
    for (number, line) in source.split_inclusive('\n').enumerate() {
        let text = line.trim_end_matches(['\n', '\r']);
        if let Err(exceeded) = limits.check(Limit::LineBytes, text.len() as u64, "raden") {
            issues.push(Issue::error(source, start..start + 1, exceeded.to_string()));
        } else if let Some((at, control)) = bidi::find(text) {
            issues.push(Issue::error(
                source,
                start + at..start + at + control.len_utf8(),
                bidi::refusal(control),
            ));
        } else if !text.trim().is_empty() {
            lines.push((number, start, text));
        }
        start += line.len();
    }
    let mut lines = lines.into_iter();
    let Some((_, header_start, header)) = lines.next() else {
        if !issues.is_empty() {
            return Err(issues);
        }
        return Err(vec![Issue::error(
            source,
            0..0,
            "filen är tom: rubrikraden saknas",
        )]);
    };
    let headers = split_line(header, delimiter).unwrap_or_default();
    let column = |name: &Option<String>, issues: &mut Vec<Issue>| -> Option<usize> {
        let name = name.as_ref()?;
        let found = headers
            .iter()
            .position(|(_, header)| header.eq_ignore_ascii_case(name));
        if found.is_none() {
            issues.push(Issue::error(
                source,
                header_start..header_start + header.len(),
                format!("rubrikraden saknar kolumnen ”{name}” som importprofilen kräver"),
            ));
        }
        found
    };
    let date_column = column(&Some(profile.date.clone()), &mut issues);
    let account_column = column(&Some(profile.account.clone()), &mut issues);
    let amount_column = column(&Some(profile.amount.clone()), &mut issues);
    let cost_centre_column = column(&profile.cost_centre, &mut issues);
    let text_column = column(&profile.text, &mut issues);
    let voucher_column = column(&profile.voucher, &mut issues);
    let (Some(date_column), Some(account_column), Some(amount_column)) =
        (date_column, account_column, amount_column)
    else {
        return Err(issues);
    };
    let mut ledger = LedgerImport {
        file_name: file_name.to_string(),
        checksum: format!("{:08x}", crc32fast::hash(bytes)),
        format: "CSV".into(),
        ..LedgerImport::default()
    };
    let mut vouchers: BTreeMap<String, usize> = BTreeMap::new();
    let mut held_bytes = 0;
    for (number, start, line) in lines {
        let fields = match split_line(line, delimiter) {
            Ok(fields) => fields,
            Err(at) => {
                issues.push(Issue::error(
                    source,
                    start + at..start + line.len(),
                    "citattecknet avslutas aldrig",
                ));
                continue;
            }
        };
        let field = |index: usize| {
            fields
                .get(index)
                .map(|(at, value)| (start + at, value.as_str()))
        };
        let span = |found: Option<(usize, &str)>| {
            found.map_or(start + line.len()..start + line.len(), |(at, value)| {
                at..at + value.len().max(1)
            })
        };
        let date = field(date_column).and_then(|(_, value)| parse_date(value));
        if date.is_none() {
            issues.push(Issue::error(
                source,
                span(field(date_column)),
                "datumet ska vara ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD och finnas i kalendern",
            ));
        }
        let account = field(account_column).and_then(|(_, value)| value.parse::<u32>().ok());
        if account.is_none() {
            issues.push(Issue::error(
                source,
                span(field(account_column)),
                "kontot ska vara ett kontonummer med bara siffror",
            ));
        }
        let amount = field(amount_column).and_then(|(_, value)| parse_amount(value, decimal));
        if amount.is_none() {
            issues.push(Issue::error(
                source,
                span(field(amount_column)),
                format!("beloppet ska vara ett tal med högst två decimaler och ”{decimal}” som decimaltecken"),
            ));
        }
        let (Some(date), Some(account), Some(amount)) = (date, account, amount) else {
            continue;
        };
        let amount = if profile.sign == Sign::Credit {
            -amount
        } else {
            amount
        };
        let text = text_column
            .and_then(field)
            .map(|(_, value)| value.to_string())
            .unwrap_or_default();
        // Without a voucher column every row is a voucher of its own: no lookup needed.
        let (voucher, new) = match voucher_column.and_then(field) {
            Some((_, key)) => match vouchers.get(key) {
                Some(&voucher) => (voucher, false),
                None => {
                    vouchers.insert(key.to_string(), ledger.vouchers.len());
                    (ledger.vouchers.len(), true)
                }
            },
            None => (ledger.vouchers.len(), true),
        };
        if new {
            let key = voucher_column.and_then(field).map_or_else(
                || format!("rad {}", number + 1),
                |(_, value)| value.to_string(),
            );
            let made = LedgerVoucher {
                series: "CSV".into(),
                number: key,
                date,
                text: text.clone(),
            };
            held_bytes += voucher_bytes(&made);
            ledger.vouchers.push(made);
        }
        if !crate::sie::is_result_account(account) {
            if let Err(exceeded) = limits.check(Limit::LedgerBytes, held_bytes, "raden") {
                issues.push(Issue::error(
                    source,
                    start..start + line.len(),
                    exceeded.to_string(),
                ));
                return Err(issues);
            }
            continue;
        }
        let row = LedgerRow {
            voucher,
            month: Month::of(date),
            account,
            cost_centre: cost_centre_column
                .and_then(field)
                .map(|(_, value)| value.to_string())
                .filter(|value| !value.is_empty()),
            amount: Amount::from_ore(amount),
            text,
        };
        held_bytes += row_bytes(&row);
        ledger.rows.push(row);
        if let Err(exceeded) = limits.check(Limit::LedgerBytes, held_bytes, "raden") {
            issues.push(Issue::error(
                source,
                start..start + line.len(),
                exceeded.to_string(),
            ));
            return Err(issues);
        }
    }
    if issues.is_empty() {
        Ok(ledger)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROFILE: &str = "delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\ncost_centre = \"Ansvar\"\namount = \"Belopp\"\ntext = \"Text\"\n";

    #[test]
    fn semicolons_and_decimal_commas_read_to_rows() {
        let profile = Profile::parse(PROFILE).expect("a profile");
        let csv = "Datum;Konto;Ansvar;Belopp;Text\n2025-01-15;5011;1100;12 345,50;\"Lön; januari\"\n20250120;3511;1100;-200;Avgift\n2025-01-20;1930;;-12145,50;Bank\n";
        let ledger = read_csv(csv.as_bytes(), "utfall.csv", &profile).expect("reads");
        assert_eq!(
            ledger.rows.len(),
            2,
            "the bank row is a balance-sheet account"
        );
        assert_eq!(ledger.rows[0].amount, Amount::from_ore(1_234_550));
        assert_eq!(ledger.rows[0].text, "Lön; januari");
        assert_eq!(ledger.rows[1].cost_centre.as_deref(), Some("1100"));
    }

    #[test]
    fn a_bad_row_in_the_middle_imports_nothing_and_is_named() {
        let profile = Profile::parse(PROFILE).expect("a profile");
        let csv = "Datum;Konto;Ansvar;Belopp;Text\n2025-01-15;5011;1100;100,00;A\n2025-02-30;5011;1100;12,345;B\n2025-01-16;5011;1100;100,00;C\n";
        let issues = read_csv(csv.as_bytes(), "utfall.csv", &profile).expect_err("refused");
        assert_eq!(issues.len(), 2);
        assert_eq!((issues[0].line, issues[0].column), (3, 1));
        assert_eq!((issues[1].line, issues[1].column), (3, 22));
    }

    #[test]
    fn a_profile_must_name_columns_the_file_has() {
        let profile = Profile::parse(PROFILE).expect("a profile");
        let issues = read_csv(b"Datum;Konto;Belopp\n", "x.csv", &profile).expect_err("refused");
        assert!(
            issues
                .iter()
                .any(|issue| issue.message.contains("”Ansvar”"))
        );
        assert!(Profile::parse("delimiter = \",\"\ndecimal = \",\"\ndate = \"D\"\naccount = \"K\"\namount = \"B\"\n").is_err());
    }
}
