//! The internal control plan (internkontrollplan): control activities derived from the risk
//! analysis. Kommunallagen 6 kap. requires every board to make sure its internal control is
//! sufficient; the plan names what is checked, how, and by whom.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ControlActivity {
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
}
