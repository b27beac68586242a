//! The document as Markdown: headings with `#`, tables as pipe tables with figures
//! right-aligned, emphasis with `*` and `**`.

use std::fmt::Write;

use super::{Block, Document, Span, Style, Table};

pub fn markdown(document: &Document) -> String {
    let mut out = format!("# {}\n\n", document.title);
    for (label, value) in &document.metadata {
        let _ = writeln!(out, "**{label}:** {value}  ");
    }
    for block in &document.blocks {
        out.push('\n');
        match block {
            Block::Heading { level, text } => {
                let _ = writeln!(out, "{} {text}", "#".repeat(usize::from(*level) + 1));
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
                for (level, text) in document.headings() {
                    let indent = "  ".repeat(usize::from(level - top));
                    let _ = writeln!(out, "{indent}- {text}");
                }
            }
        }
    }
    out
}

fn spans_markdown(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span.style {
            Style::Plain => span.text.clone(),
            Style::Bold => format!("**{}**", span.text.trim()),
            Style::Italic => format!("*{}*", span.text.trim()),
        })
        .collect()
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
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
