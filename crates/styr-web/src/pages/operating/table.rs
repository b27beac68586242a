//! One operating table as the page shows it: its rows with a cell per column (an entered
//! row's cells editable, each with the version it was read at — but never the comparison
//! year's, which shows the previous year's budget as decided), the change against the
//! previous year, the explanations of each line's change, and the balance check's warnings.

use std::collections::BTreeMap;

use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_domain::money::Amount;
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use styr_reports::check::{Finding, FindingKind};
use styr_reports::followup::ENTERED;
use styr_reports::operating::OperatingTableReport;

use super::Typed;
use super::form::cell_change;
use crate::view::{signed_tkr, tkr};

pub struct CellView {
    pub id: String,
    pub key: String,
    /// The cell's version as read (its exact amount in öre), sent back with a save.
    pub version: String,
    pub year: u16,
    pub value: String,
    pub error: String,
    pub label: String,
    /// Whether this cell takes input: an entered row of an editable table, not the
    /// comparison year.
    pub editable: bool,
}

pub struct RowView {
    pub key: &'static str,
    pub label: &'static str,
    pub emphasised: bool,
    pub line: &'static str,
    pub cells: Vec<CellView>,
    pub change: String,
}

pub struct ExplanationView {
    pub id: String,
    pub line: &'static str,
    /// The explanation's version as read, sent back with a save.
    pub version: String,
    pub sentence: String,
    pub text: String,
    /// The explanation's Markdown as HTML (escaped), for a table that is read, not edited.
    pub text_html: String,
}

pub struct TableView {
    pub anchor: String,
    pub unit: String,
    pub heading: String,
    pub editable: bool,
    pub columns: Vec<String>,
    pub change_label: String,
    pub rows: Vec<RowView>,
    pub explanations: Vec<ExplanationView>,
    /// The balance check's warnings for this table ("Budgeten är inte i balans …").
    pub warnings: Vec<String>,
    /// The comparison year's column label ("Budget 2024"), shown as decided.
    pub comparison: String,
}

/// The units whose own lines a person edits on this page: each shown table's unit, when the
/// table is made of that unit's lines alone, and otherwise every unit that feeds the table.
pub fn editable_units(budget: &Budget) -> Vec<(UnitId, String, bool)> {
    let mut units = Vec::new();
    for table in &budget.operating_tables {
        let feeding: Vec<&UnitId> = budget
            .lines
            .iter()
            .map(|lines| &lines.unit)
            .filter(|unit| budget.counts_towards(unit, &table.unit))
            .collect();
        if feeding.iter().all(|unit| **unit == table.unit) {
            units.push((table.unit.clone(), table.heading.clone(), true));
        } else {
            units.push((table.unit.clone(), table.heading.clone(), false));
            for unit in feeding {
                let name = budget
                    .organisation
                    .unit(unit)
                    .map_or_else(|| unit.to_string(), |found| found.name.clone());
                units.push((unit.clone(), format!("{name} ({})", table.heading), true));
            }
        }
    }
    units
}

pub fn table_view(
    budget: &Budget,
    report: &OperatingTableReport,
    editable: bool,
    typed: &Typed,
    errors: &BTreeMap<String, String>,
    findings: &[Finding],
) -> TableView {
    let unit = report.unit.as_str();
    let has_frame = budget.frame(&report.unit).is_some();
    let previous = report
        .columns
        .iter()
        .position(|column| column.year == budget.years.previous);
    let current = report
        .columns
        .iter()
        .position(|column| column.year == budget.years.budget);
    let rows = report
        .rows
        .iter()
        .filter(|row| {
            has_frame || !matches!(row.row, OperatingRow::Kommunbidrag | OperatingRow::Result)
        })
        .map(|row| {
            let entered_key = ENTERED.contains(&row.row).then(|| row.row.key());
            let key = entered_key.unwrap_or(row.row.key());
            let cells = report
                .columns
                .iter()
                .zip(&row.values)
                .map(|(column, value)| {
                    let field = format!("{key}:{}", column.year);
                    let version = entered_key
                        .and_then(|key| cell_change(&report.unit, key, column.year, Amount::ZERO))
                        .map(|change| styr_app::version_of(budget, &change))
                        .unwrap_or_default();
                    CellView {
                        version: typed
                            .get(&format!("version:{field}"))
                            .cloned()
                            .unwrap_or(version),
                        id: format!("{unit}-{key}-{}", column.year),
                        value: typed.get(&field).cloned().unwrap_or_else(|| tkr(*value)),
                        error: errors.get(&field).cloned().unwrap_or_default(),
                        label: format!("{}, {}", row.label, column.label),
                        key: field,
                        year: column.year.number(),
                        editable: editable
                            && entered_key.is_some()
                            && column.year != budget.years.previous,
                    }
                })
                .collect();
            let change = match (previous, current) {
                (Some(previous), Some(current)) => row.values[current]
                    .checked_sub(row.values[previous])
                    .map_or_else(|_| "för stort".into(), signed_tkr),
                _ => String::new(),
            };
            RowView {
                key,
                label: row.label,
                emphasised: row.emphasised,
                line: entered_key.unwrap_or(""),
                cells,
                change,
            }
        })
        .collect();
    let explanations = report
        .changes
        .iter()
        .map(|change| {
            let field = format!("explanation:{}", change.line.key());
            let version = styr_app::version_of(
                budget,
                &Change::SetExplanation {
                    unit: report.unit.clone(),
                    line: change.line,
                    text: String::new(),
                },
            );
            ExplanationView {
                version: typed
                    .get(&format!("version:{field}"))
                    .cloned()
                    .unwrap_or(version),
                id: format!("{unit}-explanation-{}", change.line.key()),
                line: change.line.key(),
                sentence: change.sentence.clone(),
                text_html: styr_render::document::html::prose_html(&change.explanation),
                text: typed
                    .get(&field)
                    .cloned()
                    .unwrap_or_else(|| change.explanation.clone()),
            }
        })
        .collect();
    let warnings = findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::Balance && finding.section == report.heading)
        .map(|finding| {
            format!(
                "{} är {}: underskott mot ramen. {}",
                finding.place.trim_end_matches(": underskott mot ramen"),
                finding.computed.text,
                finding.note
            )
        })
        .collect();
    TableView {
        warnings,
        comparison: budget.years.column_label(budget.years.previous),
        anchor: format!("tabell-{unit}"),
        unit: unit.to_string(),
        heading: report.heading.clone(),
        editable,
        columns: report
            .columns
            .iter()
            .map(|column| column.label.clone())
            .collect(),
        change_label: format!(
            "Förändring {}–{}",
            budget.years.previous, budget.years.budget
        ),
        rows,
        explanations,
    }
}
