//! The register of efficiency investigations (effektiviseringsåtgärder och utredningar):
//! what each board proposed, how it is handled, and who coordinates it.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EfficiencyInvestigation {
    /// The board that proposed it ("Förslag från nämnd").
    pub proposed_by: String,
    /// The investigation or measure ("Utredning").
    pub investigation: String,
    /// How it is handled ("Hantering"), in Markdown.
    pub handling: String,
    /// The departments or administrations that coordinate the work, as the handling names them.
    pub coordinators: Vec<String>,
    /// False when the handling says it is not a priority now.
    pub prioritised: bool,
}
