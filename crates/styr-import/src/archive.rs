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
mod tests;
