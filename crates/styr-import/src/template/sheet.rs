//! One sheet of a filled-in template read as changes: the unit beside "Enhet-id", the header
//! row that begins "Belopp i tkr" with a year (or the explanation) per column, and below it a
//! row per budget line. Each cell that differs from the budget is a change; each that cannot
//! be read is a problem naming the sheet and the cell.
//!
//! ```text
//! Enhet-id           | ks
//! Belopp i tkr       | Budget 2025 | Plan 2026 | Förklaring
//! Personalkostnader  | -116205     | -117 000  | Löneökning och sänkt PO-pålägg.
//! ```

use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::money::{Amount, Unit};
use styr_domain::operating::{LineKind, OperatingRow, UnitLines};
use styr_domain::organisation::UnitId;
use styr_domain::parse::parse_amount;
use styr_domain::template::{COMPARISON, EXPLANATION, FINANCIAL_NET, HEADER, NET, UNIT_ID};

use super::cells::Value;
use super::problem;
use super::workbook::Sheet;
use crate::bidi;
use crate::issue::Issues;

/// A cell's text as a message quotes it: whole, or its first 80 characters and an ellipsis.
fn quoted(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]).into(),
        None => text.into(),
    }
}

/// The longest text that could be an amount ("omkring -1 234 567 890,12 mnkr" is 31): a
/// longer one is no amount, and is not read as one.
const LONGEST_AMOUNT: usize = 80;

/// A cell's text, trimmed; a number or other value as written.
fn text_of(sheet: &Sheet, row: u32, column: u32) -> String {
    match sheet.cells.get(&(row, column)) {
        Some(Value::Text(text)) => text.trim().to_string(),
        None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// What a column of the template holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    Year(Year),
    Explanation,
    Nothing,
}

pub(super) struct SheetReader<'a> {
    pub sheet: &'a Sheet,
    pub issues: &'a mut Issues,
}

impl SheetReader<'_> {
    fn value(&self, row: u32, column: u32) -> Option<&Value> {
        self.sheet.cells.get(&(row, column))
    }

    fn text(&self, row: u32, column: u32) -> String {
        text_of(self.sheet, row, column)
    }

    /// A problem at a cell. Past the issues' limit it is only counted, and neither its
    /// message nor the cell's text is made.
    pub(super) fn issue(&mut self, row: u32, column: u32, message: impl FnOnce() -> String) {
        let sheet = self.sheet;
        self.issues.add(|| {
            let content = text_of(sheet, row, column);
            problem(&sheet.name, row, column, message(), &content)
        });
    }

    /// The first cell in column A whose text is `label`: its row, and its column.
    pub(super) fn find(&self, label: &str) -> Option<(u32, u32)> {
        self.sheet
            .cells
            .keys()
            .filter(|(_, column)| *column == 0)
            .find(|(row, _)| self.text(*row, 0) == label)
            .map(|(row, _)| (*row, 0))
    }

    fn last_row(&self) -> u32 {
        self.sheet
            .cells
            .keys()
            .next_back()
            .map_or(0, |(row, _)| *row)
    }

    fn last_column(&self) -> u32 {
        self.sheet
            .cells
            .keys()
            .map(|(_, column)| *column)
            .max()
            .unwrap_or(0)
    }

    /// The unit the sheet is for; a sheet without "Enhet-id" is not a template sheet.
    pub(super) fn unit(&mut self, budget: &Budget) -> Option<UnitId> {
        let (row, _) = self.find(UNIT_ID)?;
        let id = self.text(row, 1);
        let Some(unit) = budget
            .organisation
            .units()
            .iter()
            .find(|unit| unit.id.as_str() == id)
        else {
            self.issue(row, 1, || {
                format!("enheten ”{}” finns inte i budgeten", quoted(&id))
            });
            return None;
        };
        Some(unit.id.clone())
    }

    fn columns(&mut self, budget: &Budget, header: u32) -> Vec<(u32, Holds)> {
        let editable: Vec<Year> = std::iter::once(budget.years.budget)
            .chain(budget.years.plan.iter().copied())
            .collect();
        let mut columns = Vec::new();
        for column in 1..=self.last_column() {
            let label = self.text(header, column);
            let holds = if label.is_empty() || label.ends_with(COMPARISON) {
                Holds::Nothing
            } else if label.starts_with(EXPLANATION) {
                Holds::Explanation
            } else {
                let year = label
                    .split_whitespace()
                    .last()
                    .and_then(|word| word.parse::<i64>().ok())
                    .and_then(|year| Year::new(year).ok());
                match year {
                    Some(year) if editable.contains(&year) => Holds::Year(year),
                    Some(year) => {
                        self.issue(header, column, || {
                            format!(
                                "året {year} kan inte läsas in; budgeten har åren {}–{}",
                                budget.years.budget,
                                editable.last().copied().unwrap_or(budget.years.budget)
                            )
                        });
                        Holds::Nothing
                    }
                    None => {
                        self.issue(header, column, || {
                            format!(
                                "rubriken ”{}” är inget år och ingen {EXPLANATION}",
                                quoted(&label)
                            )
                        });
                        Holds::Nothing
                    }
                }
            };
            columns.push((column, holds));
        }
        columns
    }

    pub(super) fn changes(&mut self, budget: &Budget, unit: &UnitId, changes: &mut Vec<Change>) {
        let Some((header, _)) = self.find(HEADER) else {
            self.issue(0, 0, || {
                format!("rubrikraden som börjar med ”{HEADER}” saknas")
            });
            return;
        };
        let columns = self.columns(budget, header);
        let current = budget.lines.iter().find(|lines| &lines.unit == unit);
        for row in header + 1..=self.last_row() {
            let label = self.text(row, 0);
            if label.is_empty() || label == NET {
                continue;
            }
            let line = LineKind::ALL
                .into_iter()
                .find(|line| OperatingRow::Line(*line).label() == label);
            if line.is_none() && label != FINANCIAL_NET {
                self.issue(
                    row,
                    0,
                    || format!("raden ”{}” är ingen budgetrad; mallens rader är intäkter, kostnadsslagen och {FINANCIAL_NET}", quoted(&label)),
                );
                continue;
            }
            for (column, holds) in &columns {
                match (holds, line) {
                    (Holds::Year(year), _) => {
                        let Some(amount) = self.amount(row, *column) else {
                            continue;
                        };
                        let change = match line {
                            Some(line) => {
                                let before = current
                                    .and_then(|lines| lines.lines.get(&line))
                                    .and_then(|amounts| amounts.get(year))
                                    .copied()
                                    .unwrap_or(Amount::ZERO);
                                (before != amount).then(|| Change::SetLine {
                                    unit: unit.clone(),
                                    line,
                                    year: *year,
                                    amount,
                                })
                            }
                            None => {
                                let before = current
                                    .and_then(|lines| lines.financial_net.get(year))
                                    .copied()
                                    .unwrap_or(Amount::ZERO);
                                (before != amount).then(|| Change::SetFinancialNet {
                                    unit: unit.clone(),
                                    year: *year,
                                    amount,
                                })
                            }
                        };
                        changes.extend(change);
                    }
                    (Holds::Explanation, Some(line)) => {
                        let text = match self.value(row, *column) {
                            Some(Value::Text(text)) => text.trim().to_string(),
                            None => String::new(),
                            Some(other) => other.to_string(),
                        };
                        if let Some((_, control)) = bidi::find(&text) {
                            self.issue(row, *column, || bidi::refusal(control));
                            continue;
                        }
                        // Stored texts may end in a newline; a template cell's is trimmed.
                        if text != explanation(current, line, budget).trim() {
                            changes.push(Change::SetExplanation {
                                unit: unit.clone(),
                                line,
                                text,
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// An amount in tkr: a number, or text such as "-1 234,5"; anything else is a problem.
    fn amount(&mut self, row: u32, column: u32) -> Option<Amount> {
        let text = match self.value(row, column) {
            // A float's shortest text is exactly the decimal that was typed ("1234.5"), read
            // as a decimal from there on: no float arithmetic touches the amount.
            Some(Value::Number(value)) if value.is_finite() => format!("{value}").replace('.', ","),
            Some(Value::Text(text)) if text.trim().chars().nth(LONGEST_AMOUNT).is_some() => {
                let text = text.clone();
                self.issue(row, column, || {
                    format!("”{}” är inget belopp i tkr", quoted(text.trim()))
                });
                return None;
            }
            Some(Value::Text(text)) => text.trim().to_string(),
            None => {
                self.issue(row, column, || {
                    "beloppet saknas; skriv 0 om det ska vara noll".into()
                });
                return None;
            }
            Some(other) => other.to_string(),
        };
        match parse_amount(&text, Unit::Tkr) {
            Ok(stated) => Some(stated.value),
            Err(error) => {
                self.issue(row, column, || {
                    format!("”{}” är inget belopp i tkr: {error}", quoted(&text))
                });
                None
            }
        }
    }
}

fn explanation(current: Option<&UnitLines>, line: LineKind, budget: &Budget) -> String {
    current
        .and_then(|lines| {
            lines.explanations.iter().find(|explanation| {
                explanation.line == line && explanation.to == budget.years.budget
            })
        })
        .map(|explanation| explanation.text.clone())
        .unwrap_or_default()
}
