//! A workbook (.xlsx, Office Open XML) as the template reader needs it: its sheets in order,
//! each a name and its cells' values. The parts are found the way the standard says, not by
//! the names Excel happens to give them — `_rels/.rels` names the workbook, the workbook's
//! relationships name its sheets and shared strings — so a sheet stored anywhere in the
//! archive is read, and held to the same limits as any other: every part through the
//! [`Archive`], every XML through [`Xml`], every cell reference against the sheet's bounds.
//!
//! ```text
//! _rels/.rels                  → officeDocument: xl/workbook.xml
//! xl/workbook.xml              → <sheet name="Kommunstyrelsen" r:id="rId1"/>
//! xl/_rels/workbook.xml.rels   → rId1: worksheets/sheet1.xml, and the sharedStrings part
//! ```

use std::collections::BTreeMap;

use quick_xml::events::Event;

use super::cells::{Value, read_sheet};
use super::kept::{Kept, from_archive, from_xml, unreadable};
use super::strings::read_shared_strings;
use crate::archive::Archive;
use crate::limits::Limits;
use crate::xml::{Xml, attribute};

/// One sheet: its name and its cells by (row, column), both from 0.
pub(super) struct Sheet {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), Value>,
}

/// The part a relationship's target names, from the part `from` that has the relationship.
fn resolve(from: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for step in target.split('/') {
        match step {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            step => parts.push(step),
        }
    }
    parts.join("/")
}

/// The relationships file of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
fn relationships_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((folder, name)) => format!("{folder}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A part's bytes, or a sentence saying it is missing.
fn required(archive: &mut Archive<'_>, part: &str) -> Result<Vec<u8>, String> {
    archive
        .read(part)
        .map_err(from_archive)?
        .ok_or_else(|| unreadable(format!("arbetsboken saknar delen {part}")))
}

/// The relationships in `part`'s relationships file: id → (type, target part).
fn relationships(
    archive: &mut Archive<'_>,
    part: &str,
    limits: &Limits,
) -> Result<BTreeMap<String, (String, String)>, String> {
    let file = relationships_of(part);
    let Some(bytes) = archive.read(&file).map_err(from_archive)? else {
        return Ok(BTreeMap::new());
    };
    let mut xml = Xml::new(&bytes, &file, limits);
    let mut found = BTreeMap::new();
    loop {
        match xml.next().map_err(from_xml)? {
            Event::Start(element) | Event::Empty(element)
                if element.local_name().as_ref() == "Relationship" =>
            {
                if let (Some(id), Some(kind), Some(target)) = (
                    attribute(&element, "Id"),
                    attribute(&element, "Type"),
                    attribute(&element, "Target"),
                ) {
                    found.insert(id, (kind, resolve(part, &target)));
                }
            }
            Event::Eof => return Ok(found),
            _ => {}
        }
    }
}

/// The workbook part, as the package's relationships name it.
fn workbook_part(archive: &mut Archive<'_>, limits: &Limits) -> Result<String, String> {
    let package = relationships(archive, "", limits)?;
    Ok(package
        .into_values()
        .find(|(kind, _)| kind.ends_with("/officeDocument"))
        .map_or_else(|| "xl/workbook.xml".to_string(), |(_, target)| target))
}

/// The sheets the workbook lists, in its order: (name, relationship id).
fn sheet_list(bytes: &[u8], part: &str, limits: &Limits) -> Result<Vec<(String, String)>, String> {
    let mut xml = Xml::new(bytes, part, limits);
    let mut sheets = Vec::new();
    loop {
        match xml.next().map_err(from_xml)? {
            Event::Start(element) | Event::Empty(element)
                if element.local_name().as_ref() == "sheet" =>
            {
                if let (Some(name), Some(id)) =
                    (attribute(&element, "name"), attribute(&element, "id"))
                {
                    sheets.push((name, id));
                }
            }
            Event::Eof => return Ok(sheets),
            _ => {}
        }
    }
}

/// Every sheet of the workbook in `bytes`, or a sentence saying why it cannot be read.
pub(super) fn read_workbook(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, String> {
    let mut archive = Archive::open(bytes, limits).map_err(from_archive)?;
    let part = workbook_part(&mut archive, limits)?;
    let listed = sheet_list(&required(&mut archive, &part)?, &part, limits)?;
    let related = relationships(&mut archive, &part, limits)?;
    let mut budget = Kept { limits, cells: 0 };
    let strings_part = related
        .values()
        .find(|(kind, _)| kind.ends_with("/sharedStrings"))
        .map_or_else(
            || resolve(&part, "sharedStrings.xml"),
            |(_, target)| target.clone(),
        );
    let strings = match archive.read(&strings_part).map_err(from_archive)? {
        Some(xml) => read_shared_strings(&xml, &strings_part, &mut budget)?,
        None => Vec::new(),
    };
    let mut sheets = Vec::with_capacity(listed.len());
    for (name, id) in listed {
        // A chart sheet or dialog sheet has no cells.
        let Some((_, target)) = related
            .get(&id)
            .filter(|(kind, _)| kind.ends_with("/worksheet"))
        else {
            continue;
        };
        let xml = required(&mut archive, target)?;
        let cells = read_sheet(&xml, target, &name, &strings, &mut budget)?;
        sheets.push(Sheet { name, cells });
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_that_names_them() {
        assert_eq!(
            resolve("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/workbook.xml", "/xl/elsewhere/a.xml"),
            "xl/elsewhere/a.xml"
        );
        assert_eq!(
            resolve("xl/workbook.xml", "../custom/sheet.xml"),
            "custom/sheet.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
        assert_eq!(
            relationships_of("xl/workbook.xml"),
            "xl/_rels/workbook.xml.rels"
        );
        assert_eq!(relationships_of(""), "_rels/.rels");
    }
}
