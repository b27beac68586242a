//! A goal's follow-up in the board's document: the values table (each KPI's target for the
//! year, its latest value and where it stands, Kolada's figures attributed) and the
//! assessment — the one a person set, with the reason, beside the computed one and its trail.
//! Without a follow-up (a document from a budget file alone) the KPIs' targets are shown.

use styr_domain::goals::{Goal, Source};
use styr_reports::goals::GoalRow;

use crate::document::{Block, Cell, Column, Row, Span, Table};

fn column(label: &str, numeric: bool, weight: u16) -> Column {
    Column {
        label: label.into(),
        numeric,
        weight,
    }
}

fn row(cells: Vec<String>) -> Row {
    Row {
        cells: cells.into_iter().map(Cell::new).collect(),
        emphasised: false,
    }
}

pub fn values(row_of_goal: &GoalRow, period: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    if !row_of_goal.kpis.is_empty() {
        let rows = row_of_goal
            .kpis
            .iter()
            .map(|kpi| {
                let unit = kpi.kpi.unit;
                row(vec![
                    kpi.kpi.name.clone(),
                    kpi.fulfilment
                        .target
                        .map_or_else(|| "–".to_string(), |target| unit.show(target)),
                    kpi.fulfilment
                        .measured
                        .map_or_else(|| "–".to_string(), |(_, value)| unit.show(value)),
                    kpi.fulfilment
                        .measured
                        .map_or_else(|| "–".to_string(), |(at, _)| at.swedish()),
                    kpi.fulfilment.standing.fulfilment().swedish().to_string(),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column("Nyckeltal", false, 4),
                column(&format!("Målvärde {}", period), true, 2),
                column("Utfall", true, 2),
                column("Mätt", false, 2),
                column("Läge", false, 2),
            ],
            rows,
        }));
    }
    let mut assessment = vec![
        Span::bold(format!("Bedömning {period}: ")),
        Span::plain(row_of_goal.shown().swedish()),
    ];
    match &row_of_goal.chosen {
        Some(chosen) => assessment.push(Span::plain(format!(
            ". {} (beräknat enligt regeln: {}; {}).",
            chosen.reason.trim_end_matches('.'),
            row_of_goal.computed.computed.swedish(),
            row_of_goal.computed.trail
        ))),
        None => assessment.push(Span::plain(format!(
            " (beräknat: {}).",
            row_of_goal.computed.trail
        ))),
    }
    blocks.push(Block::Paragraph(assessment));
    if row_of_goal.kpis.iter().any(|kpi| {
        kpi.peer.is_some()
            || kpi
                .values
                .iter()
                .any(|value| value.source == Source::Kolada)
    }) {
        blocks.push(Block::Paragraph(vec![Span::italic(
            styr_domain::kolada::ATTRIBUTION,
        )]));
    }
    blocks
}

/// The targets a goal's KPIs have, by year, when the document has no follow-up.
pub fn targets(goal: &Goal) -> Vec<Block> {
    let mut years: Vec<_> = goal
        .kpis
        .iter()
        .flat_map(|kpi| kpi.targets.iter().map(|target| target.year))
        .collect();
    years.sort();
    years.dedup();
    if years.is_empty() {
        return Vec::new();
    }
    let mut columns = vec![column("Nyckeltal", false, 4)];
    columns.extend(
        years
            .iter()
            .map(|year| column(&format!("Målvärde {year}"), true, 2)),
    );
    let rows = goal
        .kpis
        .iter()
        .filter(|kpi| !kpi.targets.is_empty())
        .map(|kpi| {
            let mut cells = vec![kpi.name.clone()];
            cells.extend(years.iter().map(|year| {
                kpi.target(*year)
                    .map_or_else(|| "–".to_string(), |value| kpi.unit.show(value))
            }));
            row(cells)
        })
        .collect();
    vec![Block::Table(Table { columns, rows })]
}
