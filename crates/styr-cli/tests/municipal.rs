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

/// The cells of the Markdown table row that starts with `label`.
fn row(markdown: &str, label: &str) -> Vec<String> {
    let line = markdown
        .lines()
        .find(|line| {
            line.starts_with(&format!("| {label} |"))
                || line.starts_with(&format!("| **{label}** |"))
        })
        .unwrap_or_else(|| panic!("{label} saknas"));
    line.split('|')
        .map(|cell| cell.trim().trim_matches('*').to_string())
        .filter(|cell| !cell.is_empty())
        .collect()
}

#[test]
fn next_year_moves_the_years_and_carries_the_balance_and_frames_over() {
    let directory = scratch("next-year");
    let next = directory.join("kommun-2027.toml");
    let before = std::fs::read(support::manifest_dir().join(DEMO)).expect("the demo");
    let arguments = [
        "next-year",
        "--municipality",
        DEMO,
        "--index-vintage",
        "Prov, oktober 2026",
        "--pkv",
        "2027=3,0 2028=3,1 2029=2,9",
        "--output",
        next.to_str().expect("a path"),
    ];
    let opened = styr(&arguments);
    assert!(opened.status.success(), "{}", text(&opened.stderr));
    assert!(
        text(&opened.stdout).contains("Budgetåret 2027 är öppnat"),
        "{}",
        text(&opened.stdout)
    );
    assert_eq!(
        std::fs::read(support::manifest_dir().join(DEMO)).expect("the demo"),
        before,
        "this year's file is untouched"
    );

    let old = text(&styr(&["report", "--municipality", DEMO]).stdout);
    let new = text(&styr(&["report", "--municipality", next.to_str().expect("a path")]).stdout);
    assert_eq!(
        row(&new, "Belopp i tkr")[1..],
        ["Budget 2026", "Budget 2027", "Plan 2028", "Plan 2029"]
    );
    // The comparison year is this year's budget, figure for figure: the balance it leaves,
    // the result, every board's kommunbidrag.
    for label in [
        "Summa tillgångar",
        "Eget kapital",
        "Likvida medel vid årets slut",
        "Resultat efter finansiella poster",
        "Summa kommunbidrag",
        "Socialnämnden",
    ] {
        assert_eq!(row(&new, label)[1], row(&old, label)[2], "{label}");
    }
    // The plan year that is now the budget year keeps its decisions.
    assert_eq!(
        row(&new, "Skatteintäkter")[2],
        row(&old, "Skatteintäkter")[3]
    );

    // A file already there is not written over; a vintage with no values is refused.
    let again = styr(&arguments);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("finns redan"),
        "{}",
        text(&again.stderr)
    );
    let unknown = directory.join("utan-index.toml");
    let refused = styr(&[
        "next-year",
        "--municipality",
        DEMO,
        "--index-vintage",
        "Okänd",
        "--output",
        unknown.to_str().expect("a path"),
    ]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(!unknown.exists(), "nothing is written");
}
