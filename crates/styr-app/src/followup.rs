//! Follow-up use cases: import the books (import.rs), read budget versus actual and drill
//! down to the vouchers behind a figure, enter forecasts (report.rs), and the rules that map
//! the books onto the budget (settings.rs). The outcome is stored beside the budget; it never
//! changes the budget's revision, so editing the budget and importing the books do not
//! conflict.
//!
//! ```text
//! app.import_outcome(&controller, 1, "bokforing.se", &bytes, None).await?;  // Jan–Aug
//! let report = app.followup(1, None, None).await?;     // budget, utfall, avvikelse, prognos
//! let rows = app.drill_down(1, &Figure { group: "ks".into(), row, month }).await?;
//! ```

mod import;
mod report;
mod settings;

pub(crate) use import::ImportTurns;

use styr_domain::followup::Month;
use styr_domain::operating::OperatingRow;

/// What a drill-down asks for: a unit's (group's) row in one month.
#[derive(Clone, Debug)]
pub struct Figure {
    pub group: String,
    pub row: OperatingRow,
    pub month: Month,
}
