//! A sheet's cells: `<c r="C7" t="…"><v>…</v></c>` inside `<row r="7">`, the type saying how
//! to read the value — a number (the default), a shared string by its number (`s`), a string
//! of its own (`inlineStr`, `str`), true or false (`b`), an error such as #DIV/0! (`e`), a date
//! as text (`d`). A formula's cached value is the value; the formula itself is not read.
//!
//! Cells are kept sparse, by position, so a sheet costs what its cells cost, never the area
//! they span; and every reference — a cell's, a row's, and a `ref` such as the sheet's
//! dimension `A1:F13` — is checked against [`Limits::sheet_rows`] and
//! [`Limits::sheet_columns`] as it is read. A malformed one is refused: "C7x" is no cell.
//!
//! [`Limits::sheet_rows`]: crate::limits::Limits::sheet_rows
//! [`Limits::sheet_columns`]: crate::limits::Limits::sheet_columns

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use quick_xml::events::{BytesStart, Event};

use super::kept::{Kept, from_xml, too_large, unreadable};
use super::strings::string_item;
use crate::limits::{Limit, Limits};
use crate::xml::{Xml, attribute};

/// A cell's value.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    /// Shared strings are shared: a text a hundred thousand cells refer to is kept once.
    Text(Rc<str>),
    /// A number as the file has it, read exactly as typed: 1234.5 is "1234.5".
    Number(f64),
    Bool(bool),
    /// An error value, such as "#DIV/0!".
    Error(String),
}

impl fmt::Display for Value {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(text) => formatter.write_str(text),
            Value::Error(text) => formatter.write_str(text),
            Value::Number(number) => write!(formatter, "{number}"),
            Value::Bool(value) => write!(formatter, "{value}"),
        }
    }
}

/// Why a reference is refused.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refused {
    Malformed,
    Past(Limit),
}

/// "C7" as (row 6, column 2), "7" as (row 6, no column): from 0, within the limits.
pub(super) fn position(reference: &[u8], limits: &Limits) -> Result<(u32, Option<u32>), Refused> {
    let letters = reference
        .iter()
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count();
    let digits = &reference[letters..];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) || letters > 3 {
        return Err(Refused::Malformed);
    }
    let column = reference[..letters].iter().fold(0_u64, |column, letter| {
        column * 26 + u64::from(letter.to_ascii_uppercase() - b'A') + 1
    });
    let row = digits
        .iter()
        .try_fold(0_u64, |row, digit| {
            row.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
        })
        .ok_or(Refused::Past(Limit::SheetRows))?;
    if row == 0 {
        return Err(Refused::Malformed);
    }
    if row > limits.sheet_rows {
        return Err(Refused::Past(Limit::SheetRows));
    }
    if column > limits.sheet_columns {
        return Err(Refused::Past(Limit::SheetColumns));
    }
    // Both within limits the caller's u32 can hold: the limits are far below u32::MAX.
    let row = u32::try_from(row - 1).map_err(|_| Refused::Past(Limit::SheetRows))?;
    let column = u32::try_from(column).map_err(|_| Refused::Past(Limit::SheetColumns))?;
    Ok((row, (letters > 0).then(|| column - 1)))
}

/// Every part of a `ref` such as "A1:F13" within the limits.
pub(super) fn range(reference: &[u8], limits: &Limits) -> Result<(), Refused> {
    reference
        .split(|byte| *byte == b':')
        .try_for_each(|part| position(part, limits).map(|_| ()))
}

/// The sentence for a refused reference to a `what` ("cellen", "raden", "området").
fn refusal(refused: Refused, what: &str, reference: &str, sheet: &str, limits: &Limits) -> String {
    let subject = format!("{what} ”{reference}” på bladet ”{sheet}”");
    match refused {
        Refused::Malformed => unreadable(format!("{subject} är ingen cellreferens")),
        Refused::Past(limit) => too_large(limits.exceeded(limit, &subject)),
    }
}

/// Where the reader is in a sheet: the row and column a cell without `r` takes.
struct Place {
    row: u32,
    column: u32,
}

/// The cells of the sheet in `bytes`, by (row, column).
pub(super) fn read_sheet(
    bytes: &[u8],
    part: &str,
    sheet: &str,
    strings: &[Rc<str>],
    budget: &mut Kept<'_>,
) -> Result<BTreeMap<(u32, u32), Value>, String> {
    let limits = budget.limits;
    let mut xml = Xml::new(bytes, part, limits);
    let mut cells = BTreeMap::new();
    let mut place = Place { row: 0, column: 0 };
    loop {
        let event = xml.next().map_err(from_xml)?;
        let (element, open) = match &event {
            Event::Start(element) => (element, true),
            Event::Empty(element) => (element, false),
            Event::End(element) if element.local_name().as_ref() == "row" => {
                place.row += 1;
                place.column = 0;
                continue;
            }
            Event::Eof => return Ok(cells),
            _ => continue,
        };
        if let Some(reference) = attribute(element, "ref") {
            range(reference.as_bytes(), limits)
                .map_err(|refused| refusal(refused, "området", &reference, sheet, limits))?;
        }
        match element.local_name().as_ref() {
            "row" => {
                if let Some(reference) = attribute(element, "r") {
                    let (row, _) = position(reference.as_bytes(), limits)
                        .map_err(|refused| refusal(refused, "raden", &reference, sheet, limits))?;
                    place.row = row;
                }
                place.column = 0;
            }
            "c" => {
                let at = match attribute(element, "r") {
                    Some(reference) => match position(reference.as_bytes(), limits) {
                        Ok((row, Some(column))) => (row, column),
                        Ok((_, None)) => {
                            return Err(refusal(
                                Refused::Malformed,
                                "cellen",
                                &reference,
                                sheet,
                                limits,
                            ));
                        }
                        Err(refused) => {
                            return Err(refusal(refused, "cellen", &reference, sheet, limits));
                        }
                    },
                    None => (place.row, place.column),
                };
                place.column = at.1 + 1;
                let value = if open {
                    cell_value(&mut xml, element, strings)?
                } else {
                    None
                };
                if let Some(value) = value
                    && cells.insert(at, value).is_none()
                {
                    budget.count(part)?;
                }
            }
            _ => {}
        }
    }
}

/// The value of the cell whose start `cell` was just read, up to its end.
fn cell_value(
    xml: &mut Xml<'_>,
    cell: &BytesStart<'_>,
    strings: &[Rc<str>],
) -> Result<Option<Value>, String> {
    let kind = attribute(cell, "t").unwrap_or_default();
    let mut raw = None;
    let mut inline = None;
    loop {
        match xml.next().map_err(from_xml)? {
            Event::Start(element) if element.local_name().as_ref() == "v" => {
                raw = Some(string_of(xml, "v")?);
            }
            Event::Start(element) if element.local_name().as_ref() == "is" => {
                inline = Some(string_item(xml, "is")?);
            }
            Event::End(element) if element.local_name().as_ref() == "c" => break,
            Event::Eof => return Err(unreadable("en cell tar slut mitt i")),
            _ => {}
        }
    }
    if kind == "inlineStr" {
        return Ok(inline.map(|text| Value::Text(text.into())));
    }
    let Some(raw) = raw.filter(|raw| !raw.is_empty()) else {
        return Ok(None);
    };
    Ok(Some(match kind.as_str() {
        "s" => {
            let index: usize = raw.trim().parse().map_err(|_| {
                unreadable(format!(
                    "en cell hänvisar till delad text ”{raw}”, som inte är ett nummer"
                ))
            })?;
            let text = strings.get(index).ok_or_else(|| {
                unreadable(format!(
                    "en cell hänvisar till delad text nummer {index}, som arbetsboken inte har"
                ))
            })?;
            Value::Text(text.clone())
        }
        "str" | "d" => Value::Text(raw.into()),
        "b" => Value::Bool(raw.trim() == "1" || raw.trim().eq_ignore_ascii_case("true")),
        "e" => Value::Error(raw),
        "" | "n" => match raw.trim().parse::<f64>() {
            Ok(number) => Value::Number(number),
            Err(_) if kind.is_empty() => Value::Text(raw.into()),
            Err(_) => {
                return Err(unreadable(format!(
                    "en cell har talet ”{raw}”, som inte är ett tal"
                )));
            }
        },
        other => {
            return Err(unreadable(format!(
                "en cell har den okända typen ”{other}”"
            )));
        }
    }))
}

/// The text inside an element such as `<v>`, up to its end.
fn string_of(xml: &mut Xml<'_>, end: &str) -> Result<String, String> {
    let mut text = String::new();
    loop {
        match xml.next().map_err(from_xml)? {
            Event::Text(part) => text.push_str(&part.xml10_content()),
            Event::GeneralRef(name) => {
                text.extend(crate::xml::reference(&name));
            }
            Event::End(element) if element.local_name().as_ref() == end => return Ok(text),
            Event::Eof => return Err(unreadable("ett värde tar slut mitt i")),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_beyond_a_template_are_refused() {
        let limits = Limits::default();
        assert_eq!(position(b"C7", &limits), Ok((6, Some(2))));
        assert_eq!(position(b"12", &limits), Ok((11, None)));
        assert!(range(b"A1:F13", &limits).is_ok());
        assert_eq!(
            position(b"XFD1048576", &limits),
            Err(Refused::Past(Limit::SheetRows))
        );
        assert_eq!(
            position(b"XFD1", &limits),
            Err(Refused::Past(Limit::SheetColumns))
        );
        assert!(range(b"A1:XFD1048576", &limits).is_err());
        assert_eq!(
            position(b"AAAAAAAAAAAAAAAA1", &limits),
            Err(Refused::Malformed)
        );
        assert_eq!(
            position(b"C99999999999999999999999", &limits),
            Err(Refused::Past(Limit::SheetRows))
        );
        assert_eq!(position(b"C7x", &limits), Err(Refused::Malformed));
        assert_eq!(position(b"", &limits), Err(Refused::Malformed));
        assert_eq!(position(b"C0", &limits), Err(Refused::Malformed));
    }

    fn sheet(xml: &str) -> Result<BTreeMap<(u32, u32), Value>, String> {
        let limits = Limits::default();
        let mut budget = Kept {
            limits: &limits,
            cells: 0,
        };
        let strings: Vec<Rc<str>> = vec!["Lokalhyror".into()];
        read_sheet(
            xml.as_bytes(),
            "xl/worksheets/sheet1.xml",
            "Blad",
            &strings,
            &mut budget,
        )
    }

    #[test]
    fn each_type_of_cell_reads_to_its_value() {
        let cells = sheet(r#"<worksheet><sheetData><row r="7"><c r="A7" t="s"><v>0</v></c><c r="C7"><f>SUM(C1:C6)</f><v>-116205.5</v></c><c t="inlineStr"><is><t>ks</t></is></c><c r="F7" t="b"><v>1</v></c><c r="G7" t="e"><v>#DIV/0!</v></c><c r="H7" s="3"/></row><row><c><v>7</v></c></row></sheetData></worksheet>"#)
            .expect("a sheet");
        assert_eq!(cells[&(6, 0)], Value::Text("Lokalhyror".into()));
        assert_eq!(cells[&(6, 2)].to_string(), "-116205.5");
        assert_eq!(
            cells[&(6, 3)],
            Value::Text("ks".into()),
            "the column after C7"
        );
        assert_eq!(cells[&(6, 5)], Value::Bool(true));
        assert_eq!(cells[&(6, 6)].to_string(), "#DIV/0!");
        assert!(
            !cells.contains_key(&(6, 7)),
            "a styled cell without a value is empty"
        );
        assert_eq!(cells[&(7, 0)].to_string(), "7", "the row after row 7");
    }

    #[test]
    fn a_far_cell_is_refused_with_its_sheet_and_reference() {
        let refusal = sheet(r#"<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#)
            .expect_err("far away");
        assert_eq!(
            refusal,
            "arbetsboken är större än en budgetmall kan vara: raden ”1048576” på bladet ”Blad” ligger längre ned än rad 10 000 (gränsen sheet_rows = 10 000)"
        );
        let refusal = sheet(r#"<worksheet><dimension ref="A1:XFD1048576"/></worksheet>"#)
            .expect_err("a size past a template");
        assert!(refusal.contains("A1:XFD1048576"), "{refusal}");
    }
}
