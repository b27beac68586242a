//! XML within the limits, for the parts of a workbook or a Word document: quick-xml reads the
//! events straight from the unpacked bytes (no copies, no entities beyond the five XML names
//! and character references, so no entity can expand), and this counts how deep the elements
//! nest, refusing a part past [`Limits::xml_depth`]. The bytes themselves are already held to
//! the archive's limits.
//!
//! ```text
//! <worksheet><sheetData><row r="7"><c r="C7"><v>-116205</v></c></row></sheetData></worksheet>
//!     1          2          3           4        5               depth
//! ```

use std::fmt;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::limits::{Exceeded, Limit, Limits};

/// Why a part's XML cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XmlError {
    /// Not well-formed: the part, where (a byte offset), and the parser's words.
    Syntax {
        part: String,
        at: u64,
        message: String,
    },
    Exceeded(Exceeded),
}

impl fmt::Display for XmlError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XmlError::Syntax { part, at, message } => {
                write!(
                    formatter,
                    "{part} är ingen läsbar XML (vid byte {at}): {message}"
                )
            }
            XmlError::Exceeded(exceeded) => exceeded.fmt(formatter),
        }
    }
}

/// The events of one part, its nesting counted.
pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    depth: u64,
    refusal: Exceeded,
}

impl<'a> Xml<'a> {
    /// The XML in `bytes`, called `part` in messages.
    pub fn new(bytes: &'a [u8], part: &'a str, limits: &Limits) -> Xml<'a> {
        Xml {
            reader: Reader::from_reader(bytes),
            part,
            depth: 0,
            refusal: limits.exceeded(Limit::XmlDepth, part),
        }
    }

    /// The next event; [`Event::Eof`] at the end.
    pub fn next(&mut self) -> Result<Event<'a>, XmlError> {
        let event = self.reader.read_event().map_err(|error| XmlError::Syntax {
            part: self.part.to_string(),
            at: self.reader.error_position(),
            message: error.to_string(),
        })?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > self.refusal.allowed {
                    return Err(XmlError::Exceeded(self.refusal.clone()));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Ok(event)
    }

    /// How deep the reader is: 1 inside the root element.
    #[cfg(test)]
    pub fn depth(&self) -> u64 {
        self.depth
    }
}

/// The value of the attribute whose local name is `name` ("val" of `w:val`), unescaped.
pub fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == name)
        .map(|attribute| {
            attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_or_else(|_| attribute.value.to_string(), |value| value.into_owned())
        })
}

/// The text an entity or character reference stands for: `&amp;` is "&", `&#228;` is "ä".
pub fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_of(xml: &str, limits: &Limits) -> Result<u64, XmlError> {
        let mut reader = Xml::new(xml.as_bytes(), "del.xml", limits);
        let mut deepest = 0;
        loop {
            match reader.next()? {
                Event::Eof => return Ok(deepest),
                _ => deepest = deepest.max(reader.depth()),
            }
        }
    }

    #[test]
    fn nesting_past_the_limit_is_refused_where_it_passes() {
        let limits = Limits {
            xml_depth: 3,
            ..Limits::default()
        };
        assert_eq!(depth_of("<a><b><c/></b></a>", &limits), Ok(2));
        assert_eq!(depth_of("<a><b><c></c></b></a>", &limits), Ok(3));
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        assert_eq!(
            depth_of(&deep, &limits).map_err(|error| error.to_string()),
            Err(
                "del.xml har element inuti varandra i fler nivåer än 3 (gränsen xml_depth = 3)"
                    .into()
            )
        );
    }

    #[test]
    fn broken_xml_is_named_with_its_place() {
        let refusal = depth_of("<a><b></a>", &Limits::default()).expect_err("mismatched");
        assert!(
            refusal
                .to_string()
                .starts_with("del.xml är ingen läsbar XML (vid byte "),
            "{refusal}"
        );
    }

    #[test]
    fn references_stand_for_their_characters() {
        assert_eq!(reference("amp"), Some('&'));
        assert_eq!(reference("#228"), Some('ä'));
        assert_eq!(reference("#x202E"), Some('\u{202e}'));
        assert_eq!(reference("nbsp"), None, "no entity but the five of XML");
    }
}
