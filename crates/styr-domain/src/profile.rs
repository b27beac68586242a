//! The municipality's graphic profile (grafisk profil): how its documents look — the logo on
//! the cover and in the header, the colours of headings and table headers, the typeface, the
//! cover page and the header and footer texts. It belongs to the municipality, not to one
//! budget: every budget of municipality 1489 is written in Alingsås's look, and changing it
//! changes the PDF, the Word file and the HTML alike. A municipality changes it without Rust:
//! in the web app (Grafisk profil) or in the budget file's `[profile]`.
//!
//! ```text
//! Profile { primary: #005691, table: #dce6f0, font: Liberation Sans, cover: true,
//!           cover_text: "Alingsås kommun", header: "Alingsås kommun", footer: "", logo: SVG }
//! ```

use serde::Serialize;
use thiserror::Error;

mod logo;
mod look;

pub use logo::{Logo, LogoFormat};
pub use look::{Colour, Typeface};

/// The largest logo styr keeps: a logo is a few kilobytes; a photograph is not a logo.
pub const LOGO_LIMIT: usize = 512 * 1024;
/// The longest header, footer or cover text.
pub const TEXT_LIMIT: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Headings, the cover's title and the rules under the header.
    pub primary: Colour,
    /// The background of a table's header row (its text is black or white, whichever reads).
    pub table: Colour,
    pub font: Typeface,
    /// A cover page with the logo, the title and the metadata block; without it the title and
    /// the metadata stand at the top of the first page.
    pub cover: bool,
    /// A line under the title on the cover: the municipality's name, the board's.
    pub cover_text: String,
    /// The text at the top of every page after the first (with the logo).
    pub header: String,
    /// The text at the foot of every page, before the page number; empty for the title.
    pub footer: String,
    pub logo: Option<Logo>,
}

impl Default for Profile {
    /// A sober default: dark blue headings, light grey-blue table headers, Liberation Sans.
    fn default() -> Profile {
        Profile {
            primary: Colour([0x12, 0x2b, 0x4a]),
            table: Colour([0xe8, 0xec, 0xf1]),
            font: Typeface::Sans,
            cover: true,
            cover_text: String::new(),
            header: String::new(),
            footer: String::new(),
            logo: None,
        }
    }
}

/// A text of the profile: one line, no control characters, at most [`TEXT_LIMIT`] characters.
pub fn text(field: &'static str, value: &str) -> Result<String, ProfileError> {
    let value = value.trim();
    if value.chars().count() > TEXT_LIMIT {
        return Err(ProfileError::TextTooLong(field));
    }
    if value.chars().any(char::is_control) {
        return Err(ProfileError::Control(field));
    }
    Ok(value.to_string())
}

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ProfileError {
    #[error("”{0}” är ingen färg; skriv den som #rrggbb, till exempel #005691")]
    Colour(String),
    #[error("typsnittet ”{0}” finns inte; välj Liberation Sans eller Liberation Serif")]
    Typeface(String),
    #[error("logotypen är {0} byte; den får vara högst 512 kB")]
    LogoTooLarge(usize),
    #[error("logotypen ska vara en PNG- eller SVG-fil")]
    LogoFormat,
    #[error("{0} får vara högst 200 tecken")]
    TextTooLong(&'static str),
    #[error("{0} får inte innehålla styrtecken")]
    Control(&'static str),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_is_read_as_hex_and_written_back() {
        assert_eq!(Colour::parse("#005691"), Ok(Colour([0, 0x56, 0x91])));
        assert_eq!(
            Colour::parse("DCE6F0").map(Colour::hex),
            Ok("#dce6f0".into())
        );
        assert!(Colour::parse("red").is_err());
        assert!(Colour::parse("#00569").is_err());
        assert!(Colour::parse("#0056911").is_err());
        assert!(Colour::parse("#ééé").is_err());
    }

    #[test]
    fn table_headers_get_the_text_colour_that_reads() {
        assert_eq!(Colour([0xe8, 0xec, 0xf1]).text_on(), Colour([0, 0, 0]));
        assert_eq!(Colour([0x00, 0x56, 0x91]).text_on(), Colour([0xff; 3]));
        assert_eq!(Colour([0xff, 0xd7, 0x00]).text_on(), Colour([0, 0, 0]));
    }

    #[test]
    fn a_logo_is_a_png_or_an_svg_and_small() {
        let png = b"\x89PNG\r\n\x1a\n....".to_vec();
        assert_eq!(
            Logo::from_bytes(png).map(|logo| logo.format),
            Ok(LogoFormat::Png)
        );
        let svg = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
        assert_eq!(
            Logo::from_bytes(svg).map(|logo| logo.format),
            Ok(LogoFormat::Svg)
        );
        assert_eq!(
            Logo::from_bytes(b"GIF89a".to_vec()),
            Err(ProfileError::LogoFormat)
        );
        assert!(matches!(
            Logo::from_bytes(vec![b' '; LOGO_LIMIT + 1]),
            Err(ProfileError::LogoTooLarge(_))
        ));
    }

    #[test]
    fn texts_are_one_short_line() {
        assert_eq!(
            text("Sidhuvud", " Alingsås kommun "),
            Ok("Alingsås kommun".into())
        );
        assert!(text("Sidhuvud", "rad\nrad").is_err());
        assert!(text("Sidhuvud", &"x".repeat(201)).is_err());
    }
}
