//! The investment plan: its table, its yearly totals as bars (the total row as the table shows
//! it), then one paragraph with the plan's sum and average and the course of its years.

use styr_domain::format;
use styr_domain::investment::InvestmentRow;
use styr_reports::BudgetReport;
use styr_reports::shown::Shown;

use crate::chart::Chart;
use crate::document::{Block, Figure, Span, tables};

pub fn investment(report: &BudgetReport, shown: &Shown) -> Vec<Block> {
    let plan = &report.investment;
    let mut blocks = vec![Block::Table(tables::investment(
        plan,
        &shown.investment.rows,
    ))];
    let total = plan
        .rows
        .iter()
        .position(|row| row.row == InvestmentRow::Total)
        .and_then(|row| shown.investment.rows.get(row));
    if let Some(values) = total
        && !values.is_empty()
    {
        let labels: Vec<String> = plan
            .columns
            .iter()
            .map(|column| column.year.to_string())
            .collect();
        let texts: Vec<String> = values.iter().map(|value| format::tkr(*value)).collect();
        let spoken: Vec<String> = labels
            .iter()
            .zip(&texts)
            .map(|(year, text)| format!("{year}: {text} tkr"))
            .collect();
        blocks.push(Block::Figure(Figure {
            caption: "Investeringar per år, totalt (tkr)".into(),
            description: format!(
                "Stapeldiagram över investeringsplanens totala belopp per år. {}.",
                spoken.join(", ")
            ),
            chart: Chart::Bars {
                labels,
                values: values.clone(),
                texts,
                unit: "tkr".into(),
            },
            // The table above holds every figure of the chart.
            fallback: Vec::new(),
        }));
    }
    blocks.push(Block::Paragraph(vec![Span::plain(
        &shown.investment.sentence,
    )]));
    blocks
}
