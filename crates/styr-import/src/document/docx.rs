//! Reading a Word document (DOCX, Office Open XML): the ZIP archive's `word/document.xml`, whose
//! paragraphs carry a style (Heading1 … or Rubrik1 …) and whose tables are rows of cells. A
//! Word document has no lines, so a block's "line" is its paragraph number.
//!
//! The archive and its XML are read within the [`Limits`] (`crate::archive`, `crate::xml`):
//! a document that unpacks to a gigabyte is refused at the entry's limit, and the blocks and
//! table cells it yields are counted as they are made.

use quick_xml::events::{BytesStart, Event};

use super::{Block, Document, Table, TableRow};
use crate::archive::{Archive, ArchiveError};
use crate::limits::{Limit, Limits};
use crate::xml::{Xml, XmlError, reference};

/// The part of the archive that holds the document's text.
const DOCUMENT: &str = "word/document.xml";

/// Reads a DOCX file, or says in a sentence why it is not one.
pub fn parse_docx(bytes: &[u8]) -> Result<Document, String> {
    parse_docx_within(bytes, &Limits::default())
}

/// [`parse_docx`] within `limits` instead of the defaults.
pub fn parse_docx_within(bytes: &[u8], limits: &Limits) -> Result<Document, String> {
    let unreadable = |error: ArchiveError| match error {
        ArchiveError::NotAnArchive => {
            "filen är inget Word-dokument (DOCX är ett ZIP-arkiv)".to_string()
        }
        ArchiveError::Exceeded(exceeded) => {
            format!("Word-dokumentet är för stort för att läsas: {exceeded}")
        }
        other => format!("Word-dokumentet kunde inte läsas: {other}"),
    };
    let mut archive = Archive::open(bytes, limits).map_err(unreadable)?;
    let xml = archive
        .read(DOCUMENT)
        .map_err(unreadable)?
        .ok_or_else(|| format!("Word-dokumentet saknar {DOCUMENT}"))?;
    read(&xml, limits)
}

#[derive(Default)]
struct Paragraph {
    text: String,
    style: String,
    bold: bool,
}

#[derive(Default)]
struct Cell {
    text: String,
    bold: bool,
}

/// Where the reader is in the document's XML.
#[derive(Default)]
struct State {
    /// Blocks and table rows made, and table cells, for the limits.
    made: u64,
    cells: u64,
    blocks: Vec<Block>,
    paragraph: Option<Paragraph>,
    in_text: bool,
    in_run_properties: bool,
    table_depth: usize,
    table_start: usize,
    rows: Vec<TableRow>,
    row: Vec<Cell>,
    cell: Option<Cell>,
    /// Paragraphs so far: a block's place in the document.
    number: usize,
}

/// The heading level of a paragraph style: "Heading2", "Rubrik2", "Title" → 2, 2, 1.
fn heading_level(style: &str) -> Option<u8> {
    if style == "Title" || style == "Rubrik" {
        return Some(1);
    }
    let digits = style
        .strip_prefix("Heading")
        .or_else(|| style.strip_prefix("heading"))
        .or_else(|| style.strip_prefix("Rubrik"))?;
    digits
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|level| (1..=6).contains(level))
}

impl State {
    /// An element opens. `has_content` is false for an empty element (`<w:b/>`), which says
    /// something (bold, a style) but opens nothing.
    fn open(&mut self, element: &BytesStart<'_>, has_content: bool) {
        match element.local_name().as_ref() {
            "p" if has_content => {
                self.number += 1;
                self.paragraph = Some(Paragraph::default());
            }
            "pStyle" => {
                if let (Some(paragraph), Some(style)) = (
                    self.paragraph.as_mut(),
                    crate::xml::attribute(element, "val"),
                ) {
                    paragraph.style = style;
                }
            }
            "rPr" if has_content => self.in_run_properties = true,
            "b" if self.in_run_properties => {
                let off = crate::xml::attribute(element, "val")
                    .is_some_and(|value| value == "0" || value == "false");
                if let Some(paragraph) = self.paragraph.as_mut() {
                    paragraph.bold |= !off;
                }
            }
            "t" if has_content => self.in_text = true,
            "tab" | "br" => {
                if let Some(paragraph) = self.paragraph.as_mut() {
                    paragraph.text.push(' ');
                }
            }
            "tbl" if has_content => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.rows.clear();
                    self.table_start = self.number + 1;
                }
            }
            "tr" if has_content && self.table_depth == 1 => self.row.clear(),
            "tc" if has_content && self.table_depth == 1 => self.cell = Some(Cell::default()),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_text
            && let Some(paragraph) = self.paragraph.as_mut()
        {
            paragraph.text.push_str(text);
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "rPr" => self.in_run_properties = false,
            "p" => self.end_paragraph(),
            "tc" if self.table_depth == 1 => {
                if let Some(cell) = self.cell.take() {
                    self.cells += 1;
                    self.row.push(cell);
                }
            }
            "tr" if self.table_depth == 1 => {
                let bold = self.row.first().is_some_and(|first| first.bold);
                let cells = self.row.drain(..).map(|cell| cell.text).collect();
                self.made += 1;
                self.rows.push(TableRow {
                    cells,
                    bold,
                    line: self.number,
                });
            }
            "tbl" => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0 && !self.rows.is_empty() {
                    let mut rows = std::mem::take(&mut self.rows).into_iter();
                    let header = rows.next().map(|first| first.cells).unwrap_or_default();
                    self.blocks.push(Block::Table(Table {
                        line: self.table_start,
                        header,
                        rows: rows.collect(),
                    }));
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(paragraph) = self.paragraph.take() else {
            return;
        };
        let text = super::text::clean(&paragraph.text);
        if let Some(cell) = self.cell.as_mut() {
            if cell.text.is_empty() {
                cell.bold = paragraph.bold;
            } else if !text.is_empty() {
                cell.text.push(' ');
            }
            cell.text.push_str(&text);
        } else if self.table_depth == 0 && !text.is_empty() {
            let line = self.number;
            self.made += 1;
            self.blocks.push(match heading_level(&paragraph.style) {
                Some(level) => Block::Heading { level, text, line },
                None => Block::Paragraph { text, line },
            });
        }
    }
}

fn read(bytes: &[u8], limits: &Limits) -> Result<Document, String> {
    let unreadable = |error: XmlError| match error {
        XmlError::Exceeded(exceeded) => {
            format!("Word-dokumentet är för stort för att läsas: {exceeded}")
        }
        other => format!("Word-dokumentets XML kunde inte läsas: {other}"),
    };
    let mut xml = Xml::new(bytes, DOCUMENT, limits);
    let mut state = State::default();
    loop {
        match xml.next().map_err(unreadable)? {
            Event::Start(element) => state.open(&element, true),
            Event::Empty(element) => state.open(&element, false),
            Event::Text(text) => state.text(&text.xml10_content()),
            // Since quick-xml 0.41 an entity arrives on its own, between the text around it.
            Event::GeneralRef(name) => {
                if let Some(character) = reference(&name) {
                    state.text(character.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(element) => state.close(element.local_name().as_ref()),
            Event::Eof => break,
            _ => {}
        }
        for (limit, count) in [(Limit::Blocks, state.made), (Limit::Cells, state.cells)] {
            limits
                .check(limit, count, "Word-dokumentet")
                .map_err(|exceeded| {
                    format!("Word-dokumentet är för stort för att läsas: {exceeded}")
                })?;
        }
    }
    Ok(Document {
        blocks: state.blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:document xmlns:w="w"><w:body>
        <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Investeringar</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Summan är 8,4 mnkr &amp; mer.</w:t></w:r></w:p>
        <w:tbl>
          <w:tr><w:tc><w:p><w:r><w:t>Belopp i tkr</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Plan 2026</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Totalt</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:t>Rad</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t/></w:r><w:r><w:t>7</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl>
    </w:body></w:document>"#;

    #[test]
    fn headings_paragraphs_and_tables_are_read_from_word_xml() {
        let document = read(XML.as_bytes(), &Limits::default()).expect("it reads");
        assert_eq!(
            document.blocks[0],
            Block::Heading {
                level: 2,
                text: "Investeringar".into(),
                line: 1
            }
        );
        assert_eq!(
            document.blocks[1],
            Block::Paragraph {
                text: "Summan är 8,4 mnkr & mer.".into(),
                line: 2
            }
        );
        let Block::Table(table) = &document.blocks[2] else {
            panic!("a table")
        };
        assert_eq!(table.header, ["Belopp i tkr", "Plan 2026"]);
        assert!(table.rows[0].bold && !table.rows[1].bold);
        assert_eq!(table.rows[1].cells, ["Rad", "7"]);
    }

    #[test]
    fn what_is_not_a_word_document_is_refused_in_a_sentence() {
        assert_eq!(
            parse_docx("inte ett arkiv".as_bytes()).err().as_deref(),
            Some("filen är inget Word-dokument (DOCX är ett ZIP-arkiv)")
        );
    }
}
