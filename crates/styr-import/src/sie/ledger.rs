//! A SIE file read into [`LedgerImport`]s, for storing with drill-down to vouchers: in batches
//! of vouchers handed on as they fill ([`read_ledger_batches`]), so an import never holds a
//! whole year, or whole ([`read_ledger`]). Only rows on result accounts (classes 3–9), which
//! the operating follow-up reads, and investment accounts (10–14), which the investment
//! follow-up reads per project (dimension 6), are kept: the rest of the balance sheet never.
//!
//! A batch is handed on at its number of vouchers or at [`BATCH_BYTES`], whichever comes
//! first: each row keeps its own copy of its text, so a few vouchers of many rows can cost more
//! than many small ones. What is held whole — the period budget always, and the rows of a file
//! read in one piece — is held to [`Limits::ledger_bytes`], which refuses the file at the
//! record that would pass it.

use std::io::Read;

use styr_domain::followup::LedgerImport;

use super::{SieError, SieFile, is_kept_account, read_sie_within};
use crate::limits::Limits;
use sink::LedgerSink;

mod sink;

pub use sink::BATCH_BYTES;

/// Reads a SIE file for import, handing on batches of about `batch` vouchers (with their rows)
/// to `deliver` as they fill. Returns what the whole file says besides its vouchers: its name,
/// checksum, format, period budget and the names of accounts, cost centres and projects (the
/// file's objects move into those names: the returned file has none left). On `Err` the
/// batches already handed on must be discarded. `progress` hears the bytes read so far.
pub fn read_ledger_batches(
    input: impl Read,
    file_name: &str,
    batch: usize,
    deliver: impl FnMut(LedgerImport),
    progress: impl FnMut(u64),
) -> Result<(SieFile, LedgerImport), SieError> {
    let reading = Reading {
        batch,
        whole: false,
        limits: &Limits::default(),
    };
    read(input, file_name, &reading, deliver, progress)
}

/// [`read_ledger_batches`] within `limits` instead of the defaults.
pub fn read_ledger_batches_within(
    input: impl Read,
    file_name: &str,
    batch: usize,
    limits: &Limits,
    deliver: impl FnMut(LedgerImport),
    progress: impl FnMut(u64),
) -> Result<(SieFile, LedgerImport), SieError> {
    let reading = Reading {
        batch,
        whole: false,
        limits,
    };
    read(input, file_name, &reading, deliver, progress)
}

/// How a file is read: in batches of about `batch` vouchers, or whole within the limits.
struct Reading<'l> {
    batch: usize,
    whole: bool,
    limits: &'l Limits,
}

fn read(
    input: impl Read,
    file_name: &str,
    reading: &Reading<'_>,
    deliver: impl FnMut(LedgerImport),
    progress: impl FnMut(u64),
) -> Result<(SieFile, LedgerImport), SieError> {
    let mut input = Checksummed {
        inner: input,
        crc: crc32fast::Hasher::new(),
    };
    let mut sink = LedgerSink {
        ledger: LedgerImport::default(),
        batch: reading.batch.max(1),
        batch_bytes: 0,
        held_bytes: 0,
        whole: reading.whole,
        limits: reading.limits.clone(),
        centres: Default::default(),
        refusal: None,
        deliver,
        progress,
    };
    let mut file = read_sie_within(&mut input, &mut sink, reading.limits)?;
    sink.hand_on();
    let mut ledger = sink.ledger;
    ledger.file_name = file_name.to_string();
    ledger.checksum = format!("{:08x}", input.crc.finalize());
    ledger.format = format!("SIE {}", file.header.sie_type.as_deref().unwrap_or("4"));
    ledger.account_names = file
        .accounts
        .iter()
        .filter(|(number, _)| is_kept_account(**number))
        .map(|(number, account)| (*number, account.name.clone()))
        .collect();
    // The objects move into the names, so a file of many objects is held once, not twice.
    for object in std::mem::take(&mut file.objects) {
        match object.dimension {
            1 => {
                ledger.cost_centre_names.insert(object.id, object.name);
            }
            6 => {
                ledger.project_names.insert(object.id, object.name);
            }
            _ => {}
        }
    }
    Ok((file, ledger))
}

/// Reads a whole SIE file for import into one [`LedgerImport`].
pub fn read_ledger(
    input: impl Read,
    file_name: &str,
    progress: impl FnMut(u64),
) -> Result<(SieFile, LedgerImport), SieError> {
    read_ledger_within(input, file_name, &Limits::default(), progress)
}

/// [`read_ledger`] within `limits` instead of the defaults.
pub fn read_ledger_within(
    input: impl Read,
    file_name: &str,
    limits: &Limits,
    progress: impl FnMut(u64),
) -> Result<(SieFile, LedgerImport), SieError> {
    let mut vouchers = Vec::new();
    let mut rows = Vec::new();
    let reading = Reading {
        batch: usize::MAX,
        whole: true,
        limits,
    };
    let (file, mut ledger) = read(
        input,
        file_name,
        &reading,
        |batch| {
            let offset = vouchers.len();
            vouchers.extend(batch.vouchers);
            rows.extend(batch.rows.into_iter().map(|mut row| {
                row.voucher += offset;
                row
            }));
        },
        progress,
    )?;
    ledger.vouchers = vouchers;
    ledger.rows = rows;
    Ok((file, ledger))
}

struct Checksummed<R> {
    inner: R,
    crc: crc32fast::Hasher,
}

impl<R: Read> Read for Checksummed<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.crc.update(&buffer[..read]);
        Ok(read)
    }
}
