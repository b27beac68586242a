//! The budget document as a Word file (.docx) written directly as Office Open XML: headings are
//! Word's own Rubrik 1–4 styles (so the navigation pane and the contents work), the contents is
//! a real TOC field that Word fills in with page numbers, tables are Word tables whose header
//! row repeats on every page, pictures are PNG images with their alternative text, and the
//! header and footer carry the municipality's logo and texts (a draft's header says UTKAST).
//! The styles are in the municipality's colour and typeface. Everything stays editable.

use std::fmt::Write;

mod body;
mod numbering;
mod parts;
mod picture;
mod table;

use body::Body;

use crate::document::{Document, Span, Style};
use crate::package::{Part, xml_escape, zip};

/// A4 in twentieths of a point, with 2 cm margins: the width tables are laid out in.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: u32 = 1_134;
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN;

/// Draws an SVG as PNG bytes: Word shows pictures as images. `styr-output` hands in the
/// renderer the PDF uses (`styr_typst::png`).
pub type Rasterise<'a> = &'a dyn Fn(&str) -> Result<Vec<u8>, String>;

pub fn docx(document: &Document, rasterise: Rasterise) -> Result<Vec<u8>, std::io::Error> {
    let mut body = Body::new(document, rasterise);
    let xml = body.write()?;
    let logo = picture::logo_png(&document.profile, rasterise)?;
    let mut parts = vec![
        Part::new("[Content_Types].xml", parts::CONTENT_TYPES),
        Part::new("_rels/.rels", parts::ROOT_RELATIONSHIPS),
        Part::new("docProps/core.xml", parts::core_properties(&document.title)),
        Part::new("word/document.xml", xml),
        Part::new(
            "word/_rels/document.xml.rels",
            parts::relationships(body.pictures.len(), &body.links),
        ),
        Part::new("word/styles.xml", parts::styles(&document.profile)),
        Part::new("word/settings.xml", parts::SETTINGS),
        Part::new("word/numbering.xml", body.numbering.part()),
        Part::new("word/footer1.xml", footer(document)),
        Part::new("word/header1.xml", picture::header(document, logo.as_ref())),
        Part::new(
            "word/_rels/header1.xml.rels",
            parts::header_relationships(logo.is_some()),
        ),
    ];
    for (number, png) in body.pictures.drain(..).enumerate() {
        parts.push(Part::new(format!("word/media/bild{}.png", number + 1), png));
    }
    if let Some((png, _)) = logo {
        parts.push(Part::new("word/media/logo.png", png));
    }
    zip(&parts)
}

pub(crate) fn runs(out: &mut String, spans: &[Span], bold: bool) {
    for span in spans {
        out.push_str("<w:r>");
        let emphasis = match (span.style, bold) {
            (Style::Bold, _) | (_, true) => "<w:rPr><w:b/></w:rPr>",
            (Style::Italic, _) => "<w:rPr><w:i/></w:rPr>",
            (Style::Plain, false) => "",
        };
        out.push_str(emphasis);
        let _ = write!(
            out,
            r#"<w:t xml:space="preserve">{}</w:t></w:r>"#,
            xml_escape(&span.text)
        );
    }
}

/// The footer: the profile's footer text (or the title), and the page of pages.
fn footer(document: &Document) -> String {
    let text = if document.profile.footer.is_empty() {
        &document.title
    } else {
        &document.profile.footer
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Sida </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> av </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#,
        xml_escape(text)
    )
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::document::{Block, Cell, Column, Row, Table};

    fn part(file: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(file)).expect("a ZIP");
        let mut text = String::new();
        archive
            .by_name(name)
            .expect("the part")
            .read_to_string(&mut text)
            .expect("UTF-8");
        text
    }

    #[test]
    fn headings_lists_and_tables_are_word_s_own() {
        let document = Document {
            title: "Budget <2025> & plan".into(),
            metadata: vec![("Diarienummer", "2024.025 KS".into())],
            sheets: Vec::new(),
            municipality: String::new(),
            profile: styr_domain::profile::Profile::default(),
            marking: None,
            blocks: vec![
                Block::Contents,
                Block::Heading {
                    level: 2,
                    text: "Inledning".into(),
                },
                Block::Numbered(vec![vec![Span::plain("ett")], vec![Span::plain("två")]]),
                Block::Numbered(vec![vec![Span::italic("åter ett")]]),
                Block::Table(Table {
                    columns: vec![Column {
                        label: "Belopp i tkr".into(),
                        numeric: true,
                        weight: 1,
                    }],
                    rows: vec![Row {
                        cells: vec![Cell::new("-114 196")],
                        emphasised: true,
                    }],
                }),
            ],
        };
        let file = docx(&document, &|_| Ok(Vec::new())).expect("a file");
        let body = part(&file, "word/document.xml");
        assert!(body.contains("Budget &lt;2025&gt; &amp; plan"));
        assert!(body.contains(r#"<w:pStyle w:val="Heading2"/>"#));
        assert!(
            body.contains(r#"<w:pStyle w:val="TOC2"/>"#),
            "the contents lists it"
        );
        assert!(body.contains(r#"<w:tblHeader/>"#));
        assert!(
            body.contains(r#"<w:jc w:val="right"/>"#),
            "figures right-aligned"
        );
        assert!(body.contains("<w:b/></w:rPr><w:t xml:space=\"preserve\">-114 196"));
        // Each numbered list counts from 1 again: a list instance of its own.
        assert!(
            body.contains(r#"<w:numId w:val="2"/>"#) && body.contains(r#"<w:numId w:val="3"/>"#)
        );
        let numbering = part(&file, "word/numbering.xml");
        assert_eq!(
            numbering.matches("<w:startOverride w:val=\"1\"/>").count(),
            2
        );
        assert!(part(&file, "word/styles.xml").contains(r#"w:styleId="Heading4""#));
        assert!(part(&file, "word/footer1.xml").contains(" NUMPAGES "));
    }
}
