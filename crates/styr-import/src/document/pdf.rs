//! A published budget PDF read into the text form ([`super::text`]), so that `styr check
//! budget.pdf` reviews it as it reviews text and Word (ADR 0009).
//!
//! lopdf parses the file, unpacks its streams within the limits and decodes its fonts; our
//! own small interpreter ([`content`]) places every character on its page with its size and
//! weight; [`layout`] rebuilds lines, cells, tables, headings and paragraphs from those
//! places. Each page's lines follow the last page's, and [`PdfText::place`] turns a line of
//! the text form back into the page and the line on that page that a finding names.

mod blocks;
mod content;
mod fonts;
mod layout;
mod table;

use lopdf::{Dictionary, Document, LoadOptions, Object};

/// The most bytes of one page's content stream, unpacked.
const PAGE_CONTENT_BYTES: usize = 16 << 20;

use crate::limits::{Limit, Limits};
use content::{Glyph, Matrix, Sink, Stop};

/// A PDF as the text form, with where each page begins in it.
#[derive(Debug, Default)]
pub struct PdfText {
    pub text: String,
    /// The text form's line on which each page begins, first page first.
    pub page_lines: Vec<usize>,
}

impl PdfText {
    /// The page (from 1) and the line on that page of the text form's `line`.
    pub fn place(&self, line: usize) -> (usize, usize) {
        let page = self.page_lines.partition_point(|first| *first <= line);
        let first = self
            .page_lines
            .get(page.saturating_sub(1))
            .copied()
            .unwrap_or(1);
        (page.max(1), line.saturating_sub(first) + 1)
    }

    /// `text` with every line of the text form said as the page and line of the PDF: "(rad N)"
    /// as "(sida 4, rad 12)", "raderna 6–8" as "raderna 6–8 på sida 2".
    pub fn restate(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        loop {
            let single = rest.find("(rad ");
            let range = rest.find("raderna ");
            let Some(at) = single.into_iter().chain(range).min() else {
                break;
            };
            out.push_str(&rest[..at]);
            let is_single = single == Some(at);
            let mark = if is_single { "(rad " } else { "raderna " };
            let after = &rest[at + mark.len()..];
            let first = after.bytes().take_while(u8::is_ascii_digit).count();
            let number = after[..first].parse::<usize>();
            if is_single && let (Ok(line), true) = (&number, after[first..].starts_with(')')) {
                let (page, on_page) = self.place(*line);
                out.push_str(&format!("(sida {page}, rad {on_page})"));
                rest = &after[first + 1..];
                continue;
            }
            let dash = after[first..]
                .chars()
                .next()
                .filter(|dash| matches!(dash, '–' | '-'));
            let second_start = first + dash.map_or(0, char::len_utf8);
            let second = after[second_start..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let last = after[second_start..second_start + second].parse::<usize>();
            match (is_single, number, dash, last) {
                (false, Ok(from), Some(_), Ok(to)) => {
                    let ((page, start), (last_page, end)) = (self.place(from), self.place(to));
                    if page == last_page {
                        out.push_str(&format!("raderna {start}–{end} på sida {page}"));
                    } else {
                        out.push_str(&format!(
                            "raderna från sida {page}, rad {start} till sida {last_page}, rad {end}"
                        ));
                    }
                    rest = &after[second_start + second..];
                }
                _ => {
                    out.push_str(mark);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Reads a PDF within `limits` into a document to review, with its text form's page places.
pub fn parse_pdf_within(
    bytes: &[u8],
    limits: &Limits,
) -> Result<(super::Document, PdfText), String> {
    let text = pdf_text(bytes, limits)?;
    let document = super::parse_text_within(&text.text, limits)?;
    Ok((document, text))
}

/// The PDF's text with positions, rebuilt as the text form.
pub fn pdf_text(bytes: &[u8], limits: &Limits) -> Result<PdfText, String> {
    limits
        .check(Limit::FileBytes, bytes.len() as u64, "dokumentet")
        .map_err(|exceeded| exceeded.to_string())?;
    if !bytes.starts_with(b"%PDF-") {
        return Err("filen är ingen PDF (den börjar inte med %PDF-)".to_string());
    }
    // Every stream, as the document loads and as its pages are read, unpacks within the
    // limit of one archive entry: a small file cannot become gigabytes.
    let stream_limit = usize::try_from(Limit::EntryBytes.of(limits)).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(stream_limit),
        ..LoadOptions::default()
    };
    let document = Document::load_mem_with_options(bytes, options)
        .map_err(|error| format!("filen är ingen PDF som går att läsa ({error})"))?;
    if document.is_encrypted() {
        return Err(
            "PDF-filen är skyddad med lösenord; spara den utan lösenord och försök igen"
                .to_string(),
        );
    }
    let pages = document.get_pages();
    limits
        .check(Limit::Pages, pages.len() as u64, "dokumentet")
        .map_err(|exceeded| exceeded.to_string())?;
    let mut glyph_pages: Vec<Vec<Glyph>> = Vec::with_capacity(pages.len());
    let (mut seen, mut operations) = (0, 0);
    for (number, page) in pages {
        let content = document
            .get_page_content_with_limit(page, stream_limit)
            .map_err(|error| format!("sidan {number} går inte att läsa ({error})"))?;
        // Read as operators, a page takes tens of times its bytes: 16 MiB of them is a map or
        // a drawing, not a budget's page.
        if content.len() > PAGE_CONTENT_BYTES {
            return Err(format!(
                "sidan {number} har mer innehåll än 16 MiB; den är ingen textsida att granska"
            ));
        }
        let (own, referred) = document
            .get_page_resources(page)
            .map_err(|error| format!("sidan {number} går inte att läsa ({error})"))?;
        let mut resources: Vec<&Dictionary> = own.into_iter().collect();
        resources.extend(
            referred
                .into_iter()
                .filter_map(|id| document.get_dictionary(id).ok()),
        );
        let mut glyphs = Vec::new();
        let mut sink = Sink {
            glyphs: &mut glyphs,
            allowed: Limit::Glyphs.of(limits),
            seen,
            operations,
            top: top_of(&document, page),
            stream_bytes: stream_limit,
            forms: Vec::new(),
        };
        match content::run(
            &document,
            &content,
            &resources,
            Matrix::IDENTITY,
            &mut sink,
            0,
        ) {
            Ok(()) => {}
            Err(Stop::TooManyGlyphs) => {
                return Err(limits.exceeded(Limit::Glyphs, "dokumentet").to_string());
            }
            Err(Stop::TooMuchWork) => {
                return Err(
                    "dokumentets sidor ritas med fler operationer än styr läser (50 miljoner)"
                        .to_string(),
                );
            }
            Err(Stop::Unreadable(reason)) => return Err(format!("sidan {number}: {reason}")),
        }
        (seen, operations) = (sink.seen, sink.operations);
        glyph_pages.push(glyphs);
    }
    Ok(blocks::text(&glyph_pages))
}

/// The top of a page's media box (inherited from the page tree when the page has none), in
/// user space; A4's 842 pt when no box can be read.
fn top_of(document: &Document, page: lopdf::ObjectId) -> f64 {
    let mut node = document.get_dictionary(page).ok();
    // A page tree is a few levels deep; 32 steps up also end a circular one.
    for _ in 0..32 {
        let Some(dictionary) = node else { break };
        if let Some(top) = dictionary
            .get(b"MediaBox")
            .ok()
            .and_then(|bound| document.dereference(bound).ok())
            .and_then(|(_, bound)| bound.as_array().ok())
            .and_then(|bound| {
                let lower = bound.get(1)?.as_float().ok()?;
                let upper = bound.get(3)?.as_float().ok()?;
                Some(f64::from(lower.max(upper)))
            })
        {
            return top;
        }
        node = dictionary
            .get(b"Parent")
            .and_then(Object::as_reference)
            .ok()
            .and_then(|parent| document.get_dictionary(parent).ok());
    }
    842.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_the_text_form_is_said_as_its_page_and_line() {
        let text = PdfText {
            text: String::new(),
            page_lines: vec![1, 40, 95],
        };
        assert_eq!(text.place(1), (1, 1));
        assert_eq!(text.place(39), (1, 39));
        assert_eq!(text.place(40), (2, 1));
        assert_eq!(text.place(100), (3, 6));
        assert_eq!(
            text.restate("Summa, Budget 2025 (rad 41); samma som Netto (rad 3) (radera)"),
            "Summa, Budget 2025 (sida 2, rad 2); samma som Netto (sida 1, rad 3) (radera)"
        );
        assert_eq!(
            text.restate("summan av raderna 41–44 (A … D), raderna 30–41, raderna x"),
            "summan av raderna 2–5 på sida 2 (A … D), raderna från sida 1, rad 30 till sida 2, \
             rad 2, raderna x"
        );
    }

    #[test]
    fn what_is_not_a_pdf_is_refused_with_a_sentence() {
        let refusal = pdf_text(b"inte en pdf", &Limits::default()).expect_err("refused");
        assert!(refusal.contains("ingen PDF"), "{refusal}");
        let refusal = pdf_text(b"%PDF-1.7\n trasig", &Limits::default()).expect_err("refused");
        assert!(refusal.contains("ingen PDF som går att läsa"), "{refusal}");
    }
}
