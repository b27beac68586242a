//! The organisation as an indented outline, each unit under its parent, and the moves of the
//! year as bullets: "Från 2025-01-01 flyttas Kontoret från Provnämnden till Annan förvaltning."

use styr_reports::BudgetReport;

use crate::document::{Block, Span};

pub fn organisation(report: &BudgetReport) -> Vec<Block> {
    let mut blocks = vec![Block::Outline(
        report
            .organisation
            .tree
            .iter()
            .map(|node| {
                let marker = if node.separately_reported {
                    " (särredovisas)"
                } else {
                    ""
                };
                (
                    node.depth as u8,
                    vec![Span::plain(format!("{}{marker}", node.name))],
                )
            })
            .collect(),
    )];
    if !report.organisation.moves.is_empty() {
        blocks.push(Block::Bullets(
            report
                .organisation
                .moves
                .iter()
                .map(|moved| {
                    vec![Span::plain(format!(
                        "Från {} flyttas {} från {} till {}.",
                        moved.on, moved.name, moved.from_parent, moved.to_parent
                    ))]
                })
                .collect(),
        ));
    }
    blocks
}
