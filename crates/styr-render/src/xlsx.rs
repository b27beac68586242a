//! Excel workbooks (.xlsx) written directly as Office Open XML: the budget's tables, one sheet
//! each, figures as numbers in tkr and subtotals as formulas ([`report`]); and the budget
//! template a unit manager fills in offline ([`template`]).
//!
//! A formula cell also carries its value, so a reader that does not calculate (calamine, a
//! preview) sees the same figure as Excel; the workbook asks Excel to recalculate on opening.

pub mod interim;
mod parts;
pub mod report;
pub mod template;

pub use parts::workbook;

use styr_domain::money::{Amount, ORE_PER_TKR};

/// A cell's look: an index into the workbook's `cellXfs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Text = 0,
    Bold = 1,
    /// Whole tkr with a thousands separator: "100 548" in a Swedish Excel.
    Tkr = 2,
    TkrBold = 3,
    Header = 4,
    /// Long text, wrapped.
    Wrapped = 5,
    /// A cell to fill in: tkr, pale yellow.
    Input = 6,
    /// Text to fill in, wrapped, pale yellow.
    InputText = 7,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// An exact decimal number written as it is ("100548", "-12.5").
    Number(String),
    /// A formula and the value it gives.
    Formula {
        formula: String,
        value: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub value: Value,
    pub look: Look,
}

impl Cell {
    pub fn text(text: impl Into<String>, look: Look) -> Cell {
        Cell {
            value: Value::Text(text.into()),
            look,
        }
    }

    pub fn tkr(amount: Amount, look: Look) -> Cell {
        Cell {
            value: Value::Number(tkr_number(amount)),
            look,
        }
    }
}

/// A worksheet: rows of cells from A1 (a `None` leaves a cell empty) and column widths.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Option<Cell>>>,
    /// Widths in characters, from column A.
    pub widths: Vec<u16>,
}

/// An amount in tkr as an exact decimal number: 100 548 tkr → "100548", 1 234,5 kr → "1.2345".
pub fn tkr_number(amount: Amount) -> String {
    let ore = i128::from(amount.ore());
    let per = i128::from(ORE_PER_TKR);
    let sign = if ore < 0 { "-" } else { "" };
    let whole = ore.abs() / per;
    let fraction = ore.abs() % per;
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:05}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// "C7" for column 2, row 6 (both zero-based).
pub fn reference(column: usize, row: usize) -> String {
    styr_domain::template::cell_name(column, row)
}

/// "SUM(B5:B8)": a column's rows from `first` to `last` (zero-based).
pub fn range_sum(column: usize, first: usize, last: usize) -> String {
    format!(
        "SUM({}:{})",
        reference(column, first),
        reference(column, last)
    )
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|character| {
            if "[]:*?/\\".contains(character) {
                '-'
            } else {
                character
            }
        })
        .collect();
    let base: String = clean.chars().take(31).collect();
    let mut name = base.clone();
    let mut number = 2;
    while taken
        .iter()
        .any(|existing| existing.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" {number}");
        name = base
            .chars()
            .take(31 - suffix.chars().count())
            .chain(suffix.chars())
            .collect();
        number += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_decimal_tkr() {
        assert_eq!(tkr_number(Amount::from_tkr(100_548)), "100548");
        assert_eq!(tkr_number(Amount::from_tkr(-114_196)), "-114196");
        assert_eq!(tkr_number(Amount::from_ore(123_450)), "1.2345");
        assert_eq!(tkr_number(Amount::from_ore(-1)), "-0.00001");
    }

    #[test]
    fn columns_and_sheet_names() {
        assert_eq!(reference(2, 6), "C7");
        let taken = vec!["Drift".to_string()];
        assert_eq!(sheet_name("Drift", &taken), "Drift 2");
        assert_eq!(sheet_name("A/B: [c]", &[]), "A-B- -c-");
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
    }
}
