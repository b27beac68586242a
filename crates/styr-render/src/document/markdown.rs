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
        write_block(&mut out, document, block, "");
    }
    out
}

/// One block, each of its lines after `indent` (a nested list's items are indented under
/// their item). A figure is its fallback: Markdown holds no picture; a page break is nothing.
fn write_block(out: &mut String, document: &Document, block: &Block, indent: &str) {
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
            let _ = writeln!(out, "{indent}{}", spans_markdown(spans));
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(out, "{indent}- {}", spans_markdown(item));
            }
        }
        Block::Numbered(items) => {
            for (number, item) in items.iter().enumerate() {
                let _ = writeln!(out, "{indent}{}. {}", number + 1, spans_markdown(item));
            }
        }
        Block::Outline(items) => {
            for (depth, item) in items {
                let depth = "  ".repeat(usize::from(*depth));
                let _ = writeln!(out, "{indent}{depth}- {}", spans_markdown(item));
            }
        }
        Block::Table(table) => table_markdown(out, table),
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
        Block::Figure(figure) => {
            for (index, fallback) in figure.fallback.iter().enumerate() {
                if index > 0 {
                    out.push('\n');
                }
                write_block(out, document, fallback, indent);
            }
        }
        Block::PageBreak => {}
        Block::List(list) => {
            for (number, item) in list.items.iter().enumerate() {
                let marker = if list.numbered {
                    format!("{}. ", number + 1)
                } else {
                    "- ".to_string()
                };
                let inner = format!("{indent}{}", " ".repeat(marker.len()));
                for (index, block) in item.iter().enumerate() {
                    let mut part = String::new();
                    write_block(&mut part, document, block, &inner);
                    if index == 0 {
                        // The item's first block starts on the marker's line.
                        let part = part.strip_prefix(inner.as_str()).unwrap_or(&part);
                        let _ = write!(out, "{indent}{marker}{part}");
                    } else {
                        out.push_str(&part);
                    }
                }
            }
        }
    }
}

/// The spans of one paragraph or item, escaped, its start safe as a whole.
fn spans_markdown(spans: &[Span]) -> String {
    let line: String = spans
        .iter()
        .map(|span| {
            let styled = match span.style {
                Style::Plain => inline(&span.text),
                Style::Bold => format!("**{}**", inline(span.text.trim())),
                Style::Italic => format!("*{}*", inline(span.text.trim())),
            };
            match &span.link {
                Some(target) => format!("[{styled}](<{}>)", link_target(target)),
                None => styled,
            }
        })
        .collect();
    line_start(&line)
}

/// A link's target inside `<…>`: the characters that would end it are percent-encoded. Only
/// `https:`, `http:` and `mailto:` targets reach a span.
fn link_target(target: &str) -> String {
    target
        .chars()
        .map(|character| match character {
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            '\\' => "%5C".to_string(),
            other => other.to_string(),
        })
        .collect()
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
