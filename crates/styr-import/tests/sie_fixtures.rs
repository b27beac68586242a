//! Conformance: every SIE file in `../shared/fixtures/sie/` reads as its INDEX.md describes.
//! The fixtures live beside the repository, not in it; without them these tests say so and pass.

use std::collections::BTreeMap;
use std::path::PathBuf;

use styr_import::sie::{
    Balance, BalanceKind, Encoding, SieError, SieFile, SieSink, Voucher, read_sie,
};

fn fixture(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/sie")
        .join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!(
                "skipped: {} is not here (../shared is absent)",
                path.display()
            );
            None
        }
    }
}

/// Counts what the reader hands over.
#[derive(Default)]
struct Tally {
    balances: BTreeMap<&'static str, usize>,
    vouchers: usize,
    booked_rows: usize,
    rows_with_objects: usize,
}

impl SieSink for Tally {
    fn balance(&mut self, _file: &SieFile, balance: &Balance) {
        let label = match balance.kind {
            BalanceKind::Opening => "IB",
            BalanceKind::Closing => "UB",
            BalanceKind::ObjectOpening => "OIB",
            BalanceKind::ObjectClosing => "OUB",
            BalanceKind::Result => "RES",
            BalanceKind::PeriodOutcome => "PSALDO",
            BalanceKind::PeriodBudget => "PBUDGET",
        };
        *self.balances.entry(label).or_default() += 1;
    }

    fn voucher(&mut self, _file: &SieFile, voucher: &Voucher) {
        self.vouchers += 1;
        self.booked_rows += voucher.booked().count();
        self.rows_with_objects += voucher
            .booked()
            .filter(|row| !voucher.objects(row).is_empty())
            .count();
    }
}

fn read(name: &str) -> Option<(SieFile, Tally)> {
    let bytes = fixture(name)?;
    let mut tally = Tally::default();
    let file =
        read_sie(bytes.as_slice(), &mut tally).unwrap_or_else(|error| panic!("{name}: {error}"));
    Some((file, tally))
}

#[test]
fn blblov_is_cp437_with_monthly_budgets() {
    let Some((file, tally)) = read("BLBLOV_SIE4.SE") else {
        return;
    };
    assert_eq!(file.encoding, Encoding::Cp437);
    assert_eq!(
        file.header.company_name.as_deref(),
        Some("Övningsföretaget AB")
    );
    assert_eq!(file.accounts.len(), 202);
    assert_eq!(file.header.financial_years.len(), 2);
    assert_eq!(tally.balances["IB"], 48);
    assert_eq!(tally.balances["UB"], 51);
    assert_eq!(tally.balances["RES"], 20);
    assert_eq!(tally.balances["PBUDGET"], 276);
    assert_eq!((tally.vouchers, tally.booked_rows), (20, 74));
    assert!(file.dimensions.is_empty());
}

#[test]
fn arousells_claims_pc8_but_is_utf8_with_damaged_letters() {
    let Some((file, tally)) = read("Arousells_Visning_AB.SE") else {
        return;
    };
    assert_eq!(file.encoding, Encoding::Utf8);
    assert_eq!(file.dimensions.len(), 3);
    assert_eq!(
        file.dimensions[&1].name, "Kostnadsst\u{fffd}lle",
        "damaged in the file itself"
    );
    assert!(file.objects.len() >= 6);
    assert_eq!(tally.balances["OIB"], 6);
    assert_eq!(tally.balances["OUB"], 35);
    assert_eq!(tally.balances["IB"], 56);
    assert_eq!(tally.balances["UB"], 75);
    assert_eq!(tally.balances["RES"], 76);
    assert_eq!((tally.vouchers, tally.booked_rows), (10, 83));
    let messages: Vec<&str> = file
        .warnings
        .iter()
        .map(|issue| issue.message.as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|message| message.contains("#FORMAT säger PC8")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|message| message.contains("ersättningstecknet")),
        "{messages:?}"
    );
}

#[test]
fn the_imbalanced_voucher_is_refused_with_its_line_quoted() {
    let Some(bytes) = fixture("BLBLOV_SIE4_UTF_8_with_imbalanced_voucher.SE") else {
        return;
    };
    let error = read_sie(bytes.as_slice(), &mut ()).expect_err("the voucher does not balance");
    let SieError::Invalid { errors, .. } = error else {
        panic!("not an I/O error")
    };
    assert_eq!(
        errors.len(),
        1,
        "{}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        errors[0].message.contains("balanserar inte"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("0,10 kr"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].source_line.starts_with("#VER"),
        "{}",
        errors[0].source_line
    );
}

#[test]
fn sie_gruppens_example_is_tab_separated_and_its_checksum_verifies() {
    let Some((file, tally)) = read("44_sie4.se") else {
        return;
    };
    assert!(file.checksum_verified);
    assert_eq!(file.encoding, Encoding::Cp437);
    assert_eq!(
        file.header.company_name.as_deref(),
        Some("Övningsbolaget AB")
    );
    assert_eq!(file.accounts.len(), 301);
    assert_eq!(file.dimensions.len(), 2);
    assert_eq!((tally.vouchers, tally.booked_rows), (286, 949));
    assert!(tally.rows_with_objects > 0);
    assert_eq!(tally.balances["IB"], 47);
    assert_eq!(tally.balances["UB"], 50);
    assert_eq!(tally.balances["RES"], 61);
}

#[test]
fn a_changed_byte_breaks_the_checksum() {
    let Some(mut bytes) = fixture("44_sie4.se") else {
        return;
    };
    let at = bytes
        .windows(7)
        .position(|window| window == b"1510\t{}")
        .expect("a row on 1510");
    bytes[at + 3] = b'1';
    let error = read_sie(bytes.as_slice(), &mut ()).expect_err("the sum no longer matches");
    assert!(
        error.to_string().contains("kontrollsumman stämmer inte"),
        "{error}"
    );
}

#[test]
fn the_avendo_file_has_period_budgets_outcomes_and_result_units() {
    let Some((file, tally)) = read("54_transaktioner_ovnbolag.se") else {
        return;
    };
    assert_eq!(file.dimensions.len(), 3);
    assert_eq!(file.objects.len(), 14);
    assert_eq!(file.accounts.len(), 567);
    assert_eq!(tally.balances["PBUDGET"], 1248);
    assert_eq!(tally.balances["PSALDO"], 705);
    assert_eq!(tally.balances["IB"], 55);
    assert_eq!(tally.balances["UB"], 62);
    assert_eq!(tally.balances["RES"], 104);
    assert_eq!((tally.vouchers, tally.booked_rows), (163, 671));
    let units: Vec<&str> = file
        .objects
        .iter()
        .filter(|object| object.dimension == 1)
        .map(|object| object.id.as_str())
        .collect();
    assert_eq!(units, ["Nord", "Syd"]);
}

/// Every row of every fixture, as text: account, amount, date, objects and text.
#[derive(Default)]
struct Rows(Vec<String>);

impl SieSink for Rows {
    fn voucher(&mut self, file: &SieFile, voucher: &Voucher) {
        for row in &voucher.rows {
            let objects: Vec<&str> = voucher
                .objects(row)
                .iter()
                .map(|(_, object)| file.object(*object).id.as_str())
                .collect();
            self.0
                .push(format!("{row:?} {objects:?} {}", voucher.text(row)));
        }
    }
}

#[test]
fn the_quick_way_for_plain_rows_reads_every_fixture_as_the_general_way_does() {
    for name in [
        "BLBLOV_SIE4.SE",
        "Arousells_Visning_AB.SE",
        "BLBLOV_SIE4_UTF_8_with_imbalanced_voucher.SE",
        "44_sie4.se",
        "54_transaktioner_ovnbolag.se",
    ] {
        let Some(bytes) = fixture(name) else { return };
        let (mut quick, mut general) = (Rows::default(), Rows::default());
        let quick_result = styr_import::sie::read_with(bytes.as_slice(), &mut quick, true)
            .map(|file| file.counts)
            .map_err(|error| error.to_string());
        let general_result = styr_import::sie::read_with(bytes.as_slice(), &mut general, false)
            .map(|file| file.counts)
            .map_err(|error| error.to_string());
        assert_eq!(quick_result, general_result, "{name}");
        assert_eq!(quick.0, general.0, "{name}");
    }
}
