//! ZIP archives, the container of a workbook (.xlsx) and a Word document (.docx), read within
//! the [`Limits`]: how many entries the archive may have, how large one entry may unpack to —
//! as its header declares, checked before it is unpacked, and as it inflates, checked while it
//! does — and how much all the entries read may unpack to together. A ZIP bomb (a megabyte
//! that inflates to a gigabyte) is refused after the limit's worth of inflating, and an entry
//! whose header lies about its size is refused as damaged (its length and CRC-32 are checked
//! against what it unpacked to).
//!
//! ```text
//! [entry data …][central directory: name, method, sizes, offset …][end record: count, where]
//! ```
//!
//! Only what Office files use is read: entries stored or deflated, unencrypted, on one disk.

use std::fmt;
use std::io::Read;

use crate::limits::{Exceeded, Limit, Limits};

mod directory;

/// An archive, its table of contents read, its entries unpacked on request.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    limits: &'a Limits,
    /// Bytes unpacked so far, for [`Limits::archive_bytes`].
    unpacked: u64,
}

/// One entry, as the central directory describes it.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    encrypted: bool,
    method: u64,
    crc: u32,
    packed: u64,
    size: u64,
    local: u64,
}

/// Why an archive, or an entry of it, cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    /// The bytes are no ZIP archive at all.
    NotAnArchive,
    /// A ZIP archive, damaged: which part.
    Damaged(String),
    /// Packed in a way styr does not read: how.
    Unsupported(String),
    Exceeded(Exceeded),
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotAnArchive => formatter.write_str("filen är inget ZIP-arkiv"),
            ArchiveError::Damaged(what) => write!(formatter, "ZIP-arkivet är skadat: {what}"),
            ArchiveError::Unsupported(how) => write!(formatter, "ZIP-arkivet är {how}"),
            ArchiveError::Exceeded(exceeded) => exceeded.fmt(formatter),
        }
    }
}

/// A name as the readers look it up: case and the direction of slashes do not matter, as in
/// the programs that write these files.
fn normal(name: &str) -> String {
    name.trim_start_matches('/')
        .replace('\\', "/")
        .to_lowercase()
}

impl<'a> Archive<'a> {
    /// Reads the table of contents of the archive in `bytes`.
    pub fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Archive<'a>, ArchiveError> {
        limits
            .check(Limit::FileBytes, bytes.len() as u64, "filen")
            .map_err(ArchiveError::Exceeded)?;
        Ok(Archive {
            bytes,
            entries: directory::entries(bytes, limits)?,
            limits,
            unpacked: 0,
        })
    }

    /// The entry called `name` unpacked, or `None` when the archive has none by that name.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ArchiveError> {
        let wanted = normal(name);
        let Some(entry) = self
            .entries
            .iter()
            .find(|entry| normal(&entry.name) == wanted)
            .cloned()
        else {
            return Ok(None);
        };
        self.unpack(&entry).map(Some)
    }

    fn unpack(&mut self, entry: &Entry) -> Result<Vec<u8>, ArchiveError> {
        let name = &entry.name;
        if entry.encrypted {
            return Err(ArchiveError::Unsupported(format!("krypterat ({name})")));
        }
        let exceeded = |limit| ArchiveError::Exceeded(self.limits.exceeded(limit, name));
        let declared = format!("{name} enligt arkivets innehållsförteckning");
        self.limits
            .check(Limit::EntryBytes, entry.size, &declared)
            .map_err(ArchiveError::Exceeded)?;
        let room = self.limits.archive_bytes.saturating_sub(self.unpacked);
        if entry.size > room {
            return Err(ArchiveError::Exceeded(
                self.limits.exceeded(Limit::ArchiveBytes, "arkivets filer"),
            ));
        }
        let data = self.data(entry)?;
        // One byte past what the entry declares shows a lie without inflating the rest.
        let most = entry.size.saturating_add(1);
        let mut unpacked = Vec::with_capacity(usize::try_from(entry.size).unwrap_or(0));
        let read = match entry.method {
            0 => data.take(most).read_to_end(&mut unpacked),
            8 => flate2::read::DeflateDecoder::new(data)
                .take(most)
                .read_to_end(&mut unpacked),
            method => {
                return Err(ArchiveError::Unsupported(format!(
                    "packat med metod {method} ({name}); styr läser lagrade och deflate-packade filer"
                )));
            }
        };
        let damaged = |why: &str| ArchiveError::Damaged(format!("{name} {why}"));
        read.map_err(|_| damaged("går inte att packa upp"))?;
        if unpacked.len() as u64 > entry.size {
            // Larger than declared: within the limits it is damage, past them a bomb.
            let past = if entry.size >= self.limits.entry_bytes {
                Limit::EntryBytes
            } else if entry.size >= room {
                Limit::ArchiveBytes
            } else {
                return Err(damaged(
                    "packas upp till mer än innehållsförteckningen anger",
                ));
            };
            return Err(exceeded(past));
        }
        if (unpacked.len() as u64) < entry.size || crc32fast::hash(&unpacked) != entry.crc {
            return Err(damaged("stämmer inte med sin kontrollsumma (CRC-32)"));
        }
        self.unpacked += entry.size;
        Ok(unpacked)
    }

    /// The packed data of `entry`, after its local header.
    fn data(&self, entry: &Entry) -> Result<&'a [u8], ArchiveError> {
        let bad = || ArchiveError::Damaged(format!("{} har en trasig lokal rubrik", entry.name));
        let local = usize::try_from(entry.local).map_err(|_| bad())?;
        if directory::u32_at(self.bytes, local) != Some(0x0403_4b50) {
            return Err(bad());
        }
        let name_length = directory::u16_at(self.bytes, local + 26).ok_or_else(bad)?;
        let extra_length = directory::u16_at(self.bytes, local + 28).ok_or_else(bad)?;
        let start = local + 30 + name_length + extra_length;
        let packed = usize::try_from(entry.packed).map_err(|_| bad())?;
        self.bytes
            .get(start..start.checked_add(packed).ok_or_else(bad)?)
            .ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
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
}
