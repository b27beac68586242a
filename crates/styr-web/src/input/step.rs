//! A workflow step as typed (the Versioner page's buttons, `POST …/workflow`): its name —
//! submit, return, adopt, revise, or the page's Swedish ones — and, to adopt, the decision:
//! beslutande instans, beslutsdatum (ÅÅÅÅ-MM-DD) and diarienummer, and the reason for each
//! error of the check the adoption passes over.

use serde::Deserialize;
use styr_app::{Adoption, Step};
use styr_domain::calendar::Date;

/// The step as a form or the API's body gives it.
#[derive(Default, Deserialize)]
pub struct StepForm {
    pub step: String,
    #[serde(default)]
    pub revision: Option<i64>,
    #[serde(default)]
    pub decided_by: String,
    #[serde(default)]
    pub decision_date: String,
    #[serde(default)]
    pub registry_number: String,
    /// (the finding's key, the reason it is passed over), read from the page's `skal:KEY`
    /// fields or the API's `passed_over`.
    #[serde(skip)]
    pub passed_over: Vec<(String, String)>,
}

/// Reads a step from its form: the step's name and, to adopt, the decision.
pub fn read_step(form: &StepForm) -> Result<(Step, Option<Adoption>), String> {
    let step = match form.step.as_str() {
        "lamna-in" | "submit" => Step::Submit,
        "atergor" | "return" => Step::Return,
        "faststall" | "adopt" => Step::Adopt,
        "revidera" | "revise" => Step::Revise,
        other => {
            return Err(format!(
                "okänt steg ”{}”",
                other.chars().take(40).collect::<String>()
            ));
        }
    };
    if step != Step::Adopt {
        return Ok((step, None));
    }
    let date: Date = super::optional_date(Some(&form.decision_date))?
        .ok_or_else(|| "beslutsdatum får inte vara tomt".to_string())?;
    let decided_by = super::line(&form.decided_by)?;
    let registry_number = super::line(&form.registry_number)?;
    let mut reasons = Vec::new();
    for (finding, reason) in &form.passed_over {
        reasons.push((finding.clone(), super::text(reason)?));
    }
    let adoption = Adoption::new(&decided_by, date, &registry_number)
        .map_err(str::to_string)?
        .passing_over(reasons);
    Ok((step, Some(adoption)))
}
