//! A table as a Word table: fixed column widths from the columns' weights, the header row
//! repeated on every page, figures right-aligned, emphasised rows in bold and cells filled in
//! their colour.

use std::fmt::Write;

use super::{TEXT_WIDTH, runs};
use styr_domain::profile::Profile;

use crate::document::{Span, Table};
use crate::package::xml_escape;

pub fn table_xml(out: &mut String, table: &Table, profile: &Profile) {
    let header_fill = profile.table.hex().trim_start_matches('#').to_uppercase();
    let header_text = profile
        .table
        .text_on()
        .hex()
        .trim_start_matches('#')
        .to_uppercase();
    let total: u32 = table
        .columns
        .iter()
        .map(|column| u32::from(column.weight))
        .sum::<u32>()
        .max(1);
    let widths: Vec<u32> = table
        .columns
        .iter()
        .map(|column| TEXT_WIDTH * u32::from(column.weight) / total)
        .collect();
    out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="Budgettabell"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#);
    for width in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{width}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    // The header row repeats at the top of every page the table runs onto.
    out.push_str(r#"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"#);
    for (column, width) in table.columns.iter().zip(&widths) {
        cell(
            out,
            &column.label,
            *width,
            column.numeric,
            true,
            Some(&header_fill),
        );
        // The header's text in the colour that reads on its fill: `cell` wrote it black.
        if header_text != "000000"
            && let Some(at) = out.rfind("<w:rPr><w:b/>")
        {
            out.insert_str(at + 13, &format!("<w:color w:val=\"{header_text}\"/>"));
        }
    }
    out.push_str("</w:tr>");
    for row in &table.rows {
        out.push_str(r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>"#);
        for (index, value) in row.cells.iter().enumerate() {
            let numeric = table
                .columns
                .get(index)
                .is_some_and(|column| column.numeric);
            let fill = value
                .fill
                .as_deref()
                .and_then(|colour| colour.strip_prefix('#'));
            cell(
                out,
                &value.text,
                widths.get(index).copied().unwrap_or(0),
                numeric,
                row.emphasised,
                fill,
            );
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between two tables, or it merges them.
    out.push_str("<w:p/>");
}

fn cell(out: &mut String, text: &str, width: u32, numeric: bool, bold: bool, fill: Option<&str>) {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
    if let Some(fill) = fill {
        let _ = write!(
            out,
            r#"<w:shd w:val="clear" w:color="auto" w:fill="{}"/>"#,
            xml_escape(fill)
        );
    }
    out.push_str(r#"</w:tcPr><w:p><w:pPr><w:pStyle w:val="Tabelltext"/>"#);
    if numeric {
        out.push_str(r#"<w:jc w:val="right"/>"#);
    }
    out.push_str("</w:pPr>");
    runs(out, &[Span::plain(text)], bold);
    out.push_str("</w:p></w:tc>");
}
