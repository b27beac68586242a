//! The streaming SIE reader: one pass over the bytes in 1 MiB chunks, one line at a time, each
//! line a record handled where its concept lives — the company and chart of accounts
//! (`description`, `years`, `objects`), balances (`balances`), vouchers and their rows
//! (`vouchers`, `rows`, `numbers`), the checksum (`checksum`). Memory follows the longest
//! voucher and the chart of accounts, never the size of the books, and both are held to the
//! [`Limits`]: a line, a voucher, the objects, the names kept.
//!
//! Nothing is lost without a word: a row the reader cannot book refuses the file with its line
//! and column (a voucher without a date, a label it does not know inside a voucher, the same
//! voucher twice, a sum past the range of an amount), and what it changes is named in a
//! warning (a direction control removed from a name).
//!
//! ```text
//! #VER A 129 20250115 "Försäljning"      → one voucher, its rows checked to balance
//! {
//!     #TRANS 3011 {1 "100"} -80.00       → a row: account, objects, amount
//!     #TRANS 1930 {} 80.00
//! }
//! ```

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use super::SieSink;
use super::encoding::Encoding;
use super::fields::Field;
use super::records::{Counts, Header, ObjectIndex, SieFile, Voucher};
use crate::issue::Issue;
use crate::limits::{Limit, Limits};
use issues::kronor;

pub(super) use chunks::line_end;
pub(super) use numbers::VoucherNumbers;

mod balances;
mod checksum;
mod chunks;
mod description;
mod finish;
mod issues;
mod line;
mod numbers;
mod objects;
mod rows;
mod texts;
mod values;
mod vouchers;
mod years;

/// A hash map with a fast, non-cryptographic hash, looked up once per transaction row. A file
/// crafted to make its object codes collide slows only its own reading.
type Fast<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<rustc_hash::FxHasher>>;

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
    read_sie_within(input, sink, &Limits::default())
}

/// [`read_sie`] within `limits` instead of the defaults.
pub fn read_sie_within(
    input: impl Read,
    sink: &mut impl SieSink,
    limits: &Limits,
) -> Result<SieFile, SieError> {
    let mut reader = Reader::new(sink, limits);
    reader.run(input).map_err(SieError::Io)?;
    reader.finish()
}

/// [`read_sie`] with the quick way for plain #TRANS rows on or off: the same result either way.
#[doc(hidden)]
pub fn read_with(
    input: impl Read,
    sink: &mut impl SieSink,
    quick: bool,
) -> Result<SieFile, SieError> {
    let mut reader = Reader::new(sink, &Limits::default());
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
    pub(super) limits: Limits,
    fields: Vec<Field>,
    list_fields: Vec<Field>,
    objects: Vec<(u32, ObjectIndex)>,
    pub(super) object_index: Fast<u32, Fast<Box<[u8]>, ObjectIndex>>,
    voucher: Voucher,
    /// The #VER line as read, to quote when the voucher is refused as a whole.
    voucher_source: Vec<u8>,
    /// What the voucher being read costs a reader that keeps it (see [`Limits::voucher_bytes`]).
    voucher_bytes: u64,
    /// Whether the voucher being read is past a limit and its rows are no longer kept.
    voucher_refused: bool,
    pub(super) numbers: VoucherNumbers,
    pub(super) block: Block,
    pub(super) checksum: Checksum,
    crc: crc32fast::Hasher,
    /// The line end: `\n` (with or without `\r` before it), or `\r` alone for files written
    /// that way; `None` until the first line end is seen.
    line_end: Option<u8>,
    /// Whether the rest of a line past [`Limits::line_bytes`] is being skipped.
    skipping: bool,
    /// The line each #RAR year index was given on.
    years: BTreeMap<i32, u64>,
    /// What the names and texts kept so far cost (see [`Limits::names_bytes`]).
    names_bytes: u64,
    /// Direction controls removed: the first place, and how many texts had them.
    controls: Option<(Issue, u64)>,
    /// The limits the file is already refused for, each reported once.
    refused: Vec<Limit>,
    pub(super) errors: Vec<Issue>,
    more_errors: usize,
    replacement_warned: bool,
    /// Whether plain #TRANS rows take the quick way (off only to test it against the general).
    quick: bool,
    /// A worker of the parallel reader reads only vouchers: anything else it meets (another
    /// record, an object no header declared, a warning to give) makes the block `unusual`, and
    /// the whole file is read again the sequential way.
    pub(super) restricted: bool,
    pub(super) unusual: bool,
}

impl<'s, S: SieSink> Reader<'s, S> {
    /// What the names kept so far cost.
    pub(super) fn names_bytes(&self) -> u64 {
        self.names_bytes
    }

    pub(super) fn new(sink: &'s mut S, limits: &Limits) -> Self {
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
            limits: limits.clone(),
            fields: Vec::with_capacity(16),
            list_fields: Vec::with_capacity(8),
            objects: Vec::with_capacity(8),
            object_index: Fast::default(),
            voucher: Voucher::default(),
            voucher_source: Vec::new(),
            voucher_bytes: 0,
            voucher_refused: false,
            numbers: VoucherNumbers::new(limits.voucher_number_runs),
            block: Block::Outside,
            checksum: Checksum::NotSeen,
            crc: crc32fast::Hasher::new(),
            line_end: None,
            skipping: false,
            years: BTreeMap::new(),
            names_bytes: 0,
            controls: None,
            refused: Vec::new(),
            errors: Vec::new(),
            more_errors: 0,
            replacement_warned: false,
            quick: true,
            restricted: false,
            unusual: false,
        }
    }
}
