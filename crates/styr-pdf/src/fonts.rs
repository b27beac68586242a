//! The three faces the document is set in — Liberation Sans regular, bold and italic (SIL Open
//! Font License, `fonts/OFL.txt`) — built into the binary, so a PDF looks the same on every
//! machine and needs no font installed. Widths are read from the font; layout is in integer
//! millipoints, so no floating point is needed until the PDF's own coordinates.

use ttf_parser::{Face, GlyphId};

use crate::PdfError;

const REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../fonts/LiberationSans-Italic.ttf");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontKind {
    Regular,
    Bold,
    Italic,
}

impl FontKind {
    pub const ALL: [FontKind; 3] = [FontKind::Regular, FontKind::Bold, FontKind::Italic];

    pub fn data(self) -> &'static [u8] {
        match self {
            FontKind::Regular => REGULAR,
            FontKind::Bold => BOLD,
            FontKind::Italic => ITALIC,
        }
    }

    /// The font's PostScript name, as the PDF names it (with a subset tag added there).
    pub fn postscript_name(self) -> &'static str {
        match self {
            FontKind::Regular => "LiberationSans",
            FontKind::Bold => "LiberationSans-Bold",
            FontKind::Italic => "LiberationSans-Italic",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The parsed faces.
pub struct Fonts {
    faces: [Face<'static>; 3],
}

impl Fonts {
    pub fn load() -> Result<Fonts, PdfError> {
        let parse = |kind: FontKind| {
            Face::parse(kind.data(), 0)
                .map_err(|error| PdfError::Font(format!("{kind:?}: {error}")))
        };
        Ok(Fonts {
            faces: [
                parse(FontKind::Regular)?,
                parse(FontKind::Bold)?,
                parse(FontKind::Italic)?,
            ],
        })
    }

    pub fn face(&self, kind: FontKind) -> &Face<'static> {
        &self.faces[kind.index()]
    }

    /// The glyph for a character; a character the font lacks shows as the font's .notdef box.
    pub fn glyph(&self, kind: FontKind, character: char) -> GlyphId {
        self.face(kind).glyph_index(character).unwrap_or(GlyphId(0))
    }

    /// A glyph's advance in font units.
    pub fn advance(&self, kind: FontKind, glyph: GlyphId) -> i64 {
        i64::from(self.face(kind).glyph_hor_advance(glyph).unwrap_or(0))
    }

    pub fn units_per_em(&self, kind: FontKind) -> i64 {
        i64::from(self.face(kind).units_per_em())
    }

    /// The width of a text at a size, both in millipoints.
    pub fn width(&self, kind: FontKind, size: i64, text: &str) -> i64 {
        let units: i64 = text
            .chars()
            .map(|character| self.advance(kind, self.glyph(kind, character)))
            .sum();
        units * size / self.units_per_em(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_have_the_swedish_letters() -> Result<(), PdfError> {
        let fonts = Fonts::load()?;
        for kind in FontKind::ALL {
            for character in "åäöÅÄÖ–”".chars() {
                assert_ne!(
                    fonts.glyph(kind, character),
                    GlyphId(0),
                    "{kind:?} {character}"
                );
            }
        }
        // Liberation Sans is metric-compatible with Arial: "0" is 1139/2048 em wide.
        assert_eq!(fonts.width(FontKind::Regular, 2_048_000, "0"), 1_139_000);
        Ok(())
    }
}
