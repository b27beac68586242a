//! Uppföljning: the books against the budget. A controller imports the accounting system's
//! export (SIE, or CSV through a saved import profile); each account is mapped to a budget line
//! and each cost centre to a unit; the year's budget is spread over the months; and the page
//! shows, per unit and line, budget and outcome for the year to date with the deviation and
//! the full-year forecast:
//!
//! ```text
//! Personalkostnader   budget helår -134 000   budget jan–aug -89 333   utfall -90 120   avvikelse -787
//! ```
//!
//! The parts, one page each: [`report`] (the tables against a named version, the charts and
//! the import log), [`import`] (reading an uploaded file, and the confirmation of what it
//! changed), [`forecast`] (a line's forecast), [`unit`] (one ansvar, from the board down, with
//! its forecasts and explanations), [`investments`] (per project of the plan), [`documents`]
//! (the delårsrapport and the verksamhetsberättelse), [`drill`] (from a figure to its
//! vouchers), [`mapping`] (account and cost-centre rules, monthly profiles) and [`profiles`]
//! (CSV import profiles, as a form).

pub mod documents;
pub mod drill;
pub mod forecast;
pub mod import;
pub mod investments;
pub mod mapping;
pub mod profiles;
pub mod report;
pub mod unit;

pub use drill::{drill, voucher};
pub use forecast::forecast;
pub use import::import;
pub use mapping::{mapping, save_mapping};
pub use profiles::{profiles, save_profile};
pub use report::show;
