//! The body of the Word file: the cover (logo, title, the cover text and the metadata block),
//! then every block — headings in Word's heading styles, paragraphs with their links, lists
//! (nested ones at their level), tables, pictures with their captions, page breaks.

use std::fmt::Write;

use super::numbering::Numbering;
use super::table::table_xml;
use super::{MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Rasterise, picture, runs};
use crate::document::{Block, Document, List, Span};
use crate::package::xml_escape;

pub struct Body<'a> {
    document: &'a Document,
    rasterise: Rasterise<'a>,
    pub numbering: Numbering,
    /// The pictures' PNG files, `media/bild1.png` first.
    pub pictures: Vec<Vec<u8>>,
    /// The links' targets, `rIdLank1` first.
    pub links: Vec<String>,
    out: String,
}

impl<'a> Body<'a> {
    pub fn new(document: &'a Document, rasterise: Rasterise<'a>) -> Body<'a> {
        Body {
            document,
            rasterise,
            numbering: Numbering::default(),
            pictures: Vec::new(),
            links: Vec::new(),
            out: String::new(),
        }
    }

    pub fn write(&mut self) -> Result<String, std::io::Error> {
        let document = self.document;
        self.out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#);
        if document.profile.cover
            && let Some(logo) = &document.profile.logo
        {
            let png = picture::png_of_logo(logo, self.rasterise)?;
            let (width, height) = picture::logo_size(&png.1);
            self.pictures.push(png.0);
            let number = self.pictures.len();
            let alt = format!("Logotyp för {}", document.municipality);
            self.out.push_str("<w:p>");
            picture::inline(
                &mut self.out,
                &format!("rIdBild{number}"),
                number,
                &alt,
                (width, height),
            );
            self.out.push_str("</w:p>");
        }
        self.paragraph("Title", &[Span::plain(&document.title)], None);
        if !document.profile.cover_text.is_empty() {
            self.paragraph(
                "Subtitle",
                &[Span::plain(&document.profile.cover_text)],
                None,
            );
        }
        for (label, value) in &document.metadata {
            let spans = [Span::bold(format!("{label}: ")), Span::plain(value)];
            self.paragraph("Normal", &spans, None);
        }
        for block in &document.blocks {
            self.block(block, 0)?;
        }
        let _ = write!(
            self.out,
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>"#
        );
        Ok(std::mem::take(&mut self.out))
    }

    fn block(&mut self, block: &Block, depth: u8) -> Result<(), std::io::Error> {
        match block {
            Block::Heading { level, text } => {
                self.paragraph(&format!("Heading{level}"), &[Span::plain(text)], None);
            }
            Block::Paragraph(spans) if depth > 0 => {
                // A paragraph inside a list item continues the item, indented with it.
                let _ = write!(
                    self.out,
                    r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:ind w:left="{}"/></w:pPr>"#,
                    720 + 360 * u32::from(depth - 1)
                );
                self.spans(spans);
                self.out.push_str("</w:p>");
            }
            Block::Paragraph(spans) => self.paragraph("Normal", spans, None),
            Block::Bullets(items) => {
                for item in items {
                    self.paragraph("ListParagraph", item, Some((Numbering::BULLETS, depth)));
                }
            }
            Block::Numbered(items) => {
                let list = self.numbering.new_numbered();
                for item in items {
                    self.paragraph("ListParagraph", item, Some((list, depth)));
                }
            }
            Block::Outline(items) => {
                for (level, item) in items {
                    let level = (*level).saturating_add(depth).min(4);
                    self.paragraph("ListParagraph", item, Some((Numbering::BULLETS, level)));
                }
            }
            Block::Table(table) => table_xml(&mut self.out, table, &self.document.profile),
            Block::Contents => self.contents(),
            Block::Figure(figure) => {
                let drawing = figure.chart.draw(&self.document.profile);
                let png = (self.rasterise)(&drawing.svg).map_err(std::io::Error::other)?;
                self.pictures.push(png);
                let number = self.pictures.len();
                self.out
                    .push_str(r#"<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr>"#);
                let size = picture::fitted(drawing.width, drawing.height);
                let id = format!("rIdBild{number}");
                picture::inline(&mut self.out, &id, number, &figure.description, size);
                self.out.push_str("</w:p>");
                self.paragraph("Caption", &[Span::plain(&figure.caption)], None);
            }
            Block::PageBreak => self
                .out
                .push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#),
            Block::List(list) => self.list(list, depth)?,
        }
        Ok(())
    }

    fn list(&mut self, list: &List, depth: u8) -> Result<(), std::io::Error> {
        let instance = if list.numbered {
            self.numbering.new_numbered()
        } else {
            Numbering::BULLETS
        };
        for item in &list.items {
            let mut rest = item.as_slice();
            // The item's first paragraph carries its bullet or number.
            if let [Block::Paragraph(spans), after @ ..] = rest {
                self.paragraph("ListParagraph", spans, Some((instance, depth)));
                rest = after;
            }
            for block in rest {
                self.block(block, depth.saturating_add(1).min(4))?;
            }
        }
        Ok(())
    }

    fn paragraph(&mut self, style: &str, spans: &[Span], list: Option<(u32, u8)>) {
        let _ = write!(self.out, r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>"#);
        if let Some((list, level)) = list {
            let _ = write!(
                self.out,
                r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr>"#
            );
        }
        self.out.push_str("</w:pPr>");
        self.spans(spans);
        self.out.push_str("</w:p>");
    }

    /// Runs, a link's runs inside a hyperlink to its (external) target.
    fn spans(&mut self, spans: &[Span]) {
        for span in spans {
            match &span.link {
                Some(target) => {
                    self.links.push(target.clone());
                    let _ = write!(
                        self.out,
                        r#"<w:hyperlink r:id="rIdLank{}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:hyperlink>"#,
                        self.links.len(),
                        xml_escape(&span.text)
                    );
                }
                None => runs(&mut self.out, std::slice::from_ref(span), false),
            }
        }
    }

    /// A TOC field over Rubrik 1–4. Its entries are filled in already (without page numbers,
    /// which only Word's own layout knows); Word updates the field when the file is opened.
    fn contents(&mut self) {
        self.paragraph("TOCHeading", &[Span::plain("Innehåll")], None);
        let headings: Vec<(u8, String)> = self
            .document
            .headings()
            .map(|(level, text)| (level, text.to_string()))
            .collect();
        self.out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-4" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>"#);
        for (level, text) in headings {
            let _ = write!(
                self.out,
                r#"<w:p><w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                xml_escape(&text)
            );
        }
        self.out
            .push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#);
    }
}
