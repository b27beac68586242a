//! The internal control plan (internkontrollplan): control activities derived from the risk
//! analysis, and their results once performed. Kommunallagen 6 kap. requires every board to
//! make sure its internal control is sufficient; the plan names what is checked, how, by
//! whom and when, and the results are what the year's internal-control report is written
//! from: each activity's status and conclusion.
//!
//! ```text
//! Välfärdsbrottslighet (riskvärde 12): stickprov på leverantörsavtal, Ekonomichef,
//!   årligen, planerad 2025-05-15, rapporteras senast 2025-09-30 — genomförd:
//!   "Rutinen fungerar; ett avtal saknade kontroll av skuldsättning."
//! ```

mod schedule;

pub use schedule::{ControlStatus, Frequency, Schedule};

use serde::Serialize;

use crate::calendar::Date;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ControlActivity {
    /// Identifies the activity within the budget ("valfardsbrottslighet").
    pub id: String,
    /// The risk in the risk analysis this activity controls.
    pub risk: String,
    /// The risk's name as the plan writes it, when the document states it (checked).
    pub stated_risk_name: Option<String>,
    /// The risk value as the plan states it (checked against the risk analysis).
    pub stated_value: Option<u8>,
    /// The plan's description of the risk.
    pub description: String,
    /// How the control is carried out ("Granskning genom stickprov …").
    pub method: String,
    /// Who is responsible ("Ekonomichef").
    pub responsible: String,
    /// What each performed control found, in the order performed.
    pub results: Vec<ControlResult>,
    /// When the control is made and reported.
    pub schedule: Schedule,
    pub status: ControlStatus,
    /// Slutsats: what the control showed, for the internal-control report.
    pub conclusion: String,
}

/// One performed control: when, on what sample, what it found and what was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ControlResult {
    pub performed_on: Date,
    /// What was examined ("20 leverantörsavtal från 2025").
    pub sample: String,
    /// How many deviations the control found.
    pub deviations_found: u32,
    /// The deviations, described.
    pub deviations: String,
    /// The actions decided because of them.
    pub actions: String,
}
