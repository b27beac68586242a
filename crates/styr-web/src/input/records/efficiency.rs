//! An investigation of the efficiency register.

use styr_domain::efficiency::EfficiencyInvestigation;

use crate::input::{Errors, FieldErrors};

/// `coordinators` is a list separated by commas or line breaks.
pub fn efficiency(
    proposed_by: &str,
    investigation: &str,
    handling: &str,
    coordinators: &str,
    prioritised: bool,
) -> Result<EfficiencyInvestigation, FieldErrors> {
    let mut errors = Errors::default();
    let proposed_by = errors.required("proposed_by", proposed_by, "Förslagsställande nämnd");
    let investigation = errors.required("investigation", investigation, "Utredningen");
    let handling = errors.text("handling", handling);
    let coordinators = errors.text("coordinators", coordinators);
    errors.finish(|| EfficiencyInvestigation {
        proposed_by,
        investigation,
        handling,
        coordinators: coordinators
            .split([',', '\n'])
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(String::from)
            .collect(),
        prioritised,
    })
}
