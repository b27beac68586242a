//! Typesetting: the document's blocks broken into lines and placed on A4 pages. Lengths are
//! integer millipoints (1 pt = 1 000), measured downwards from the page's top edge.
//!
//! The table of contents needs the pages its headings land on, and those depend on how long
//! the contents is; it is laid out twice. Its length is the same both times (one line per
//! heading, the page number in a column of its own), so the second pass's pages are final.

use styr_render::document::Document;

use crate::fonts::{FontKind, Fonts};

mod blocks;
mod front;
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
