//! An operating table as the reference places it: the table, then the frame's sentences and
//! bullets (and a warning where a decided frame differs from its derivation), then each
//! line's change with the explanation people wrote after it. The figures
//! and sentences are the shown ones (`styr_reports::shown`): the change "ökar med 2,0 mnkr" is
//! the difference of the two printed columns.

use styr_reports::operating::OperatingTableReport;
use styr_reports::shown::Shown;

use crate::document::prose::prose;
use crate::document::{Block, Span, tables};

pub fn operating(table: &OperatingTableReport, shown: &Shown) -> Vec<Block> {
    let Some(figures) = shown.operating_of(&table.unit) else {
        return Vec::new();
    };
    let mut blocks = vec![Block::Table(tables::operating(table, &figures.rows))];
    if let Some(frame) = shown.frame_of(&table.unit) {
        blocks.push(Block::Paragraph(vec![Span::plain(&frame.sentence)]));
        if !frame.bullets.is_empty() {
            blocks.push(Block::Bullets(
                frame
                    .bullets
                    .iter()
                    .map(|bullet| vec![Span::plain(bullet)])
                    .collect(),
            ));
        }
        // A decided frame that its derivation does not lead to is said, not printed over.
        for warning in &frame.warnings {
            blocks.push(Block::Paragraph(vec![Span::bold(warning)]));
        }
    }
    for (change, sentence) in table.changes.iter().zip(&figures.changes) {
        let mut explanation = prose(&change.explanation);
        let sentence = Span::plain(sentence);
        match explanation.first_mut() {
            Some(Block::Paragraph(spans)) => {
                spans.insert(0, Span::plain(" "));
                spans.insert(0, sentence);
            }
            _ => explanation.insert(0, Block::Paragraph(vec![sentence])),
        }
        blocks.extend(explanation);
    }
    blocks
}
