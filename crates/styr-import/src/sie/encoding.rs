//! The character encoding of a SIE file, told from its bytes.
//!
//! The standard says CP437 (`#FORMAT PC8`), but real exports are also UTF-8 or Latin-1, often
//! while still claiming PC8. The delimiters SIE uses are ASCII in all three, so the reader splits
//! lines on raw bytes and decodes only the text fields it keeps. The first line with a byte
//! above 127 decides for the whole file: valid UTF-8 is UTF-8; otherwise a byte in 0x80–0x9F —
//! where CP437 keeps å, ä, ö, Å, Ä, Ö and Latin-1 keeps only control codes — means CP437;
//! otherwise Latin-1.

use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Utf8,
    Cp437,
    Latin1,
}

impl Encoding {
    /// How a person names the encoding.
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Cp437 => "CP437 (PC8)",
            Encoding::Latin1 => "Latin-1 (ISO 8859-1)",
        }
    }

    /// The encoding a line with non-ASCII bytes suggests.
    pub fn guess(line: &[u8]) -> Encoding {
        if std::str::from_utf8(line).is_ok() {
            Encoding::Utf8
        } else if line.iter().any(|byte| (0x80..=0x9f).contains(byte)) {
            Encoding::Cp437
        } else {
            Encoding::Latin1
        }
    }

    /// The text of `bytes`; bytes that are not valid UTF-8 in a UTF-8 file become U+FFFD.
    pub fn decode(self, bytes: &[u8]) -> Cow<'_, str> {
        if bytes.is_ascii() {
            // ASCII is the same in all three, and needs no copy.
            return Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default());
        }
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes),
            Encoding::Latin1 => Cow::Owned(bytes.iter().map(|&byte| char::from(byte)).collect()),
            Encoding::Cp437 => Cow::Owned(
                bytes
                    .iter()
                    .map(|&byte| {
                        if byte < 0x80 {
                            char::from(byte)
                        } else {
                            CP437_HIGH[usize::from(byte - 0x80)]
                        }
                    })
                    .collect(),
            ),
        }
    }
}

/// Code page 437 from 0x80 to 0xFF.
const CP437_HIGH: [char; 128] = [
    '\u{00c7}', '\u{00fc}', '\u{00e9}', '\u{00e2}', '\u{00e4}', '\u{00e0}', '\u{00e5}', '\u{00e7}',
    '\u{00ea}', '\u{00eb}', '\u{00e8}', '\u{00ef}', '\u{00ee}', '\u{00ec}', '\u{00c4}', '\u{00c5}',
    '\u{00c9}', '\u{00e6}', '\u{00c6}', '\u{00f4}', '\u{00f6}', '\u{00f2}', '\u{00fb}', '\u{00f9}',
    '\u{00ff}', '\u{00d6}', '\u{00dc}', '\u{00a2}', '\u{00a3}', '\u{00a5}', '\u{20a7}', '\u{0192}',
    '\u{00e1}', '\u{00ed}', '\u{00f3}', '\u{00fa}', '\u{00f1}', '\u{00d1}', '\u{00aa}', '\u{00ba}',
    '\u{00bf}', '\u{2310}', '\u{00ac}', '\u{00bd}', '\u{00bc}', '\u{00a1}', '\u{00ab}', '\u{00bb}',
    '\u{2591}', '\u{2592}', '\u{2593}', '\u{2502}', '\u{2524}', '\u{2561}', '\u{2562}', '\u{2556}',
    '\u{2555}', '\u{2563}', '\u{2551}', '\u{2557}', '\u{255d}', '\u{255c}', '\u{255b}', '\u{2510}',
    '\u{2514}', '\u{2534}', '\u{252c}', '\u{251c}', '\u{2500}', '\u{253c}', '\u{255e}', '\u{255f}',
    '\u{255a}', '\u{2554}', '\u{2569}', '\u{2566}', '\u{2560}', '\u{2550}', '\u{256c}', '\u{2567}',
    '\u{2568}', '\u{2564}', '\u{2565}', '\u{2559}', '\u{2558}', '\u{2552}', '\u{2553}', '\u{256b}',
    '\u{256a}', '\u{2518}', '\u{250c}', '\u{2588}', '\u{2584}', '\u{258c}', '\u{2590}', '\u{2580}',
    '\u{03b1}', '\u{00df}', '\u{0393}', '\u{03c0}', '\u{03a3}', '\u{03c3}', '\u{00b5}', '\u{03c4}',
    '\u{03a6}', '\u{0398}', '\u{03a9}', '\u{03b4}', '\u{221e}', '\u{03c6}', '\u{03b5}', '\u{2229}',
    '\u{2261}', '\u{00b1}', '\u{2265}', '\u{2264}', '\u{2320}', '\u{2321}', '\u{00f7}', '\u{2248}',
    '\u{00b0}', '\u{2219}', '\u{00b7}', '\u{221a}', '\u{207f}', '\u{00b2}', '\u{25a0}', '\u{00a0}',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_decode_in_each_encoding() {
        assert_eq!(
            Encoding::Cp437.decode(b"\x86\x84\x94\x8f\x8e\x99"),
            "åäöÅÄÖ"
        );
        assert_eq!(
            Encoding::Latin1.decode(b"\xe5\xe4\xf6\xc5\xc4\xd6"),
            "åäöÅÄÖ"
        );
        assert_eq!(Encoding::Utf8.decode("åäö".as_bytes()), "åäö");
    }

    #[test]
    fn the_bytes_decide_the_encoding() {
        assert_eq!(Encoding::guess("Övningsbolaget".as_bytes()), Encoding::Utf8);
        assert_eq!(Encoding::guess(b"\x99vningsbolaget"), Encoding::Cp437);
        assert_eq!(Encoding::guess(b"\xd6vningsbolaget"), Encoding::Latin1);
    }
}
