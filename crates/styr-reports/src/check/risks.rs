//! Risk tables: riskvärde = sannolikhet × väsentlighet, and every risk in the control plan
//! present in the risk analysis under the same name and with the same value.

use styr_domain::budget::Budget;

use crate::finding::{Finding, FindingKind, Severity, Shown};

const RISK_ANALYSIS: &str = "Risk- och väsentlighetsanalys";
const CONTROL_PLAN: &str = "Internkontrollplan";

pub fn risks(budget: &Budget, findings: &mut Vec<Finding>) {
    for risk in &budget.risks {
        let computed = risk.value().value();
        if let Some(stated) = risk.stated_value.filter(|stated| *stated != computed) {
            findings.push(Finding {
                kind: FindingKind::Figure,
                severity: Severity::Error,
                section: RISK_ANALYSIS.into(),
                place: format!("{}, riskvärde", risk.name),
                stated: Shown::text(stated.to_string()),
                computed: Shown::text(format!(
                    "{computed} ({} × {})",
                    risk.probability.value(),
                    risk.materiality.value()
                )),
                note: String::new(),
            });
        }
    }
    for control in &budget.controls {
        let Some(risk) = budget.risk(&control.risk) else {
            continue;
        };
        let place_name = control.stated_risk_name.as_deref().unwrap_or(&risk.name);
        if let Some(stated) = control
            .stated_value
            .filter(|stated| *stated != risk.value().value())
        {
            findings.push(Finding {
                kind: FindingKind::Figure,
                severity: Severity::Error,
                section: CONTROL_PLAN.into(),
                place: format!("{place_name}, riskvärde"),
                stated: Shown::text(stated.to_string()),
                computed: Shown::text(risk.value().value().to_string()),
                note: format!(
                    "Riskanalysen ger risken ”{}” värdet {}.",
                    risk.name,
                    risk.value().value()
                ),
            });
        }
        if let Some(name) = control
            .stated_risk_name
            .as_ref()
            .filter(|name| **name != risk.name)
        {
            findings.push(Finding {
                kind: FindingKind::Name,
                severity: Severity::Warning,
                section: CONTROL_PLAN.into(),
                place: name.clone(),
                stated: Shown::text(name.clone()),
                computed: Shown::text(risk.name.clone()),
                note: "Kontrollplanen och riskanalysen namnger risken olika.".into(),
            });
        }
    }
}
