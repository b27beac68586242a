//! A ZIP archive's table of contents: the end record at the back of the file (and, for a large
//! archive, its ZIP64 twin), which says how many entries there are and where the central
//! directory of them starts; then one central record per entry — its name, how it is packed,
//! its sizes and where its data is. The number of entries is checked against the limit before
//! a single one is read, and every offset and size against the file, so a table of contents
//! that lies costs nothing but its refusal.

use super::{ArchiveError, Entry};
use crate::limits::{Limit, Limits};

const END: u32 = 0x0605_4b50;
const END_64: u32 = 0x0606_4b50;
const LOCATOR_64: u32 = 0x0706_4b50;
const CENTRAL: u32 = 0x0201_4b50;

/// The bytes of a little-endian field, or `None` past the end of the archive.
pub(super) fn field(bytes: &[u8], at: usize, width: usize) -> Option<u64> {
    let slice = bytes.get(at..at.checked_add(width)?)?;
    Some(
        slice
            .iter()
            .rev()
            .fold(0, |value, byte| value << 8 | u64::from(*byte)),
    )
}

pub(super) fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    field(bytes, at, 2).map(|value| value as usize)
}

pub(super) fn u32_at(bytes: &[u8], at: usize) -> Option<u64> {
    field(bytes, at, 4)
}

fn damaged(what: &str) -> ArchiveError {
    ArchiveError::Damaged(what.to_string())
}

/// How many entries the archive has and where its central directory is: (entries, start, size).
fn end_record(bytes: &[u8]) -> Result<(u64, u64, u64), ArchiveError> {
    // The end record is 22 bytes and a comment of at most 65 535; search back from the end.
    let earliest = bytes.len().saturating_sub(22 + 0xffff);
    let at = (earliest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&at| u32_at(bytes, at) == Some(u64::from(END)))
        .ok_or(ArchiveError::NotAnArchive)?;
    let read =
        |offset, width| field(bytes, at + offset, width).ok_or_else(|| damaged("slutposten"));
    let (entries, size, start) = (read(10, 2)?, read(12, 4)?, read(16, 4)?);
    if entries != 0xffff && size != 0xffff_ffff && start != 0xffff_ffff {
        return Ok((entries, start, size));
    }
    let locator = at.checked_sub(20).ok_or_else(|| damaged("ZIP64-posten"))?;
    if u32_at(bytes, locator) != Some(u64::from(LOCATOR_64)) {
        return Err(damaged("ZIP64-posten"));
    }
    let record = field(bytes, locator + 8, 8)
        .and_then(|record| usize::try_from(record).ok())
        .filter(|record| u32_at(bytes, *record) == Some(u64::from(END_64)))
        .ok_or_else(|| damaged("ZIP64-posten"))?;
    let read = |offset| field(bytes, record + offset, 8).ok_or_else(|| damaged("ZIP64-posten"));
    Ok((read(32)?, read(48)?, read(40)?))
}

/// Every entry of the archive, within `limits.archive_entries`.
pub(super) fn entries(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    let (count, start, size) = end_record(bytes)?;
    limits
        .check(Limit::ArchiveEntries, count, "arkivet")
        .map_err(ArchiveError::Exceeded)?;
    let end = start
        .checked_add(size)
        .filter(|end| *end <= bytes.len() as u64)
        .ok_or_else(|| damaged("innehållsförteckningen"))?;
    let mut at = usize::try_from(start).map_err(|_| damaged("innehållsförteckningen"))?;
    let end = usize::try_from(end).map_err(|_| damaged("innehållsförteckningen"))?;
    let mut entries = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    for _ in 0..count {
        let (entry, next) = central(&bytes[..end], at)?;
        entries.push(entry);
        at = next;
    }
    Ok(entries)
}

/// The central record at `at`, and where the next one starts.
fn central(bytes: &[u8], at: usize) -> Result<(Entry, usize), ArchiveError> {
    let bad = || damaged("innehållsförteckningen");
    if u32_at(bytes, at) != Some(u64::from(CENTRAL)) {
        return Err(bad());
    }
    let read = |offset, width| field(bytes, at + offset, width).ok_or_else(bad);
    let flags = read(8, 2)?;
    let method = read(10, 2)?;
    let crc = read(16, 4)?;
    let (mut packed, mut size) = (read(20, 4)?, read(24, 4)?);
    let (name_length, extra_length, comment_length) = (
        u16_at(bytes, at + 28).ok_or_else(bad)?,
        u16_at(bytes, at + 30).ok_or_else(bad)?,
        u16_at(bytes, at + 32).ok_or_else(bad)?,
    );
    let mut local = read(42, 4)?;
    let name_start = at + 46;
    let name = bytes
        .get(name_start..name_start + name_length)
        .ok_or_else(bad)?;
    let extra_start = name_start + name_length;
    let extra = bytes
        .get(extra_start..extra_start + extra_length)
        .ok_or_else(bad)?;
    // ZIP64: the sizes and offset that did not fit in 32 bits follow in an extra field, in
    // this order, each only when its 32-bit field is all ones.
    if let Some(mut wide) = extra_field(extra, 0x0001) {
        for value in [&mut size, &mut packed, &mut local] {
            if *value == 0xffff_ffff {
                *value = field(wide, 0, 8).ok_or_else(bad)?;
                wide = &wide[8..];
            }
        }
    }
    let entry = Entry {
        name: String::from_utf8_lossy(name).into_owned(),
        encrypted: flags & 1 == 1,
        method,
        crc: crc as u32,
        packed,
        size,
        local,
    };
    Ok((entry, extra_start + extra_length + comment_length))
}

/// The data of the extra field with header `id`.
fn extra_field(mut extra: &[u8], id: u64) -> Option<&[u8]> {
    while extra.len() >= 4 {
        let (header, length) = (field(extra, 0, 2)?, u16_at(extra, 2)?);
        let data = extra.get(4..4 + length)?;
        if header == id {
            return Some(data);
        }
        extra = &extra[4 + length..];
    }
    None
}
