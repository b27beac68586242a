//! Typst, in-process: a typst source with its files and fonts compiled into a tagged PDF
//! (PDF/UA-1), and an SVG drawn as PNG for the formats that cannot hold SVG. This crate knows
//! nothing of budgets; `styr-pdf` writes the source from the document's blocks, and the typst
//! crates (hundreds of them, minutes of a clean build) stay behind this one
//! (docs/adr/0007-documents-on-typst.md).
//!
//! ```text
//! let job = Job { source: "#set document(title: [Budget])\n= Inledning".into(), files: vec![],
//!                 fonts: FONTS, date: Some((2024, 12, 16)), ident: "budget-1-version-2".into() };
//! let pdf = styr_typst::pdf(&job)?;   // %PDF-1.7 …, tagged, every page laid out by typst
//! ```
//!
//! Every compile is reproducible: the date typst sees and the PDF's creation date are the
//! job's, and the document's identifier is a hash of the job's `ident`, so the same job gives
//! the same bytes.

mod coverage;
mod picture;
mod world;

pub use picture::png;

use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use world::JobWorld;

/// What to compile: the main source, the files it reads (pictures: `"/bild/1.svg"` → bytes), the
/// fonts it may use, the date of the document and a stable name of the document.
#[derive(Clone, Debug)]
pub struct Job {
    pub source: String,
    pub files: Vec<(String, Vec<u8>)>,
    pub fonts: &'static [&'static [u8]],
    /// Year, month, day: what `datetime.today()` gives and the PDF's creation date; none for a
    /// document that carries no date.
    pub date: Option<(i32, u8, u8)>,
    /// Stays the same for the same document (its hash is the PDF's identifier).
    pub ident: String,
}

/// Typst refused the source or could not write the PDF: its messages, in order.
#[derive(Debug, thiserror::Error)]
#[error("PDF:en kunde inte sättas: {}", .0.join("; "))]
pub struct TypstError(pub Vec<String>);

/// The job as a tagged PDF conforming to PDF/UA-1.
pub fn pdf(job: &Job) -> Result<Vec<u8>, TypstError> {
    let world = JobWorld::new(job)?;
    let compiled = typst::compile::<typst_layout::PagedDocument>(&world);
    // The memo cache serves the next compile of a similar document; entries unused for a few
    // compiles are dropped so that a long-running server does not grow.
    let document = compiled.output.map_err(|errors| diagnostics(&errors));
    let timestamp = job
        .date
        .and_then(|(year, month, day)| Datetime::from_ymd(year, month, day))
        .map(Timestamp::new_utc);
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .map_err(|error| TypstError(vec![error.message().to_string()]))?;
    let options = PdfOptions {
        ident: Smart::Custom(job.ident.clone()),
        creator: Smart::Custom(Some("styr".into())),
        timestamp,
        standards,
        ..PdfOptions::default()
    };
    let bytes = document.and_then(|document| {
        typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(&errors))
    });
    typst::comemo::evict(10);
    bytes
}

fn diagnostics(errors: &[SourceDiagnostic]) -> TypstError {
    TypstError(
        errors
            .iter()
            .map(|error| {
                let mut message = error.message.to_string();
                for hint in &error.hints {
                    message.push_str(" (");
                    message.push_str(hint.v.as_str());
                    message.push(')');
                }
                message
            })
            .collect(),
    )
}
