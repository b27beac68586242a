//! Excel workbooks (.xlsx) written directly as Office Open XML: the budget's tables, one sheet
//! each, figures as numbers in tkr and subtotals as formulas ([`report`]); and the budget
//! template a unit manager fills in offline ([`template`]).
//!
//! A formula cell also carries its value, so a reader that does not calculate (calamine, a
//! preview) sees the same figure as Excel; the workbook asks Excel to recalculate on opening.

pub mod report;
pub mod template;

use std::fmt::Write;

use styr_domain::money::{Amount, ORE_PER_TKR};

use crate::package::{Part, xml_escape, zip};

/// A cell's look: an index into the workbook's `cellXfs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Text = 0,
    Bold = 1,
    /// Whole tkr with a thousands separator: "100 548" in a Swedish Excel.
    Tkr = 2,
    TkrBold = 3,
    Header = 4,
    /// Long text, wrapped.
    Wrapped = 5,
    /// A cell to fill in: tkr, pale yellow.
    Input = 6,
    /// Text to fill in, wrapped, pale yellow.
    InputText = 7,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// An exact decimal number written as it is ("100548", "-12.5").
    Number(String),
    /// A formula and the value it gives.
    Formula {
        formula: String,
        value: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub value: Value,
    pub look: Look,
}

impl Cell {
    pub fn text(text: impl Into<String>, look: Look) -> Cell {
        Cell {
            value: Value::Text(text.into()),
            look,
        }
    }

    pub fn tkr(amount: Amount, look: Look) -> Cell {
        Cell {
            value: Value::Number(tkr_number(amount)),
            look,
        }
    }
}

/// A worksheet: rows of cells from A1 (a `None` leaves a cell empty) and column widths.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Option<Cell>>>,
    /// Widths in characters, from column A.
    pub widths: Vec<u16>,
}

/// An amount in tkr as an exact decimal number: 100 548 tkr → "100548", 1 234,5 kr → "1.2345".
pub fn tkr_number(amount: Amount) -> String {
    let ore = i128::from(amount.ore());
    let per = i128::from(ORE_PER_TKR);
    let sign = if ore < 0 { "-" } else { "" };
    let whole = ore.abs() / per;
    let fraction = ore.abs() % per;
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:05}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// "C7" for column 2, row 6 (both zero-based).
pub fn reference(column: usize, row: usize) -> String {
    styr_domain::template::cell_name(column, row)
}

/// "SUM(B5:B8)": a column's rows from `first` to `last` (zero-based).
pub fn range_sum(column: usize, first: usize, last: usize) -> String {
    format!(
        "SUM({}:{})",
        reference(column, first),
        reference(column, last)
    )
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|character| {
            if "[]:*?/\\".contains(character) {
                '-'
            } else {
                character
            }
        })
        .collect();
    let base: String = clean.chars().take(31).collect();
    let mut name = base.clone();
    let mut number = 2;
    while taken
        .iter()
        .any(|existing| existing.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" {number}");
        name = base
            .chars()
            .take(31 - suffix.chars().count())
            .chain(suffix.chars())
            .collect();
        number += 1;
    }
    name
}

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
                Value::Formula { formula, value } if value.is_empty() => {
                    let _ = write!(
                        out,
                        r#"<c r="{at}" s="{look}"><f>{}</f></c>"#,
                        xml_escape(formula)
                    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_decimal_tkr() {
        assert_eq!(tkr_number(Amount::from_tkr(100_548)), "100548");
        assert_eq!(tkr_number(Amount::from_tkr(-114_196)), "-114196");
        assert_eq!(tkr_number(Amount::from_ore(123_450)), "1.2345");
        assert_eq!(tkr_number(Amount::from_ore(-1)), "-0.00001");
    }

    #[test]
    fn columns_and_sheet_names() {
        assert_eq!(reference(2, 6), "C7");
        let taken = vec!["Drift".to_string()];
        assert_eq!(sheet_name("Drift", &taken), "Drift 2");
        assert_eq!(sheet_name("A/B: [c]", &[]), "A-B- -c-");
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
    }
}
