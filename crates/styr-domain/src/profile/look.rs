//! The profile's colours and typefaces: a colour is written and read as `#rrggbb`, a typeface
//! is one of the open fonts styr ships (Liberation Sans or Serif), named as people name them.

use serde::Serialize;

use super::ProfileError;

/// An RGB colour, written "#rrggbb".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// "#005691" (or "005691"); anything else is no colour.
    pub fn parse(text: &str) -> Result<Colour, ProfileError> {
        let hex = text.trim().trim_start_matches('#');
        let channel = |at: usize| {
            hex.get(at..at + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        };
        match (hex.len(), channel(0), channel(2), channel(4)) {
            (6, Some(red), Some(green), Some(blue)) => Ok(Colour([red, green, blue])),
            _ => Err(ProfileError::Colour(text.to_string())),
        }
    }

    pub fn hex(self) -> String {
        let [red, green, blue] = self.0;
        format!("#{red:02x}{green:02x}{blue:02x}")
    }

    /// Black or white, whichever reads better on this colour (WCAG's relative luminance,
    /// approximated in integers: a light colour gets black text).
    pub fn text_on(self) -> Colour {
        let [red, green, blue] = self.0.map(u32::from);
        let luminance = 2126 * red + 7152 * green + 722 * blue;
        if luminance > 10_000 * 140 {
            Colour([0, 0, 0])
        } else {
            Colour([0xff, 0xff, 0xff])
        }
    }
}

/// The typefaces shipped with styr (SIL Open Font License), so that no font need be installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Typeface {
    /// Liberation Sans, metric-compatible with Arial.
    Sans,
    /// Liberation Serif, metric-compatible with Times New Roman.
    Serif,
}

impl Typeface {
    pub const ALL: [Typeface; 2] = [Typeface::Sans, Typeface::Serif];

    /// The family's name, as the fonts and the budget file name it.
    pub fn name(self) -> &'static str {
        match self {
            Typeface::Sans => "Liberation Sans",
            Typeface::Serif => "Liberation Serif",
        }
    }

    pub fn from_name(name: &str) -> Result<Typeface, ProfileError> {
        Typeface::ALL
            .into_iter()
            .find(|typeface| typeface.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| ProfileError::Typeface(name.to_string()))
    }
}
