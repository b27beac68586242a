//! Follow-up use cases: import the books (import.rs), read budget versus actual against a
//! named version and drill down to the vouchers behind a figure (report.rs), enter forecasts,
//! deviation explanations and project forecasts (forecasts.rs), follow the investment plan up
//! per project (investments.rs), write the delårsrapport and the verksamhetsberättelse
//! (documents.rs), and the rules that map the books onto the budget (settings.rs). The outcome
//! is stored beside the budget; it never changes the budget's revision, so editing the budget
//! and importing the books do not conflict.
//!
//! ```text
//! app.import_outcome(&controller, 1, "bokforing.se", &bytes, None).await?;  // Jan–Aug
//! let report = app.followup(1, None, None).await?;     // budget, utfall, avvikelse, prognos
//! let rows = app.drill_down(1, &Figure { group: "ks".into(), row, month }).await?;
//! ```

mod documents;
mod forecasts;
mod import;
mod investments;
mod report;
mod settings;

pub use documents::ReportRequest;
pub(crate) use import::ImportTurns;
pub use report::FollowupRequest;

use styr_domain::followup::Month;
use styr_domain::operating::OperatingRow;

/// What a drill-down asks for: a unit's (group's) row in one month.
#[derive(Clone, Debug)]
pub struct Figure {
    pub group: String,
    pub row: OperatingRow,
    pub month: Month,
}
