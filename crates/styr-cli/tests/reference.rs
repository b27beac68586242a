//! Conformance with the reference document: every figure in the tables of
//! `../shared/reference/alingsas-ks-budget-2025-2027.txt` is either reproduced by `styr report`
//! from the example's rows, or is a place `styr check` reports. Nothing else.
//!
//! The reference lives beside the repository, not in it; without it these tests say so and pass.

use std::collections::BTreeSet;
use std::path::PathBuf;

use styr_domain::format;
use styr_reports::check::FindingKind;

fn reference_text() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/alingsas-ks-budget-2025-2027.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipped: {} is not here", path.display());
            None
        }
    }
}

fn example_report() -> (styr_reports::BudgetReport, styr_domain::budget::Budget) {
    let source = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/alingsas-ks-2025.toml"),
    )
    .expect("the example exists");
    let budget = styr_import::parse_budget(&source).expect("the example reads");
    (
        styr_reports::budget_report(&budget).expect("the example computes"),
        budget,
    )
}

/// A table of the reference: its heading, column labels and rows of (label, cells).
struct SourceTable {
    heading: String,
    columns: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
}

fn amount_tables(text: &str) -> Vec<SourceTable> {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = Vec::new();
    let mut heading = String::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if let Some(title) = line.strip_prefix("## ") {
            heading = title.to_string();
        }
        if let Some(columns) = line.strip_prefix("Belopp i tkr\t") {
            let mut rows = Vec::new();
            index += 1;
            while index < lines.len() && lines[index].contains('\t') {
                let cells: Vec<String> = lines[index]
                    .split('\t')
                    .map(|cell| cell.replace("<b>", "").replace("</b>", ""))
                    .collect();
                rows.push((cells[0].clone(), cells[1..].to_vec()));
                index += 1;
            }
            tables.push(SourceTable {
                heading: heading.clone(),
                columns: columns.split('\t').map(String::from).collect(),
                rows,
            });
            continue;
        }
        index += 1;
    }
    tables
}

#[test]
fn every_table_figure_is_reproduced_or_reported() {
    let Some(text) = reference_text() else { return };
    let (report, _) = example_report();
    let tables = amount_tables(&text);
    assert_eq!(
        tables.len(),
        3,
        "two operating tables and the investment plan"
    );
    let reported: BTreeSet<(String, String)> = report
        .findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::Figure && !finding.place.starts_with('”'))
        .map(|finding| (finding.section.clone(), finding.place.clone()))
        .collect();
    let mut differing = BTreeSet::new();
    let mut reproduced = 0;
    for table in &tables {
        let computed_rows: Vec<(String, Vec<String>)> = match table.heading.as_str() {
            "Investeringsbudget" => report
                .investment
                .rows
                .iter()
                .map(|row| {
                    (
                        row.label.clone(),
                        row.values.iter().map(|value| format::tkr(*value)).collect(),
                    )
                })
                .collect(),
            heading => report
                .operating
                .iter()
                .find(|operating| operating.heading == heading)
                .unwrap_or_else(|| panic!("the report has the table ”{heading}”"))
                .rows
                .iter()
                .map(|row| {
                    (
                        row.label.to_string(),
                        row.values.iter().map(|value| format::tkr(*value)).collect(),
                    )
                })
                .collect(),
        };
        assert_eq!(
            computed_rows.len(),
            table.rows.len(),
            "{}: the same rows",
            table.heading
        );
        for ((label, cells), (computed_label, computed_cells)) in
            table.rows.iter().zip(&computed_rows)
        {
            assert_eq!(
                label, computed_label,
                "{}: rows in the same order",
                table.heading
            );
            for (column, (stated, computed)) in
                table.columns.iter().zip(cells.iter().zip(computed_cells))
            {
                if stated == computed {
                    reproduced += 1;
                } else {
                    differing.insert((table.heading.clone(), format!("{label}, {column}")));
                }
            }
        }
    }
    assert_eq!(reproduced, 4 * 10 * 2 + 6 * 13 - differing.len());
    assert_eq!(
        differing, reported,
        "the figures styr cannot reproduce are exactly the ones check reports"
    );
    assert_eq!(differing.len(), 8);
}

#[test]
fn every_risk_value_in_both_appendices_is_the_product_of_its_grades() {
    let Some(text) = reference_text() else { return };
    let (_, budget) = example_report();
    let mut seen = 0;
    let mut appendix = "";
    for line in text.lines() {
        if line.starts_with("## ") {
            appendix = if line.starts_with("## Bilaga") {
                line
            } else {
                ""
            };
        }
        if appendix.is_empty() || !line.starts_with("<b>") {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let name = cells[0].replace("<b>", "").replace("</b>", "");
        match cells.len() {
            // Bilaga 2: Risk, Riskbeskrivning, Sannolikhet, Väsentlighet, Riskvärde, Hantering.
            6 => {
                let risk = budget
                    .risks
                    .iter()
                    .find(|risk| risk.name == name)
                    .expect("every risk of Bilaga 2 is in the example");
                assert_eq!(cells[2], risk.probability.value().to_string());
                assert_eq!(cells[3], risk.materiality.value().to_string());
                assert_eq!(cells[4], risk.value().value().to_string(), "{name}");
                seen += 1;
            }
            // Bilaga 1: Risk, Riskbeskrivning, Riskvärde, Metod, Ansvarig.
            5 => {
                let control = budget
                    .controls
                    .iter()
                    .find(|control| control.stated_risk_name.as_deref() == Some(name.as_str()));
                let risk = budget
                    .risk(
                        &control
                            .expect("every control of Bilaga 1 is in the example")
                            .risk,
                    )
                    .expect("a known risk");
                assert_eq!(cells[2], risk.value().value().to_string(), "{name}");
                seen += 1;
            }
            _ => {}
        }
    }
    assert_eq!(seen, 33 + 7, "33 risks and 7 control activities");
    assert_eq!(budget.risks.len(), 33);
    assert_eq!(budget.controls.len(), 7);
}

#[test]
fn every_efficiency_investigation_and_text_section_is_kept() {
    let Some(text) = reference_text() else { return };
    let (_, budget) = example_report();
    assert_eq!(budget.efficiency.len(), 14);
    for investigation in &budget.efficiency {
        assert!(
            text.contains(&investigation.investigation),
            "{}",
            investigation.investigation
        );
    }
    for section in &budget.sections {
        for paragraph in section
            .text
            .split("\n\n")
            .filter(|paragraph| !paragraph.trim().is_empty())
        {
            assert!(
                text.contains(paragraph.trim()),
                "{}: a paragraph not in the reference:\n{paragraph}",
                section.heading
            );
        }
    }
}
