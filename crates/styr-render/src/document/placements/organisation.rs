//! The organisation as a chart (each unit a box under its parent), with the tree as an
//! indented outline for a format without pictures and, read aloud, as a sentence; and the
//! moves of the year as bullets: "Från 2025-01-01 flyttas Kontoret från Provnämnden till
//! Annan förvaltning."

use styr_reports::BudgetReport;
use styr_reports::organisation::OrganisationNode;

use crate::chart::{Chart, Unit};
use crate::document::{Block, Figure, Span};

pub fn organisation(report: &BudgetReport) -> Vec<Block> {
    let tree = &report.organisation.tree;
    let outline = Block::Outline(
        tree.iter()
            .map(|node| {
                let marker = if node.separately_reported {
                    " (särredovisas)"
                } else {
                    ""
                };
                (
                    depth(node),
                    vec![Span::plain(format!("{}{marker}", node.name))],
                )
            })
            .collect(),
    );
    let mut blocks = if tree.is_empty() {
        Vec::new()
    } else {
        vec![Block::Figure(Figure {
            caption: format!("Organisation {}", report.organisation.on.year()),
            description: format!("Organisationsschema: {}.", spoken(tree)),
            chart: Chart::Organisation(
                tree.iter()
                    .map(|node| Unit {
                        depth: depth(node),
                        name: node.name.clone(),
                        separately_reported: node.separately_reported,
                    })
                    .collect(),
            ),
            fallback: vec![outline],
        })]
    };
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

fn depth(node: &OrganisationNode) -> u8 {
    u8::try_from(node.depth).unwrap_or(u8::MAX)
}

/// The tree as one sentence: "Kommunstyrelsen (Kommunledningskontoret (Ekonomiavdelningen,
/// Kansliet), Samhällsbyggnad)".
fn spoken(tree: &[OrganisationNode]) -> String {
    let mut text = String::new();
    let mut previous: Option<usize> = None;
    for node in tree {
        match previous {
            None => {}
            Some(depth) if node.depth > depth => text.push_str(" ("),
            Some(depth) => {
                text.push_str(&")".repeat(depth - node.depth));
                text.push_str(", ");
            }
        }
        text.push_str(&node.name);
        previous = Some(node.depth);
    }
    let first = tree.first().map_or(0, |node| node.depth);
    text.push_str(&")".repeat(previous.unwrap_or(0).saturating_sub(first)));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(depth: usize, name: &str) -> OrganisationNode {
        OrganisationNode {
            id: styr_domain::organisation::UnitId(name.to_lowercase()),
            name: name.into(),
            kind: "enhet",
            depth,
            separately_reported: false,
        }
    }

    #[test]
    fn the_tree_reads_as_one_sentence() {
        let tree = [
            node(0, "KS"),
            node(1, "KLK"),
            node(2, "Ekonomi"),
            node(2, "Kansli"),
            node(1, "SBF"),
            node(2, "Plan"),
        ];
        assert_eq!(spoken(&tree), "KS (KLK (Ekonomi, Kansli), SBF (Plan))");
        assert_eq!(spoken(&tree[..2]), "KS (KLK)");
        assert_eq!(spoken(&tree[..1]), "KS");
    }
}
