//! The SIE and CSV readers never panic, whatever bytes they are given: arbitrary bytes, and a
//! valid SIE file with random damage, which reaches far deeper into the reader. Every issue
//! they report names a line that exists. `.ci/run` raises the number of cases with
//! STYR_FUZZ_CASES for a bounded, longer run.

use proptest::prelude::*;
use styr_import::sie::{
    Balance, OutcomeSink, SieError, SieFile, SieSink, Voucher, read_sie, read_with,
};

const SAMPLE: &[u8] = b"#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN \"Testkommunen \\\"AB\\\"\"\n#RAR 0 20250101 20251231\n#DIM 1 \"Kostnadsst\x84lle\"\n#OBJEKT 1 \"1100\" \"Ekonomi\"\n#KONTO 5011 \"M\x86nadsl\x94n\"\n#PBUDGET 0 202501 5011 {1 \"1100\"} 100.00\n#PSALDO 0 202501 5011 {} 100.00\n#OIB 0 1930 {1 \"1100\"} 5.00\n#VER A 1 20250115 \"L\x94n\" 20250116\n{\n\t#TRANS 5011 {1 \"1100\"} 100.00 20250115 \"rad\" 1.5\n\t#RTRANS 1930 {} -100.00\n\t#TRANS 1930 {} -100.00\n\t#BTRANS 1930 {} -1.00\n}\n#KSUMMA\n#UB 0 1930 -100.00\n#KSUMMA 809685910\n";

fn cases() -> u32 {
    std::env::var("STYR_FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(512)
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let mut sink = OutcomeSink::default();
    // Lines end at \n, or at \r alone in a file whose first line ends so.
    let first_end = bytes.iter().position(|byte| matches!(byte, b'\n' | b'\r'));
    let cr_only =
        first_end.is_some_and(|at| bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n'));
    let end = if cr_only { b'\r' } else { b'\n' };
    let lines = bytes.split(|byte| *byte == end).count();
    match read_sie(bytes, &mut sink) {
        Ok(file) => {
            let _ = sink.into_outcome(&file);
        }
        Err(SieError::Invalid { errors, .. }) => {
            for issue in errors {
                prop_assert!(
                    issue.line >= 1 && issue.line <= lines,
                    "line {} of {lines}",
                    issue.line
                );
                prop_assert!(issue.column >= 1);
                let _ = issue.to_string();
            }
        }
        Err(SieError::Io(error)) => prop_assert!(false, "no I/O error from a slice: {error}"),
    }
    Ok(())
}

/// Everything a sink hears, as text: for holding the quick way to the general one.
#[derive(Default)]
struct Record(Vec<String>);

impl SieSink for Record {
    fn balance(&mut self, _file: &SieFile, balance: &Balance) {
        self.0.push(format!("{balance:?}"));
    }
    fn voucher(&mut self, file: &SieFile, voucher: &Voucher) {
        for row in &voucher.rows {
            let objects: Vec<(u32, &str)> = voucher
                .objects(row)
                .iter()
                .map(|(dimension, object)| (*dimension, file.object(*object).id.as_str()))
                .collect();
            self.0.push(format!(
                "{} {} {row:?} {objects:?} {}",
                voucher.series,
                voucher.number,
                voucher.text(row)
            ));
        }
    }
}

fn both_ways(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (mut quick, mut general) = (Record::default(), Record::default());
    let quick_result = read_with(bytes, &mut quick, true)
        .map(|file| format!("{:?}", file.objects))
        .map_err(|error| error.to_string());
    let general_result = read_with(bytes, &mut general, false)
        .map(|file| format!("{:?}", file.objects))
        .map_err(|error| error.to_string());
    prop_assert_eq!(quick_result, general_result);
    prop_assert_eq!(quick.0, general.0);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_give_issues_not_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes)?;
        both_ways(&bytes)?;
    }

    #[test]
    fn a_damaged_file_gives_issues_not_panics(
        position in 0usize..SAMPLE.len(),
        length in 0usize..12,
        insert in proptest::collection::vec(prop_oneof![Just(b'"'), Just(b'{'), Just(b'}'), Just(b'\\'), Just(b' '), Just(b'\n'), Just(b'#'), Just(b'-'), Just(b'.'), any::<u8>(), 0x30u8..0x3a], 0..8),
    ) {
        let end = (position + length).min(SAMPLE.len());
        let damaged: Vec<u8> = SAMPLE[..position].iter().chain(&insert).chain(&SAMPLE[end..]).copied().collect();
        check(&damaged)?;
        both_ways(&damaged)?;
    }

    #[test]
    fn arbitrary_csv_gives_issues_not_panics(text in "[0-9;,.\"a-zåäö \\n-]{0,300}") {
        let profile = styr_import::csv::Profile::parse("delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\namount = \"Belopp\"\n").expect("a profile");
        let _ = styr_import::csv::read_csv(format!("Datum;Konto;Belopp\n{text}").as_bytes(), "x.csv", &profile);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Transaction rows built from the pieces real files use, valid or not, read the same
    /// the quick way and the general way.
    #[test]
    fn transaction_rows_read_the_same_both_ways(
        indent in "[ \t]{0,2}",
        account in "[0-9]{1,5}|[0-9A]{4}",
        list in r#"\{\}|\{1 "1100"\}|\{"1" "Syd" 6 "P\\"1"\}|\{1 1100 6 0001\}|\{1\}|\{ 1 "a b" \}"#,
        amount in "-?[0-9]{1,6}(\\.[0-9]{1,3})?|1,00",
        tail in r#"( 2025010[1-9]| 20250230| "")?( "text med å"| bar| "")?( 1\.5| x)?( "sign"| "\.5| \{x\}| a"b)?"#,
    ) {
        let file = format!("#FLAGGA 0\n#VER A 1 20250101\n{{\n{indent}#TRANS {account} {list} {amount}{tail}\n{indent}#TRANS 1930 {{}} 0\n}}\n");
        both_ways(file.as_bytes())?;
    }
}

#[test]
fn the_sample_itself_reads_and_its_checksum_verifies() {
    let mut sink = OutcomeSink::default();
    let file = read_sie(SAMPLE, &mut sink).unwrap_or_else(|error| panic!("{error}"));
    assert!(file.checksum_verified);
    assert_eq!(
        file.header.company_name.as_deref(),
        Some("Testkommunen \"AB\"")
    );
    assert_eq!(file.accounts[&5011].name, "Månadslön");
    let outcome = sink.into_outcome(&file);
    assert_eq!(
        outcome.actual.len(),
        1,
        "only #TRANS on result accounts counts"
    );
    assert_eq!(outcome.budget.len(), 1);
}
