//! The board's budget document as a sequence of blocks — headings, paragraphs, lists and
//! tables — in the reference's order: the metadata block, the table of contents, then each text
//! section with the table or register it places (`shows`). Every format renders these blocks
//! (PDF, Word, HTML, Markdown) or the sheets beside them (Excel), and the figures in both are
//! `styr_reports::shown`'s: a rounded figure or a sentence reads the same in every file and on
//! the web page. The delårsrapport and the verksamhetsberättelse are documents of the same
//! blocks ([`interim`]), written from the follow-up.
//!
//! ```text
//! [Contents] [Heading 1 "Kommunstyrelsen"] [Paragraph …] [Heading 2 "Ekonomiska ramar, …"]
//! [Table: Belopp i tkr | Budget 2024 …] [Paragraph "År 2025 tilldelas kommunstyrelsen …"] …
//! ```

mod findings;
pub mod html;
pub mod interim;
pub mod markdown;
mod model;
mod placements;
mod prose;
mod tables;

use styr_domain::money::AmountOverflow;
use styr_reports::BudgetReport;
use styr_reports::shown::{Shown, shown};

use crate::text::metadata_rows;

pub use interim::interim_document;
pub use model::{Block, Cell, Column, Document, Row, Span, Style, Table};
pub use prose::prose;

/// The budget document of a report, section by section, with its tables as sheets; an
/// [`AmountOverflow`] when a shown sum leaves the range of an amount.
pub fn budget_document(report: &BudgetReport) -> Result<Document, AmountOverflow> {
    let shown = shown(report)?;
    Ok(Document {
        title: report.document.title.clone(),
        metadata: metadata_rows(&report.document),
        blocks: blocks(report, &shown),
        sheets: crate::xlsx::report::sheets(report, &shown),
    })
}

/// The report page of the web: the budget document followed by the check of its stated
/// figures ("Kontroll av angivna siffror").
pub fn report_page(report: &BudgetReport) -> Result<Document, AmountOverflow> {
    let mut document = budget_document(report)?;
    document.blocks.extend(findings::findings(&report.findings));
    Ok(document)
}

fn blocks(report: &BudgetReport, shown: &Shown) -> Vec<Block> {
    let mut blocks = vec![Block::Contents];
    for section in &report.sections {
        blocks.push(Block::Heading {
            level: section.level.clamp(1, 4),
            text: section.heading.clone(),
        });
        let (before, after) = section
            .shows
            .as_deref()
            .map(|shows| placements::place_around_text(report, shown, shows))
            .unwrap_or_default();
        blocks.extend(before);
        blocks.extend(prose(&section.text));
        blocks.extend(after);
    }
    if report.sections.is_empty() {
        // A budget without prose still gets every table, each under its own heading.
        for shows in placements::every_placement(report) {
            blocks.push(Block::Heading {
                level: 2,
                text: placements::heading(report, &shows),
            });
            blocks.extend(placements::place(report, shown, &shows));
        }
    }
    blocks
}
