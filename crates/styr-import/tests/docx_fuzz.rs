//! The ZIP and Word readers against arbitrary and damaged archives: they never panic, never
//! hold more than their limits, and a document either reads or is refused in a sentence.
//! The damage reaches every layer — the end record, the central directory's sizes and
//! offsets, the local headers, the deflate stream, the XML — because it is done to a real
//! Word document (the reference budget as styr writes it). Runs 512 cases per property; set
//! STYR_FUZZ_CASES for a longer run.

use std::sync::OnceLock;

use proptest::prelude::*;
use styr_import::Limits;
use styr_import::document::{Block, parse_docx, parse_docx_within};

fn cases() -> u32 {
    std::env::var("STYR_FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(512)
}

/// A PNG of one pixel (the reader under test never decodes a picture).
const ONE_PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xff, 0xff, 0x3f,
    0x00, 0x05, 0xfe, 0x02, 0xfe, 0xa7, 0x35, 0x81, 0x84, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The reference budget as a Word document.
fn document() -> &'static [u8] {
    static DOCUMENT: OnceLock<Vec<u8>> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let budget =
            styr_import::parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml"))
                .expect("the example reads");
        let report = styr_reports::budget_report(&budget).expect("a report");
        // The reader under test looks at the text, not the pictures: each chart is a 1×1 PNG
        // here (drawing SVG is styr-typst's, which this crate must not build).
        let picture = |_: &str| Ok(ONE_PIXEL_PNG.to_vec());
        styr_render::docx::docx(
            &styr_render::document::budget_document(&report).expect("in range"),
            &picture,
        )
        .expect("a Word file")
    })
}

/// Where in the archive the central directory and the end record are: the part whose
/// damage tests the table of contents rather than the data.
fn directory_start() -> usize {
    let bytes = document();
    memchr::memmem::find(bytes, &0x0201_4b50_u32.to_le_bytes()).unwrap_or(0)
}

fn read_or_refused(bytes: &[u8], limits: &Limits) -> Result<(), TestCaseError> {
    match parse_docx_within(bytes, limits) {
        Ok(document) => {
            for block in &document.blocks {
                if let Block::Table(table) = block {
                    prop_assert!(table.rows.len() as u64 <= limits.blocks);
                }
            }
            prop_assert!(document.blocks.len() as u64 <= limits.blocks);
        }
        Err(message) => prop_assert!(!message.is_empty()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_are_refused_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        prop_assert!(parse_docx(&bytes).is_err());
    }

    #[test]
    fn a_document_damaged_anywhere_reads_or_is_refused(position in 0..1_000_000_usize, byte in any::<u8>()) {
        let mut bytes = document().to_vec();
        let at = position % bytes.len();
        bytes[at] = byte;
        read_or_refused(&bytes, &Limits::default())?;
    }

    #[test]
    fn a_table_of_contents_that_lies_reads_or_is_refused(
        position in 0..4_000_usize,
        value in prop_oneof![any::<u32>(), Just(0xffff_ffff), Just(0), 0..100_000_u32],
    ) {
        // Four bytes of the central directory or end record: sizes, offsets, counts, lengths.
        let mut bytes = document().to_vec();
        let start = directory_start();
        let at = start + position % (bytes.len() - start - 4);
        bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
        let limits = Limits { entry_bytes: 4 << 20, archive_bytes: 8 << 20, ..Limits::default() };
        read_or_refused(&bytes, &limits)?;
    }

    #[test]
    fn arbitrary_xml_in_the_document_reads_or_is_refused(
        xml in "(<w:(p|r|t|tbl|tr|tc|pStyle|b|rPr|tab|br)( w:val=\"[A-Za-z0-9]{0,8}\")?/?>|</w:(p|r|t|tbl|tr|tc|rPr)>|[a-zåäö 0-9&;#<>]{0,6}){0,60}",
    ) {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        writer.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("an entry");
        std::io::Write::write_all(&mut writer, format!("<w:document xmlns:w=\"w\"><w:body>{xml}</w:body></w:document>").as_bytes()).expect("written");
        let bytes = writer.finish().expect("a ZIP").into_inner();
        read_or_refused(&bytes, &Limits { blocks: 20, cells: 20, xml_depth: 8, ..Limits::default() })?;
    }
}

#[test]
fn the_document_itself_reads() {
    let document = parse_docx(document()).expect("styr's own Word file reads");
    assert!(
        document.blocks.len() > 100,
        "{} blocks",
        document.blocks.len()
    );
}
