//! The delårsrapport's and the verksamhetsberättelse's amount tables as workbook sheets, one
//! per table of the document (`crate::document::interim` hands each table here as it lays it
//! out), so the workbook has the document's figures to the digit: numbers in tkr as shown,
//! the sums in bold. No formulas: a shown follow-up row is rounded as its table is, and each
//! figure is the one the document prints.

use styr_domain::money::Amount;

use super::report::{header, title_rows};
use super::{Cell, Look, Sheet, sheet_name};

/// One amount table: its label column's heading, the figures' headings, and each row's label,
/// whether it is a sum, and its figures.
pub struct AmountTable<'a> {
    pub heading: &'a str,
    pub first: &'a str,
    pub labels: &'a [String],
    pub rows: &'a [(String, bool, Vec<Amount>)],
}

/// `table` as a sheet named after `name`, unique among the sheets `taken`.
pub fn sheet(name: &str, table: &AmountTable<'_>, taken: &[Sheet]) -> Sheet {
    let names: Vec<String> = taken.iter().map(|sheet| sheet.name.clone()).collect();
    let mut rows = title_rows(
        table.heading,
        header(std::iter::once(table.first.to_string()).chain(table.labels.iter().cloned())),
    );
    for (label, sum, values) in table.rows {
        let (text, figure) = if *sum {
            (Look::Bold, Look::TkrBold)
        } else {
            (Look::Text, Look::Tkr)
        };
        let mut cells = vec![Some(Cell::text(label.as_str(), text))];
        cells.extend(values.iter().map(|value| Some(Cell::tkr(*value, figure))));
        rows.push(cells);
    }
    Sheet {
        name: sheet_name(name, &names),
        rows,
        widths: std::iter::once(36)
            .chain(table.labels.iter().map(|_| 16))
            .collect(),
    }
}
