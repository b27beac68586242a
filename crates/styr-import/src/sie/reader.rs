//! The streaming SIE reader: one pass over the bytes in fixed-size chunks, one line at a time,
//! so memory follows the longest voucher, not the size of the books.

use std::collections::HashMap;
use std::io::Read;

use super::SieSink;
use super::encoding::Encoding;
use super::fields::Field;
use super::records::{Counts, Header, ObjectIndex, SieFile, Voucher};
use crate::issue::{Issue, Severity};

mod balances;
mod checksum;
mod chunks;
mod description;
mod issues;
mod line;
mod objects;
mod values;
mod vouchers;

/// A hash map with a fast, non-cryptographic hash, looked up once per transaction row. A file
/// crafted to make its object codes collide slows only its own reading.
type Fast<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<rustc_hash::FxHasher>>;

/// How many issues a file reports before it only counts the rest.
const ISSUE_LIMIT: usize = 200;

/// Why a file was not accepted.
#[derive(Debug)]
pub enum SieError {
    Io(std::io::Error),
    /// Every error found, in file order, and how many more there were past the limit.
    Invalid {
        errors: Vec<Issue>,
        more: usize,
        warnings: Vec<Issue>,
    },
}

impl std::fmt::Display for SieError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SieError::Io(error) => write!(formatter, "filen kunde inte läsas: {error}"),
            SieError::Invalid { errors, more, .. } => {
                for issue in errors {
                    writeln!(formatter, "{issue}")?;
                }
                if *more > 0 {
                    writeln!(formatter, "… och {more} fel till")?;
                }
                let total = errors.len() + more;
                write!(formatter, "{total} fel i SIE-filen; inget har lästs in")
            }
        }
    }
}

impl std::error::Error for SieError {}

/// Reads a whole SIE file (types 1–4, 4E, 4I) from `input`, handing balances and vouchers to
/// `sink` as they come. All errors are collected in one pass; if there is any, the result is
/// `Err` and the caller must discard what the sink received.
pub fn read_sie(input: impl Read, sink: &mut impl SieSink) -> Result<SieFile, SieError> {
    read_with(input, sink, true)
}

/// [`read_sie`] with the quick way for plain #TRANS rows on or off: the same result either way.
#[doc(hidden)]
pub fn read_with(
    input: impl Read,
    sink: &mut impl SieSink,
    quick: bool,
) -> Result<SieFile, SieError> {
    let mut reader = Reader::new(sink);
    reader.quick = quick;
    reader.run(input).map_err(SieError::Io)?;
    reader.finish()
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Block {
    Outside,
    /// After #VER, before its {.
    Opening,
    Inside,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Checksum {
    NotSeen,
    Running,
    Verified,
}

pub(super) struct Reader<'s, S> {
    pub(super) sink: &'s mut S,
    pub(super) file: SieFile,
    pub(super) encoding: Option<Encoding>,
    fields: Vec<Field>,
    list_fields: Vec<Field>,
    objects: Vec<(u32, ObjectIndex)>,
    pub(super) object_index: Fast<u32, Fast<Box<[u8]>, ObjectIndex>>,
    voucher: Voucher,
    /// The #VER line as read, to quote when the voucher does not balance.
    voucher_source: Vec<u8>,
    pub(super) block: Block,
    pub(super) checksum: Checksum,
    crc: crc32fast::Hasher,
    pub(super) errors: Vec<Issue>,
    more_errors: usize,
    replacement_warned: bool,
    /// Whether plain #TRANS rows take the quick way (off only to test it against the general).
    quick: bool,
    /// A worker of the parallel reader reads only vouchers: anything else it meets (another
    /// record, an object no header declared) makes the block `unusual`, and the whole file is
    /// read again the sequential way.
    pub(super) restricted: bool,
    pub(super) unusual: bool,
}

impl<'s, S: SieSink> Reader<'s, S> {
    pub(super) fn new(sink: &'s mut S) -> Self {
        Reader {
            sink,
            file: SieFile {
                header: Header::default(),
                encoding: Encoding::Cp437,
                accounts: Default::default(),
                dimensions: Default::default(),
                objects: Vec::new(),
                counts: Counts::default(),
                checksum_verified: false,
                warnings: Vec::new(),
            },
            encoding: None,
            fields: Vec::with_capacity(16),
            list_fields: Vec::with_capacity(8),
            objects: Vec::with_capacity(8),
            object_index: Fast::default(),
            voucher: Voucher::default(),
            voucher_source: Vec::new(),
            block: Block::Outside,
            checksum: Checksum::NotSeen,
            crc: crc32fast::Hasher::new(),
            errors: Vec::new(),
            more_errors: 0,
            replacement_warned: false,
            quick: true,
            restricted: false,
            unusual: false,
        }
    }

    pub(super) fn finish(mut self) -> Result<SieFile, SieError> {
        if self.block != Block::Outside {
            let source = std::mem::take(&mut self.voucher_source);
            let line = self.voucher.line;
            self.error_at_line(
                &source,
                line,
                0,
                source.len(),
                "verifikationen avslutas aldrig: filen tar slut före }",
            );
        }
        if self.checksum == Checksum::Running {
            self.file.warnings.push(Issue {
                severity: Severity::Warning,
                line: self.file.counts.lines as usize,
                column: 1,
                message: "#KSUMMA inleder en kontrollsumma men filen saknar den avslutande #KSUMMA; summan kunde inte kontrolleras".into(),
                source_line: String::new(),
                width: 1,
            });
        }
        self.file.encoding = self.encoding.unwrap_or(Encoding::Cp437);
        if let Some(format) = &self.file.header.format {
            let claims_pc8 = format.eq_ignore_ascii_case("PC8");
            if claims_pc8 && self.file.encoding != Encoding::Cp437 {
                self.file.warnings.push(Issue {
                    severity: Severity::Warning,
                    line: 0,
                    column: 1,
                    message: format!(
                        "#FORMAT säger PC8 (CP437), men filens tecken är {}; filen lästes som {}",
                        self.file.encoding.name(),
                        self.file.encoding.name()
                    ),
                    source_line: String::new(),
                    width: 1,
                });
            }
        }
        self.file.checksum_verified = self.checksum == Checksum::Verified;
        if self.errors.is_empty() {
            Ok(self.file)
        } else {
            Err(SieError::Invalid {
                errors: self.errors,
                more: self.more_errors,
                warnings: self.file.warnings,
            })
        }
    }
}

/// Öre as kronor with a decimal comma, for messages: -10 → "-0,10".
fn kronor(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", ore.abs() / 100, ore.abs() % 100)
}
