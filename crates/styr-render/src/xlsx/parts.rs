//! The workbook's parts written as Office Open XML: the content types, the relationships, the
//! workbook with its sheets' names, the styles (the looks of [`super::Look`]) and each sheet's
//! cells, zipped into one .xlsx file.

use std::fmt::Write;

use super::{Sheet, Value, reference};
use crate::package::{Part, xml_escape, zip};

/// The sheets as an .xlsx file.
pub fn workbook(sheets: &[Sheet], title: &str) -> Result<Vec<u8>, std::io::Error> {
    let mut parts = vec![
        Part::new("[Content_Types].xml", content_types(sheets.len())),
        Part::new("_rels/.rels", ROOT_RELATIONSHIPS),
        Part::new("docProps/core.xml", core_properties(title)),
        Part::new("xl/workbook.xml", workbook_part(sheets)),
        Part::new(
            "xl/_rels/workbook.xml.rels",
            workbook_relationships(sheets.len()),
        ),
        Part::new("xl/styles.xml", STYLES),
    ];
    for (index, sheet) in sheets.iter().enumerate() {
        parts.push(Part::new(
            format!("xl/worksheets/sheet{}.xml", index + 1),
            sheet_part(sheet),
        ));
    }
    zip(&parts)
}

const ROOT_RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

/// Number format 3 is Excel's built-in "#,##0", shown with the reader's own thousands
/// separator — a space in Swedish Excel.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8ECF1"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF7D6"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="3" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>"#;

fn content_types(sheets: usize) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    );
    for index in 1..=sheets {
        let _ = write!(
            out,
            r#"<Override PartName="/xl/worksheets/sheet{index}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
    }
    out.push_str("</Types>");
    out
}

fn core_properties(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>styr</dc:creator><dc:language>sv-SE</dc:language></cp:coreProperties>"#,
        xml_escape(title)
    )
}

fn workbook_part(sheets: &[Sheet]) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    for (index, sheet) in sheets.iter().enumerate() {
        let _ = write!(
            out,
            r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
            xml_escape(&sheet.name),
            index + 1,
            index + 1
        );
    }
    out.push_str(r#"</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>"#);
    out
}

fn workbook_relationships(sheets: usize) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for index in 1..=sheets {
        let _ = write!(
            out,
            r#"<Relationship Id="rId{index}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{index}.xml"/>"#
        );
    }
    let _ = write!(
        out,
        r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        sheets + 1
    );
    out
}

fn sheet_part(sheet: &Sheet) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    if !sheet.widths.is_empty() {
        out.push_str("<cols>");
        for (index, width) in sheet.widths.iter().enumerate() {
            let _ = write!(
                out,
                r#"<col min="{n}" max="{n}" width="{width}" customWidth="1"/>"#,
                n = index + 1
            );
        }
        out.push_str("</cols>");
    }
    out.push_str("<sheetData>");
    for (row_index, row) in sheet.rows.iter().enumerate() {
        let _ = write!(out, r#"<row r="{}">"#, row_index + 1);
        for (column, cell) in row.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let at = reference(column, row_index);
            let look = cell.look as u8;
            match &cell.value {
                Value::Text(text) => {
                    let _ = write!(
                        out,
                        r#"<c r="{at}" s="{look}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                        xml_escape(text)
                    );
                }
                Value::Number(number) => {
                    let _ = write!(out, r#"<c r="{at}" s="{look}"><v>{number}</v></c>"#);
                }
                Value::Formula { formula, value } => {
                    let _ = write!(
                        out,
                        r#"<c r="{at}" s="{look}"><f>{}</f><v>{value}</v></c>"#,
                        xml_escape(formula)
                    );
                }
            }
        }
        out.push_str("</row>");
    }
    out.push_str("</sheetData></worksheet>");
    out
}
