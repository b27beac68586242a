//! Which reader a document under review goes to, by its file name, and the reading itself:
//! the same for `styr check FILE` and the Granskning page.

use crate::limits::Limits;

use super::{Document, PdfText};

/// A document styr did not write, by its file name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// The text form: `.txt`, `.md`, `.markdown`.
    Text,
    /// A Word document: `.docx`.
    Word,
    /// A published PDF: `.pdf`.
    Pdf,
}

impl DocumentKind {
    /// The kind of the file `name`, or `None` for a file that is no document to review.
    pub fn of_name(name: &str) -> Option<DocumentKind> {
        let (_, extension) = name.rsplit_once('.')?;
        match extension.to_lowercase().as_str() {
            "txt" | "md" | "markdown" => Some(DocumentKind::Text),
            "docx" => Some(DocumentKind::Word),
            "pdf" => Some(DocumentKind::Pdf),
            _ => None,
        }
    }
}

/// Reads `bytes` as a document of `kind` within `limits`; a PDF comes with its pages, so that a
/// finding's line can be said as the page and line of the PDF.
pub fn read_document(
    kind: DocumentKind,
    bytes: &[u8],
    limits: &Limits,
) -> Result<(Document, Option<PdfText>), String> {
    match kind {
        DocumentKind::Word => {
            super::parse_docx_within(bytes, limits).map(|document| (document, None))
        }
        DocumentKind::Pdf => {
            super::parse_pdf_within(bytes, limits).map(|(document, pages)| (document, Some(pages)))
        }
        DocumentKind::Text => std::str::from_utf8(bytes)
            .map_err(|_| "filen är inte UTF-8; spara den som UTF-8 och försök igen".to_string())
            .and_then(|source| super::parse_text_within(source, limits))
            .map(|document| (document, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_known_by_its_extension_in_any_case() {
        assert_eq!(
            DocumentKind::of_name("Budget 2025.PDF"),
            Some(DocumentKind::Pdf)
        );
        assert_eq!(DocumentKind::of_name("ks.docx"), Some(DocumentKind::Word));
        assert_eq!(DocumentKind::of_name("ks.md"), Some(DocumentKind::Text));
        assert_eq!(DocumentKind::of_name("ks.toml"), None);
        assert_eq!(DocumentKind::of_name("pdf"), None);
    }
}
