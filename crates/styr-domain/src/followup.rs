//! Follow-up (uppföljning): the rules that turn the accounting system's outcome into figures on
//! the budget's own lines and units, month by month.
//!
//! The outcome arrives as sums per account, cost centre and month ([`ledger::Outcome`]). An
//! editable [`mapping::AccountMapping`] says which budget line each account belongs to (a
//! Kommun-Bas default), a [`mapping::CostCentreMapping`] which organisation unit each cost
//! centre belongs to, with validity dates. A year's budget is spread over months by
//! `spread` so that the months always add up to the year exactly.

pub mod ledger;
pub mod mapping;
pub mod month;
pub mod spread;

pub use ledger::{Forecast, LedgerImport, LedgerRow, LedgerVoucher, Outcome, OutcomeKey};
pub use mapping::{AccountMapping, AccountRule, CostCentreMapping, CostCentreRule};
pub use month::Month;
pub use spread::{Profile, spread};
