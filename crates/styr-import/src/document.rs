//! Budget documents that styr did not write, read into headings, paragraphs and tables so they
//! can be reviewed (`styr check DOCUMENT`).
//!
//! The text form is the one the reference is in: Markdown headings (`#`, `##` …), paragraphs,
//! tables as tab-separated rows (the first row is the header) or as `|` pipe tables, and `<b>`
//! or `**` for bold. Every block keeps its line number, so a finding can say where it is.

mod docx;
mod kind;
mod pdf;
mod text;

pub use docx::{parse_docx, parse_docx_within};
pub use kind::{DocumentKind, read_document};
pub use pdf::{PdfText, parse_pdf_within, pdf_text};
pub use styr_domain::source_document::{Block, Document, Table, TableRow};
pub use text::{parse_text, parse_text_within};
