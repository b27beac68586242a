//! Every row of a SIE file is booked, or the file is refused with the place named, or the row
//! is named in a warning — never lost, never booked twice, never summed past the range of an
//! amount. Each test is a defect issue 19 found: the file that showed it, read both ways (the
//! sequential reader and the one on every core).

use std::path::PathBuf;

use styr_import::sie::{OutcomeSink, SieError, SieFile, read_sie, read_sie_path};

const HEADER: &str = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n";

/// A balanced voucher of `amount` kronor of revenue (3011) against the bank (1930).
fn voucher(series: &str, number: &str, date: &str, amount: &str) -> String {
    format!(
        "#VER {series} {number} {date} \"Försäljning\"\n{{\n#TRANS 3011 {{}} -{amount}\n#TRANS 1930 {{}} {amount}\n}}\n"
    )
}

fn temporary(name: &str, text: &str) -> PathBuf {
    let path =
        std::env::temp_dir().join(format!("styr-integrity-{name}-{}.se", std::process::id()));
    std::fs::write(&path, text).expect("a temporary file");
    path
}

/// The file read sequentially and on every core: both must give the same answer.
fn read(name: &str, text: &str) -> Result<(SieFile, OutcomeSink), String> {
    let mut sink = OutcomeSink::default();
    let sequential = read_sie(text.as_bytes(), &mut sink).map_err(|error| error.to_string());
    let path = temporary(name, text);
    let mut parallel_sink = OutcomeSink::default();
    let parallel = read_sie_path(&path, &mut parallel_sink).map_err(|error| error.to_string());
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        sequential
            .as_ref()
            .map(|file| file.counts)
            .map_err(Clone::clone),
        parallel
            .as_ref()
            .map(|file| file.counts)
            .map_err(Clone::clone),
        "{name}: the parallel reader agrees"
    );
    sequential.map(|file| (file, sink))
}

fn refused(name: &str, text: &str) -> String {
    match read(name, text) {
        Ok((file, _)) => panic!("{name}: read, with counts {:?}", file.counts),
        Err(message) => message,
    }
}

#[test]
fn the_same_voucher_twice_is_refused_at_the_second() {
    let text = format!(
        "{HEADER}{}{}{}",
        voucher("A", "129", "20250115", "100.00"),
        voucher("A", "130", "20250116", "50.00"),
        voucher("A", "129", "20250115", "100.00"),
    );
    let message = refused("duplicate", &text);
    assert!(message.contains("rad 14, kolumn 1"), "{message}");
    assert!(
        message.contains("verifikation A 129 finns redan"),
        "{message}"
    );
    // The same number in another series is another voucher.
    let other_series = format!(
        "{HEADER}{}{}",
        voucher("A", "1", "20250115", "1.00"),
        voucher("B", "1", "20250115", "1.00")
    );
    assert!(read("series", &other_series).is_ok());
}

#[test]
fn a_damaged_label_inside_a_voucher_is_refused_not_skipped() {
    let text = format!(
        "{HEADER}#VER A 1 20250115 \"x\"\n{{\n#TRANS 3011 {{}} -80.00\n#TRNAS 3011 {{}} -20.00\n#TRANS 1930 {{}} 80.00\n}}\n"
    );
    let message = refused("label", &text);
    assert!(message.contains("rad 7, kolumn 1"), "{message}");
    assert!(message.contains("#TRNAS"), "{message}");
}

#[test]
fn a_voucher_without_a_date_is_refused_not_dropped() {
    let text = format!(
        "{HEADER}#VER \"K\" \"\" \"\" \"Försäljning\"\n{{\n#TRANS 3011 {{}} -80.00\n#TRANS 1930 {{}} 80.00\n}}\n"
    );
    let message = refused("date", &text);
    assert!(message.contains("rad 4"), "{message}");
    assert!(message.contains("verifikationsdatum"), "{message}");
}

#[test]
fn financial_years_must_run_forwards_and_follow_each_other() {
    let backwards = "#FLAGGA 0\n#RAR 0 20251231 20250101\n";
    let message = refused("backwards", backwards);
    assert!(message.contains("rad 2"), "{message}");
    assert!(message.contains("slutar före"), "{message}");
    let gap = "#FLAGGA 0\n#RAR 0 20250101 20251231\n#RAR -1 20230101 20231231\n";
    let message = refused("gap", gap);
    assert!(message.contains("rad 3"), "{message}");
    assert!(message.contains("följer inte"), "{message}");
    let twice = "#FLAGGA 0\n#RAR 0 20250101 20251231\n#RAR 0 20250101 20251231\n";
    assert!(refused("twice", twice).contains("rad 3"));
    let fine = "#FLAGGA 0\n#RAR 0 20250701 20260630\n#RAR -1 20240101 20250630\n";
    assert!(
        read("fine", fine).is_ok(),
        "an 18-month first year is allowed"
    );
}

#[test]
fn carriage_returns_alone_end_lines_too() {
    let lf = format!("{HEADER}{}", voucher("A", "1", "20250115", "80.00"));
    let cr = lf.replace('\n', "\r");
    let (lf_file, lf_sink) = read("lf", &lf).expect("LF reads");
    let (cr_file, cr_sink) = read("cr", &cr).expect("CR reads");
    assert_eq!(cr_file.counts.vouchers, 1);
    assert_eq!(lf_file.counts.lines, cr_file.counts.lines);
    assert_eq!(
        lf_sink.into_outcome(&lf_file).actual,
        cr_sink.into_outcome(&cr_file).actual
    );
}

#[test]
fn a_voucher_whose_rows_sum_past_the_range_is_refused() {
    let text = format!(
        "{HEADER}#VER A 1 20250115 \"x\"\n{{\n#TRANS 3011 {{}} 92233720368547758.07\n#TRANS 3011 {{}} 92233720368547758.07\n#TRANS 1930 {{}} -92233720368547758.07\n#TRANS 1930 {{}} -92233720368547758.07\n}}\n"
    );
    let message = refused("overflow", &text);
    assert!(message.contains("rad 4"), "{message}");
    assert!(message.contains("verifikation A 1"), "{message}");
    assert!(message.contains("för stor"), "{message}");
}

#[test]
fn an_account_whose_sum_over_vouchers_leaves_the_range_is_refused() {
    let text = format!(
        "{HEADER}{}{}",
        voucher("A", "1", "20250115", "92233720368547758.07"),
        voucher("A", "2", "20250116", "1.00")
    );
    let message = refused("sum", &text);
    assert!(message.contains("rad 9"), "{message}");
    assert!(message.contains("3011"), "{message}");
}

#[test]
fn a_period_outside_the_calendar_is_refused_not_dropped() {
    let text = "#FLAGGA 0\n#RAR 0 20250101 20251231\n#PSALDO 0 000101 3011 {} -80.00\n";
    let message = refused("period", text);
    assert!(message.contains("rad 3"), "{message}");
}

#[test]
fn direction_overrides_in_names_are_removed_and_named_in_a_warning() {
    let text = "#FLAGGA 0\n#FNAMN \"Kommunen \u{202e}BA\u{202c}\"\n#KONTO 3011 \"Int\u{2066}äkter\u{2069}\"\n#DIM 1 \"Ansvar\"\n#OBJEKT 1 \"100\" \"Ek\u{202d}onomi\"\n";
    let (file, _) = read("bidi", text).expect("it reads");
    assert_eq!(file.header.company_name.as_deref(), Some("Kommunen BA"));
    assert_eq!(file.accounts[&3011].name, "Intäkter");
    assert_eq!(file.objects[0].name, "Ekonomi");
    let warning = file
        .warnings
        .iter()
        .find(|warning| warning.message.contains("skrivriktning"))
        .expect("a warning");
    assert_eq!(warning.line, 2);
    assert!(warning.message.contains("3 "), "{}", warning.message);
}

#[test]
fn refusals_are_errors_not_io_errors() {
    let text = format!("{HEADER}#VER A 1 \"\"\n{{\n}}\n");
    assert!(matches!(
        read_sie(text.as_bytes(), &mut ()),
        Err(SieError::Invalid { .. })
    ));
}
