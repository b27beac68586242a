//! Any table of a document as a grid of figures: the label column, the columns of amounts, and
//! a row per line. Nothing about the layout is assumed beyond that: a column is one of amounts
//! when most of its filled cells are figures; a note column ("Not") and percentages are not.
//!
//! ```text
//! Miljoner kronor            Not  Kommun 2022  Kommun 2023
//! Summa anläggningstillgångar      3 589,0      4 405,4     ← a line of two figures
//! ```

use styr_domain::money::Unit;
use styr_domain::source_document::Table;

use super::figure::{Cell, Figure, Percent, read, read_percent};

pub struct Line {
    pub label: String,
    /// The line of the document.
    pub line: usize,
    /// One cell per amount column.
    pub cells: Vec<Cell>,
}

impl Line {
    /// A line with no figure in any column: a heading inside the table ("Omsättningstillgångar").
    pub fn is_heading(&self) -> bool {
        self.cells
            .iter()
            .all(|cell| !matches!(cell, Cell::Figure(_) | Cell::Dash))
    }

    /// A "varav" line: part of the line above it, not an addend of the lines around it.
    pub fn is_part(&self) -> bool {
        // "– varav årets resultat": a dash before it is the list's mark, not part of the word.
        let lower = self
            .label
            .trim_start_matches(['-', '–', '−', '•', ' '])
            .to_lowercase();
        lower.starts_with("varav") || lower.starts_with("därav")
    }

    pub fn figure(&self, column: usize) -> Option<Figure> {
        self.cells.get(column).and_then(|cell| cell.figure())
    }
}

/// A column of percentages ("Förändring 2012/2013" in %), one cell per line.
pub struct PercentColumn {
    pub heading: String,
    pub cells: Vec<Option<Percent>>,
}

pub struct Grid<'a> {
    pub section: &'a str,
    pub unit: Unit,
    /// Whether the table names its unit ("mnkr", "Tkr", "Miljoner kronor").
    pub unit_named: bool,
    /// The headings of the amount columns.
    pub columns: Vec<String>,
    pub lines: Vec<Line>,
    /// The columns of percentages, apart from the amounts: a percentage is no addend.
    pub percents: Vec<PercentColumn>,
}

/// The unit a header or heading names, if any.
fn unit_in(text: &str) -> Option<Unit> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|character: char| !character.is_alphanumeric())
        .collect();
    if words
        .iter()
        .any(|word| matches!(*word, "mnkr" | "mkr" | "mdkr"))
        || lower.contains("miljoner kronor")
    {
        Some(Unit::Mnkr)
    } else if words.contains(&"tkr") || lower.contains("tusen kronor") {
        Some(Unit::Tkr)
    } else if words.contains(&"kr") || words.contains(&"kronor") {
        Some(Unit::Kr)
    } else {
        None
    }
}

/// Whether a heading says its column is in percent ("Förändring %", "Andel procent").
fn names_percent(heading: &str) -> bool {
    heading.contains('%') || heading.to_lowercase().contains("procent")
}

/// The columns whose filled cells are mostly percentages, each with its cells.
fn percent_columns(table: &Table, width: usize) -> Vec<(usize, PercentColumn)> {
    (1..width)
        .filter_map(|index| {
            let heading = table.header.get(index).cloned().unwrap_or_default();
            let bare = names_percent(&heading);
            let cells: Vec<Option<Percent>> = table
                .rows
                .iter()
                .map(|row| {
                    row.cells
                        .get(index)
                        .and_then(|cell| read_percent(cell, bare))
                })
                .collect();
            let filled = table
                .rows
                .iter()
                .filter(|row| {
                    row.cells
                        .get(index)
                        .is_some_and(|cell| !cell.trim().is_empty())
                })
                .count();
            let percents = cells.iter().flatten().count();
            (percents > 0 && 2 * percents > filled)
                .then_some((index, PercentColumn { heading, cells }))
        })
        .collect()
}

fn is_note_column(heading: &str) -> bool {
    matches!(
        heading.trim().to_lowercase().as_str(),
        "not" | "noter" | "not nr" | "not."
    )
}

/// The table as a grid, or `None` when no column holds amounts.
pub fn grid<'a>(section: &'a str, table: &Table) -> Option<Grid<'a>> {
    let named = table
        .header
        .first()
        .and_then(|heading| unit_in(heading))
        .or_else(|| unit_in(section));
    // Without a named unit the figures are read as tkr: sums do not depend on the unit, and
    // nothing is shown with a unit the table did not name.
    let unit = named.unwrap_or(Unit::Tkr);
    let width = table
        .rows
        .iter()
        .map(|row| row.cells.len())
        .chain([table.header.len()])
        .max()
        .unwrap_or(0);
    let percents = percent_columns(table, width);
    let amount_columns: Vec<usize> = (1..width)
        .filter(|index| percents.iter().all(|(column, _)| column != index))
        .filter(|index| {
            !table
                .header
                .get(*index)
                .is_some_and(|heading| is_note_column(heading))
        })
        .filter(|index| {
            let cells: Vec<Cell> = table
                .rows
                .iter()
                .filter_map(|row| row.cells.get(*index))
                .filter(|cell| !cell.trim().is_empty())
                .map(|cell| read(cell, unit))
                .collect();
            let figures = cells
                .iter()
                .filter(|cell| matches!(cell, Cell::Figure(_)))
                .count();
            let text = cells.iter().filter(|cell| **cell == Cell::Text).count();
            figures > 0 && figures > text
        })
        .collect();
    if amount_columns.is_empty() {
        return None;
    }
    let lines = table
        .rows
        .iter()
        .map(|row| Line {
            label: row.cells.first().cloned().unwrap_or_default(),
            line: row.line,
            cells: amount_columns
                .iter()
                .map(|index| {
                    row.cells
                        .get(*index)
                        .map_or(Cell::Blank, |cell| read(cell, unit))
                })
                .collect(),
        })
        .collect();
    Some(Grid {
        section,
        unit,
        unit_named: named.is_some(),
        columns: amount_columns
            .iter()
            .map(|index| table.header.get(*index).cloned().unwrap_or_default())
            .collect(),
        lines,
        percents: percents.into_iter().map(|(_, column)| column).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::source_document::TableRow;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            line: 1,
            header: header.iter().map(|cell| cell.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(index, cells)| TableRow {
                    cells: cells.iter().map(|cell| cell.to_string()).collect(),
                    bold: false,
                    line: index + 2,
                })
                .collect(),
        }
    }

    #[test]
    fn a_note_column_and_a_percent_column_are_not_amounts() {
        let table = table(
            &["Miljoner kronor", "Not", "Kommun 2023", "Förändring %"],
            &[
                &["Fordringar", "16", "405,3", "3,7 %"],
                &["Kassa", "18", "74,1", "– 5,7 %"],
            ],
        );
        let grid = grid("Balansräkning", &table).expect("a grid");
        assert_eq!(grid.columns, ["Kommun 2023"]);
        assert_eq!(grid.percents.len(), 1);
        assert_eq!(grid.percents[0].heading, "Förändring %");
        assert_eq!(
            grid.percents[0].cells[1],
            Some(Percent {
                value: -57,
                decimals: 1
            })
        );
        assert_eq!(grid.unit, Unit::Mnkr);
        assert!(grid.unit_named);
    }

    #[test]
    fn a_line_without_figures_is_a_heading_and_varav_is_a_part() {
        let table = table(
            &["tkr", "2023"],
            &[&["Omsättningstillgångar", ""], &["varav bank", "12"]],
        );
        let grid = grid("Noter", &table).expect("a grid");
        assert!(grid.lines[0].is_heading());
        assert!(grid.lines[1].is_part() && !grid.lines[1].is_heading());
    }
}
