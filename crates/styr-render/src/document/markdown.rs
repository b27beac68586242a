//! The document as Markdown: headings with `#`, tables as pipe tables with figures
//! right-aligned, emphasis with `*` and `**`. Every text is escaped ([`crate::markdown`]): what
//! people typed reads as the text it is, never as HTML, a link or a list.

use std::fmt::Write;

use super::{Block, Document, Span, Style, Table};
use crate::markdown::{cell, inline, line_start, text};

pub fn markdown(document: &Document) -> String {
    let mut out = format!("# {}\n\n", text(&document.title));
    for (label, value) in &document.metadata {
        let _ = writeln!(out, "**{label}:** {}  ", inline(value));
    }
    for block in &document.blocks {
        out.push('\n');
        match block {
            Block::Heading {
                level,
                text: heading,
            } => {
                let _ = writeln!(
                    out,
                    "{} {}",
                    "#".repeat(usize::from(*level) + 1),
                    text(heading)
                );
            }
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "{}", spans_markdown(spans));
            }
            Block::Bullets(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", spans_markdown(item));
                }
            }
            Block::Numbered(items) => {
                for (number, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", number + 1, spans_markdown(item));
                }
            }
            Block::Outline(items) => {
                for (depth, item) in items {
                    let indent = "  ".repeat(usize::from(*depth));
                    let _ = writeln!(out, "{indent}- {}", spans_markdown(item));
                }
            }
            Block::Table(table) => table_markdown(&mut out, table),
            Block::Contents => {
                out.push_str("## Innehåll\n\n");
                let top = document
                    .headings()
                    .map(|(level, _)| level)
                    .min()
                    .unwrap_or(1);
                for (level, heading) in document.headings() {
                    let indent = "  ".repeat(usize::from(level - top));
                    let _ = writeln!(out, "{indent}- {}", text(heading));
                }
            }
        }
    }
    out
}

/// The spans of one paragraph or item, escaped, its start safe as a whole.
fn spans_markdown(spans: &[Span]) -> String {
    let line: String = spans
        .iter()
        .map(|span| match span.style {
            Style::Plain => inline(&span.text),
            Style::Bold => format!("**{}**", inline(span.text.trim())),
            Style::Italic => format!("*{}*", inline(span.text.trim())),
        })
        .collect();
    line_start(&line)
}

fn table_markdown(out: &mut String, table: &Table) {
    let header: Vec<String> = table
        .columns
        .iter()
        .map(|column| cell(&column.label))
        .collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = table
        .columns
        .iter()
        .map(|column| if column.numeric { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in &table.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|value| {
                if row.emphasised && !value.text.is_empty() {
                    format!("**{}**", cell(&value.text))
                } else {
                    cell(&value.text)
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}
