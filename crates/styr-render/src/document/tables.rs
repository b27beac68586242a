//! The document's tables, formatted. Amount tables are rounded to whole tkr as a whole
//! (largest remainder, [`styr_domain::rounding`]): the rows a subtotal sums are apportioned so
//! that they add up to it, and every subtotal is the sum of the rows it totals as shown.

use styr_domain::format;
use styr_domain::investment::InvestmentRow;
use styr_domain::money::{Amount, AmountOverflow, Precision};
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::rounding::largest_remainder;
use styr_reports::investment::InvestmentReport;
use styr_reports::operating::OperatingTableReport;
use styr_reports::risk::{ControlRow, RiskReport};

use super::{Cell, Column, Row, Table};
use crate::text::one_line;

/// The operating table's figures as shown, row by row and column by column, in whole tkr.
///
/// The entered lines, the kommunbidrag and the finansnetto are rounded together so that they add
/// up to the year's result rounded; costs, net costs and the result are then the sums of the
/// shown rows, as a reader checking the table would add them. A column whose rounded sums would
/// leave the range of an amount keeps its exact figures, each shown rounded on its own.
pub fn shown_operating(table: &OperatingTableReport) -> Vec<Vec<Amount>> {
    let mut shown: Vec<Vec<Amount>> = table.rows.iter().map(|row| row.values.clone()).collect();
    for column in 0..table.columns.len() {
        if let Ok(values) = shown_operating_column(table, column) {
            for (row, value) in shown.iter_mut().zip(values) {
                row[column] = value;
            }
        }
    }
    shown
}

/// One column of [`shown_operating`], row by row.
fn shown_operating_column(
    table: &OperatingTableReport,
    column: usize,
) -> Result<Vec<Amount>, AmountOverflow> {
    let is_leaf = |row: OperatingRow| {
        matches!(
            row,
            OperatingRow::Line(_) | OperatingRow::Kommunbidrag | OperatingRow::FinancialNet
        )
    };
    let mut shown: Vec<Amount> = table.rows.iter().map(|row| row.values[column]).collect();
    let leaves: Vec<usize> = (0..table.rows.len())
        .filter(|&index| is_leaf(table.rows[index].row))
        .collect();
    let parts: Vec<Amount> = leaves.iter().map(|&index| shown[index]).collect();
    for (index, amount) in leaves
        .iter()
        .zip(largest_remainder(&parts, Precision::TKR)?)
    {
        shown[*index] = amount;
    }
    let value = |shown: &[Amount], wanted: OperatingRow| {
        table
            .rows
            .iter()
            .position(|row| row.row == wanted)
            .map_or(Amount::ZERO, |index| shown[index])
    };
    let costs = Amount::try_sum(
        table
            .rows
            .iter()
            .enumerate()
            .filter(
                |(_, row)| matches!(row.row, OperatingRow::Line(line) if line != LineKind::Revenue),
            )
            .map(|(index, _)| shown[index]),
    )?;
    let revenue = value(&shown, OperatingRow::Line(LineKind::Revenue));
    let net_cost = revenue.checked_add(costs)?;
    let result = Amount::try_sum([
        net_cost,
        value(&shown, OperatingRow::Kommunbidrag),
        value(&shown, OperatingRow::FinancialNet),
    ])?;
    for (index, row) in table.rows.iter().enumerate() {
        match row.row {
            OperatingRow::Costs => shown[index] = costs,
            OperatingRow::NetCost => shown[index] = net_cost,
            OperatingRow::Result => shown[index] = result,
            _ => {}
        }
    }
    Ok(shown)
}

/// The investment plan's figures as shown: projects apportioned to their category's rounded
/// sum; categories are their projects' sum (or rounded, without projects) and the total theirs.
/// A column whose rounded sums would leave the range keeps its exact figures.
pub fn shown_investment(plan: &InvestmentReport) -> Vec<Vec<Amount>> {
    let mut shown: Vec<Vec<Amount>> = plan.rows.iter().map(|row| row.values.clone()).collect();
    for column in 0..plan.columns.len() {
        if let Ok(values) = shown_investment_column(plan, column) {
            for (row, value) in shown.iter_mut().zip(values) {
                row[column] = value;
            }
        }
    }
    shown
}

/// One column of [`shown_investment`], row by row.
fn shown_investment_column(
    plan: &InvestmentReport,
    column: usize,
) -> Result<Vec<Amount>, AmountOverflow> {
    let mut shown: Vec<Amount> = plan.rows.iter().map(|row| row.values[column]).collect();
    let mut index = 0;
    let mut total = Amount::ZERO;
    while index < plan.rows.len() {
        match &plan.rows[index].row {
            InvestmentRow::Category(_) => {
                let projects: Vec<usize> = (index + 1..plan.rows.len())
                    .take_while(|&next| matches!(plan.rows[next].row, InvestmentRow::Project(_)))
                    .collect();
                let category = if projects.is_empty() {
                    shown[index].round_to(Precision::TKR)?
                } else {
                    let parts: Vec<Amount> =
                        projects.iter().map(|&project| shown[project]).collect();
                    let rounded = largest_remainder(&parts, Precision::TKR)?;
                    for (project, amount) in projects.iter().zip(&rounded) {
                        shown[*project] = *amount;
                    }
                    Amount::try_sum(rounded)?
                };
                shown[index] = category;
                total = total.checked_add(category)?;
                index += projects.len() + 1;
            }
            InvestmentRow::Total => {
                shown[index] = total;
                index += 1;
            }
            InvestmentRow::Project(_) => {
                shown[index] = shown[index].round_to(Precision::TKR)?;
                index += 1;
            }
        }
    }
    Ok(shown)
}

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

/// The operating table with its figures as shown ([`shown_operating`]).
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

/// The investment plan with its figures as shown ([`shown_investment`]).
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

fn text_column(label: &str, weight: u16) -> Column {
    Column {
        label: label.into(),
        numeric: false,
        weight,
    }
}

fn number_column(label: &str, weight: u16) -> Column {
    Column {
        label: label.into(),
        numeric: true,
        weight,
    }
}

/// Bilaga 1 in the reference's columns.
pub fn control_plan(rows: &[ControlRow]) -> Table {
    Table {
        columns: vec![
            text_column("Risk", 18),
            text_column("Riskbeskrivning", 26),
            number_column("Riskvärde", 9),
            text_column("Metod", 30),
            text_column("Ansvarig", 14),
        ],
        rows: rows
            .iter()
            .map(|row| Row {
                cells: vec![
                    Cell::new(&row.risk),
                    Cell::new(one_line(&row.description)),
                    Cell::new(row.value.to_string()),
                    Cell::new(one_line(&row.method)),
                    Cell::new(&row.responsible),
                ],
                emphasised: false,
            })
            .collect(),
    }
}

/// Bilaga 2's table in the reference's columns.
pub fn risk_analysis(risks: &RiskReport) -> Table {
    Table {
        columns: vec![
            text_column("Risk", 14),
            text_column("Riskbeskrivning", 22),
            number_column("Sannolikhet", 12),
            number_column("Väsentlighet", 12),
            number_column("Riskvärde", 11),
            text_column("Hantering", 29),
        ],
        rows: risks
            .risks
            .iter()
            .map(|risk| Row {
                cells: vec![
                    Cell::new(&risk.name),
                    Cell::new(one_line(&risk.description)),
                    Cell::new(risk.probability.to_string()),
                    Cell::new(risk.materiality.to_string()),
                    Cell::new(risk.value.to_string()),
                    Cell::new(one_line(&risk.handling_text)),
                ],
                emphasised: false,
            })
            .collect(),
    }
}

/// The 4×4 matrix: probability downwards (4 at the top), materiality to the right; each cell
/// its risk value, band and the number of risks in it, filled in the band's colour.
pub fn risk_matrix(risks: &RiskReport) -> Table {
    let mut columns = vec![text_column("Sannolikhet \\ Väsentlighet", 20)];
    columns.extend((1..=4).map(|materiality| number_column(&materiality.to_string(), 20)));
    let rows = risks
        .matrix
        .iter()
        .map(|cells| Row {
            cells: std::iter::once(Cell::new(
                cells
                    .first()
                    .map(|cell| cell.probability.to_string())
                    .unwrap_or_default(),
            ))
            .chain(cells.iter().map(|cell| Cell {
                text: format!("{} ({}): {} st", cell.value, cell.band, cell.risks.len()),
                fill: Some(cell.colour.clone()),
            }))
            .collect(),
            emphasised: false,
        })
        .collect();
    Table { columns, rows }
}
