use std::io::Write;

use super::*;

/// An archive of `entries`, deflated, as the zip crate writes it.
fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        writer.write_all(content).expect("written");
    }
    writer.finish().expect("an archive").into_inner()
}

/// `bytes` with every central record's declared unpacked size set to `size`.
fn declaring(mut bytes: Vec<u8>, size: u32) -> Vec<u8> {
    let signature = 0x0201_4b50_u32.to_le_bytes();
    let records: Vec<usize> = memchr::memmem::find_iter(&bytes, &signature).collect();
    for at in records {
        bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
    }
    bytes
}

#[test]
fn entries_are_found_by_name_whatever_their_case_and_slashes() {
    let bytes = archive(&[
        ("xl/workbook.xml", b"<workbook/>"),
        ("Word\\Doc.xml", b"<d/>"),
    ]);
    let limits = Limits::default();
    let mut archive = Archive::open(&bytes, &limits).expect("an archive");
    assert_eq!(
        archive.read("XL/Workbook.xml"),
        Ok(Some(b"<workbook/>".to_vec()))
    );
    assert_eq!(archive.read("word/doc.xml"), Ok(Some(b"<d/>".to_vec())));
    assert_eq!(archive.read("xl/styles.xml"), Ok(None));
}

#[test]
fn an_entry_declared_past_the_limit_is_refused_before_it_is_unpacked() {
    let bytes = archive(&[("xl/sharedStrings.xml", &[b'a'; 5_000])]);
    let limits = Limits {
        entry_bytes: 4_096,
        ..Limits::default()
    };
    let mut archive = Archive::open(&bytes, &limits).expect("an archive");
    let refusal = archive.read("xl/sharedStrings.xml").expect_err("too large");
    assert_eq!(
        refusal.to_string(),
        "xl/sharedStrings.xml enligt arkivets innehållsförteckning packas upp till mer än 4 KiB (gränsen entry_bytes = 4 KiB)"
    );
}

#[test]
fn an_entry_that_inflates_past_what_it_declares_is_refused_at_one_byte_more() {
    // A bomb that declares itself small: 10 MiB of zeros said to be 100 bytes.
    let bytes = declaring(archive(&[("word/document.xml", &vec![0; 10 << 20])]), 100);
    let limits = Limits::default();
    let mut archive = Archive::open(&bytes, &limits).expect("an archive");
    assert_eq!(
        archive.read("word/document.xml"),
        Err(ArchiveError::Damaged(
            "word/document.xml packas upp till mer än innehållsförteckningen anger".into()
        ))
    );
    let bytes = declaring(archive_of_text(), 3);
    let mut archive = Archive::open(&bytes, &limits).expect("an archive");
    assert!(matches!(
        archive.read("a.xml"),
        Err(ArchiveError::Damaged(_))
    ));
}

fn archive_of_text() -> Vec<u8> {
    archive(&[("a.xml", b"<a>text</a>")])
}

#[test]
fn all_the_entries_together_are_held_to_the_archive_limit() {
    let bytes = archive(&[("a.xml", &[b'a'; 3_000]), ("b.xml", &[b'b'; 3_000])]);
    let limits = Limits {
        archive_bytes: 5_000,
        ..Limits::default()
    };
    let mut archive = Archive::open(&bytes, &limits).expect("an archive");
    assert!(archive.read("a.xml").is_ok());
    let refusal = archive
        .read("b.xml")
        .expect_err("the two together are too large");
    assert!(
        refusal.to_string().contains("gränsen archive_bytes"),
        "{refusal}"
    );
}

#[test]
fn an_archive_of_too_many_entries_is_refused_before_any_is_read() {
    let names: Vec<String> = (0..6).map(|index| format!("{index}.xml")).collect();
    let entries: Vec<(&str, &[u8])> = names
        .iter()
        .map(|name| (name.as_str(), &b"x"[..]))
        .collect();
    let bytes = archive(&entries);
    let limits = Limits {
        archive_entries: 5,
        ..Limits::default()
    };
    let refusal = Archive::open(&bytes, &limits)
        .err()
        .map(|error| error.to_string());
    assert_eq!(
        refusal.as_deref(),
        Some("arkivet har fler filer än 5 (gränsen archive_entries = 5)")
    );
}

#[test]
fn what_is_not_an_archive_or_is_damaged_is_told_apart() {
    let limits = Limits::default();
    assert_eq!(
        Archive::open(b"Personalkostnader;-116205\n", &limits).err(),
        Some(ArchiveError::NotAnArchive)
    );
    let mut bytes = archive_of_text();
    let crc = memchr::memmem::find(&bytes, &0x0201_4b50_u32.to_le_bytes()).expect("a record");
    bytes[crc + 16] ^= 0xff;
    let mut archive = Archive::open(&bytes, &limits).expect("an archive");
    assert!(archive.read("a.xml").is_err(), "a wrong checksum");
    let truncated = &archive_of_text()[..40];
    assert!(Archive::open(truncated, &limits).is_err());
}
