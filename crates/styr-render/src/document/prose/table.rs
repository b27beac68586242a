//! A GFM table people typed: its header row as the columns (a right-aligned column holds
//! figures), its other rows as rows, every cell the text it shows.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::{Events, inline};
use crate::document::{Cell, Column, Row, Table};

pub fn read(events: &mut Events, alignments: &[Alignment]) -> Table {
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_head = false;
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let text: String = inline::read(events)
                    .into_iter()
                    .map(|span| span.text)
                    .collect();
                let text = text.trim().to_string();
                match rows.last_mut().filter(|_| !in_head) {
                    Some(row) => row.push(text),
                    None => header.push(text),
                }
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    let columns: Vec<Column> = header
        .into_iter()
        .enumerate()
        .map(|(index, label)| Column {
            label,
            numeric: alignments.get(index) == Some(&Alignment::Right),
            weight: 10,
        })
        .collect();
    let width = columns.len();
    Table {
        columns,
        rows: rows
            .into_iter()
            .map(|mut cells| {
                cells.resize(width, String::new());
                Row {
                    cells: cells.into_iter().map(Cell::new).collect(),
                    emphasised: false,
                }
            })
            .collect(),
    }
}
