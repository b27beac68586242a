//! The board's budget document typeset as PDF, entirely in-process: no browser, no office
//! suite and no installed fonts at run time. [`layout`] breaks the document's blocks into A4
//! pages (tables repeat their header on every page they continue on; the contents lists each
//! heading's page); [`write`] embeds subset fonts and writes the file.

mod fonts;
mod layout;
mod write;

use styr_render::document::Document;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("typsnittet kan inte läsas: {0}")]
    Font(String),
    #[error("PDF-filen kan inte skrivas: {0}")]
    Write(String),
}

/// The document as a PDF file.
pub fn pdf(document: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::Fonts::load()?;
    let layout = layout::layout(document, &fonts);
    write::write(&layout, &fonts, &document.title)
}
