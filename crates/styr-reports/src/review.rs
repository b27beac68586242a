//! Granskning: review of a budget document that styr did not write (`styr check DOCUMENT`).
//!
//! The document is read into headings, paragraphs and tables (styr-import), then checked:
//! table arithmetic (subtotals, totals and the operating budget's derived rows), risk tables
//! (riskvärde = sannolikhet × väsentlighet, the control plan against the risk analysis), figures
//! in prose against the tables they speak of, and names spelled two ways. Precision comes before
//! recall: a claim that cannot be tied to a table row with confidence is not reported as an
//! error, only listed as unchecked.

mod amounts;
mod names;
mod prose;
mod relations;
mod risks;
mod tables;

use serde::Serialize;
use styr_domain::source_document::Document;

use crate::finding::Finding;
pub use relations::Coverage;

/// A claim the review found but could not tie to a figure with confidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unchecked {
    pub section: String,
    pub place: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Review {
    pub findings: Vec<Finding>,
    /// "Ej kontrollerat": what the review saw and left alone.
    pub unchecked: Vec<Unchecked>,
    /// What was read and checked: the answer never claims more than this.
    pub coverage: Coverage,
}

impl Review {
    /// Every place the review names — findings, what it left alone, the tables it could not
    /// read — said again by `restate`: a PDF's "(rad N)" of its text form becomes "(sida P,
    /// rad L)" of the PDF.
    pub fn restate_places(&mut self, restate: impl Fn(&str) -> String) {
        for finding in &mut self.findings {
            finding.place = restate(&finding.place);
            finding.note = restate(&finding.note);
        }
        for item in &mut self.unchecked {
            item.place = restate(&item.place);
        }
        for reason in &mut self.coverage.not_understood {
            *reason = restate(reason);
        }
    }
}

/// Every disagreement the review can be sure of, in document order.
pub fn review(document: &Document) -> Review {
    let tables = amounts::amount_tables(document);
    let mut review = Review::default();
    tables::check(&tables, &mut review);
    let understood: Vec<usize> = tables
        .iter()
        .filter(|table| tables::understood(table))
        .map(|table| table.block)
        .collect();
    relations::check(document, &understood, &mut review);
    risks::check(document, &mut review.findings);
    prose::check(document, &tables, &mut review);
    names::check(document, &tables, &mut review.findings);
    review
}
