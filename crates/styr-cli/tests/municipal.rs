//! `styr report --municipality` through the real binary: the demo municipality's "Mål och
//! budget" in every format, its Markdown holding the statements, the tables per nämnd and the
//! financial goals, and `styr check` on it finding no error — but finding one put into it.
//! A municipality file with a mistake is refused with its line, nothing written.

mod support;

use std::path::PathBuf;

use support::{styr, text};

const DEMO: &str = "../../examples/demo/exempelby-kommun.toml";

fn scratch(name: &str) -> PathBuf {
    let directory =
        std::env::temp_dir().join(format!("styr-cli-municipal-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("a scratch directory");
    directory
}

#[test]
fn the_demo_municipality_document_holds_every_statement_and_checks_clean() {
    let written = styr(&["report", "--municipality", DEMO, "--format", "markdown"]);
    assert!(written.status.success(), "{}", text(&written.stderr));
    let markdown = text(&written.stdout);
    for heading in [
        "## Finansiella mål",
        "## Resultatbudget",
        "### Balanskravsutredning",
        "## Kassaflödesbudget",
        "## Balansbudget",
        "## Driftbudget per nämnd",
        "### Kommunbidrag per nämnd",
        "### Ramberäkning 2026",
        "## Investeringsbudget per nämnd",
    ] {
        assert!(markdown.contains(heading), "{heading} saknas");
    }
    for row in [
        "**Verksamhetens nettokostnader**",
        "**Årets resultat**",
        "**Summa tillgångar**",
        "**Likvida medel vid årets slut**",
        "**Summa nämnder**",
        "| Barn- och utbildningsnämnden |",
    ] {
        assert!(markdown.contains(row), "{row} saknas");
    }
    assert!(
        markdown.contains("påhittad kommun"),
        "the demo says it is invented"
    );
    let directory = scratch("check");
    let file = directory.join("mal-och-budget.md");
    std::fs::write(&file, &markdown).expect("as expected");
    let checked = styr(&["check", file.to_str().expect("as expected")]);
    assert!(
        checked.status.success(),
        "{}{}",
        text(&checked.stdout),
        text(&checked.stderr)
    );
    assert!(
        text(&checked.stdout).contains("Inga avvikelser"),
        "{}",
        text(&checked.stdout)
    );
    assert!(
        text(&checked.stderr).contains("med samband ur siffrorna"),
        "{}",
        text(&checked.stderr)
    );

    // A figure changed in the kassaflödesbudget is found, at its sum.
    let changed = markdown.replacen(
        "| Förändring av avsättningar | 9 000 |",
        "| Förändring av avsättningar | 9 900 |",
        1,
    );
    assert_ne!(changed, markdown, "the row to change is in the document");
    std::fs::write(&file, &changed).expect("as expected");
    let checked = styr(&["check", file.to_str().expect("as expected")]);
    assert!(!checked.status.success());
    assert!(
        text(&checked.stdout).contains("Kassaflöde från den löpande verksamheten, Budget 2025"),
        "{}",
        text(&checked.stdout)
    );
}

#[test]
fn every_format_is_written() {
    let directory = scratch("formats");
    for (format, start) in [
        ("pdf", b"%PDF".as_slice()),
        ("docx", b"PK".as_slice()),
        ("xlsx", b"PK".as_slice()),
        ("html", b"<!DOCTYPE html>".as_slice()),
        ("json", b"{".as_slice()),
    ] {
        let file = directory.join(format!("kommun.{format}"));
        let written = styr(&[
            "report",
            "--municipality",
            DEMO,
            "--format",
            format,
            "--output",
            file.to_str().expect("as expected"),
        ]);
        assert!(
            written.status.success(),
            "{format}: {}",
            text(&written.stderr)
        );
        let bytes = std::fs::read(&file).expect("as expected");
        assert!(
            bytes.starts_with(start),
            "{format} begins {:?}",
            &bytes[..bytes.len().min(16)]
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(directory.join("kommun.json")).expect("as expected"))
            .expect("as expected");
    assert_eq!(json["boards"].as_array().map(Vec::len), Some(9));
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_municipality_file_with_a_mistake_is_refused_with_its_line() {
    let directory = scratch("refused");
    let source = std::fs::read_to_string(support::manifest_dir().join(DEMO)).expect("as expected");
    let broken = source.replacen("group = \"50\"", "group = \"80\"", 1);
    let file = directory.join("kommun.toml");
    std::fs::write(&file, broken).expect("as expected");
    let output = directory.join("kommun.md");
    let written = styr(&[
        "report",
        "--municipality",
        file.to_str().expect("as expected"),
        "--output",
        output.to_str().expect("as expected"),
    ]);
    assert_eq!(written.status.code(), Some(2), "{}", text(&written.stderr));
    assert!(
        text(&written.stderr).contains("budgeteras centralt"),
        "{}",
        text(&written.stderr)
    );
    assert!(
        text(&written.stderr).contains("rad "),
        "{}",
        text(&written.stderr)
    );
    assert!(!output.exists(), "nothing is written");
}

#[test]
fn checking_the_municipality_file_tries_every_board_against_its_frame() {
    let checked = styr(&["check", "--municipality", DEMO]);
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    assert!(
        text(&checked.stdout).contains("ryms i sin ram"),
        "{}",
        text(&checked.stdout)
    );
    let directory = scratch("frame");
    let source = std::fs::read_to_string(support::manifest_dir().join(DEMO)).expect("the demo");
    // One more tkr of costs on Valnämnden's one ansvar every year: outside its frame. (A
    // `[[board.line]]` at the end of the file belongs to the last board, Valnämnden.)
    let broken = format!(
        "{source}\n[[board.line]]\nansvar = \"valn-101\"\ngroup = \"40\"\namounts = {{ 2025 = -1, 2026 = -1, 2027 = -1, 2028 = -1 }}\n"
    );
    let file = directory.join("kommun.toml");
    std::fs::write(&file, broken).expect("written");
    let checked = styr(&["check", "--municipality", file.to_str().expect("a path")]);
    assert_eq!(checked.status.code(), Some(1), "{}", text(&checked.stderr));
    assert!(
        text(&checked.stdout).contains("Valnämnden, 2025"),
        "{}",
        text(&checked.stdout)
    );
}
