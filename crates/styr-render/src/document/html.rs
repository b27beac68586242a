//! The document as one self-contained HTML page, ready to print: A4 pages with the page number
//! in the margin, chapters on new pages, table headers repeated on every printed page, and a
//! contents that links to each heading. No scripts and no external files.

use std::fmt::Write;

use super::{Block, Document, Span, Style, Table};
use crate::html::escape;

const STYLE: &str = "body{font-family:Arial,'Liberation Sans',sans-serif;font-size:10.5pt;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}\
h1,h2,h3,h4,h5{color:#122b4a;break-after:avoid}h5{font-style:italic;font-weight:normal;font-size:1em}\
table{border-collapse:collapse;margin:.8rem 0;width:100%;font-size:9pt}th,td{border-bottom:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}\
thead th{background:#e8ecf1;border-bottom:1.5px solid #404040}td.number,th.number{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
tr.sum td{font-weight:bold}tr{break-inside:avoid}dl.metadata{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}\
nav.contents ol{list-style:none;padding-left:0}nav.contents li.level-2{padding-left:1rem}nav.contents li.level-3{padding-left:2rem}nav.contents li.level-4{padding-left:3rem;font-style:italic}\
ul.outline{list-style:none;padding-left:0}\
@page{size:A4;margin:2cm 2cm 2.2cm;@bottom-right{content:\"Sida \" counter(page) \" av \" counter(pages);font-size:8pt;color:#555}}\
@media print{body{max-width:none;margin:0;padding:0}h2.chapter,nav.contents{break-before:page}thead{display:table-header-group}a{color:inherit;text-decoration:none}}";

pub fn html(document: &Document) -> String {
    let title = escape(&document.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<dl class=\"metadata\">\n"
    );
    for (label, value) in &document.metadata {
        let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", escape(value));
    }
    out.push_str("</dl>\n");
    let mut heading_number = 0;
    for block in &document.blocks {
        match block {
            Block::Heading { level, text } => {
                heading_number += 1;
                // The title is h1, so a chapter (level 1) is h2 and level 4 is h5.
                let tag = level + 1;
                let class = if *level == 1 {
                    " class=\"chapter\""
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "<h{tag} id=\"rubrik-{heading_number}\"{class}>{}</h{tag}>",
                    escape(text)
                );
            }
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "<p>{}</p>", spans_html(spans));
            }
            Block::Bullets(items) => list(&mut out, "ul", items),
            Block::Numbered(items) => list(&mut out, "ol", items),
            Block::Outline(items) => {
                out.push_str("<ul class=\"outline\">\n");
                for (depth, item) in items {
                    let _ = writeln!(
                        out,
                        "<li style=\"padding-left:{}rem\">{}</li>",
                        depth,
                        spans_html(item)
                    );
                }
                out.push_str("</ul>\n");
            }
            Block::Table(table) => table_html(&mut out, table),
            Block::Contents => {
                out.push_str("<nav class=\"contents\" aria-labelledby=\"innehall\">\n<h2 id=\"innehall\">Innehåll</h2>\n<ol>\n");
                for (number, (level, text)) in document.headings().enumerate() {
                    let _ = writeln!(
                        out,
                        "<li class=\"level-{level}\"><a href=\"#rubrik-{}\">{}</a></li>",
                        number + 1,
                        escape(text)
                    );
                }
                out.push_str("</ol>\n</nav>\n");
            }
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Text people write in Markdown (an explanation, a handling) as HTML paragraphs and lists,
/// escaped: what a page shows where it reads the text rather than edits it.
pub fn prose_html(text: &str) -> String {
    let mut out = String::new();
    for block in super::prose::prose(text) {
        match block {
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "<p>{}</p>", spans_html(&spans));
            }
            Block::Bullets(items) => list(&mut out, "ul", &items),
            Block::Numbered(items) => list(&mut out, "ol", &items),
            Block::Heading { text, .. } => {
                let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(&text));
            }
            Block::Outline(_) | Block::Table(_) | Block::Contents => {}
        }
    }
    out
}

fn spans_html(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span.style {
            Style::Plain => escape(&span.text),
            Style::Bold => format!("<strong>{}</strong>", escape(&span.text)),
            Style::Italic => format!("<em>{}</em>", escape(&span.text)),
        })
        .collect()
}

fn list(out: &mut String, tag: &str, items: &[Vec<Span>]) {
    let _ = writeln!(out, "<{tag}>");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", spans_html(item));
    }
    let _ = writeln!(out, "</{tag}>");
}

fn table_html(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for column in &table.columns {
        let class = if column.numeric {
            " class=\"number\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<th scope=\"col\"{class}>{}</th>",
            escape(&column.label)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str(if row.emphasised {
            "<tr class=\"sum\">"
        } else {
            "<tr>"
        });
        for (index, cell) in row.cells.iter().enumerate() {
            let numeric = table
                .columns
                .get(index)
                .is_some_and(|column| column.numeric);
            let class = if numeric { " class=\"number\"" } else { "" };
            let fill = cell
                .fill
                .as_deref()
                .filter(|colour| {
                    colour.starts_with('#') && colour[1..].chars().all(|c| c.is_ascii_hexdigit())
                })
                .map(|colour| format!(" style=\"background:{colour}\""))
                .unwrap_or_default();
            let _ = write!(out, "<td{class}{fill}>{}</td>", escape(&cell.text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod prose_tests {
    #[test]
    fn markdown_prose_becomes_escaped_paragraphs_and_lists() {
        assert_eq!(
            super::prose_html("Detta förklaras av:\n\n- <b>löner</b>\n- hyror\n"),
            "<p>Detta förklaras av:</p>\n<ul>\n<li>&lt;b&gt;löner&lt;/b&gt;</li>\n<li>hyror</li>\n</ul>\n"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell, Column, Row};

    #[test]
    fn the_page_links_its_contents_and_colours_only_valid_fills() {
        let document = Document {
            title: "Budget".into(),
            metadata: Vec::new(),
            sheets: Vec::new(),
            blocks: vec![
                Block::Contents,
                Block::Heading {
                    level: 1,
                    text: "Nämndens <budget>".into(),
                },
                Block::Table(Table {
                    columns: vec![Column {
                        label: "Riskvärde".into(),
                        numeric: true,
                        weight: 1,
                    }],
                    rows: vec![
                        Row {
                            cells: vec![Cell {
                                text: "12".into(),
                                fill: Some("#f4c542".into()),
                            }],
                            emphasised: false,
                        },
                        Row {
                            cells: vec![Cell {
                                text: "4".into(),
                                fill: Some("red;background:url(x)".into()),
                            }],
                            emphasised: false,
                        },
                    ],
                }),
            ],
        };
        let page = html(&document);
        assert!(
            page.contains("<h2 id=\"rubrik-1\" class=\"chapter\">Nämndens &lt;budget&gt;</h2>")
        );
        assert!(page.contains("<a href=\"#rubrik-1\">Nämndens &lt;budget&gt;</a>"));
        assert!(page.contains("<td class=\"number\" style=\"background:#f4c542\">12</td>"));
        assert!(
            page.contains("<td class=\"number\">4</td>"),
            "a fill that is no colour is dropped"
        );
    }
}
