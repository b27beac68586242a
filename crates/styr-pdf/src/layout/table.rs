//! Tables: column widths from their weights, cells wrapped, figures right-aligned, a rule
//! under each row, and the header row drawn again at the top of every page the table runs onto.

use styr_render::document::{Span, Table};

use super::lines::Line;
use super::{
    BOTTOM, CELL_PADDING, HEADER_FILL, Item, MARGIN, RULE, TABLE, TABLE_LEADING, Typesetter, WIDTH,
};
use crate::fonts::FontKind;

impl Typesetter<'_> {
    pub(super) fn table(&mut self, table: &Table) {
        let total: i64 = table
            .columns
            .iter()
            .map(|column| i64::from(column.weight))
            .sum();
        let widths: Vec<i64> = table
            .columns
            .iter()
            .map(|column| WIDTH * i64::from(column.weight) / total.max(1))
            .collect();
        let labels = table.columns.iter().map(|column| column.label.as_str());
        let header = self.cell_lines(labels, &widths, FontKind::Bold);
        let header_height = row_height(&header);
        self.y += 4_000;
        // A table starts where its header and at least three rows fit.
        self.room_for(header_height + 3 * row_height(&[Vec::new()]));
        self.table_header(table, &widths, &header, header_height);
        for row in &table.rows {
            let font = if row.emphasised {
                FontKind::Bold
            } else {
                FontKind::Regular
            };
            let texts = row.cells.iter().map(|cell| cell.text.as_str());
            let cells = self.cell_lines(texts, &widths, font);
            let height = row_height(&cells);
            if self.y + height > BOTTOM {
                // The header is repeated on every page the table continues on.
                self.new_page();
                self.table_header(table, &widths, &header, header_height);
            }
            let mut x = MARGIN;
            let top = self.y;
            for (index, lines) in cells.iter().enumerate() {
                let width = widths[index];
                if let Some(fill) = row.cells[index].fill.as_deref().and_then(colour) {
                    self.page().items.push(Item::Fill {
                        x,
                        y: top,
                        width,
                        height,
                        colour: fill,
                    });
                }
                let numeric = table
                    .columns
                    .get(index)
                    .is_some_and(|column| column.numeric);
                self.cell(lines, x, width, top, numeric);
                x += width;
            }
            self.y = top + height;
            self.rule(RULE, 400);
        }
        self.y += 8_000;
    }

    /// Each cell's text broken into the lines its column holds.
    fn cell_lines<'t>(
        &self,
        texts: impl Iterator<Item = &'t str>,
        widths: &[i64],
        font: FontKind,
    ) -> Vec<Vec<Line>> {
        texts
            .zip(widths)
            .map(|(text, width)| {
                self.lines(&[Span::plain(text)], font, TABLE, width - 2 * CELL_PADDING)
            })
            .collect()
    }

    fn table_header(&mut self, table: &Table, widths: &[i64], header: &[Vec<Line>], height: i64) {
        let top = self.y;
        self.page().items.push(Item::Fill {
            x: MARGIN,
            y: top,
            width: WIDTH,
            height,
            colour: HEADER_FILL,
        });
        let mut x = MARGIN;
        for (index, lines) in header.iter().enumerate() {
            let numeric = table.columns[index].numeric;
            self.cell(lines, x, widths[index], top, numeric);
            x += widths[index];
        }
        self.y = top + height;
        self.rule([0x40, 0x40, 0x40], 700);
    }

    fn cell(&mut self, lines: &[Line], x: i64, width: i64, top: i64, numeric: bool) {
        let mut y = top + CELL_PADDING;
        for line in lines {
            y += TABLE_LEADING;
            let left = if numeric {
                x + width - CELL_PADDING - line.width
            } else {
                x + CELL_PADDING
            };
            self.draw_line(line, left, y - 2_000, TABLE, [0, 0, 0]);
        }
    }
}

pub(super) fn row_height(cells: &[Vec<Line>]) -> i64 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    lines as i64 * TABLE_LEADING + 2 * CELL_PADDING + 2_000
}

/// "#f4c542" as RGB.
fn colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |index: usize| u8::from_str_radix(hex.get(index..index + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}
