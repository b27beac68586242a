//! Tables of amounts: a header naming the unit ("Belopp i tkr") and a year in every other
//! column ("Budget 2024", "Plan 2026"), and rows of figures.

use styr_domain::calendar::Year;
use styr_domain::money::{Amount, Precision, Unit};
use styr_domain::parse::parse_amount;
use styr_domain::source_document::{Block, Document};

pub struct AmountRow {
    pub label: String,
    pub bold: bool,
    pub line: usize,
    /// One figure per year column; `None` where a cell is not a figure.
    pub values: Vec<Option<Amount>>,
    /// The row's figure in a total column ("Summa 2025–2029"), where the table has one.
    pub total: Option<Amount>,
}

pub struct AmountTable<'a> {
    pub section: &'a str,
    /// The position of this table among the document's blocks.
    pub block: usize,
    pub precision: Precision,
    pub years: Vec<Year>,
    /// The column headings as written.
    pub labels: Vec<String>,
    /// The heading of a total column, which adds up the year columns row by row.
    pub total_label: Option<String>,
    pub rows: Vec<AmountRow>,
}

impl AmountTable<'_> {
    pub fn column(&self, year: Year) -> Option<usize> {
        self.years.iter().position(|column| *column == year)
    }

    /// The row whose label is `label`, ignoring case.
    pub fn row(&self, label: &str) -> Option<&AmountRow> {
        self.rows.iter().find(|row| {
            row.label.eq_ignore_ascii_case(label)
                || row.label.to_lowercase() == label.to_lowercase()
        })
    }

    /// A subtotal's or total's value as its own rows compute it, where it is one: a bold row is
    /// the sum of the plain rows beneath it, a total at the foot the sum of those sums. `None`
    /// also when the sum leaves the range of an amount: such a figure is not tied to anything.
    pub fn value_from_rows(&self, row: &AmountRow, column: usize) -> Option<Amount> {
        if !row.bold {
            return None;
        }
        let position = self
            .rows
            .iter()
            .position(|candidate| std::ptr::eq(candidate, row))?;
        let lower = row.label.to_lowercase();
        if lower.starts_with("total") || lower.starts_with("summa") {
            let mut sum = Amount::ZERO;
            for (index, candidate) in self.rows[..position]
                .iter()
                .enumerate()
                .filter(|(_, candidate)| candidate.bold)
            {
                let part = self.value_from_rows(candidate, column).or_else(|| {
                    let has_children = self.rows.get(index + 1).is_some_and(|next| !next.bold);
                    if has_children {
                        None
                    } else {
                        candidate.values[column]
                    }
                })?;
                sum = sum.checked_add(part).ok()?;
            }
            return Some(sum);
        }
        let children: Vec<&AmountRow> = self.rows[position + 1..]
            .iter()
            .take_while(|candidate| !candidate.bold)
            .collect();
        if children.is_empty() {
            return None;
        }
        let parts: Option<Vec<Amount>> =
            children.iter().map(|child| child.values[column]).collect();
        Amount::try_sum(parts?).ok()
    }

    /// The budget year: the last column headed "Budget".
    pub fn budget_year(&self) -> Option<Year> {
        self.labels
            .iter()
            .zip(&self.years)
            .rev()
            .find(|(label, _)| label.to_lowercase().starts_with("budget"))
            .map(|(_, year)| *year)
    }
}

fn unit_of(header: &str) -> Option<Unit> {
    let lower = header.to_lowercase();
    if lower.contains("mnkr") {
        Some(Unit::Mnkr)
    } else if lower.contains("tkr") {
        Some(Unit::Tkr)
    } else {
        None
    }
}

pub fn year_in(text: &str) -> Option<Year> {
    text.split(|character: char| !character.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .find_map(|part| {
            part.parse::<i64>()
                .ok()
                .and_then(|year| Year::new(year).ok())
        })
}

pub fn amount_tables(document: &Document) -> Vec<AmountTable<'_>> {
    document
        .with_sections()
        .into_iter()
        .enumerate()
        .filter_map(|(block, (section, content))| {
            let Block::Table(table) = content else {
                return None;
            };
            let unit = unit_of(table.header.first()?)?;
            // Every other column is a year, except at most one total column ("Summa", "Totalt").
            let mut years = Vec::new();
            let mut year_columns = Vec::new();
            let mut total_column = None;
            for (index, cell) in table.header.iter().enumerate().skip(1) {
                let lower = cell.to_lowercase();
                if lower.starts_with("summa") || lower.starts_with("total") {
                    if total_column.replace(index).is_some() {
                        return None;
                    }
                } else {
                    years.push(year_in(cell)?);
                    year_columns.push(index);
                }
            }
            if years.is_empty() {
                return None;
            }
            let precision = Precision::new(unit, 0);
            let figure = |cells: &[String], index: usize| {
                cells
                    .get(index)
                    .and_then(|cell| parse_amount(cell, unit).ok())
                    .map(|stated| stated.value)
            };
            let rows = table
                .rows
                .iter()
                .map(|row| AmountRow {
                    label: row.cells.first().cloned().unwrap_or_default(),
                    bold: row.bold,
                    line: row.line,
                    values: year_columns
                        .iter()
                        .map(|index| figure(&row.cells, *index))
                        .collect(),
                    total: total_column.and_then(|index| figure(&row.cells, index)),
                })
                .collect();
            let labels = year_columns
                .iter()
                .map(|index| table.header[*index].clone())
                .collect();
            let total_label = total_column.map(|index| table.header[index].clone());
            Some(AmountTable {
                section,
                block,
                precision,
                years,
                labels,
                total_label,
                rows,
            })
        })
        .collect()
}
