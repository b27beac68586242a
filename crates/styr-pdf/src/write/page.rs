//! A page's content stream: its fills and its text runs, each character turned into the glyph
//! of its face's subset (and remembered for the ToUnicode map). Coordinates turn from integer
//! millipoints measured down from the top into PDF points measured up from the bottom.

use pdf_writer::{Content, Name, Str};

use super::Used;
use crate::fonts::{FontKind, Fonts};
use crate::layout::{Item, PAGE_HEIGHT, Page};

pub fn points(millipoints: i64) -> f32 {
    millipoints as f32 / 1000.0
}

fn channel(value: u8) -> f32 {
    f32::from(value) / 255.0
}

/// The page drawn, the glyphs it uses added to `used`.
pub fn content(page: &Page, fonts: &Fonts, used: &mut [Used; 3]) -> Content {
    let mut content = Content::new();
    for item in &page.items {
        match item {
            Item::Fill {
                x,
                y,
                width,
                height,
                colour,
            } => {
                content
                    .set_fill_rgb(channel(colour[0]), channel(colour[1]), channel(colour[2]))
                    .rect(
                        points(*x),
                        points(PAGE_HEIGHT - y - height),
                        points(*width),
                        points(*height),
                    )
                    .fill_nonzero();
            }
            Item::Text {
                font,
                size,
                x,
                y,
                text,
                colour,
            } => {
                let face = &mut used[font.index()];
                let mut encoded = Vec::with_capacity(text.len() * 2);
                for character in text.chars() {
                    let glyph = fonts.glyph(*font, character);
                    let new = face.remapper.remap(glyph.0);
                    face.characters.entry(new).or_insert(character);
                    encoded.extend_from_slice(&new.to_be_bytes());
                }
                content
                    .set_fill_rgb(channel(colour[0]), channel(colour[1]), channel(colour[2]))
                    .begin_text()
                    .set_font(font_name(*font), points(*size))
                    .set_text_matrix([1.0, 0.0, 0.0, 1.0, points(*x), points(PAGE_HEIGHT - y)])
                    .show(Str(&encoded))
                    .end_text();
            }
        }
    }
    content
}

pub fn font_name(kind: FontKind) -> Name<'static> {
    match kind {
        FontKind::Regular => Name(b"F1"),
        FontKind::Bold => Name(b"F2"),
        FontKind::Italic => Name(b"F3"),
    }
}
