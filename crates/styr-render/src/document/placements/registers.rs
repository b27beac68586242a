//! The registers placed as tables: the efficiency investigations (the proposing board named
//! once for its consecutive rows) and the risk analysis with its scales, its table and the
//! risk matrix.

use styr_reports::BudgetReport;

use crate::chart::{Chart, MatrixCell};
use crate::document::{Block, Cell, Column, Figure, Row, Span, Table, tables};
use crate::text::one_line;

/// The reference's three columns; the board is named once for its consecutive rows.
pub fn efficiency(report: &BudgetReport) -> Table {
    let column = |label: &str, weight| Column {
        label: label.into(),
        numeric: false,
        weight,
    };
    let mut previous: Option<&str> = None;
    let rows = report
        .efficiency
        .iter()
        .map(|row| {
            let board = if previous == Some(row.proposed_by.as_str()) {
                String::new()
            } else {
                row.proposed_by.clone()
            };
            previous = Some(&row.proposed_by);
            Row {
                cells: vec![
                    Cell::new(board),
                    Cell::new(&row.investigation),
                    Cell::new(one_line(&row.handling)),
                ],
                emphasised: false,
            }
        })
        .collect();
    Table {
        columns: vec![
            column("Förslag från nämnd", 20),
            column("Utredning", 30),
            column("Hantering", 50),
        ],
        rows,
    }
}

pub fn risk_analysis(report: &BudgetReport) -> Vec<Block> {
    let risks = &report.risks;
    let scale = |steps: &[styr_domain::risk::ScaleStep]| {
        Block::Numbered(
            steps
                .iter()
                .map(|step| vec![Span::italic(format!("{}: {}", step.name, step.description))])
                .collect(),
        )
    };
    vec![
        Block::Paragraph(vec![Span::bold("Förklaring")]),
        Block::Paragraph(vec![Span::bold("Sannolikhet")]),
        scale(&risks.probability_scale),
        Block::Paragraph(vec![Span::bold("Väsentlighet")]),
        scale(&risks.materiality_scale),
        Block::Table(tables::risk_analysis(risks)),
        risk_matrix(risks),
    ]
}

/// The risk matrix as a picture (axes titled, each risk named in its cell), and as a table for
/// a format without pictures.
fn risk_matrix(risks: &styr_reports::risk::RiskReport) -> Block {
    let spoken: Vec<String> = risks
        .matrix
        .iter()
        .flatten()
        .filter(|cell| !cell.risks.is_empty())
        .map(|cell| {
            format!(
                "sannolikhet {}, väsentlighet {}, riskvärde {} ({}): {}",
                cell.probability,
                cell.materiality,
                cell.value,
                cell.band,
                cell.risks.join(", ")
            )
        })
        .collect();
    Block::Figure(Figure {
        caption: "Riskmatris".into(),
        description: format!(
            "Riskmatris med sannolikhet lodrätt och väsentlighet vågrätt. {}.",
            if spoken.is_empty() {
                "Inga risker".to_string()
            } else {
                spoken.join("; ")
            }
        ),
        chart: Chart::RiskMatrix(
            risks
                .matrix
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| MatrixCell {
                            value: cell.value,
                            band: cell.band.clone(),
                            colour: cell.colour.clone(),
                            risks: cell.risks.clone(),
                        })
                        .collect()
                })
                .collect(),
        ),
        fallback: vec![
            Block::Paragraph(vec![
                Span::bold("Riskmatris"),
                Span::plain(
                    " – sannolikhet nedåt, väsentlighet åt höger; riskvärde, nivå och antal risker i varje ruta.",
                ),
            ]),
            Block::Table(tables::risk_matrix(risks)),
        ],
    })
}
