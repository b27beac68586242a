//! Text in a workbook: the shared strings (`xl/sharedStrings.xml`, one `<si>` per text that
//! cells refer to by number) and the inline strings of a cell (`<is>`). Either holds one `<t>`,
//! or runs `<r>` of differently formatted `<t>`s that together are the text; phonetic guides
//! (`<rPh>`) are not part of it. Whitespace around a `<t>` is not text unless it says
//! `xml:space="preserve"`, and `_x000D_` is how the format writes a character XML cannot hold.
//!
//! ```text
//! <si><t>Lokalhyror</t></si>
//! <si><r><t>Belopp </t></r><r><rPr><b/></rPr><t>i tkr</t></r></si>   → "Belopp i tkr"
//! ```

use std::rc::Rc;

use quick_xml::events::{BytesStart, Event};

use super::kept::{Kept, from_xml, unreadable};
use crate::xml::{Xml, attribute, reference};

/// `_xHHHH_` undone: the escape the format uses for characters such as a carriage return.
fn unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        let escape = rest.get(at + 2..at + 7);
        let character = escape
            .filter(|escape| escape.ends_with('_'))
            .and_then(|escape| u32::from_str_radix(&escape[..4], 16).ok())
            .and_then(char::from_u32);
        out.push_str(&rest[..at]);
        match character {
            Some(character) => {
                out.push(character);
                rest = &rest[at + 7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of one `<t>` whose start was just read.
fn text_element(xml: &mut Xml<'_>, start: &BytesStart<'_>) -> Result<String, String> {
    let preserve = attribute(start, "space").is_some_and(|space| space == "preserve");
    let mut value = String::new();
    loop {
        match xml.next().map_err(from_xml)? {
            Event::Text(text) => value.push_str(&text.xml10_content()),
            Event::CData(text) => value.push_str(&text.xml10_content()),
            Event::GeneralRef(name) => {
                value.extend(reference(&name));
            }
            Event::End(end) if end.local_name().as_ref() == "t" => break,
            Event::Eof => return Err(unreadable("en text tar slut mitt i")),
            _ => {}
        }
    }
    let value = if preserve {
        value.as_str()
    } else {
        value.trim_matches([' ', '\t', '\r', '\n'])
    };
    Ok(unescaped(value))
}

/// The text of a string item (`<si>` or `<is>`, named `end`) whose start was just read.
pub(super) fn string_item(xml: &mut Xml<'_>, end: &str) -> Result<String, String> {
    let mut text = String::new();
    let mut phonetic = false;
    loop {
        match xml.next().map_err(from_xml)? {
            Event::Start(element) if element.local_name().as_ref() == "rPh" => phonetic = true,
            Event::End(element) if element.local_name().as_ref() == "rPh" => phonetic = false,
            Event::Start(element) if element.local_name().as_ref() == "t" => {
                let value = text_element(xml, &element)?;
                if !phonetic {
                    text.push_str(&value);
                }
            }
            Event::End(element) if element.local_name().as_ref() == end => return Ok(text),
            Event::Eof => return Err(unreadable("en text tar slut mitt i")),
            _ => {}
        }
    }
}

/// Every shared string, in order; each counts as a cell.
pub(super) fn read_shared_strings(
    bytes: &[u8],
    part: &str,
    budget: &mut Kept<'_>,
) -> Result<Vec<Rc<str>>, String> {
    let mut xml = Xml::new(bytes, part, budget.limits);
    let mut strings = Vec::new();
    loop {
        match xml.next().map_err(from_xml)? {
            Event::Start(element) if element.local_name().as_ref() == "si" => {
                budget.count(part)?;
                strings.push(string_item(&mut xml, "si")?.into());
            }
            Event::Empty(element) if element.local_name().as_ref() == "si" => {
                budget.count(part)?;
                strings.push("".into());
            }
            Event::Eof => return Ok(strings),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    fn strings(xml: &str, limits: &Limits) -> Result<Vec<Rc<str>>, String> {
        let mut budget = Kept { limits, cells: 0 };
        read_shared_strings(xml.as_bytes(), "xl/sharedStrings.xml", &mut budget)
    }

    #[test]
    fn runs_join_into_one_text_and_phonetic_guides_are_left_out() {
        let xml = r#"<sst><si><t> Lokalhyror </t></si><si><r><t xml:space="preserve">Belopp </t></r><r><t>i tkr</t></r><rPh><t>x</t></rPh></si><si/><si><t>A_x000D_B &amp; C</t></si></sst>"#;
        assert_eq!(
            strings(xml, &Limits::default()),
            Ok(vec![
                "Lokalhyror".into(),
                "Belopp i tkr".into(),
                "".into(),
                "A\rB & C".into()
            ])
        );
    }

    #[test]
    fn shared_strings_count_as_cells() {
        let limits = Limits {
            cells: 2,
            ..Limits::default()
        };
        let refusal = strings("<sst><si/><si/><si/></sst>", &limits).expect_err("three");
        assert!(refusal.contains("gränsen cells = 2"), "{refusal}");
    }
}
