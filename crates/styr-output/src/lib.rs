//! The one place a file format is chosen. A [`Document`] (`styr_render::document`: the blocks
//! of the board's budget document and its tables as sheets, every figure already shown) is
//! rendered by [`render`] in any [`Format`]; the CLI's `styr report`, the web's downloads and
//! the web's report page all call it, so no front end picks a renderer of its own. The
//! delårsrapport and the verksamhetsberättelse ([`interim_document`]) are documents of the
//! same blocks and go through the same `render`.
//!
//! ```text
//! let document = styr_output::budget_document(&report)?;
//! let pdf = styr_output::render(&document, Format::Pdf)?;
//! ```
//!
//! It is a crate of its own because the PDF typesetter (`styr-pdf`) depends on the document
//! model in `styr-render`; the function that reaches every format must stand above both
//! (docs/adr/0005-one-render-above-the-formats.md).

use serde::Deserialize;

pub use styr_render::document::{Document, budget_document, interim_document, report_page};

/// A format the budget document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Typeset in-process by typst: tagged (PDF/UA-1), hyphenated, page numbers, a contents
    /// with page numbers, bookmarks, embedded fonts.
    Pdf,
    /// Word, to edit the text: Word's own headings, a contents field, tables that repeat their header.
    Docx,
    /// The tables as an Excel workbook: a sheet per table, subtotals as formulas.
    Xlsx,
    /// One self-contained page, ready to print.
    Html,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Pdf,
        Format::Docx,
        Format::Xlsx,
        Format::Html,
        Format::Markdown,
    ];

    /// "pdf", "docx", "xlsx", "html", "markdown" (or "md").
    pub fn from_key(key: &str) -> Option<Format> {
        match key {
            "md" => Some(Format::Markdown),
            _ => Format::ALL.into_iter().find(|format| format.key() == key),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Markdown => "markdown",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Html => "text/html; charset=utf-8",
            Format::Markdown => "text/markdown; charset=utf-8",
        }
    }

    /// The file name's extension: "pdf", "md" …
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            other => other.key(),
        }
    }
}

/// A file that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Pdf(#[from] styr_typst::TypstError),
    #[error("filen kan inte skrivas: {0}")]
    Write(#[from] std::io::Error),
}

/// The document as a file in `format`.
pub fn render(document: &Document, format: Format) -> Result<Vec<u8>, RenderError> {
    use styr_render::document::{html, markdown};
    Ok(match format {
        Format::Pdf => pdf(document)?,
        Format::Docx => styr_render::docx::docx(document, &picture)?,
        Format::Xlsx => styr_render::xlsx::workbook(&document.sheets, &document.title)?,
        Format::Html => html::html(document).into_bytes(),
        Format::Markdown => markdown::markdown(document).into_bytes(),
    })
}

/// The document typeset by typst: the job `styr-pdf` writes, compiled by `styr-typst`.
fn pdf(document: &Document) -> Result<Vec<u8>, styr_typst::TypstError> {
    let typesetting = styr_pdf::typesetting(document);
    styr_typst::pdf(&styr_typst::Job {
        source: typesetting.source,
        files: typesetting.files,
        fonts: styr_pdf::FONTS,
        date: typesetting.date,
        ident: typesetting.ident,
    })
}

/// A picture for Word: the SVG drawn as PNG at twice its size, with the PDF's fonts.
fn picture(svg: &str) -> Result<Vec<u8>, String> {
    styr_typst::png(svg, 2, styr_pdf::FONTS).map_err(|error| error.to_string())
}

/// Whether a logo draws: an SVG that typst's renderer cannot read is refused when it is
/// uploaded rather than when a document is written.
pub fn check_logo(logo: &styr_domain::profile::Logo) -> Result<(), String> {
    match logo.format {
        styr_domain::profile::LogoFormat::Svg => {
            picture(&String::from_utf8_lossy(&logo.bytes)).map(|_| ())
        }
        styr_domain::profile::LogoFormat::Png => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_key_extension_and_content_type() {
        for format in Format::ALL {
            assert_eq!(Format::from_key(format.key()), Some(format));
            assert!(!format.content_type().is_empty());
        }
        assert_eq!(Format::from_key("md"), Some(Format::Markdown));
        assert_eq!(Format::Markdown.extension(), "md");
        assert_eq!(Format::from_key("exe"), None);
    }
}
