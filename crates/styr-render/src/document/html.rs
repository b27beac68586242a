//! The document as one self-contained HTML page, ready to print: A4 pages with the page number
//! in the margin, chapters on new pages, table headers repeated on every printed page, and a
//! contents that links to each heading, in the municipality's look (its logo, colours, typeface,
//! header and footer texts: html/style.rs). No scripts and no external files; a draft says
//! UTKAST at the top and across every printed page.

use std::fmt::Write;

use super::{Block, Document, Span, Style, Table};
use crate::html::escape;

mod style;

pub fn html(document: &Document) -> String {
    let title = escape(&document.title);
    let profile = &document.profile;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{}</style>\n</head>\n<body>\n",
        style::css(document)
    );
    if let Some(marking) = &document.marking {
        let marking = escape(marking);
        let _ = writeln!(
            out,
            "<p class=\"marking\" role=\"note\">{marking}</p>\n<div class=\"watermark\" aria-hidden=\"true\">{marking}</div>"
        );
    }
    out.push_str("<header class=\"letterhead\">");
    if let Some(logo) = &profile.logo {
        let _ = write!(
            out,
            "<img class=\"logo\" src=\"{}\" alt=\"{}\">",
            style::data_url(logo),
            escape(&format!("Logotyp för {}", document.municipality))
        );
    }
    if !profile.header.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&profile.header));
    }
    out.push_str("</header>\n<main>\n");
    let _ = writeln!(out, "<h1>{title}</h1>");
    if !profile.cover_text.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"cover-text\">{}</p>",
            escape(&profile.cover_text)
        );
    }
    out.push_str("<dl class=\"metadata\">\n");
    for (label, value) in &document.metadata {
        let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", escape(value));
    }
    out.push_str("</dl>\n");
    let mut heading_number = 0;
    for block in &document.blocks {
        write_block(&mut out, document, block, &mut heading_number);
    }
    out.push_str("</main>\n");
    if !profile.footer.is_empty() {
        let _ = writeln!(out, "<footer><p>{}</p></footer>", escape(&profile.footer));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Blocks as an HTML fragment for a page of the web app (a section's preview), in the
/// default look: every text escaped as in the document.
pub fn fragment(blocks: &[Block]) -> String {
    let document = Document {
        title: String::new(),
        metadata: Vec::new(),
        blocks: Vec::new(),
        sheets: Vec::new(),
        municipality: String::new(),
        profile: styr_domain::profile::Profile::default(),
        marking: None,
    };
    let mut out = String::new();
    let mut heading_number = 0;
    for block in blocks {
        write_block(&mut out, &document, block, &mut heading_number);
    }
    out
}

fn write_block(out: &mut String, document: &Document, block: &Block, heading_number: &mut usize) {
    match block {
        Block::Heading { level, text } => {
            *heading_number += 1;
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
        Block::Bullets(items) => list(out, "ul", items),
        Block::Numbered(items) => list(out, "ol", items),
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
        Block::Table(table) => table_html(out, table),
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
        Block::Figure(figure) => {
            let drawing = figure.chart.draw(&document.profile);
            let _ = writeln!(
                out,
                "<figure><div class=\"chart\" role=\"img\" aria-label=\"{}\">{}</div><figcaption>{}</figcaption></figure>",
                escape(&figure.description),
                drawing.svg,
                escape(&figure.caption)
            );
        }
        Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        Block::List(items) => {
            let tag = if items.numbered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in &items.items {
                out.push_str("<li>");
                for block in item {
                    write_block(out, document, block, heading_number);
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
    }
}

/// Text people write in Markdown (an explanation, a handling) as HTML paragraphs and lists,
/// escaped: what a page shows where it reads the text rather than edits it.
pub fn prose_html(text: &str) -> String {
    let mut out = String::new();
    for block in super::prose::prose(text) {
        prose_block(&mut out, &block);
    }
    out
}

fn prose_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(spans) => {
            let _ = writeln!(out, "<p>{}</p>", spans_html(spans));
        }
        Block::Bullets(items) => list(out, "ul", items),
        Block::Numbered(items) => list(out, "ol", items),
        Block::List(items) => {
            let tag = if items.numbered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in &items.items {
                out.push_str("<li>");
                for block in item {
                    prose_block(out, block);
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Heading { text, .. } => {
            let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(text));
        }
        Block::Table(table) => table_html(out, table),
        // Prose has no contents, outline, picture or page of its own.
        Block::Outline(_) | Block::Contents | Block::Figure(_) | Block::PageBreak => {}
    }
}

fn spans_html(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| {
            let text = match span.style {
                Style::Plain => escape(&span.text),
                Style::Bold => format!("<strong>{}</strong>", escape(&span.text)),
                Style::Italic => format!("<em>{}</em>", escape(&span.text)),
            };
            // Only https:, http: and mailto: targets reach a span (document::prose).
            match &span.link {
                Some(target) => format!("<a href=\"{}\">{text}</a>", escape(target)),
                None => text,
            }
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
            municipality: String::new(),
            profile: styr_domain::profile::Profile::default(),
            marking: None,
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
