//! What the reader needs of a PDF font: how its bytes split into character codes, the text of
//! each code (lopdf's encodings and `/ToUnicode` maps), each code's advance width, and whether
//! the face is bold — a bold row is a subtotal in the review's reading of a table. A font is
//! read once per content stream that uses it (a page, a form).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

/// The most character codes a `/ToUnicode` map's ranges may cover. lopdf builds a reverse map
/// entry for every code of every range, so `<00000000> <FFFFFFFF>` on one line would be
/// billions of entries; a font has at most 65 536 codes of two bytes, and a map twice that
/// is already wrong.
const MAPPED_CODES: u64 = 1 << 17;

/// The most UTF-16 units one code's text keeps: a ligature is three letters, not a sentence.
const CODE_TEXT: usize = 8;

/// A font of a page's resources.
pub struct Font<'a> {
    encoding: Encoding<'a>,
    /// A composite (Type0) font's codes are two bytes each (Identity-H and the other
    /// horizontal CMaps of published documents); a simple font's one.
    two_byte: bool,
    widths: HashMap<u32, f64>,
    default_width: f64,
    pub bold: bool,
}

impl<'a> Font<'a> {
    /// `Err` when the font's `/ToUnicode` map unpacks past `limit` bytes or maps more codes
    /// than a font has: lopdf reads any other broken encoding as the standard one.
    pub fn new(
        document: &'a Document,
        font: &'a Dictionary,
        limit: usize,
    ) -> Result<Font<'a>, String> {
        if mapped_codes(document, font, limit)? > MAPPED_CODES {
            return Err(
                "ett typsnitts teckentabell (ToUnicode) täcker fler tecken än ett typsnitt har"
                    .to_string(),
            );
        }
        let encoding = font
            .get_font_encoding_with_limit(document, limit)
            .map_err(|error| error.to_string())?;
        let two_byte = font
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|subtype| subtype == b"Type0");
        let descendant = descendant(document, font);
        let (widths, default_width) = match descendant {
            Some(descendant) => cid_widths(document, descendant),
            None => simple_widths(document, font),
        };
        let bold = is_bold(document, font)
            || descendant.is_some_and(|descendant| is_bold(document, descendant));
        Ok(Font {
            encoding,
            two_byte,
            widths,
            default_width,
            bold,
        })
    }

    /// The codes of a shown string, each with its text and its width in thousandths of an em.
    pub fn codes(&self, bytes: &[u8]) -> Vec<(String, f64, bool)> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|code| {
                let number = code
                    .iter()
                    .fold(0_u32, |number, byte| (number << 8) | u32::from(*byte));
                let mut text = self.encoding.bytes_to_string(code).unwrap_or_default();
                if text.chars().count() > CODE_TEXT {
                    text = text.chars().take(CODE_TEXT).collect();
                }
                let width = self
                    .widths
                    .get(&number)
                    .copied()
                    .unwrap_or(self.default_width);
                // Word spacing applies to the single-byte code 32 only (ISO 32000-1, 9.3.3).
                let is_space = code == [32];
                (text, width, is_space)
            })
            .collect()
    }
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    document
        .dereference(object)
        .map_or(object, |(_, object)| object)
}

fn number(object: &Object) -> Option<f64> {
    object.as_float().ok().map(f64::from)
}

fn descendant<'a>(document: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    let descendants = resolve(document, font.get(b"DescendantFonts").ok()?);
    let first = descendants.as_array().ok()?.first()?;
    resolve(document, first).as_dict().ok()
}

/// A simple font's `/Widths` from `/FirstChar`; an unlisted code has `/MissingWidth`, or half
/// an em for the standard fonts that list no widths (positions need only be near).
fn simple_widths(document: &Document, font: &Dictionary) -> (HashMap<u32, f64>, f64) {
    let first = font
        .get(b"FirstChar")
        .ok()
        .and_then(|first| resolve(document, first).as_i64().ok())
        .unwrap_or(0);
    let mut widths = HashMap::new();
    if let Some(listed) = font
        .get(b"Widths")
        .ok()
        .and_then(|widths| resolve(document, widths).as_array().ok())
    {
        for (offset, width) in listed.iter().take(256).enumerate() {
            let code = first
                .checked_add(offset as i64)
                .and_then(|code| u32::try_from(code).ok());
            if let (Some(width), Some(code)) = (number(resolve(document, width)), code) {
                widths.insert(code, width);
            }
        }
    }
    let missing = descriptor(document, font)
        .and_then(|descriptor| descriptor.get(b"MissingWidth").ok())
        .and_then(number)
        .filter(|width| *width > 0.0)
        .unwrap_or(500.0);
    (widths, missing)
}

/// A CID font's `/W` (`c [w1 w2 …]` and `first last w`) and `/DW`, at most 65 536 entries.
fn cid_widths(document: &Document, font: &Dictionary) -> (HashMap<u32, f64>, f64) {
    let default = font
        .get(b"DW")
        .ok()
        .and_then(|width| number(resolve(document, width)))
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let Some(list) = font
        .get(b"W")
        .ok()
        .and_then(|list| resolve(document, list).as_array().ok())
    else {
        return (widths, default);
    };
    // Codes are two bytes: 65 536 widths are all a font can have, however the list repeats.
    let mut index = 0;
    let mut budget: usize = 1 << 17;
    while index < list.len() && budget > 0 {
        let Some(first) = resolve(document, &list[index]).as_i64().ok() else {
            break;
        };
        match list.get(index + 1).map(|next| resolve(document, next)) {
            Some(Object::Array(each)) => {
                for (offset, width) in each.iter().take(budget.min(65_536)).enumerate() {
                    budget -= 1;
                    let code = first
                        .checked_add(offset as i64)
                        .and_then(|code| u32::try_from(code).ok())
                        .filter(|code| *code <= 0xffff);
                    if let (Some(width), Some(code)) = (number(resolve(document, width)), code) {
                        widths.insert(code, width);
                    }
                }
                index += 2;
            }
            Some(last) => {
                let (Ok(last), Some(width)) = (
                    last.as_i64(),
                    list.get(index + 2)
                        .and_then(|width| number(resolve(document, width))),
                ) else {
                    break;
                };
                let (first, last) = (first.clamp(0, 0xffff), last.clamp(0, 0xffff));
                for code in first..=last {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    if let Ok(code) = u32::try_from(code) {
                        widths.insert(code, width);
                    }
                }
                budget = budget.saturating_sub(1);
                index += 3;
            }
            None => break,
        }
    }
    (widths, default)
}

fn descriptor<'a>(document: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    resolve(document, font.get(b"FontDescriptor").ok()?)
        .as_dict()
        .ok()
}

/// Bold by the face's name (…-Bold, …Black, Semibold, Demi, Heavy), its weight (600 or more)
/// or its ForceBold flag.
fn is_bold(document: &Document, font: &Dictionary) -> bool {
    let named = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .is_ok_and(|name| {
            let name = String::from_utf8_lossy(name).to_lowercase();
            ["bold", "black", "heavy", "semibold", "demi"]
                .iter()
                .any(|word| name.contains(word))
        });
    let descriptor = descriptor(document, font);
    let weighty = descriptor
        .and_then(|descriptor| descriptor.get(b"FontWeight").ok())
        .and_then(number)
        .is_some_and(|weight| weight >= 600.0);
    let forced = descriptor
        .and_then(|descriptor| descriptor.get(b"Flags").ok())
        .and_then(|flags| flags.as_i64().ok())
        .is_some_and(|flags| flags & (1 << 18) != 0);
    named || weighty || forced
}

/// How many codes the ranges of the font's `/ToUnicode` map cover (`beginbfrange` entries
/// `<lo> <hi> …`), read from the unpacked map before lopdf reads it.
fn mapped_codes(document: &Document, font: &Dictionary, limit: usize) -> Result<u64, String> {
    let Some(stream) = font
        .get(b"ToUnicode")
        .ok()
        .and_then(|map| resolve(document, map).as_stream().ok())
    else {
        return Ok(0);
    };
    let map = if stream.dict.get(b"Filter").is_ok() {
        stream
            .decompressed_content_with_limit(limit)
            .map_err(|error| {
                format!("ett typsnitts teckentabell går inte att packa upp ({error})")
            })?
    } else {
        stream.content.clone()
    };
    let mut codes: u64 = 0;
    let text = String::from_utf8_lossy(&map);
    for section in text.split("beginbfrange").skip(1) {
        let section = section.split("endbfrange").next().unwrap_or("");
        let mut hexes = Vec::new();
        let mut rest = section;
        // Each entry: <lo> <hi> and a target, a hex string or an array of them.
        while let Some(open) = rest.find(['<', '[']) {
            if rest[open..].starts_with('[') {
                let close = rest[open..]
                    .find(']')
                    .map_or(rest.len(), |close| open + close + 1);
                hexes.push(None);
                rest = &rest[close..];
                continue;
            }
            let close = rest[open..]
                .find('>')
                .map_or(rest.len(), |close| open + close);
            hexes.push(u64::from_str_radix(rest[open + 1..close].trim(), 16).ok());
            rest = rest.get(close + 1..).unwrap_or("");
        }
        for entry in hexes.chunks(3) {
            if let [Some(low), Some(high), _] = entry {
                codes = codes.saturating_add(high.saturating_sub(*low).saturating_add(1));
            }
        }
    }
    Ok(codes)
}
