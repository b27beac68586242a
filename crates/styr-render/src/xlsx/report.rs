//! The budget's tables as a workbook: one sheet per operating table, the investment plan, the
//! kommunbidrag, the risk analysis, the internal control plan and the efficiency register.
//! Figures are numbers in tkr as the document shows them (rounded as a whole, so the sums
//! agree); costs, net costs, the result, the investment categories and the total are formulas
//! over the cells above them, and the risk value is probability × materiality.

mod registers;

use styr_domain::investment::InvestmentRow;
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_reports::BudgetReport;
use styr_reports::operating::{Column, OperatingTableReport};
use styr_reports::shown::Shown;

use super::{Cell, Look, Sheet, Value, range_sum, reference, sheet_name, tkr_number};

/// The first row of a table's figures (zero-based): a title, a blank row and the header above.
pub(super) const FIRST: usize = 3;

/// The sheets of the tables workbook, with the figures as `shown` gives them; the workbook is
/// written from them by [`super::workbook`].
pub fn sheets(report: &BudgetReport, shown: &Shown) -> Vec<Sheet> {
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    let mut add = |mut sheet: Sheet, sheets: &mut Vec<Sheet>| {
        sheet.name = sheet_name(&sheet.name, &taken);
        taken.push(sheet.name.clone());
        sheets.push(sheet);
    };
    for table in &report.operating {
        let unit = report
            .organisation
            .tree
            .iter()
            .find(|node| node.id == table.unit)
            .map_or_else(|| table.unit.to_string(), |node| node.name.clone());
        if let Some(figures) = shown.operating_of(&table.unit) {
            let sheet = operating(table, &figures.rows, &format!("Drift {unit}"));
            add(sheet, &mut sheets);
        }
    }
    add(investment(report, &shown.investment.rows), &mut sheets);
    add(registers::frames(report), &mut sheets);
    add(registers::risks(report), &mut sheets);
    add(registers::control_plan(report), &mut sheets);
    add(registers::efficiency(report), &mut sheets);
    sheets
}

pub(super) fn title_rows(title: &str, header: Vec<Option<Cell>>) -> Vec<Vec<Option<Cell>>> {
    vec![
        vec![Some(Cell::text(title, Look::Bold))],
        Vec::new(),
        header,
    ]
}

pub(super) fn header(labels: impl IntoIterator<Item = String>) -> Vec<Option<Cell>> {
    labels
        .into_iter()
        .map(|label| Some(Cell::text(label, Look::Header)))
        .collect()
}

fn sum_formula(column: usize, rows: &[usize]) -> String {
    rows.iter()
        .map(|row| reference(column, *row))
        .collect::<Vec<_>>()
        .join("+")
}

/// An amount table as a sheet: its heading, the header "Belopp i tkr" and the years, and a row
/// per label with the shown figures. `formula(row, column)` gives a cell's formula (row and
/// column zero-based in the sheet) where the figure is a sum of other cells; the others are
/// numbers.
fn amount_sheet(
    name: &str,
    heading: &str,
    columns: &[Column],
    labels: &[(&str, bool)],
    shown: &[Vec<Amount>],
    formula: impl Fn(usize, usize) -> Option<String>,
) -> Sheet {
    let mut rows = title_rows(
        heading,
        header(
            std::iter::once("Belopp i tkr".to_string())
                .chain(columns.iter().map(|column| column.label.clone())),
        ),
    );
    for (index, (label, emphasised)) in labels.iter().enumerate() {
        let look = |bold, plain| if *emphasised { bold } else { plain };
        let mut cells = vec![Some(Cell::text(*label, look(Look::Bold, Look::Text)))];
        for (column, value) in shown[index].iter().copied().enumerate() {
            cells.push(Some(match formula(FIRST + index, column + 1) {
                Some(formula) => Cell {
                    value: Value::Formula {
                        formula,
                        value: tkr_number(value),
                    },
                    look: Look::TkrBold,
                },
                None => Cell::tkr(value, look(Look::TkrBold, Look::Tkr)),
            }));
        }
        rows.push(cells);
    }
    Sheet {
        name: name.to_string(),
        rows,
        widths: std::iter::once(34)
            .chain(columns.iter().map(|_| 14))
            .collect(),
    }
}

fn operating(table: &OperatingTableReport, shown: &[Vec<Amount>], name: &str) -> Sheet {
    let row_of = |wanted: OperatingRow| {
        table
            .rows
            .iter()
            .position(|row| row.row == wanted)
            .map(|index| FIRST + index)
    };
    let rows_of = |wanted: &[OperatingRow]| -> Vec<usize> {
        wanted.iter().filter_map(|row| row_of(*row)).collect()
    };
    let cost_rows = rows_of(
        &LineKind::ALL
            .into_iter()
            .filter(|line| *line != LineKind::Revenue)
            .map(OperatingRow::Line)
            .collect::<Vec<_>>(),
    );
    let net_cost = rows_of(&[OperatingRow::Line(LineKind::Revenue), OperatingRow::Costs]);
    let result = rows_of(&[
        OperatingRow::NetCost,
        OperatingRow::Kommunbidrag,
        OperatingRow::FinancialNet,
    ]);
    let labels: Vec<(&str, bool)> = table
        .rows
        .iter()
        .map(|row| (row.label, row.emphasised))
        .collect();
    amount_sheet(
        name,
        &table.heading,
        &table.columns,
        &labels,
        shown,
        |row, column| match table.rows[row - FIRST].row {
            OperatingRow::Costs => Some(range_sum(
                column,
                cost_rows.first().copied().unwrap_or(FIRST),
                cost_rows.last().copied().unwrap_or(FIRST),
            )),
            OperatingRow::NetCost => Some(sum_formula(column, &net_cost)),
            OperatingRow::Result => Some(sum_formula(column, &result)),
            _ => None,
        },
    )
}

fn investment(report: &BudgetReport, shown: &[Vec<Amount>]) -> Sheet {
    let plan = &report.investment;
    let categories: Vec<usize> = plan
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| matches!(row.row, InvestmentRow::Category(_)))
        .map(|(index, _)| FIRST + index)
        .collect();
    // The projects under the category at `index`: the rows that follow it.
    let projects = |index: usize| {
        (index + 1..plan.rows.len())
            .take_while(|next| matches!(plan.rows[*next].row, InvestmentRow::Project(_)))
            .count()
    };
    let labels: Vec<(&str, bool)> = plan
        .rows
        .iter()
        .map(|row| (row.label.as_str(), row.emphasised))
        .collect();
    amount_sheet(
        "Investeringar",
        &plan.heading,
        &plan.columns,
        &labels,
        shown,
        |row, column| match plan.rows[row - FIRST].row {
            InvestmentRow::Category(_) => {
                let count = projects(row - FIRST);
                (count > 0).then(|| range_sum(column, row + 1, row + count))
            }
            InvestmentRow::Total => Some(sum_formula(column, &categories)),
            InvestmentRow::Project(_) => None,
        },
    )
}
