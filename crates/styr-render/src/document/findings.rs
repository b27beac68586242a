//! The check of the stated figures as blocks, for the report page: each finding with its
//! severity, place and comparison ("fel – Investeringsbudget › Anpassningsinvesteringar, Plan
//! 2028: anges 10 000 tkr, beräknas 7 000 tkr."), or a sentence that all agree.

use styr_reports::check::Finding;

use super::{Block, Span};
use crate::findings::comparison;

pub fn findings(findings: &[Finding]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: "Kontroll av angivna siffror".into(),
    }];
    if findings.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::plain(
            "Alla angivna siffror stämmer med det som beräknas.",
        )]));
        return blocks;
    }
    blocks.push(Block::Bullets(
        findings
            .iter()
            .map(|finding| {
                let note = if finding.note.is_empty() {
                    String::new()
                } else {
                    format!(" {}", finding.note)
                };
                vec![
                    Span::bold(finding.severity.swedish()),
                    Span::plain(format!(
                        " – {} › {}: {}.{note}",
                        finding.section,
                        finding.place,
                        comparison(finding)
                    )),
                ]
            })
            .collect(),
    ));
    blocks
}
