//! A SIE file read whole into a [`LedgerImport`], for storing with drill-down to vouchers.
//! Only rows on result accounts (classes 3–9) are kept: a follow-up of the operating budget
//! never shows the balance sheet.

use std::io::Read;

use styr_domain::followup::{LedgerImport, LedgerRow, LedgerVoucher, Month, OutcomeKey};
use styr_domain::money::Amount;

use super::{
    Balance, BalanceKind, SieError, SieFile, SieSink, Voucher, is_result_account, read_sie,
};

struct LedgerSink<P> {
    ledger: LedgerImport,
    progress: P,
}

impl<P: FnMut(u64)> SieSink for LedgerSink<P> {
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
        for row in voucher
            .booked()
            .filter(|row| is_result_account(row.account))
        {
            kept = true;
            self.ledger.rows.push(LedgerRow {
                voucher: index,
                month: Month::of(row.date.unwrap_or(date)),
                account: row.account,
                cost_centre: voucher
                    .object_of(row, 1)
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
        }
    }

    fn progress(&mut self, bytes: u64) {
        (self.progress)(bytes);
    }
}

/// Reads a whole SIE file for import. `progress` hears the bytes read so far.
pub fn read_ledger(
    input: impl Read,
    file_name: &str,
    progress: impl FnMut(u64),
) -> Result<(SieFile, LedgerImport), SieError> {
    let mut input = Checksummed {
        inner: input,
        crc: crc32fast::Hasher::new(),
    };
    let mut sink = LedgerSink {
        ledger: LedgerImport::default(),
        progress,
    };
    let file = read_sie(&mut input, &mut sink)?;
    let mut ledger = sink.ledger;
    ledger.file_name = file_name.to_string();
    ledger.checksum = format!("{:08x}", input.crc.finalize());
    ledger.format = format!("SIE {}", file.header.sie_type.as_deref().unwrap_or("4"));
    ledger.account_names = file
        .accounts
        .iter()
        .filter(|(number, _)| is_result_account(**number))
        .map(|(number, account)| (*number, account.name.clone()))
        .collect();
    ledger.cost_centre_names = file
        .objects
        .iter()
        .filter(|object| object.dimension == 1)
        .map(|object| (object.id.clone(), object.name.clone()))
        .collect();
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
