//! The KF document's tables, each both a block and a workbook sheet from the same shown rows
//! (`crate::xlsx::interim::sheet`), so the two cannot differ.

use styr_domain::format::tkr;
use styr_domain::municipal::MunicipalBudget;
use styr_reports::municipal::{MunicipalReport, StatementTable};

use super::super::interim::columns;
use super::super::{Block, Cell, Row, Span, Table};
use super::heading;
use crate::xlsx::Sheet;
use crate::xlsx::interim::AmountTable;

/// The document as it is laid out: its blocks, a sheet per amount table, and the columns'
/// headings ("Budget 2025", "Plan 2027").
pub struct Laid {
    pub blocks: Vec<Block>,
    pub sheets: Vec<Sheet>,
    headings: Vec<String>,
}

impl Laid {
    pub fn new(headings: Vec<String>) -> Laid {
        Laid {
            blocks: Vec::new(),
            sheets: Vec::new(),
            headings,
        }
    }

    /// A statement in tkr with its shown figures; sums in bold.
    pub fn statement(&mut self, sheet: &str, table: &StatementTable) {
        let rows: Vec<(String, bool, Vec<styr_domain::money::Amount>)> = table
            .lines
            .iter()
            .map(|line| (line.label.clone(), line.sum, line.shown.clone()))
            .collect();
        self.blocks.push(Block::Table(Table {
            columns: columns("Belopp i tkr", &self.headings),
            rows: rows
                .iter()
                .map(|(label, sum, values)| {
                    let mut cells = vec![Cell::new(label.as_str())];
                    cells.extend(values.iter().map(|value| Cell::new(tkr(*value))));
                    Row {
                        cells,
                        emphasised: *sum,
                    }
                })
                .collect(),
        }));
        let made = crate::xlsx::interim::sheet(
            sheet,
            &AmountTable {
                heading: &table.heading,
                first: "Belopp i tkr",
                labels: &self.headings,
                rows: &rows,
            },
            &self.sheets,
        );
        self.sheets.push(made);
    }
}

/// Each goal's ratio per year against its floor.
pub fn goals(report: &MunicipalReport, out: &mut Laid) {
    if report.goals.is_empty() {
        return;
    }
    let mut labels = vec!["Lägst".to_string()];
    labels.extend(out.headings.iter().cloned());
    let rows = report
        .goals
        .iter()
        .map(|goal| {
            let mut cells = vec![
                Cell::new(goal.name.as_str()),
                Cell::new(format!("{} %", goal.minimum.to_swedish())),
            ];
            cells.extend(goal.years.iter().map(|year| Cell::new(year.shown())));
            Row {
                cells,
                emphasised: false,
            }
        })
        .collect();
    out.blocks.push(Block::Table(Table {
        columns: columns("Finansiellt mål", &labels),
        rows,
    }));
}

/// The budget year's frame per nämnd from the comparison year's, with each board's steps.
pub fn frame_derivation(budget: &MunicipalBudget, report: &MunicipalReport, out: &mut Laid) {
    let years = &budget.years;
    out.blocks
        .push(heading(2, &format!("Ramberäkning {}", years.budget)));
    let labels = vec![
        format!("Ram {}", years.previous),
        "Uppräkning".to_string(),
        "Förändringar".to_string(),
        format!("Ram {}", years.budget),
    ];
    let row = |change: &styr_reports::municipal::FrameChange, emphasised| {
        let mut cells = vec![Cell::new(change.board.as_str())];
        cells.extend(
            [
                change.previous,
                change.uprating,
                change.changes,
                change.frame,
            ]
            .into_iter()
            .map(|value| Cell::new(tkr(value))),
        );
        Row { cells, emphasised }
    };
    let mut rows: Vec<Row> = report
        .frame_changes
        .iter()
        .map(|change| row(change, false))
        .collect();
    rows.push(row(&report.frame_changes_total, true));
    out.blocks.push(Block::Table(Table {
        columns: columns("Belopp i tkr", &labels),
        rows,
    }));
    let items = report
        .frame_changes
        .iter()
        .map(|change| {
            vec![
                Span::bold(format!("{}:", change.board)),
                Span::plain(format!(" {}", change.steps.join("; "))),
            ]
        })
        .collect();
    out.blocks.push(Block::Bullets(items));
}
