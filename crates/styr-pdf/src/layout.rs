//! Typesetting: the document's blocks broken into lines and placed on A4 pages. Lengths are
//! integer millipoints (1 pt = 1 000), measured downwards from the page's top edge.
//!
//! The table of contents needs the pages its headings land on, and those depend on how long
//! the contents is; it is laid out twice. Its length is the same both times (one line per
//! heading, the page number in a column of its own), so the second pass's pages are final.

use styr_render::document::{Block, Document, Span, Style, Table};

use crate::fonts::{FontKind, Fonts};

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

/// A run of text in one font, at its offset from the line's start.
type Run = (FontKind, String, i64);

/// A typeset line: its runs and its width.
#[derive(Clone, Debug, Default)]
struct Line {
    runs: Vec<Run>,
    width: i64,
}

/// A word: pieces in their fonts ("*Pulsmätningen*," is italic then a plain comma).
#[derive(Clone, Debug)]
struct Word {
    pieces: Vec<(FontKind, String)>,
    width: i64,
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
            self.draw_line(&line, MARGIN, 22_000, [0, 0, 0]);
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
            self.draw_line(&line, MARGIN, size, [0x12, 0x2b, 0x4a]);
        }
        self.y += 5_000;
    }

    fn paragraph(&mut self, spans: &[Span], x: i64, width: i64) {
        for line in self.lines(spans, FontKind::Regular, BODY, width) {
            self.room_for(BODY_LEADING);
            self.y += BODY_LEADING;
            self.draw_line(&line, x, BODY, [0, 0, 0]);
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
                self.draw_line(line, MARGIN + indent, BODY, [0, 0, 0]);
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

    fn table(&mut self, table: &Table) {
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
        let header: Vec<Vec<Line>> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(column, width)| {
                self.lines(
                    &[Span::plain(&column.label)],
                    FontKind::Bold,
                    TABLE,
                    width - 2 * CELL_PADDING,
                )
            })
            .collect();
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
            let cells: Vec<Vec<Line>> = row
                .cells
                .iter()
                .zip(&widths)
                .map(|(cell, width)| {
                    self.lines(
                        &[Span::plain(&cell.text)],
                        font,
                        TABLE,
                        width - 2 * CELL_PADDING,
                    )
                })
                .collect();
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
            let saved = self.y;
            self.y = y - 2_000;
            self.draw_line(line, left, TABLE, [0, 0, 0]);
            self.y = saved;
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

    /// Draws a line's runs on the current baseline.
    fn draw_line(&mut self, line: &Line, x: i64, size: i64, colour: [u8; 3]) {
        let y = self.y;
        for (font, content, offset) in &line.runs {
            self.page()
                .items
                .push(text(*font, size, x + offset, y, content, colour));
        }
    }

    /// Breaks spans into lines no wider than `width`: each line runs of one font with their
    /// offset from the line's start. A word wider than a line is broken between characters.
    fn lines(&self, spans: &[Span], base: FontKind, size: i64, width: i64) -> Vec<Line> {
        let words = self.words(spans, base, size, width);
        let mut lines = Vec::new();
        let mut line: Vec<Run> = Vec::new();
        let mut x = 0;
        for word in words {
            let space = line
                .last()
                .map_or(0, |(font, _, _)| self.fonts.width(*font, size, " "));
            if !line.is_empty() && x + space + word.width > width {
                lines.push(Line {
                    runs: std::mem::take(&mut line),
                    width: x,
                });
                x = 0;
            }
            if !line.is_empty() {
                if let Some(last) = line.last_mut() {
                    last.1.push(' ');
                }
                x += space;
            }
            for (font, piece) in word.pieces {
                match line.last_mut() {
                    Some(last) if last.0 == font && x > last.2 => last.1.push_str(&piece),
                    _ => line.push((font, piece.clone(), x)),
                }
                x += self.fonts.width(font, size, &piece);
            }
        }
        if !line.is_empty() {
            lines.push(Line {
                runs: line,
                width: x,
            });
        }
        lines
    }

    fn words(&self, spans: &[Span], base: FontKind, size: i64, width: i64) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut current: Option<Word> = None;
        for span in spans {
            let font = match (span.style, base) {
                (Style::Bold, _) => FontKind::Bold,
                (Style::Italic, _) => FontKind::Italic,
                (Style::Plain, base) => base,
            };
            for (index, part) in span.text.split(' ').enumerate() {
                if index > 0 {
                    words.extend(current.take());
                }
                if part.is_empty() {
                    continue;
                }
                let word = current.get_or_insert(Word {
                    pieces: Vec::new(),
                    width: 0,
                });
                word.pieces.push((font, part.to_string()));
                word.width += self.fonts.width(font, size, part);
            }
        }
        words.extend(current);
        words
            .into_iter()
            .flat_map(|word| self.split_long(word, size, width))
            .collect()
    }

    fn split_long(&self, word: Word, size: i64, width: i64) -> Vec<Word> {
        if word.width <= width {
            return vec![word];
        }
        let mut parts = Vec::new();
        let mut part = Word {
            pieces: Vec::new(),
            width: 0,
        };
        for (font, piece) in word.pieces {
            for character in piece.chars() {
                let advance = self.fonts.width(font, size, &character.to_string());
                if part.width + advance > width && part.width > 0 {
                    parts.push(std::mem::replace(
                        &mut part,
                        Word {
                            pieces: Vec::new(),
                            width: 0,
                        },
                    ));
                }
                match part.pieces.last_mut() {
                    Some((last, text)) if *last == font => text.push(character),
                    _ => part.pieces.push((font, character.to_string())),
                }
                part.width += advance;
            }
        }
        parts.push(part);
        parts
    }
}

fn row_height(cells: &[Vec<Line>]) -> i64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use styr_render::document::{Cell, Column, Row};

    fn long_document() -> Document {
        let table = Table {
            columns: vec![
                Column {
                    label: "Risk".into(),
                    numeric: false,
                    weight: 70,
                },
                Column {
                    label: "Riskvärde".into(),
                    numeric: true,
                    weight: 30,
                },
            ],
            rows: (1..=120)
                .map(|number| Row {
                    cells: vec![Cell::new(format!("Risk nummer {number}")), Cell::new("6")],
                    emphasised: false,
                })
                .collect(),
        };
        Document {
            title: "Provbudget".into(),
            metadata: vec![("Diarienummer", "2025.001".into())],
            blocks: vec![
                Block::Contents,
                Block::Heading {
                    level: 1,
                    text: "Inledning".into(),
                },
                Block::Paragraph(vec![Span::plain("Text. ".repeat(200))]),
                Block::Heading {
                    level: 2,
                    text: "Risker".into(),
                },
                Block::Table(table),
            ],
        }
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                Item::Fill { .. } => None,
            })
            .collect()
    }

    #[test]
    fn a_long_table_repeats_its_header_and_every_page_is_numbered() {
        let fonts = Fonts::load().expect("the fonts");
        let layout = layout(&long_document(), &fonts);
        let count = layout.pages.len();
        assert!(count >= 5, "{count} pages");
        let with_header = layout
            .pages
            .iter()
            .filter(|page| texts(page).contains(&"Riskvärde"))
            .count();
        let with_rows = layout
            .pages
            .iter()
            .filter(|page| {
                texts(page)
                    .iter()
                    .any(|text| text.starts_with("Risk nummer"))
            })
            .count();
        assert!(with_rows >= 2);
        assert_eq!(
            with_header, with_rows,
            "the header on every page of the table"
        );
        for (index, page) in layout.pages.iter().enumerate() {
            let footer = format!("Sida {} av {count}", index + 1);
            assert!(texts(page).contains(&footer.as_str()), "{footer}");
        }
    }

    #[test]
    fn the_contents_gives_the_page_each_heading_stands_on() {
        let fonts = Fonts::load().expect("the fonts");
        let layout = layout(&long_document(), &fonts);
        // Title page, contents, then the chapter.
        assert_eq!(layout.headings[0].page, 3);
        for entry in &layout.headings {
            let page = &layout.pages[entry.page - 1];
            assert!(texts(page).contains(&entry.text.as_str()), "{}", entry.text);
            let contents = texts(&layout.pages[1]);
            assert!(contents.contains(&entry.page.to_string().as_str()));
        }
    }

    #[test]
    fn no_content_runs_into_the_margins() {
        let fonts = Fonts::load().expect("the fonts");
        let layout = layout(&long_document(), &fonts);
        for page in &layout.pages {
            for item in &page.items {
                if let Item::Text {
                    x,
                    y,
                    text,
                    size,
                    font,
                    ..
                } = item
                {
                    assert!(*x >= MARGIN, "{text}");
                    assert!(
                        x + fonts.width(*font, *size, text) <= PAGE_WIDTH - MARGIN + 1,
                        "{text}"
                    );
                    assert!(*y <= FOOTER, "{text}");
                }
            }
        }
    }
}
