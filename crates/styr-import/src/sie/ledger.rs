//! A SIE file read into [`LedgerImport`]s, for storing with drill-down to vouchers: in batches
//! of vouchers handed on as they fill ([`read_ledger_batches`]), so an import never holds a
//! whole year, or whole ([`read_ledger`]). Only rows on result accounts (classes 3–9) are kept:
//! a follow-up of the operating budget never shows the balance sheet.

use std::io::Read;

use styr_domain::followup::{LedgerImport, LedgerRow, LedgerVoucher, Month, OutcomeKey};
use styr_domain::money::Amount;

use super::{
    Balance, BalanceKind, SieError, SieFile, SieSink, Voucher, is_kept_account, is_result_account,
    read_sie,
};

struct LedgerSink<P, D> {
    /// The current batch's vouchers and rows, and the whole file's period budget.
    ledger: LedgerImport,
    batch: usize,
    deliver: D,
    progress: P,
}

impl<P: FnMut(u64), D: FnMut(LedgerImport)> LedgerSink<P, D> {
    fn hand_on(&mut self) {
        if self.ledger.vouchers.is_empty() {
            return;
        }
        let batch = LedgerImport {
            vouchers: std::mem::take(&mut self.ledger.vouchers),
            rows: std::mem::take(&mut self.ledger.rows),
            ..LedgerImport::default()
        };
        (self.deliver)(batch);
    }
}

impl<P: FnMut(u64), D: FnMut(LedgerImport)> SieSink for LedgerSink<P, D> {
    fn balance(&mut self, file: &SieFile, balance: &Balance) {
        if balance.kind != BalanceKind::PeriodBudget || balance.year_index != 0 {
            return;
        }
        let (Some(period), true) = (balance.period, is_result_account(balance.account)) else {
            return;
        };
        let Some(month) = Month::from_period(period) else {
            return;
        };
        let cost_centre = balance
            .objects
            .iter()
            .find(|(dimension, _)| *dimension == 1)
            .map(|(_, object)| file.object(*object).id.clone());
        if balance.objects.is_empty() || cost_centre.is_some() {
            let key = OutcomeKey {
                account: balance.account,
                cost_centre,
                month,
            };
            self.ledger
                .period_budget
                .push((key, Amount::from_ore(balance.amount)));
        }
    }

    fn voucher(&mut self, file: &SieFile, voucher: &Voucher) {
        let Some(date) = voucher.date else { return };
        let index = self.ledger.vouchers.len();
        let mut kept = false;
        for row in voucher.booked().filter(|row| is_kept_account(row.account)) {
            kept = true;
            self.ledger.rows.push(LedgerRow {
                voucher: index,
                month: Month::of(row.date.unwrap_or(date)),
                account: row.account,
                cost_centre: voucher
                    .object_of(row, 1)
                    .map(|object| file.object(object).id.clone()),
                project: voucher
                    .object_of(row, 6)
                    .map(|object| file.object(object).id.clone()),
                amount: Amount::from_ore(row.amount),
                text: voucher.text(row).to_string(),
            });
        }
        if kept {
            self.ledger.vouchers.push(LedgerVoucher {
                series: voucher.series.clone(),
                number: voucher.number.clone(),
                date,
                text: voucher.text.clone(),
            });
            if self.ledger.vouchers.len() >= self.batch {
                self.hand_on();
            }
        }
    }

    fn progress(&mut self, bytes: u64) {
        (self.progress)(bytes);
    }
}

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
    let mut input = Checksummed {
        inner: input,
        crc: crc32fast::Hasher::new(),
    };
    let mut sink = LedgerSink {
        ledger: LedgerImport::default(),
        batch: batch.max(1),
        deliver,
        progress,
    };
    let mut file = read_sie(&mut input, &mut sink)?;
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
    // The objects move into the names, so a file of 400 000 objects is held once, not twice.
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
    let mut vouchers = Vec::new();
    let mut rows = Vec::new();
    let (file, mut ledger) = read_ledger_batches(
        input,
        file_name,
        usize::MAX,
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
