//! The front of the document: the title page with its metadata block, and the contents — every
//! heading with dot leaders to the page it starts on (the pages of the first pass).

use styr_render::document::{Document, Span};

use super::lines::Line;
use super::{BODY, BODY_LEADING, GREY, INDENT, MARGIN, PAGE_WIDTH, Typesetter, WIDTH, text};
use crate::fonts::FontKind;

impl Typesetter<'_> {
    pub(super) fn title_page(&mut self, document: &Document) {
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

    /// The contents: every heading with dot leaders to its page number.
    pub(super) fn contents(&mut self, document: &Document) {
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
}
