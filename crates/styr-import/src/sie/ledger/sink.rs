//! The sink a ledger is read into: each voucher's rows on result accounts become ledger rows
//! (each with its text, the voucher's when it has none of its own, and its cost centre), and
//! the period budget (#PBUDGET of year 0) is kept for the whole file. What it holds is counted
//! as it grows: a batch is handed on at its vouchers or its bytes, what is held whole is held to
//! [`Limits::ledger_bytes`], and the cost centres named to [`Limits::cost_centres`] (each is a
//! group of a follow-up of what is imported).

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;
use styr_domain::followup::{LedgerImport, LedgerRow, LedgerVoucher, Month, OutcomeKey};
use styr_domain::money::Amount;

use crate::limits::{Limit, Limits};
use crate::sie::{
    Balance, BalanceKind, ObjectIndex, SieFile, SieSink, Voucher, is_kept_account,
    is_result_account,
};

/// The most a batch holds, as [`row_bytes`] and [`voucher_bytes`] count it, before it is handed on.
pub const BATCH_BYTES: u64 = 8 << 20;

/// What a row costs in memory: the row and its strings.
fn row_bytes(row: &LedgerRow) -> u64 {
    (size_of::<LedgerRow>()
        + row.text.len()
        + row.cost_centre.as_ref().map_or(0, String::len)
        + row.project.as_ref().map_or(0, String::len)) as u64
}

fn voucher_bytes(voucher: &LedgerVoucher) -> u64 {
    (size_of::<LedgerVoucher>() + voucher.series.len() + voucher.number.len() + voucher.text.len())
        as u64
}

pub(super) struct LedgerSink<P, D> {
    /// The current batch's vouchers and rows, and the whole file's period budget.
    pub(super) ledger: LedgerImport,
    pub(super) batch: usize,
    /// What the batch holds now, and what is held whole: the period budget, and the batches
    /// when they are not handed on (`whole`).
    pub(super) batch_bytes: u64,
    pub(super) held_bytes: u64,
    pub(super) whole: bool,
    pub(super) limits: Limits,
    /// The cost centres (objects of dimension 1) the rows and the period budget name: each
    /// is a group of a follow-up of what is imported.
    pub(super) centres: HashSet<ObjectIndex, BuildHasherDefault<FxHasher>>,
    pub(super) refusal: Option<String>,
    pub(super) deliver: D,
    pub(super) progress: P,
}

impl<P: FnMut(u64), D: FnMut(LedgerImport)> LedgerSink<P, D> {
    /// Counts `bytes` more held whole; past the limit the file is refused.
    fn hold(&mut self, bytes: u64) {
        self.held_bytes += bytes;
        if self.held_bytes > self.limits.ledger_bytes && self.refusal.is_none() {
            let refusal = self.limits.exceeded(Limit::LedgerBytes, "posten");
            self.refusal = Some(refusal.to_string());
        }
    }

    /// Counts the cost centre `object`; past the limit the file is refused.
    fn centre(&mut self, file: &SieFile, object: ObjectIndex) {
        if self.centres.contains(&object) {
            return;
        }
        if self.centres.len() as u64 >= self.limits.cost_centres {
            if self.refusal.is_none() {
                let subject = format!("kostnadsstället {}", file.object(object).id);
                let refusal = self.limits.exceeded(Limit::CostCentres, &subject);
                self.refusal = Some(refusal.to_string());
            }
            return;
        }
        self.centres.insert(object);
    }

    pub(super) fn hand_on(&mut self) {
        if self.ledger.vouchers.is_empty() {
            return;
        }
        self.batch_bytes = 0;
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
        let object = balance
            .objects
            .iter()
            .find(|(dimension, _)| *dimension == 1)
            .map(|(_, object)| *object);
        if let Some(object) = object {
            self.centre(file, object);
        }
        let cost_centre = object.map(|object| file.object(object).id.clone());
        if balance.objects.is_empty() || cost_centre.is_some() {
            self.hold(
                (size_of::<(OutcomeKey, Amount)>() + cost_centre.as_ref().map_or(0, String::len))
                    as u64,
            );
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
        let mut bytes = 0;
        for row in voucher.booked().filter(|row| is_kept_account(row.account)) {
            kept = true;
            let object = voucher.object_of(row, 1);
            if let Some(object) = object {
                self.centre(file, object);
            }
            let row = LedgerRow {
                voucher: index,
                month: Month::of(row.date.unwrap_or(date)),
                account: row.account,
                cost_centre: object.map(|object| file.object(object).id.clone()),
                project: voucher
                    .object_of(row, 6)
                    .map(|object| file.object(object).id.clone()),
                amount: Amount::from_ore(row.amount),
                text: voucher.text(row).to_string(),
            };
            bytes += row_bytes(&row);
            self.ledger.rows.push(row);
        }
        if kept {
            let voucher = LedgerVoucher {
                series: voucher.series.clone(),
                number: voucher.number.clone(),
                date,
                text: voucher.text.clone(),
            };
            bytes += voucher_bytes(&voucher);
            self.ledger.vouchers.push(voucher);
            self.batch_bytes += bytes;
            if self.whole {
                self.hold(bytes);
            } else if self.ledger.vouchers.len() >= self.batch || self.batch_bytes >= BATCH_BYTES {
                self.hand_on();
            }
        }
    }

    fn progress(&mut self, bytes: u64) {
        (self.progress)(bytes);
    }

    fn refusal(&mut self) -> Option<String> {
        self.refusal.take()
    }
}
