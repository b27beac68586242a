//! Reads a filled-in budget template (`styr_render::xlsx::template`) back as budget changes.
//!
//! Everything is found by its label ([`styr_domain::template`]): the unit's id beside
//! "Enhet-id", the header row by "Belopp i tkr", a year by its column's header, a line by its
//! name. Every problem is reported with its sheet and cell, all of them in one go; with any
//! problem there are no changes at all, so a half-read template never reaches the budget.
//!
//! The workbook is read by styr's own reader (`workbook`, `strings`, `cells`), within the
//! [`Limits`] from the first byte: the archive's entries and sizes, the XML's nesting, the
//! cells and their references. A sheet is as expensive as its cells, never as the area they
//! span, so no workbook of any shape makes the reader allocate more than the limits allow.

use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_domain::organisation::UnitId;
use styr_domain::template::{TITLE, UNIT_ID, cell_name};

use crate::issue::{Issue, Issues, Severity};
use crate::limits::Limits;
use sheet::SheetReader;

mod cells;
mod kept;
mod sheet;
mod strings;
mod workbook;

/// The changes a filled-in template makes to `budget` (only what differs), or every problem.
pub fn template_changes(bytes: &[u8], budget: &Budget) -> Result<Vec<Change>, Vec<Issue>> {
    template_changes_within(bytes, budget, &Limits::default())
}

/// [`template_changes`] within `limits` instead of the defaults.
pub fn template_changes_within(
    bytes: &[u8],
    budget: &Budget,
    limits: &Limits,
) -> Result<Vec<Change>, Vec<Issue>> {
    let sheets = workbook::read_workbook(bytes, limits)
        .map_err(|message| vec![problem("", 0, 0, message, "")])?;
    let mut changes = Vec::new();
    let mut issues = Issues::default();
    let mut units_seen: Vec<UnitId> = Vec::new();
    for sheet in &sheets {
        let mut reader = SheetReader {
            sheet,
            issues: &mut issues,
        };
        if let Some(unit) = reader.unit(budget) {
            if units_seen.contains(&unit) {
                let (row, column) = reader.find(UNIT_ID).map_or((0, 1), |(row, _)| (row, 1));
                reader.issue(row, column, || {
                    format!("enheten ”{unit}” finns redan på ett annat blad")
                });
                continue;
            }
            units_seen.push(unit.clone());
            reader.changes(budget, &unit, &mut changes);
        }
    }
    if units_seen.is_empty() && issues.is_empty() {
        issues.push(problem(
            "",
            0,
            0,
            format!("arbetsboken har inget blad med ”{UNIT_ID}”; är det en budgetmall ({TITLE}) från styr?"),
            "",
        ));
    }
    if issues.is_empty() {
        Ok(changes)
    } else {
        Err(issues.into_vec())
    }
}

/// A problem at a sheet's cell, or with the whole workbook when `sheet` is empty.
fn problem(sheet: &str, row: u32, column: u32, message: String, content: &str) -> Issue {
    let place = if sheet.is_empty() {
        String::new()
    } else {
        format!(
            "blad ”{sheet}”, cell {}: ",
            cell_name(column as usize, row as usize)
        )
    };
    Issue {
        severity: Severity::Error,
        line: row as usize + 1,
        column: column as usize + 1,
        message: format!("{place}{message}"),
        source_line: content.to_string(),
        width: content.chars().count().max(1),
    }
}
