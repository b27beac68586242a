//! Transactions as CSV, the way municipal ledgers export them: semicolon- or comma-separated,
//! decimal comma or point, a header row. A saved [`Profile`] names which header is which field.
//!
//! Each CSV row is one booking; rows that share a voucher number (when the profile names that
//! column) form one voucher. Every issue is reported with its line and column, and a file with
//! any issue imports nothing. The file is read within the [`Limits`]: its size, each line's
//! (`lines`), and what the rows cost held whole (`rows`); a text with a direction control
//! (`crate::bidi`) is refused at its place, since the person importing can correct the export.
//!
//! ```text
//! Datum;Konto;Ansvar;Belopp;Text
//! 2025-01-15;5011;1100;12 345,50;"Lön; januari"
//! ```

use styr_domain::followup::LedgerImport;

use crate::issue::{Issue, Issues};
use crate::limits::{Limit, Limits};
use rows::Columns;
pub(crate) use values::split_line;

mod lines;
mod profile;
mod rows;
mod values;

pub use profile::{Profile, Sign};

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
    let source = lines::source_text(bytes);
    let source = source.as_ref();
    let mut issues = Issues::default();
    let lines = lines::screened(source, limits, &mut issues);
    let mut lines = lines.into_iter();
    let Some((_, header_start, header)) = lines.next() else {
        if !issues.is_empty() {
            return Err(issues.into_vec());
        }
        return Err(vec![Issue::error(
            source,
            0..0,
            "filen är tom: rubrikraden saknas",
        )]);
    };
    let delimiter = profile.delimiter.chars().next().unwrap_or(';');
    let headers = split_line(header, delimiter).unwrap_or_default();
    let mut column = |name: Option<&String>| -> Option<usize> {
        let name = name?;
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
    let (date, account, amount) = (
        column(Some(&profile.date)),
        column(Some(&profile.account)),
        column(Some(&profile.amount)),
    );
    let (cost_centre, project, text, voucher) = (
        column(profile.cost_centre.as_ref()),
        column(profile.project.as_ref()),
        column(profile.text.as_ref()),
        column(profile.voucher.as_ref()),
    );
    let (Some(date), Some(account), Some(amount)) = (date, account, amount) else {
        return Err(issues.into_vec());
    };
    let columns = Columns {
        date,
        account,
        amount,
        cost_centre,
        project,
        text,
        voucher,
    };
    let mut ledger = LedgerImport {
        file_name: file_name.to_string(),
        checksum: format!("{:08x}", crc32fast::hash(bytes)),
        format: "CSV".into(),
        ..LedgerImport::default()
    };
    rows::read_rows(
        source,
        lines,
        &columns,
        profile,
        limits,
        &mut ledger,
        &mut issues,
    );
    if issues.is_empty() {
        Ok(ledger)
    } else {
        Err(issues.into_vec())
    }
}

#[cfg(test)]
mod tests {
    use styr_domain::money::Amount;

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
