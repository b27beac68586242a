//! The outcome of the books, summed to what a follow-up needs: the result accounts per
//! account, cost centre and month for the operating budget, and the bookings an investment
//! follow-up reads (on fixed-asset accounts, or carrying a project) with their project.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::month::Month;
use crate::money::Amount;

/// One account on one cost centre (or none) in one month.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct OutcomeKey {
    pub account: u32,
    /// The object of the cost-centre dimension (SIE dimension 1), if the booking has one.
    pub cost_centre: Option<String>,
    pub month: Month,
}

/// Sums of the books, signed as the accounting system signs them: debit positive, so costs are
/// positive and revenue negative (the budget's sign is the opposite).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Booked amounts (#TRANS rows, or #PSALDO when a file has no vouchers).
    pub actual: BTreeMap<OutcomeKey, Amount>,
    /// The accounting system's own period budget (#PBUDGET), when the file has one.
    pub budget: BTreeMap<OutcomeKey, Amount>,
    /// Names of accounts and cost centres, for the report.
    pub account_names: BTreeMap<u32, String>,
    pub cost_centre_names: BTreeMap<String, String>,
    /// The months the books cover: every month an import read, whether or not a result
    /// account was booked in it. Empty when unknown (a file read straight, without an
    /// import): then the months with a booking are the booked months.
    pub covered: BTreeSet<Month>,
    /// What an investment follow-up reads, debit positive (see [`InvestmentKey`]).
    pub investment: BTreeMap<InvestmentKey, Amount>,
    /// The names of the project objects (SIE dimension 6).
    pub project_names: BTreeMap<String, String>,
}

/// A booking an investment follow-up reads: on an investment account (classes 10–14), or on
/// any other account when it carries a project.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct InvestmentKey {
    pub account: u32,
    pub cost_centre: Option<String>,
    /// The object of the project dimension (SIE dimension 6), if the booking has one.
    pub project: Option<String>,
    pub month: Month,
}

impl Outcome {
    /// The months that have any booking.
    pub fn months(&self) -> impl Iterator<Item = Month> + '_ {
        let mut months: Vec<Month> = self.actual.keys().map(|key| key.month).collect();
        months.sort();
        months.dedup();
        months.into_iter()
    }

    /// Whether `month` is booked: covered by an import, or (without any record of what the
    /// imports covered) holding a booking. A month that is not is "ej bokfört", never 0.
    pub fn is_booked(&self, month: Month) -> bool {
        if self.covered.is_empty() {
            self.actual.keys().any(|key| key.month == month)
        } else {
            self.covered.contains(&month)
        }
    }
}

/// A voucher as a follow-up keeps it, for drill-down from a figure to what was booked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerVoucher {
    pub series: String,
    pub number: String,
    pub date: crate::calendar::Date,
    pub text: String,
}

/// One booked row of a voucher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerRow {
    /// Index into [`LedgerImport::vouchers`].
    pub voucher: usize,
    pub month: Month,
    pub account: u32,
    pub cost_centre: Option<String>,
    /// The object of the project dimension (SIE dimension 6; a CSV profile's project column).
    pub project: Option<String>,
    /// Debit positive, in öre.
    pub amount: Amount,
    pub text: String,
}

/// Everything one import of the books brings: its vouchers and rows, the accounting system's
/// period budget if any, and the names of accounts and cost centres. An import replaces what
/// is stored for the months it covers, so importing the same period twice never doubles it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LedgerImport {
    pub file_name: String,
    /// The CRC-32 of the file's bytes in hex: enough to recognise the same file imported again.
    pub checksum: String,
    /// "SIE 4", "CSV (profil …)".
    pub format: String,
    pub vouchers: Vec<LedgerVoucher>,
    pub rows: Vec<LedgerRow>,
    pub period_budget: Vec<(OutcomeKey, Amount)>,
    pub account_names: BTreeMap<u32, String>,
    pub cost_centre_names: BTreeMap<String, String>,
    pub project_names: BTreeMap<String, String>,
}
