//! The parallel reader gives exactly what the sequential one gives: the same sums, the same
//! counts, and for a file it cannot take (an undeclared object, an error) the same refusal.

use std::fmt::Write;
use std::path::PathBuf;

use styr_import::sie::{OutcomeSink, read_sie, read_sie_path};

/// A file of several blocks: `vouchers` vouchers of three rows on eight cost centres.
fn ledger(vouchers: usize, body_extra: &str) -> String {
    let mut text = String::from(
        "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN \"Testkommunen\"\n#RAR 0 20250101 20251231\n#DIM 1 \"Ansvar\"\n",
    );
    for centre in 0..8 {
        let _ = writeln!(text, "#OBJEKT 1 \"{}\" \"Ansvar {centre}\"", 100 + centre);
    }
    text.push_str("#PBUDGET 0 202501 5011 {1 \"100\"} 1000.00\n");
    for number in 1..=vouchers {
        let month = 1 + number % 12;
        let centre = 100 + number % 8;
        let ore = (number * 7919) % 1_000_000;
        let _ = write!(
            text,
            "#VER A {number} 2025{month:02}15 \"Verifikation {number}\"\n{{\n\t#TRANS 5011 {{1 \"{centre}\"}} {}.{:02}\n\t#TRANS 3511 {{1 \"{}\"}} -1.00 20250101 \"rad\"\n\t#TRANS 1930 {{}} -{}.{:02}\n}}\n",
            ore / 100 + 1,
            ore % 100,
            100 + (number + 3) % 8,
            ore / 100,
            ore % 100
        );
        if number == vouchers / 2 {
            text.push_str(body_extra);
        }
    }
    text
}

fn write(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("styr-parallel-{name}-{}.se", std::process::id()));
    std::fs::write(&path, text).expect("a temporary file");
    path
}

fn both(path: &PathBuf) -> (Result<String, String>, Result<String, String>) {
    let mut parallel = OutcomeSink::default();
    let parallel_result = read_sie_path(path, &mut parallel)
        .map(|file| format!("{:?} {:?}", file.counts, parallel.into_outcome(&file)))
        .map_err(|error| error.to_string());
    let mut sequential = OutcomeSink::default();
    let bytes = std::fs::read(path).expect("the file reads");
    let sequential_result = read_sie(bytes.as_slice(), &mut sequential)
        .map(|file| format!("{:?} {:?}", file.counts, sequential.into_outcome(&file)))
        .map_err(|error| error.to_string());
    (parallel_result, sequential_result)
}

#[test]
fn a_file_of_many_blocks_sums_the_same_on_every_core() {
    let path = write("many", &ledger(60_000, ""));
    assert!(
        std::fs::metadata(&path).expect("written").len() > 8 << 20,
        "more than two blocks"
    );
    let (parallel, sequential) = both(&path);
    assert!(parallel.is_ok(), "{parallel:?}");
    assert_eq!(parallel, sequential);
}

#[test]
fn an_undeclared_object_or_an_error_mid_file_reads_as_the_sequential_way() {
    for (name, extra) in [
        (
            "undeclared",
            "#VER B 1 20250301\n{\n#TRANS 5011 {1 \"999\"} 5.00\n#TRANS 1930 {} -5.00\n}\n",
        ),
        ("balance", "#PSALDO 0 202503 5011 {} 5.00\n"),
        (
            "unbalanced",
            "#VER B 1 20250301\n{\n#TRANS 5011 {} 5.00\n#TRANS 1930 {} -4.00\n}\n",
        ),
        (
            "broken",
            "#VER B 1 20250301\n{\n#TRANS 5011 {} 5,00\n#TRANS 1930 {} -5.00\n}\n",
        ),
    ] {
        let path = write(name, &ledger(60_000, extra));
        let (parallel, sequential) = both(&path);
        assert_eq!(parallel, sequential, "{name}");
    }
}
