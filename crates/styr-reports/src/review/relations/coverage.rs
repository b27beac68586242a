//! What a review read, checked and left alone, so that its answer never claims more than was
//! done: "7 tabeller lästa, 5 granskade med samband ur siffrorna; 38 samband, 214 kontroller;
//! 241 av 262 tabellsiffror ingår i något samband. Tabeller som inte kunde tolkas: …".

use std::collections::HashSet;

use serde::Serialize;

use super::equation::{Axis, Equation};
use super::figure::Cell;
use super::grid::Grid;
use super::percent::Ratio;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Every table of the document.
    pub tables_read: usize,
    /// Tables checked by the budget layout's own rules (subtotals, operating rows, totals).
    pub tables_by_layout: usize,
    /// Tables where relations were found from the numbers.
    pub tables_inferred: usize,
    /// Relations found and checked.
    pub relations: usize,
    /// Places (a relation at one column or line) checked.
    pub checks: usize,
    /// Printed figures in the tables read for relations, and those that went into a check.
    pub figures: usize,
    pub figures_checked: usize,
    /// "Rubrik (rad 12): inga samband i siffrorna".
    pub not_understood: Vec<String>,
}

impl Coverage {
    pub(super) fn not_understood(&mut self, section: &str, line: usize, reason: &str) {
        self.not_understood
            .push(format!("{section} (rad {line}): {reason}"));
    }

    pub(super) fn count(&mut self, grid: &Grid<'_>, equations: &[Equation], ratios: &[Ratio]) {
        let mut checked: HashSet<(usize, usize)> = HashSet::new();
        for equation in equations {
            for at in 0..equation.places(grid) {
                if equation.check(grid, at).is_none() {
                    continue;
                }
                self.checks += 1;
                for index in
                    std::iter::once(equation.target).chain(equation.terms.iter().map(|(i, _)| *i))
                {
                    checked.insert(match equation.axis {
                        Axis::Rows => (index, at),
                        Axis::Columns => (at, index),
                    });
                }
            }
        }
        for ratio in ratios {
            for line in 0..grid.lines.len() {
                if ratio.check(grid, line).is_none() {
                    continue;
                }
                self.checks += 1;
                self.figures_checked += 1;
                checked.extend(ratio.columns().map(|column| (line, column)));
            }
        }
        self.relations += equations.len() + ratios.len();
        // Every percentage of the table is a figure of it, checked or not.
        self.figures += grid
            .percents
            .iter()
            .map(|column| column.cells.iter().flatten().count())
            .sum::<usize>();
        for (line, row) in grid.lines.iter().enumerate() {
            for (column, cell) in row.cells.iter().enumerate() {
                if matches!(cell, Cell::Figure(_)) {
                    self.figures += 1;
                    if checked.contains(&(line, column)) {
                        self.figures_checked += 1;
                    }
                }
            }
        }
    }

    /// Whether anything at all was checked.
    pub fn checked_anything(&self) -> bool {
        self.tables_by_layout > 0 || self.checks > 0
    }

    /// The coverage in one paragraph, in Swedish.
    pub fn text(&self) -> String {
        let mut text = format!(
            "Omfattning: {} tabeller lästa; {} granskade med budgetens egna regler, {} med samband \
             ur siffrorna ({} samband, {} kontroller; {} av {} tabellsiffror ingår i något samband).",
            self.tables_read,
            self.tables_by_layout,
            self.tables_inferred,
            self.relations,
            self.checks,
            self.figures_checked,
            self.figures
        );
        if !self.not_understood.is_empty() {
            text.push_str(&format!(
                " {} tabeller kunde inte tolkas: {}.",
                self.not_understood.len(),
                self.not_understood.join("; ")
            ));
        }
        text.push('\n');
        text
    }
}
