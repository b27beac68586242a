//! Hostile files, made by the test: small on the wire, huge or endless once read.

use std::io::Write;

use flate2::{Compress, Compression, FlushCompress};

/// Raw deflate of `part` on its own, ending byte-aligned and not final, so that copies of it
/// can follow each other in one stream.
fn deflated(part: &[u8]) -> Vec<u8> {
    let mut compress = Compress::new(Compression::best(), false);
    let mut output = Vec::with_capacity(part.len() / 100 + 1024);
    loop {
        let consumed = usize::try_from(compress.total_in()).expect("a size");
        compress
            .compress_vec(&part[consumed..], &mut output, FlushCompress::Sync)
            .expect("deflate");
        if usize::try_from(compress.total_in()).expect("a size") == part.len()
            && output.len() < output.capacity()
        {
            return output;
        }
        output.reserve(output.capacity());
    }
}

/// A zip entry: its name, its deflated data, its CRC-32 and its size unpacked.
struct Entry {
    name: &'static str,
    data: Vec<u8>,
    crc: u32,
    size: u64,
}

/// `head`, then `repeated` `times` times, then `tail`, deflated without unpacking it whole.
fn bomb_entry(name: &'static str, head: &[u8], repeated: &[u8], times: u32, tail: &[u8]) -> Entry {
    assert!(times.is_power_of_two(), "the CRC is doubled");
    let mut data = deflated(head);
    let chunk = deflated(repeated);
    for _ in 0..times {
        data.extend_from_slice(&chunk);
    }
    data.extend_from_slice(&deflated(tail));
    // The final block: fixed Huffman, just its end.
    data.extend_from_slice(&[0x03, 0x00]);
    let mut crc = crc32fast::Hasher::new();
    crc.update(head);
    let mut copies = crc32fast::Hasher::new();
    copies.update(repeated);
    for _ in 0..times.trailing_zeros() {
        let same = copies.clone();
        copies.combine(&same);
    }
    crc.combine(&copies);
    let mut end = crc32fast::Hasher::new();
    end.update(tail);
    crc.combine(&end);
    let size = head.len() as u64 + repeated.len() as u64 * u64::from(times) + tail.len() as u64;
    Entry {
        name,
        data,
        crc: crc.finalize(),
        size,
    }
}

fn small_entry(name: &'static str, text: &str) -> Entry {
    let mut data = deflated(text.as_bytes());
    data.extend_from_slice(&[0x03, 0x00]);
    Entry {
        name,
        data,
        crc: crc32fast::hash(text.as_bytes()),
        size: text.len() as u64,
    }
}

/// The entries as a zip archive (deflate, sizes honest; no zip64: every size is under 4 GB).
fn archive(entries: &[Entry]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut directory = Vec::new();
    for entry in entries {
        let offset = u32::try_from(zip.len()).expect("a small archive");
        let size = u32::try_from(entry.size).expect("under 4 GB");
        let packed = u32::try_from(entry.data.len()).expect("a small entry");
        let name = entry.name.as_bytes();
        let common = |buffer: &mut Vec<u8>| {
            buffer.extend_from_slice(&20u16.to_le_bytes()); // version needed
            buffer.extend_from_slice(&0u16.to_le_bytes()); // flags
            buffer.extend_from_slice(&8u16.to_le_bytes()); // deflate
            buffer.extend_from_slice(&0u32.to_le_bytes()); // time and date
            buffer.extend_from_slice(&entry.crc.to_le_bytes());
            buffer.extend_from_slice(&packed.to_le_bytes());
            buffer.extend_from_slice(&size.to_le_bytes());
            buffer.extend_from_slice(&u16::try_from(name.len()).expect("a name").to_le_bytes());
            buffer.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        zip.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut zip);
        zip.extend_from_slice(name);
        zip.extend_from_slice(&entry.data);
        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes()); // made by
        common(&mut directory);
        directory.extend_from_slice(&[0; 8]); // comment, disk, internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name);
    }
    let start = u32::try_from(zip.len()).expect("a small archive");
    let count = u16::try_from(entries.len()).expect("few entries");
    zip.extend_from_slice(&directory);
    zip.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(&count.to_le_bytes());
    zip.extend_from_slice(&count.to_le_bytes());
    zip.extend_from_slice(&u32::try_from(directory.len()).expect("small").to_le_bytes());
    zip.extend_from_slice(&start.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="ks" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

fn workbook_rels(sheet: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{sheet}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
    )
}

/// A workbook whose one sheet is not under xl/worksheets/ and whose dimension and last cell
/// are XFD1048576, the sheet's far corner: a reader that makes the range dense allocates
/// 17 billion cells.
pub fn far_cell_workbook() -> Vec<u8> {
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ks</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#;
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>"#;
    archive(&[
        small_entry("[Content_Types].xml", CONTENT_TYPES),
        small_entry("_rels/.rels", ROOT_RELS),
        small_entry("xl/workbook.xml", WORKBOOK),
        small_entry(
            "xl/_rels/workbook.xml.rels",
            &workbook_rels("/data/elsewhere/blad.xml"),
        ),
        small_entry("data/elsewhere/blad.xml", sheet),
        small_entry("xl/sharedStrings.xml", strings),
    ])
}

/// 1 MB of `part` repeated.
fn megabyte_of(part: &str) -> Vec<u8> {
    part.repeat((1 << 20) / part.len()).into_bytes()
}

/// A workbook whose sharedStrings.xml unpacks to 1 GB of short strings, in about 1 MB.
pub fn shared_strings_bomb() -> Vec<u8> {
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#;
    let strings = bomb_entry(
        "xl/sharedStrings.xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        &megabyte_of("<si><t>ks</t></si>"),
        1024,
        b"</sst>",
    );
    archive(&[
        small_entry("[Content_Types].xml", CONTENT_TYPES),
        small_entry("_rels/.rels", ROOT_RELS),
        small_entry("xl/workbook.xml", WORKBOOK),
        small_entry(
            "xl/_rels/workbook.xml.rels",
            &workbook_rels("worksheets/sheet1.xml"),
        ),
        small_entry("xl/worksheets/sheet1.xml", sheet),
        strings,
    ])
}

/// A Word document whose document.xml unpacks to 1 GB of paragraphs, in about 1 MB.
pub fn docx_bomb() -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let document = bomb_entry(
        "word/document.xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
        &megabyte_of("<w:p><w:r><w:t>Budget</w:t></w:r></w:p>"),
        1024,
        b"</w:body></w:document>",
    );
    archive(&[
        small_entry("[Content_Types].xml", types),
        small_entry("_rels/.rels", rels),
        document,
    ])
}

/// A SIE 4 file of `count` cost centres (#OBJEKT) and nothing else: about 10 MB for 400 000.
pub fn sie_with_objects(count: u32) -> Vec<u8> {
    let mut sie = Vec::new();
    sie.extend_from_slice(
        b"#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#PROGRAM \"prov\" 1\r\n#FNAMN \"Provkommun\"\r\n#RAR 0 20250101 20251231\r\n#DIM 1 \"Ansvar\"\r\n",
    );
    for number in 0..count {
        let _ = write!(sie, "#OBJEKT 1 {number} K\r\n");
    }
    sie
}

/// A budget file of one value nested a million arrays deep: 2 MB of brackets.
pub fn nested_budget_file() -> Vec<u8> {
    let depth = 1_000_000;
    let mut text = b"[municipality]\nname = ".to_vec();
    text.extend(std::iter::repeat_n(b'[', depth));
    text.extend(std::iter::repeat_n(b']', depth));
    text.push(b'\n');
    text
}
