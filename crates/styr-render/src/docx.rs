//! The budget document as a Word file (.docx) written directly as Office Open XML: headings are
//! Word's own Rubrik 1–4 styles (so the navigation pane and the contents work), the contents is
//! a real TOC field that Word fills in with page numbers, tables are Word tables whose header
//! row repeats on every page, and the footer numbers the pages. Everything stays editable.

use std::fmt::Write;

mod numbering;
mod table;

use numbering::Numbering;
use table::table_xml;

use crate::document::{Block, Document, Span, Style};
use crate::package::{Part, xml_escape, zip};

/// A4 in twentieths of a point, with 2 cm margins: the width tables are laid out in.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: u32 = 1_134;
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN;

pub fn docx(document: &Document) -> Result<Vec<u8>, std::io::Error> {
    let mut numbering = Numbering::default();
    let body = body(document, &mut numbering);
    let parts = [
        Part::new("[Content_Types].xml", CONTENT_TYPES),
        Part::new("_rels/.rels", ROOT_RELATIONSHIPS),
        Part::new("docProps/core.xml", core_properties(&document.title)),
        Part::new("word/document.xml", body),
        Part::new("word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS),
        Part::new("word/styles.xml", STYLES),
        Part::new("word/settings.xml", SETTINGS),
        Part::new("word/numbering.xml", numbering.part()),
        Part::new("word/footer1.xml", footer(&document.title)),
    ];
    zip(&parts)
}

fn body(document: &Document, numbering: &mut Numbering) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#,
    );
    paragraph(&mut out, "Title", &[Span::plain(&document.title)], None);
    for (label, value) in &document.metadata {
        paragraph(
            &mut out,
            "Normal",
            &[Span::bold(format!("{label}: ")), Span::plain(value)],
            None,
        );
    }
    for block in &document.blocks {
        match block {
            Block::Heading { level, text } => {
                paragraph(
                    &mut out,
                    &format!("Heading{level}"),
                    &[Span::plain(text)],
                    None,
                );
            }
            Block::Paragraph(spans) => paragraph(&mut out, "Normal", spans, None),
            Block::Bullets(items) => {
                for item in items {
                    paragraph(
                        &mut out,
                        "ListParagraph",
                        item,
                        Some((Numbering::BULLETS, 0)),
                    );
                }
            }
            Block::Numbered(items) => {
                let list = numbering.new_numbered();
                for item in items {
                    paragraph(&mut out, "ListParagraph", item, Some((list, 0)));
                }
            }
            Block::Outline(items) => {
                for (depth, item) in items {
                    paragraph(
                        &mut out,
                        "ListParagraph",
                        item,
                        Some((Numbering::BULLETS, (*depth).min(4))),
                    );
                }
            }
            Block::Table(table) => table_xml(&mut out, table),
            Block::Contents => contents(&mut out, document),
        }
    }
    let _ = write!(
        out,
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    out
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

pub(crate) fn paragraph(out: &mut String, style: &str, spans: &[Span], list: Option<(u32, u8)>) {
    let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>"#);
    if let Some((list, level)) = list {
        let _ = write!(
            out,
            r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr>"#
        );
    }
    out.push_str("</w:pPr>");
    runs(out, spans, false);
    out.push_str("</w:p>");
}

/// A TOC field over Rubrik 1–4. Its entries are filled in already (without page numbers,
/// which only Word's own layout knows); Word updates the field when the file is opened.
fn contents(out: &mut String, document: &Document) {
    paragraph(out, "TOCHeading", &[Span::plain("Innehåll")], None);
    let headings: Vec<(u8, &str)> = document.headings().collect();
    out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-4" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>"#);
    for (level, text) in headings {
        let _ = write!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            xml_escape(text)
        );
    }
    out.push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#);
}

fn footer(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Sida </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> av </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#,
        xml_escape(title)
    )
}

fn core_properties(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>styr</dc:creator><dc:language>sv-SE</dc:language></cp:coreProperties>"#,
        xml_escape(title)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// Word asks to update fields (the contents' page numbers) when the file opens.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/><w:defaultTabStop w:val="708"/><w:themeFontLang w:val="sv-SE"/></w:settings>"#;

/// Word's built-in style ids (Heading1 …, shown in a Swedish Word as Rubrik 1 …) with the
/// outline levels the navigation pane and the TOC field read.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="1200" w:after="480"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="122B4A"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="122B4A"/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:color w:val="122B4A"/><w:sz w:val="23"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:i/><w:color w:val="122B4A"/><w:sz w:val="21"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:pPr><w:pageBreakBefore/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/><w:ind w:left="240"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TOC3"><w:name w:val="toc 3"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/><w:ind w:left="480"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TOC4"><w:name w:val="toc 4"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/><w:ind w:left="720"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Tabelltext"><w:name w:val="Tabelltext"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="555555"/><w:sz w:val="16"/></w:rPr></w:style><w:style w:type="table" w:styleId="Budgettabell"><w:name w:val="Budgettabell"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="404040"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="404040"/><w:insideH w:val="single" w:sz="2" w:space="0" w:color="B0B0B0"/></w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::document::{Cell, Column, Row, Table};

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
        let file = docx(&document).expect("a file");
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
