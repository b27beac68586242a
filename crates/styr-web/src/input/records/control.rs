//! A control activity of the internal control plan — its risk, description, method, who is
//! responsible, and its schedule (frequency, planned date, report date), status and
//! conclusion —, and a performed control's result. A detail left out (`None`) keeps the
//! stored activity's value.

use styr_domain::internal_control::{
    ControlActivity, ControlResult, ControlStatus, Frequency, Schedule,
};

use super::record_id;
use crate::input::{Errors, FieldErrors, key, optional_date};

/// A control activity as typed.
#[derive(Default)]
pub struct ControlInput<'a> {
    pub id: Option<&'a str>,
    pub risk: &'a str,
    pub description: &'a str,
    pub method: &'a str,
    pub responsible: &'a str,
    /// The frequency's key: once, yearly, tertial, quarterly, monthly, continuous.
    pub frequency: Option<&'a str>,
    pub planned_on: Option<&'a str>,
    pub report_by: Option<&'a str>,
    /// The status's key: planned, ongoing, done, cancelled.
    pub status: Option<&'a str>,
    pub conclusion: Option<&'a str>,
    pub existing: Option<&'a ControlActivity>,
}

pub fn control(input: &ControlInput<'_>) -> Result<ControlActivity, FieldErrors> {
    let mut errors = Errors::default();
    let existing = input.existing;
    let risk = errors.required("risk", input.risk, "Risken");
    if !risk.is_empty()
        && let Err(message) = key(&risk)
    {
        errors.add("risk", message);
    }
    let method = errors.required("method", input.method, "Metoden");
    let responsible = errors.required("responsible", input.responsible, "Den ansvarige");
    let description = errors.text("description", input.description);
    let id = record_id(&mut errors, input.id, &risk, "risk");
    let kept = existing
        .map(|existing| existing.schedule)
        .unwrap_or_default();
    let frequency = match input.frequency {
        None => kept.frequency,
        Some(key) => Frequency::from_key(key).unwrap_or_else(|| {
            errors.add("frequency", "välj hur ofta kontrollen görs");
            Frequency::default()
        }),
    };
    let mut date = |field: &str, text: Option<&str>, kept| match text {
        None => kept,
        Some(text) => optional_date(Some(text))
            .map_err(|message| errors.add(field, message))
            .ok()
            .flatten(),
    };
    let planned_on = date("planned_on", input.planned_on, kept.planned_on);
    let report_by = date("report_by", input.report_by, kept.report_by);
    let status = match input.status {
        None => existing.map(|existing| existing.status).unwrap_or_default(),
        Some(key) => ControlStatus::from_key(key).unwrap_or_else(|| {
            errors.add(
                "status",
                "välj en status: planned, ongoing, done eller cancelled",
            );
            ControlStatus::default()
        }),
    };
    let conclusion = match input.conclusion {
        None => existing
            .map(|existing| existing.conclusion.clone())
            .unwrap_or_default(),
        Some(text) => errors.text("conclusion", text),
    };
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
        schedule: Schedule {
            frequency,
            planned_on,
            report_by,
        },
        status,
        conclusion,
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
