//! Transactions as CSV, the way municipal ledgers export them: semicolon- or comma-separated,
//! decimal comma or point, a header row. A saved [`Profile`] names which header is which field.
//!
//! Each CSV row is one booking; rows that share a voucher number (when the profile names that
//! column) form one voucher. Every issue is reported with its line and column, and a file with
//! any issue imports nothing.

use std::collections::BTreeMap;

use serde::Deserialize;
use styr_domain::calendar::Date;
use styr_domain::followup::{LedgerImport, LedgerRow, LedgerVoucher, Month};
use styr_domain::money::Amount;

use crate::issue::Issue;

/// Which column holds which field, by its header text.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// ";" or ",".
    pub delimiter: String,
    /// "," or ".".
    pub decimal: String,
    pub date: String,
    pub account: String,
    pub amount: String,
    pub cost_centre: Option<String>,
    pub project: Option<String>,
    pub text: Option<String>,
    pub voucher: Option<String>,
    /// The amount is signed as the ledger signs it (debit positive); "credit" flips it for
    /// exports that show costs negative.
    #[serde(default)]
    pub sign: Sign,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    #[default]
    Debit,
    Credit,
}

impl Profile {
    /// A profile from its TOML text.
    pub fn parse(definition: &str) -> Result<Profile, Vec<Issue>> {
        let profile: Profile = toml::from_str(definition).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            vec![Issue::error(
                definition,
                span,
                format!("importprofilen: {}", error.message()),
            )]
        })?;
        let mut issues = Vec::new();
        if !matches!(profile.delimiter.as_str(), ";" | "," | "\t") {
            issues.push(Issue::error(
                definition,
                0..0,
                "avgränsaren ska vara ”;”, ”,” eller tabb",
            ));
        }
        if !matches!(profile.decimal.as_str(), "," | ".") {
            issues.push(Issue::error(
                definition,
                0..0,
                "decimaltecknet ska vara ”,” eller ”.”",
            ));
        }
        if profile.delimiter == profile.decimal {
            issues.push(Issue::error(
                definition,
                0..0,
                "avgränsaren och decimaltecknet kan inte vara samma tecken",
            ));
        }
        if issues.is_empty() {
            Ok(profile)
        } else {
            Err(issues)
        }
    }
}

/// Splits one CSV line into fields (quotes with "" inside), returning each field's start.
pub(crate) fn split_line(line: &str, delimiter: char) -> Result<Vec<(usize, String)>, usize> {
    let mut fields = Vec::new();
    let mut characters = line.char_indices().peekable();
    loop {
        let start = characters.peek().map_or(line.len(), |(index, _)| *index);
        let mut value = String::new();
        if let Some((_, '"')) = characters.peek() {
            characters.next();
            loop {
                match characters.next() {
                    Some((_, '"')) if matches!(characters.peek(), Some((_, '"'))) => {
                        characters.next();
                        value.push('"');
                    }
                    Some((_, '"')) => break,
                    Some((_, character)) => value.push(character),
                    None => return Err(start),
                }
            }
            while let Some((_, character)) = characters.peek() {
                if *character == delimiter {
                    break;
                }
                characters.next();
            }
        } else {
            while let Some((_, character)) = characters.peek() {
                if *character == delimiter {
                    break;
                }
                value.push(*character);
                characters.next();
            }
        }
        fields.push((start, value.trim().to_string()));
        if characters.next().is_none() {
            return Ok(fields);
        }
    }
}

fn parse_amount(text: &str, decimal: char) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|character| !matches!(character, ' ' | '\u{a0}'))
        .map(|character| if character == decimal { '.' } else { character })
        .collect();
    let (negative, digits) = match cleaned
        .strip_prefix('-')
        .or_else(|| cleaned.strip_prefix('−'))
    {
        Some(rest) => (true, rest.to_string()),
        None => (false, cleaned.clone()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.bytes().all(|byte| byte.is_ascii_digit())
        || !fraction.bytes().all(|byte| byte.is_ascii_digit())
        || fraction.len() > 2
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let ore = whole.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -ore } else { ore })
}

fn parse_date(text: &str) -> Option<Date> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let shaped = text.len() == 8 && digits.len() == 8
        || text.len() == 10
            && digits.len() == 8
            && text.as_bytes()[4] == b'-'
            && text.as_bytes()[7] == b'-';
    if !shaped {
        return None;
    }
    Date::new(
        digits[..4].parse().ok()?,
        digits[4..6].parse().ok()?,
        digits[6..].parse().ok()?,
    )
    .ok()
}

/// Reads CSV `bytes` (UTF-8, or Latin-1 when not valid UTF-8) by `profile`.
pub fn read_csv(
    bytes: &[u8],
    file_name: &str,
    profile: &Profile,
) -> Result<LedgerImport, Vec<Issue>> {
    let source = match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
        Err(_) => bytes.iter().map(|&byte| char::from(byte)).collect(),
    };
    let delimiter = profile.delimiter.chars().next().unwrap_or(';');
    let decimal = profile.decimal.chars().next().unwrap_or(',');
    let mut issues = Vec::new();
    let mut offsets = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        offsets.push(offset);
        offset += line.len();
    }
    let mut lines = source
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty());
    let Some((header_number, header)) = lines.next() else {
        return Err(vec![Issue::error(
            &source,
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
            let start = offsets[header_number];
            issues.push(Issue::error(
                &source,
                start..start + header.len(),
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
    for (number, line) in lines {
        let start = offsets[number];
        let fields = match split_line(line, delimiter) {
            Ok(fields) => fields,
            Err(at) => {
                issues.push(Issue::error(
                    &source,
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
                &source,
                span(field(date_column)),
                "datumet ska vara ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD och finnas i kalendern",
            ));
        }
        let account = field(account_column).and_then(|(_, value)| value.parse::<u32>().ok());
        if account.is_none() {
            issues.push(Issue::error(
                &source,
                span(field(account_column)),
                "kontot ska vara ett kontonummer med bara siffror",
            ));
        }
        let amount = field(amount_column).and_then(|(_, value)| parse_amount(value, decimal));
        if amount.is_none() {
            issues.push(Issue::error(
                &source,
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
        let voucher_key = voucher_column.and_then(field).map_or_else(
            || format!("rad {}", number + 1),
            |(_, value)| value.to_string(),
        );
        let voucher = *vouchers.entry(voucher_key.clone()).or_insert_with(|| {
            ledger.vouchers.push(LedgerVoucher {
                series: "CSV".into(),
                number: voucher_key,
                date,
                text: text.clone(),
            });
            ledger.vouchers.len() - 1
        });
        if !crate::sie::is_result_account(account) {
            continue;
        }
        ledger.rows.push(LedgerRow {
            voucher,
            month: Month::of(date),
            account,
            cost_centre: cost_centre_column
                .and_then(field)
                .map(|(_, value)| value.to_string())
                .filter(|value| !value.is_empty()),
            amount: Amount::from_ore(amount),
            text,
        });
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
