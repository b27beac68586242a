//! Follow-up (uppföljning): the rules that turn the accounting system's outcome into figures on
//! the budget's own lines and units, month by month.
//!
//! The outcome arrives as sums per account, cost centre and month ([`ledger::Outcome`]). An
//! editable [`mapping::AccountMapping`] says which budget line each account belongs to (a
//! Kommun-Bas default), a [`mapping::CostCentreMapping`] which organisation unit each cost
//! centre belongs to, with validity dates. A year's budget is spread over months by
//! `spread` so that the months always add up to the year exactly.
//!
//! Beside the operating budget: `projects` places bookings on the investment plan's projects
//! (SIE dimension 6, or account and cost-centre rules); `forecast` keeps every forecast as it
//! was entered, with who, when and which month's outcome it was built on; `commentary` holds
//! what people write beside the figures — the explanation of a deviation, the texts of a
//! delårsrapport or verksamhetsberättelse.

pub mod commentary;
pub mod forecast;
pub mod ledger;
pub mod mapping;
pub mod month;
pub mod projects;
pub mod spread;

pub use commentary::{DeviationExplanation, ReportKind, ReportPart, ReportPeriod, ReportTexts};
pub use forecast::{Entered, Forecast, ForecastEntry, ProjectForecast, ProjectForecastEntry};
pub use ledger::{InvestmentKey, LedgerImport, LedgerRow, LedgerVoucher, Outcome, OutcomeKey};
pub use mapping::{AccountMapping, AccountRule, CostCentreMapping, CostCentreRule};
pub use month::Month;
pub use projects::{ProjectMapping, ProjectRule};
pub use spread::{Profile, spread};
