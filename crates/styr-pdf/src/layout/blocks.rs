//! The document's blocks set one after the other: headings (a chapter on a new page, a lower
//! heading kept with what follows it), paragraphs, bullet, numbered and outline lists, tables.

use styr_render::document::{Block, Document, Span};

use super::{BODY, BODY_LEADING, INDENT, MARGIN, TOP, Typesetter, WIDTH, text};
use crate::fonts::FontKind;
use crate::layout::Entry;

impl Typesetter<'_> {
    pub(super) fn block(&mut self, document: &Document, block: &Block) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(spans) => {
                self.paragraph(spans, MARGIN, WIDTH);
                self.y += 5_000;
            }
            Block::Bullets(items) => {
                for item in items {
                    self.item("•", item, 0);
                }
                self.y += 5_000;
            }
            Block::Numbered(items) => {
                for (number, item) in items.iter().enumerate() {
                    self.item(&format!("{}.", number + 1), item, 0);
                }
                self.y += 5_000;
            }
            Block::Outline(items) => {
                for (depth, item) in items {
                    self.item("•", item, i64::from(*depth));
                }
                self.y += 5_000;
            }
            Block::Table(table) => self.table(table),
            Block::Contents => self.contents(document),
        }
    }

    fn heading(&mut self, level: u8, content: &str) {
        let (size, font, before) = match level {
            1 => (16_000, FontKind::Bold, 0),
            2 => (13_000, FontKind::Bold, 12_000),
            3 => (11_500, FontKind::Bold, 9_000),
            _ => (10_500, FontKind::Italic, 7_000),
        };
        if level == 1 {
            self.new_page();
        } else {
            // Keep the heading with what follows it: three lines of text, or a table's header
            // and its first rows.
            self.room_for(before + size * 2 + 6 * BODY_LEADING);
            if self.y > TOP {
                self.y += before;
            }
        }
        let page = self.pages.len();
        self.headings.push(Entry {
            level,
            text: content.to_string(),
            page,
        });
        for line in self.lines(&[Span::plain(content)], font, size, WIDTH) {
            self.y += size * 13 / 10;
            self.draw_line(&line, MARGIN, self.y, size, [0x12, 0x2b, 0x4a]);
        }
        self.y += 5_000;
    }

    fn paragraph(&mut self, spans: &[Span], x: i64, width: i64) {
        for line in self.lines(spans, FontKind::Regular, BODY, width) {
            self.room_for(BODY_LEADING);
            self.y += BODY_LEADING;
            self.draw_line(&line, x, self.y, BODY, [0, 0, 0]);
        }
    }

    fn item(&mut self, marker: &str, spans: &[Span], depth: i64) {
        let x = MARGIN + INDENT * (depth + 1);
        self.room_for(BODY_LEADING);
        let y = self.y + BODY_LEADING;
        self.page().items.push(text(
            FontKind::Regular,
            BODY,
            x - 11_000,
            y,
            marker,
            [0, 0, 0],
        ));
        self.paragraph(spans, x, WIDTH - INDENT * (depth + 1));
        self.y += 2_000;
    }
}
