//! Characters no font of the job can draw. Typst draws such a character as an empty box, and a
//! PDF/UA document may not hold one, so the whole PDF would be refused for one unknown
//! character in a name someone typed (an unassigned code point, a private-use symbol). Each is
//! written as U+FFFD, the replacement character, or as "?" where no font has that either: the
//! document is still written, and the place shows that something could not be shown.

use typst::text::{Font, is_default_ignorable};

/// What a job's fonts can draw, together.
pub struct Coverage<'a> {
    fonts: &'a [Font],
    replacement: char,
}

impl<'a> Coverage<'a> {
    pub fn new(fonts: &'a [Font]) -> Coverage<'a> {
        let mut coverage = Coverage {
            fonts,
            replacement: '?',
        };
        if coverage.draws('\u{FFFD}') {
            coverage.replacement = '\u{FFFD}';
        }
        coverage
    }

    fn draws(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(c as u32))
    }

    /// Needs no glyph: spaces, line ends, controls and the default-ignorable characters (soft
    /// hyphen, zero-width joiner, variation selectors) that typst leaves out of the page.
    fn needs_no_glyph(c: char) -> bool {
        c.is_ascii() || c.is_whitespace() || c.is_control() || is_default_ignorable(c)
    }

    /// `text` with every character no font draws replaced; ASCII is never touched, so typst
    /// markup and JSON keep their meaning. Borrowed when nothing needed replacing.
    pub fn printable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let missing = |c: char| !Self::needs_no_glyph(c) && !self.draws(c);
        if !text.chars().any(missing) {
            return text.into();
        }
        text.chars()
            .map(|c| if missing(c) { self.replacement } else { c })
            .collect::<String>()
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::foundations::Bytes;

    fn fonts() -> Vec<Font> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../styr-pdf/fonts/LiberationSans-Regular.ttf"
        );
        Font::iter(Bytes::new(std::fs::read(path).expect("the shipped font"))).collect()
    }

    #[test]
    fn swedish_text_is_kept_as_it_is() {
        let fonts = fonts();
        let coverage = Coverage::new(&fonts);
        let text = "Kommunstyrelsen – 118,5 mnkr ”år” é\u{AD}\u{200D}\n\t";
        assert!(matches!(
            coverage.printable(text),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_character_no_font_has_is_replaced_and_nothing_else() {
        let fonts = fonts();
        let coverage = Coverage::new(&fonts);
        let shown = coverage.printable("a\u{b9f15}ö\u{1abca}\u{E000}\"#");
        let mark = coverage.replacement;
        assert_eq!(shown, format!("a{mark}ö{mark}{mark}\"#"));
    }
}
