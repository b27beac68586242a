//! Typesetting: the document's blocks broken into lines and placed on A4 pages. Lengths are
//! integer millipoints (1 pt = 1 000), measured downwards from the page's top edge.
//!
//! The table of contents needs the pages its headings land on, and those depend on how long
//! the contents is; it is laid out twice. Its length is the same both times (one line per
//! heading, the page number in a column of its own), so the second pass's pages are final.

use styr_render::document::{Block, Document, Span};

use crate::fonts::{FontKind, Fonts};

mod lines;
mod table;

use lines::Line;

pub const PAGE_WIDTH: i64 = 595_276;
pub const PAGE_HEIGHT: i64 = 841_890;
const MARGIN: i64 = 62_000;
const TOP: i64 = 64_000;
/// Content never goes below this; the footer sits beneath it.
const BOTTOM: i64 = 780_000;
const FOOTER: i64 = 808_000;
const WIDTH: i64 = PAGE_WIDTH - 2 * MARGIN;

const BODY: i64 = 10_000;
const BODY_LEADING: i64 = 13_500;
const TABLE: i64 = 8_000;
const TABLE_LEADING: i64 = 10_000;
const CELL_PADDING: i64 = 3_000;
const INDENT: i64 = 14_000;
const GREY: [u8; 3] = [0x55, 0x55, 0x55];
const HEADER_FILL: [u8; 3] = [0xe8, 0xec, 0xf1];
const RULE: [u8; 3] = [0xb0, 0xb0, 0xb0];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// Text on a baseline `y`.
    Text {
        font: FontKind,
        size: i64,
        x: i64,
        y: i64,
        text: String,
        colour: [u8; 3],
    },
    Fill {
        x: i64,
        y: i64,
        width: i64,
        height: i64,
        colour: [u8; 3],
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A heading and the page (from 1) it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub level: u8,
    pub text: String,
    pub page: usize,
}

pub struct Layout {
    pub pages: Vec<Page>,
    pub headings: Vec<Entry>,
}

/// Lays the document out, contents with page numbers and a footer on every page.
pub fn layout(document: &Document, fonts: &Fonts) -> Layout {
    let first = Typesetter::run(document, fonts, &[]);
    let pages: Vec<usize> = first.headings.iter().map(|entry| entry.page).collect();
    let mut layout = Typesetter::run(document, fonts, &pages);
    let count = layout.pages.len();
    for (index, page) in layout.pages.iter_mut().enumerate() {
        let number = format!("Sida {} av {count}", index + 1);
        let width = fonts.width(FontKind::Regular, TABLE, &number);
        page.items.push(text(
            FontKind::Regular,
            TABLE,
            MARGIN,
            FOOTER,
            &document.title,
            GREY,
        ));
        page.items.push(text(
            FontKind::Regular,
            TABLE,
            PAGE_WIDTH - MARGIN - width,
            FOOTER,
            &number,
            GREY,
        ));
    }
    layout
}

fn text(font: FontKind, size: i64, x: i64, y: i64, content: &str, colour: [u8; 3]) -> Item {
    Item::Text {
        font,
        size,
        x,
        y,
        text: content.to_string(),
        colour,
    }
}

struct Typesetter<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    y: i64,
    headings: Vec<Entry>,
    /// The pages of the headings from the first pass, for the contents.
    known: &'a [usize],
}

impl<'a> Typesetter<'a> {
    fn run(document: &Document, fonts: &'a Fonts, known: &'a [usize]) -> Layout {
        let mut setter = Typesetter {
            fonts,
            pages: vec![Page::default()],
            y: TOP,
            headings: Vec::new(),
            known,
        };
        setter.title_page(document);
        for block in &document.blocks {
            setter.block(document, block);
        }
        Layout {
            pages: setter.pages,
            headings: setter.headings,
        }
    }

    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a new page, unless the current one is still blank (a chapter right after the
    /// contents would otherwise leave an empty page).
    fn new_page(&mut self) {
        if !self.page().items.is_empty() {
            self.pages.push(Page::default());
        }
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn room_for(&mut self, height: i64) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn title_page(&mut self, document: &Document) {
        self.y += 60_000;
        for line in self.lines(
            &[Span::bold(&document.title)],
            FontKind::Bold,
            22_000,
            WIDTH,
        ) {
            self.y += 28_000;
            self.draw_line(&line, MARGIN, self.y, 22_000, [0, 0, 0]);
        }
        self.y += 24_000;
        let label_width = 150_000;
        for (label, value) in &document.metadata {
            self.y += BODY_LEADING + 2_000;
            let y = self.y;
            self.page().items.push(text(
                FontKind::Bold,
                BODY,
                MARGIN,
                y,
                &format!("{label}:"),
                [0, 0, 0],
            ));
            self.page().items.push(text(
                FontKind::Regular,
                BODY,
                MARGIN + label_width,
                y,
                value,
                [0, 0, 0],
            ));
        }
    }

    fn block(&mut self, document: &Document, block: &Block) {
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

    /// The contents: every heading with dot leaders to its page number.
    fn contents(&mut self, document: &Document) {
        self.new_page();
        self.y += 20_000;
        self.draw_line(
            &Line {
                runs: vec![(FontKind::Bold, "Innehåll".to_string(), 0)],
                width: 0,
            },
            MARGIN,
            self.y,
            16_000,
            [0x12, 0x2b, 0x4a],
        );
        self.y += 10_000;
        let top = document
            .headings()
            .map(|(level, _)| level)
            .min()
            .unwrap_or(1);
        let number_column = 24_000;
        let dot = self.fonts.width(FontKind::Regular, BODY, ".");
        for (index, (level, heading)) in document.headings().enumerate() {
            let indent = INDENT * i64::from(level - top);
            let font = if level > top + 2 {
                FontKind::Italic
            } else {
                FontKind::Regular
            };
            let page = self
                .known
                .get(index)
                .map_or_else(String::new, usize::to_string);
            let lines = self.lines(
                &[Span::plain(heading)],
                font,
                BODY,
                WIDTH - indent - number_column,
            );
            for (number, line) in lines.iter().enumerate() {
                self.room_for(BODY_LEADING);
                self.y += BODY_LEADING;
                self.draw_line(line, MARGIN + indent, self.y, BODY, [0, 0, 0]);
                if number + 1 < lines.len() {
                    continue;
                }
                let end = MARGIN + indent + line.width;
                let page_width = self.fonts.width(FontKind::Regular, BODY, &page);
                let right = PAGE_WIDTH - MARGIN;
                let leader_end = right - page_width - 4_000;
                let dots = (leader_end - end - 4_000).max(0) / dot.max(1);
                let y = self.y;
                if dots > 0 {
                    let leader = ".".repeat(dots as usize);
                    let leader_x = leader_end - dots * dot;
                    self.page().items.push(text(
                        FontKind::Regular,
                        BODY,
                        leader_x,
                        y,
                        &leader,
                        GREY,
                    ));
                }
                self.page().items.push(text(
                    FontKind::Regular,
                    BODY,
                    right - page_width,
                    y,
                    &page,
                    [0, 0, 0],
                ));
            }
        }
        self.new_page();
    }

    fn rule(&mut self, colour: [u8; 3], thickness: i64) {
        let y = self.y;
        self.page().items.push(Item::Fill {
            x: MARGIN,
            y,
            width: WIDTH,
            height: thickness,
            colour,
        });
    }

    /// Draws a line's runs on the baseline `y`.
    fn draw_line(&mut self, line: &Line, x: i64, y: i64, size: i64, colour: [u8; 3]) {
        for (font, content, offset) in &line.runs {
            self.page()
                .items
                .push(text(*font, size, x + offset, y, content, colour));
        }
    }
}

#[cfg(test)]
mod tests;
