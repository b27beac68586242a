//! The registers' tables in the reference's columns: the internal control plan (Bilaga 1), the
//! risk analysis (Bilaga 2) and the 4×4 risk matrix, each cell filled in its band's colour.

use styr_reports::risk::{ControlRow, RiskReport};

use crate::document::{Cell, Column, Row, Table};
use crate::text::one_line;

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
