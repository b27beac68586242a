//! The document's tables, formatted: the amount tables in whole tkr with the figures
//! `styr_reports::shown` rounded (as a whole, so that they add up as printed), and the
//! registers' tables (`tables/registers.rs`). Formatting only: no figure is worked out here.

mod registers;

use styr_domain::format;
use styr_domain::money::Amount;
use styr_reports::investment::InvestmentReport;
use styr_reports::operating::OperatingTableReport;

use super::{Cell, Column, Row, Table};

pub use registers::{control_plan, risk_analysis, risk_matrix};

fn amount_columns<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<Column> {
    let mut columns = vec![Column {
        label: "Belopp i tkr".into(),
        numeric: false,
        weight: 30,
    }];
    columns.extend(labels.map(|label| Column {
        label: label.to_string(),
        numeric: true,
        weight: 12,
    }));
    columns
}

fn amount_row(label: &str, emphasised: bool, values: &[Amount]) -> Row {
    let mut cells = vec![Cell::new(label)];
    cells.extend(values.iter().map(|value| Cell::new(format::tkr(*value))));
    Row { cells, emphasised }
}

/// The operating table with its figures as shown (`styr_reports::shown::ShownOperating`).
pub fn operating(table: &OperatingTableReport, shown: &[Vec<Amount>]) -> Table {
    Table {
        columns: amount_columns(table.columns.iter().map(|column| column.label.as_str())),
        rows: table
            .rows
            .iter()
            .zip(shown)
            .map(|(row, values)| amount_row(row.label, row.emphasised, values))
            .collect(),
    }
}

/// The investment plan with its figures as shown (`styr_reports::shown::ShownInvestment`).
pub fn investment(plan: &InvestmentReport, shown: &[Vec<Amount>]) -> Table {
    Table {
        columns: amount_columns(plan.columns.iter().map(|column| column.label.as_str())),
        rows: plan
            .rows
            .iter()
            .zip(shown)
            .map(|(row, values)| amount_row(&row.label, row.emphasised, values))
            .collect(),
    }
}
