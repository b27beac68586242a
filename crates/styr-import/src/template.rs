//! Reads a filled-in budget template (`styr_render::xlsx::template`) back as budget changes.
//!
//! Everything is found by its label ([`styr_domain::template`]): the unit's id beside
//! "Enhet-id", the header row by "Belopp i tkr", a year by its column's header, a line by its
//! name. Every problem is reported with its sheet and cell, all of them in one go; with any
//! problem there are no changes at all, so a half-read template never reaches the budget.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::money::{Amount, Unit};
use styr_domain::operating::{LineKind, OperatingRow, UnitLines};
use styr_domain::organisation::UnitId;
use styr_domain::parse::parse_amount;
use styr_domain::template::{
    COMPARISON, EXPLANATION, FINANCIAL_NET, HEADER, NET, TITLE, UNIT_ID, cell_name,
};

use crate::issue::{Issue, Severity};

/// What a column of the template holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    Year(Year),
    Explanation,
    Nothing,
}

/// The changes a filled-in template makes to `budget` (only what differs), or every problem.
pub fn template_changes(bytes: &[u8], budget: &Budget) -> Result<Vec<Change>, Vec<Issue>> {
    within_bounds(bytes).map_err(|message| vec![problem("", 0, 0, message, "")])?;
    // The spreadsheet reader is a library; should it still panic on a file damaged in a way
    // the check above does not foresee, the file is refused rather than the request lost.
    std::panic::catch_unwind(|| read(bytes, budget)).unwrap_or_else(|_| {
        Err(vec![problem(
            "",
            0,
            0,
            "filen är skadad och kan inte läsas som en Excel-arbetsbok".into(),
            "",
        )])
    })
}

/// The largest template styr reads: far beyond any unit's sheet, far below what could exhaust
/// the server's memory.
const MOST_ROWS: u64 = 10_000;
const MOST_COLUMNS: u64 = 200;
const MOST_SHEET_BYTES: u64 = 20 * 1024 * 1024;

/// Checks a workbook's sheets before the spreadsheet reader sees them: each sheet's unpacked
/// size (a small ZIP can unpack to gigabytes), and every cell reference within the bounds
/// above. A reader sizes its grid from the cells' positions, so one cell at row 1 000 000 and
/// column XFD would cost billions of empty cells; and a malformed reference overflows inside
/// the reader (calamine 0.38 multiplies a long column name past u32).
fn within_bounds(bytes: &[u8]) -> Result<(), String> {
    let unreadable = |error: &dyn std::fmt::Display| {
        format!("filen är ingen läsbar Excel-arbetsbok (.xlsx): {error}")
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| unreadable(&error))?;
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .map_err(|error| unreadable(&error))?;
        let name = entry
            .name()
            .map_err(|error| unreadable(&error))?
            .to_string();
        if !name.starts_with("xl/worksheets/") {
            continue;
        }
        let mut xml = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(entry, MOST_SHEET_BYTES + 1),
            &mut xml,
        )
        .map_err(|error| unreadable(&error))?;
        if xml.len() as u64 > MOST_SHEET_BYTES {
            return Err(format!(
                "bladet {name} är större än en budgetmall kan vara ({} MB uppackat)",
                MOST_SHEET_BYTES / 1024 / 1024
            ));
        }
        for reference in cell_references(&xml) {
            if !reasonable(reference) {
                return Err(format!(
                    "bladet {name} har en cell utanför en budgetmalls storlek: ”{}”",
                    String::from_utf8_lossy(&reference[..reference.len().min(40)])
                ));
            }
        }
    }
    Ok(())
}

/// The values of `r="…"` attributes (cells and rows) and of `ref="…"` (the sheet's size).
fn cell_references(xml: &[u8]) -> impl Iterator<Item = &[u8]> {
    [b" r=\"".as_slice(), b" ref=\"".as_slice()]
        .into_iter()
        .flat_map(move |attribute| {
            memchr::memmem::find_iter(xml, attribute).map(move |at| {
                let value = &xml[at + attribute.len()..];
                let end = memchr::memchr(b'"', value).unwrap_or(value.len());
                &value[..end]
            })
        })
}

/// "C7", "7" (a row), "A1:F13" (a size): letters then digits, within the bounds.
fn reasonable(reference: &[u8]) -> bool {
    reference.split(|byte| *byte == b':').all(|part| {
        let letters = part
            .iter()
            .take_while(|byte| byte.is_ascii_alphabetic())
            .count();
        let digits = &part[letters..];
        let column = part[..letters].iter().try_fold(0_u64, |column, letter| {
            let next = column * 26 + u64::from(letter.to_ascii_uppercase() - b'A') + 1;
            (next <= MOST_COLUMNS).then_some(next)
        });
        let row = digits.iter().try_fold(0_u64, |row, digit| {
            let next = row * 10 + u64::from(digit.wrapping_sub(b'0'));
            (digit.is_ascii_digit() && next <= MOST_ROWS).then_some(next)
        });
        column.is_some() && row.is_some() && (letters > 0 || !digits.is_empty())
    })
}

fn read(bytes: &[u8], budget: &Budget) -> Result<Vec<Change>, Vec<Issue>> {
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|error| {
            vec![problem(
                "",
                0,
                0,
                format!("filen är ingen läsbar Excel-arbetsbok (.xlsx): {error}"),
                "",
            )]
        })?;
    let mut changes = Vec::new();
    let mut issues = Vec::new();
    let mut units_seen: Vec<UnitId> = Vec::new();
    for name in workbook.sheet_names() {
        let range = match workbook.worksheet_range(&name) {
            Ok(range) => range,
            Err(error) => {
                issues.push(problem(
                    &name,
                    0,
                    0,
                    format!("bladet kan inte läsas: {error}"),
                    "",
                ));
                continue;
            }
        };
        let mut sheet = SheetReader {
            name: &name,
            range: &range,
            issues: &mut issues,
        };
        if let Some(unit) = sheet.unit(budget) {
            if units_seen.contains(&unit) {
                let (row, column) = sheet.find(UNIT_ID).map_or((0, 1), |(row, _)| (row, 1));
                sheet.issue(
                    row,
                    column,
                    format!("enheten ”{unit}” finns redan på ett annat blad"),
                );
                continue;
            }
            units_seen.push(unit.clone());
            sheet.changes(budget, &unit, &mut changes);
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
        Err(issues)
    }
}

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

struct SheetReader<'a> {
    name: &'a str,
    range: &'a Range<Data>,
    issues: &'a mut Vec<Issue>,
}

impl SheetReader<'_> {
    fn value(&self, row: u32, column: u32) -> &Data {
        self.range.get_value((row, column)).unwrap_or(&Data::Empty)
    }

    fn text(&self, row: u32, column: u32) -> String {
        match self.value(row, column) {
            Data::String(text) => text.trim().to_string(),
            Data::Empty => String::new(),
            other => other.to_string(),
        }
    }

    fn issue(&mut self, row: u32, column: u32, message: String) {
        let content = self.text(row, column);
        self.issues
            .push(problem(self.name, row, column, message, &content));
    }

    /// The first cell in column A whose text is `label`: its row, and its column.
    fn find(&self, label: &str) -> Option<(u32, u32)> {
        let (start, end) = (self.range.start()?, self.range.end()?);
        (start.0..=end.0)
            .find(|row| self.text(*row, 0) == label)
            .map(|row| (row, 0))
    }

    fn last_row(&self) -> u32 {
        self.range.end().map_or(0, |end| end.0)
    }

    fn last_column(&self) -> u32 {
        self.range.end().map_or(0, |end| end.1)
    }

    /// The unit the sheet is for; a sheet without "Enhet-id" is not a template sheet.
    fn unit(&mut self, budget: &Budget) -> Option<UnitId> {
        let (row, _) = self.find(UNIT_ID)?;
        let id = self.text(row, 1);
        let Some(unit) = budget
            .organisation
            .units()
            .iter()
            .find(|unit| unit.id.as_str() == id)
        else {
            self.issue(row, 1, format!("enheten ”{id}” finns inte i budgeten"));
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
                        self.issue(
                            header,
                            column,
                            format!(
                                "året {year} kan inte läsas in; budgeten har åren {}–{}",
                                budget.years.budget,
                                editable.last().copied().unwrap_or(budget.years.budget)
                            ),
                        );
                        Holds::Nothing
                    }
                    None => {
                        self.issue(
                            header,
                            column,
                            format!("rubriken ”{label}” är inget år och ingen {EXPLANATION}"),
                        );
                        Holds::Nothing
                    }
                }
            };
            columns.push((column, holds));
        }
        columns
    }

    fn changes(&mut self, budget: &Budget, unit: &UnitId, changes: &mut Vec<Change>) {
        let Some((header, _)) = self.find(HEADER) else {
            self.issue(
                0,
                0,
                format!("rubrikraden som börjar med ”{HEADER}” saknas"),
            );
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
                    format!("raden ”{label}” är ingen budgetrad; mallens rader är intäkter, kostnadsslagen och {FINANCIAL_NET}"),
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
                            Data::String(text) => text.trim().to_string(),
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        };
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
            Data::Int(value) => value.to_string(),
            // A float's shortest text is exactly the decimal that was typed ("1234.5"), read
            // as a decimal from there on: no float arithmetic touches the amount.
            Data::Float(value) if value.is_finite() => format!("{value}").replace('.', ","),
            Data::String(text) => text.trim().to_string(),
            Data::Empty => {
                self.issue(
                    row,
                    column,
                    "beloppet saknas; skriv 0 om det ska vara noll".into(),
                );
                return None;
            }
            other => other.to_string(),
        };
        match parse_amount(&text, Unit::Tkr) {
            Ok(stated) => Some(stated.value),
            Err(error) => {
                self.issue(
                    row,
                    column,
                    format!("”{text}” är inget belopp i tkr: {error}"),
                );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_beyond_a_template_are_refused() {
        assert!(reasonable(b"C7"));
        assert!(reasonable(b"A1:F13"));
        assert!(reasonable(b"12"));
        assert!(!reasonable(b"XFD1048576"));
        assert!(!reasonable(b"A1:XFD1048576"));
        assert!(!reasonable(b"AAAAAAAAAAAAAAAA1"));
        assert!(!reasonable(b"C7x"));
        assert!(!reasonable(b""));
    }
}
