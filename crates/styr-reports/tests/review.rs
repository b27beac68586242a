//! The review on small documents written for one rule each.

use styr_domain::source_document::{Block, Document, Table, TableRow};
use styr_reports::check::Severity;
use styr_reports::review::review;

fn row(cells: &[&str], bold: bool, line: usize) -> TableRow {
    TableRow {
        cells: cells.iter().map(|cell| cell.to_string()).collect(),
        bold,
        line,
    }
}

/// An investment table with a total column; `last` is the last project's total.
fn with_total_column(last: &str) -> Document {
    let table = Table {
        line: 2,
        header: ["Belopp i tkr", "Plan 2026", "Plan 2027", "Summa 2026–2027"]
            .map(String::from)
            .to_vec(),
        rows: vec![
            row(&["Expansionsinvesteringar", "300", "500", "800"], true, 3),
            row(&["Skola", "100", "200", "300"], false, 4),
            row(&["Simhall", "200", "300", last], false, 5),
        ],
    };
    Document {
        blocks: vec![
            Block::Heading {
                level: 2,
                text: "Investeringar".into(),
                line: 1,
            },
            Block::Table(table),
        ],
    }
}

#[test]
fn a_total_column_is_the_sum_of_its_row() {
    assert!(review(&with_total_column("500")).findings.is_empty());
    let findings = review(&with_total_column("600")).findings;
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].place, "Simhall, Summa 2026–2027 (rad 5)");
    assert_eq!(findings[0].severity, Severity::Error);
}

#[test]
fn a_table_with_a_column_that_is_neither_a_year_nor_a_total_is_left_alone() {
    let table = Table {
        line: 1,
        header: ["Belopp i tkr", "Plan 2026", "Kommentar"]
            .map(String::from)
            .to_vec(),
        rows: vec![
            row(&["Summa", "1", "ny"], true, 2),
            row(&["Rad", "2", "x"], false, 3),
        ],
    };
    let findings = review(&Document {
        blocks: vec![Block::Table(table)],
    })
    .findings;
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_sum_too_large_to_compute_is_left_unchecked_with_its_place() {
    // Each figure is within the range of an amount; the row's sum over the years is not.
    let table = Table {
        line: 2,
        header: ["Belopp i tkr", "Plan 2026", "Plan 2027", "Summa 2026–2027"]
            .map(String::from)
            .to_vec(),
        rows: vec![row(
            &["Skola", "92233720368547", "92233720368547", "0"],
            false,
            3,
        )],
    };
    let review = review(&Document {
        blocks: vec![Block::Table(table)],
    });
    assert!(review.findings.is_empty(), "{:?}", review.findings);
    assert_eq!(review.unchecked.len(), 1);
    assert_eq!(review.unchecked[0].place, "Skola, Summa 2026–2027 (rad 3)");
    assert_eq!(
        review.unchecked[0].reason,
        "summan av åren: beloppet blir för stort för att räknas exakt"
    );
}
