//! The document as the template reads it: one JSON object with the title, the metadata, the
//! profile (colours as "#rrggbb", the typeface's family, the logo's file) and every block as an
//! object with its `kind`. Pictures are drawn here in the profile's colours and handed to typst
//! as files; the logo too.

use serde_json::{Value, json};
use styr_render::document::{Block, Document, Span, Style, Table};

/// The JSON and the files it names.
pub fn data(document: &Document) -> (String, Vec<(String, Vec<u8>)>) {
    let mut files = Vec::new();
    let profile = &document.profile;
    let logo = profile.logo.as_ref().map(|logo| {
        let path = format!("/bild/logo.{}", logo.format.extension());
        files.push((path.clone(), logo.bytes.clone()));
        path
    });
    let blocks: Vec<Value> = document
        .blocks
        .iter()
        .map(|block| block_data(document, block, &mut files))
        .collect();
    let value = json!({
        "title": document.title,
        "municipality": document.municipality,
        "marking": document.marking,
        "metadata": document.metadata.iter().map(|(label, value)| json!([label, value])).collect::<Vec<_>>(),
        "profile": {
            "primary": profile.primary.hex(),
            "table": profile.table.hex(),
            "table_text": profile.table.text_on().hex(),
            "font": profile.font.name(),
            "cover": profile.cover,
            "cover_text": profile.cover_text,
            "header": profile.header,
            "footer": if profile.footer.is_empty() { &document.title } else { &profile.footer },
            "logo": logo,
        },
        "blocks": blocks,
    });
    (value.to_string(), files)
}

fn block_data(document: &Document, block: &Block, files: &mut Vec<(String, Vec<u8>)>) -> Value {
    match block {
        Block::Heading { level, text } => json!({"kind": "heading", "level": level, "text": text}),
        Block::Paragraph(spans) => json!({"kind": "paragraph", "spans": spans_data(spans)}),
        Block::Bullets(items) | Block::Numbered(items) => json!({
            "kind": "list",
            "numbered": matches!(block, Block::Numbered(_)),
            "items": items.iter().map(|item| vec![json!({"kind": "paragraph", "spans": spans_data(item)})]).collect::<Vec<_>>(),
        }),
        Block::Outline(items) => {
            json!({"kind": "list", "numbered": false, "items": outline(items)})
        }
        Block::List(list) => json!({
            "kind": "list",
            "numbered": list.numbered,
            "items": list.items.iter().map(|item| item.iter().map(|block| block_data(document, block, files)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        }),
        Block::Table(table) => table_data(table),
        Block::Contents => json!({"kind": "contents"}),
        Block::PageBreak => json!({"kind": "pagebreak"}),
        Block::Figure(figure) => {
            let drawing = figure.chart.draw(&document.profile);
            let path = format!("/bild/{}.svg", files.len() + 1);
            files.push((path.clone(), drawing.svg.into_bytes()));
            json!({
                "kind": "figure",
                "file": path,
                "caption": figure.caption,
                "description": figure.description,
                // The drawing's share of the text width, in per cent: a narrow chart stays narrow.
                "width": (drawing.width.min(640) * 100 / 640).max(10),
            })
        }
    }
}

fn spans_data(spans: &[Span]) -> Vec<Value> {
    spans
        .iter()
        .map(|span| {
            let style = match span.style {
                Style::Plain => "plain",
                Style::Bold => "bold",
                Style::Italic => "italic",
            };
            json!({"text": span.text, "style": style, "link": span.link})
        })
        .collect()
}

/// The organisation tree as nested list items: each unit an item holding its name and, when it
/// has units under it, a list of them.
fn outline(items: &[(u8, Vec<Span>)]) -> Vec<Value> {
    fn level(items: &[(u8, Vec<Span>)], depth: u8, at: &mut usize) -> Vec<Value> {
        let mut out = Vec::new();
        while let Some((item_depth, spans)) = items.get(*at) {
            if *item_depth < depth {
                break;
            }
            *at += 1;
            let mut blocks = vec![json!({"kind": "paragraph", "spans": spans_data(spans)})];
            if items.get(*at).is_some_and(|(next, _)| *next > *item_depth) {
                let children = level(items, item_depth + 1, at);
                blocks.push(json!({"kind": "list", "numbered": false, "items": children}));
            }
            out.push(Value::Array(blocks));
        }
        out
    }
    let mut at = 0;
    let first = items.first().map_or(0, |(depth, _)| *depth);
    level(items, first, &mut at)
}

/// Headings of the figures longer than this together would squeeze the label column.
const CROWDED_HEADINGS: usize = 80;

fn table_data(table: &Table) -> Value {
    // Sized by content, a table whose figures have long headings (a follow-up's "Avvikelse
    // jan–aug 2025" six times over) leaves its label column a hyphenated fragment of
    // "Personalkostnader"; such a table shares the width by the columns' weights instead,
    // its headings wrapping between words.
    let crowded = table
        .columns
        .iter()
        .filter(|column| column.numeric)
        .map(|column| column.label.chars().count())
        .sum::<usize>()
        > CROWDED_HEADINGS;
    json!({
        "kind": "table",
        "columns": table.columns.iter().enumerate().map(|(index, column)| json!({
            "label": column.label,
            "numeric": column.numeric,
            // A column of short cells is as wide as its content; one of running text shares
            // what is left by its weight, so that it wraps instead of squeezing the others.
            "share": if crowded || long_text(table, index) { column.weight.max(1) } else { 0 },
        })).collect::<Vec<_>>(),
        "rows": table.rows.iter().map(|row| json!({
            "emphasised": row.emphasised,
            "cells": row.cells.iter().map(|cell| json!({"text": cell.text, "fill": cell.fill.as_deref().filter(|fill| is_colour(fill))})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn long_text(table: &Table, column: usize) -> bool {
    table
        .rows
        .iter()
        .filter_map(|row| row.cells.get(column))
        .any(|cell| cell.text.chars().count() > 32)
}

/// "#rrggbb" only: anything else would be an error in typst's `rgb`.
fn is_colour(text: &str) -> bool {
    text.len() == 7
        && text.starts_with('#')
        && text[1..]
            .chars()
            .all(|character| character.is_ascii_hexdigit())
}

/// The decision's date from the metadata block ("Datum för beslut": "2024-12-16").
pub fn date(document: &Document) -> Option<(i32, u8, u8)> {
    if document.marking.is_some() {
        return None;
    }
    let (_, value) = document
        .metadata
        .iter()
        .find(|(label, _)| *label == "Datum för beslut")?;
    let mut parts = value.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some((year, month, day))
}
