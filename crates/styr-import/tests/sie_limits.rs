//! The SIE reader holds every file to its limits while it reads: each limit here is set small,
//! a file passes it by one, and the refusal names the place and the limit by its key — read
//! sequentially and on every core alike.

use std::fmt::Write;
use std::path::PathBuf;

use styr_import::Limits;
use styr_import::sie::{
    OutcomeSink, SieError, read_ledger_batches_within, read_ledger_within, read_sie_path_within,
    read_sie_within,
};

const HEADER: &str = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#DIM 1 \"Ansvar\"\n";

fn small(change: impl FnOnce(&mut Limits)) -> Limits {
    let mut limits = Limits::default();
    change(&mut limits);
    limits
}

fn temporary(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("styr-limits-{name}-{}.se", std::process::id()));
    std::fs::write(&path, text).expect("a temporary file");
    path
}

/// The refusal of `text` within `limits`, the same both ways.
fn refusal(name: &str, text: &str, limits: &Limits) -> String {
    let sequential = read_sie_within(text.as_bytes(), &mut OutcomeSink::within(limits), limits);
    let path = temporary(name, text);
    let parallel = read_sie_path_within(&path, &mut OutcomeSink::within(limits), limits);
    let _ = std::fs::remove_file(&path);
    let (Err(sequential), Err(parallel)) = (sequential, parallel) else {
        panic!("{name}: read within {limits:?}");
    };
    assert_eq!(sequential.to_string(), parallel.to_string(), "{name}");
    sequential.to_string()
}

fn vouchers(count: usize, centres: usize) -> String {
    let mut text = String::new();
    for number in 1..=count {
        let centre = number % centres;
        let _ = write!(
            text,
            "#VER A {number} 20250115 \"x\"\n{{\n#TRANS 3011 {{1 \"{centre}\"}} -1.00\n#TRANS 1930 {{}} 1.00\n}}\n"
        );
    }
    text
}

#[test]
fn a_line_past_the_limit_is_named_and_skipped_to_its_end() {
    let limits = small(|limits| limits.line_bytes = 100);
    let text = format!(
        "{HEADER}#FNAMN \"{}\"\n{}",
        "x".repeat(5_000),
        vouchers(1, 1)
    );
    let message = refusal("line", &text, &limits);
    assert!(
        message.contains(
            "rad 5, kolumn 1: raden är längre än 100 byte (gränsen line_bytes = 100 byte)"
        ),
        "{message}"
    );
    assert!(
        message.contains("#FNAMN \"xxxx"),
        "the line's start is quoted: {message}"
    );
    assert!(
        message.contains("1 fel"),
        "one error, the rest of the file read: {message}"
    );
}

#[test]
fn objects_accounts_and_dimensions_are_counted_as_they_come() {
    let limits = small(|limits| {
        limits.objects = 3;
        limits.accounts = 2;
        limits.dimensions = 1;
    });
    let objects = format!("{HEADER}{}", vouchers(4, 4));
    let message = refusal("objects", &objects, &limits);
    assert!(
        message.contains(
            "objektet ”0” i dimension 1 gör att filen får fler objekt än 3 (gränsen objects = 3)"
        ),
        "{message}"
    );
    let accounts = format!(
        "{HEADER}#KONTO 3011 \"a\"\n#KONTO 1930 \"b\"\n#KONTO 5011 \"c\"\n#KONTO 5012 \"d\"\n"
    );
    let message = refusal("accounts", &accounts, &limits);
    assert!(
        message.contains("rad 7, kolumn 1: konto 5011 har fler konton än 2"),
        "{message}"
    );
    assert!(message.contains("1 fel"), "reported once: {message}");
    let dimensions = format!("{HEADER}#DIM 6 \"Projekt\"\n");
    assert!(refusal("dimensions", &dimensions, &limits).contains("(gränsen dimensions = 1)"));
}

#[test]
fn the_names_kept_are_held_to_their_bytes() {
    let limits = small(|limits| limits.names_bytes = 1_000);
    let mut text = String::from(HEADER);
    for number in 0..20 {
        let _ = writeln!(text, "#KONTO {} \"{}\"", 3000 + number, "n".repeat(40));
    }
    assert!(refusal("names", &text, &limits).contains("(gränsen names_bytes = 1 000 byte)"));
}

#[test]
fn a_voucher_is_held_to_its_rows_and_to_what_its_rows_would_cost() {
    let rows = small(|limits| limits.voucher_rows = 3);
    let text = format!(
        "{HEADER}#VER A 7 20250115 \"x\"\n{{\n#TRANS 3011 {{}} -1.00\n#TRANS 3011 {{}} -1.00\n#TRANS 3011 {{}} -1.00\n#TRANS 1930 {{}} 3.00\n}}\n"
    );
    let message = refusal("rows", &text, &rows);
    assert!(
        message.contains(
            "rad 10, kolumn 1: verifikation A 7 har fler rader än 3 (gränsen voucher_rows = 3)"
        ),
        "{message}"
    );
    // A long voucher text that every row without a text of its own repeats.
    let bytes = small(|limits| limits.voucher_bytes = 10_000);
    let text = format!(
        "{HEADER}#VER A 8 20250115 \"{}\"\n{{\n{}}}\n",
        "t".repeat(3_000),
        "#TRANS 3011 {} 0.00\n".repeat(4)
    );
    assert!(
        refusal("bytes", &text, &bytes)
            .contains("verifikation A 8 är, med varje rads text, större än")
    );
}

#[test]
fn voucher_numbers_past_their_runs_are_refused_but_a_run_costs_one() {
    let limits = small(|limits| limits.voucher_number_runs = 10);
    assert!(
        read_sie_within(
            format!("{HEADER}{}", vouchers(500, 1)).as_bytes(),
            &mut (),
            &limits
        )
        .is_ok()
    );
    let mut gappy = String::from(HEADER);
    for number in (1..=40).map(|number| number * 2) {
        let _ = write!(
            gappy,
            "#VER A {number} 20250115 \"x\"\n{{\n#TRANS 3011 {{}} -1.00\n#TRANS 1930 {{}} 1.00\n}}\n"
        );
    }
    assert!(refusal("runs", &gappy, &limits).contains("(gränsen voucher_number_runs = 10)"));
}

#[test]
fn an_outcome_is_held_to_its_sums_and_its_cost_centres() {
    let sums = small(|limits| limits.outcome_sums = 4);
    let mut text = String::from(HEADER);
    for month in 1..=5 {
        let _ = write!(
            text,
            "#VER A {month} 2025{month:02}15 \"x\"\n{{\n#TRANS 3011 {{}} -1.00\n#TRANS 1930 {{}} 1.00\n}}\n"
        );
    }
    let message = refusal("sums", &text, &sums);
    assert!(
        message.contains(
            "konto 3011 i 2025-05 ger fler summor per konto, kostnadsställe och månad än 4"
        ),
        "{message}"
    );
    let centres = small(|limits| limits.cost_centres = 3);
    let message = refusal("centres", &format!("{HEADER}{}", vouchers(4, 4)), &centres);
    assert!(
        message
            .contains("kostnadsställe 0 i 2025-01 gör att utfallet får fler kostnadsställen än 3"),
        "{message}"
    );
    assert!(
        message.contains("rad 20, kolumn 1"),
        "at the fourth voucher: {message}"
    );
}

#[test]
fn a_ledger_held_whole_is_held_to_its_bytes_and_batches_are_handed_on_by_theirs() {
    let text = format!("{HEADER}{}", vouchers(200, 5));
    let limits = small(|limits| limits.ledger_bytes = 10_000);
    let error =
        read_ledger_within(text.as_bytes(), "x.se", &limits, |_| {}).expect_err("too large whole");
    let SieError::Invalid { errors, .. } = error else {
        panic!("not an I/O error")
    };
    assert!(
        errors[0]
            .message
            .contains("gör utfallet större i minnet än 10 000 byte"),
        "{}",
        errors[0]
    );
    // In batches the same file goes through: each batch is handed on before it grows.
    let mut batches = 0;
    let (_, whole) = read_ledger_batches_within(
        text.as_bytes(),
        "x.se",
        50,
        &limits,
        |_| batches += 1,
        |_| {},
    )
    .expect("read in batches");
    assert_eq!(batches, 4);
    assert!(whole.vouchers.is_empty(), "every voucher was handed on");
}

#[test]
fn an_import_is_held_to_its_cost_centres_as_a_follow_up_is() {
    let limits = small(|limits| limits.cost_centres = 3);
    let text = format!("{HEADER}{}", vouchers(4, 4));
    let error = read_ledger_batches_within(text.as_bytes(), "x.se", 2, &limits, |_| {}, |_| {})
        .expect_err("four cost centres");
    let SieError::Invalid { errors, .. } = error else {
        panic!("not an I/O error")
    };
    assert!(
        errors[0]
            .message
            .contains("kostnadsstället 0 gör att utfallet får fler kostnadsställen än 3"),
        "{}",
        errors[0]
    );
}

#[test]
fn the_defaults_read_real_sized_books() {
    let text = format!("{HEADER}{}", vouchers(20_000, 400));
    let mut sink = OutcomeSink::default();
    let file = read_sie_within(text.as_bytes(), &mut sink, &Limits::default()).expect("it reads");
    assert_eq!(file.counts.vouchers, 20_000);
    assert_eq!(sink.into_outcome(&file).actual.len(), 400);
}
