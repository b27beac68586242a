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
pub mod municipal;
mod placements;
mod prose;
mod tables;

use styr_domain::money::AmountOverflow;
use styr_domain::workflow::Status;
use styr_reports::BudgetReport;
use styr_reports::shown::{Shown, shown};

use crate::text::metadata_rows;

pub use interim::interim_document;
pub use model::{Block, Cell, Column, Document, Figure, List, Row, Span, Style, Table};
pub use municipal::municipal_document;
pub use prose::{prose, prose_within};

/// The budget document of a report, section by section, with its tables as sheets; an
/// [`AmountOverflow`] when a shown sum leaves the range of an amount.
pub fn budget_document(report: &BudgetReport) -> Result<Document, AmountOverflow> {
    let shown = shown(report)?;
    Ok(Document {
        title: report.document.title.clone(),
        metadata: metadata_rows(&report.document),
        blocks: blocks(report, &shown),
        sheets: crate::xlsx::report::sheets(report, &shown),
        municipality: report.municipality.clone(),
        profile: report.profile.clone().unwrap_or_default(),
        marking: None,
    })
}

impl Document {
    /// The document as a version in `status` reads: a version that is not adopted says so on
    /// every page ("UTKAST", or "FÖRSLAG" once submitted) and shows no decision date, which
    /// only an adoption gives it.
    pub fn in_status(mut self, status: Status) -> Document {
        self.marking = match status {
            Status::Draft => Some("UTKAST".into()),
            Status::Submitted => Some("FÖRSLAG".into()),
            Status::Adopted => None,
        };
        if self.marking.is_some() {
            for (label, value) in &mut self.metadata {
                if *label == "Datum för beslut" {
                    value.clear();
                }
            }
        }
        self
    }
}

/// The report page of the web: the budget document followed by the check of its stated
/// figures ("Kontroll av angivna siffror").
pub fn report_page(report: &BudgetReport) -> Result<Document, AmountOverflow> {
    let mut document = budget_document(report)?;
    document.blocks.extend(findings::findings(&report.findings));
    Ok(document)
}

/// "Bilaga 1 – Internkontrollplan 2025": an appendix, which starts on a new page.
fn is_appendix(heading: &str) -> bool {
    heading
        .trim_start()
        .get(..6)
        .is_some_and(|start| start.eq_ignore_ascii_case("bilaga"))
}

fn blocks(report: &BudgetReport, shown: &Shown) -> Vec<Block> {
    let mut blocks = vec![Block::Contents];
    for section in &report.sections {
        if is_appendix(&section.heading) {
            blocks.push(Block::PageBreak);
        }
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
        blocks.extend(prose_within(&section.text, section.level));
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
