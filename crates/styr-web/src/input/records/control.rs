//! A control activity of the internal control plan, and a performed control's result.

use styr_domain::internal_control::{ControlActivity, ControlResult};

use super::record_id;
use crate::input::{Errors, FieldErrors, key, optional_date};

pub fn control(
    id: Option<&str>,
    risk: &str,
    description: &str,
    method: &str,
    responsible: &str,
    existing: Option<&ControlActivity>,
) -> Result<ControlActivity, FieldErrors> {
    let mut errors = Errors::default();
    let risk = errors.required("risk", risk, "Risken");
    if !risk.is_empty()
        && let Err(message) = key(&risk)
    {
        errors.add("risk", message);
    }
    let method = errors.required("method", method, "Metoden");
    let responsible = errors.required("responsible", responsible, "Den ansvarige");
    let description = errors.text("description", description);
    let id = record_id(&mut errors, id, &risk, "risk");
    errors.finish(|| ControlActivity {
        id,
        risk,
        stated_risk_name: existing.and_then(|existing| existing.stated_risk_name.clone()),
        stated_value: existing.and_then(|existing| existing.stated_value),
        description,
        method,
        responsible,
        results: existing
            .map(|existing| existing.results.clone())
            .unwrap_or_default(),
    })
}

pub fn control_result(
    performed_on: &str,
    sample: &str,
    deviations_found: &str,
    deviations: &str,
    actions: &str,
) -> Result<ControlResult, FieldErrors> {
    let mut errors = Errors::default();
    let date = match optional_date(Some(performed_on)) {
        Ok(Some(date)) => Some(date),
        Ok(None) => {
            errors.add("performed_on", "Datumet behöver fyllas i");
            None
        }
        Err(message) => {
            errors.add("performed_on", message);
            None
        }
    };
    let sample = errors.required("sample", sample, "Urvalet");
    let deviations = errors.text("deviations", deviations);
    let actions = errors.text("actions", actions);
    let found = match deviations_found.trim() {
        "" => Some(0),
        text => text.parse::<u32>().ok().or_else(|| {
            errors.add(
                "deviations_found",
                "antalet avvikelser är ett heltal från 0 och uppåt",
            );
            None
        }),
    };
    let (Some(performed_on), Some(deviations_found)) = (date, found) else {
        return Err(errors.into_inner());
    };
    errors.finish(|| ControlResult {
        performed_on,
        sample,
        deviations_found,
        deviations,
        actions,
    })
}
