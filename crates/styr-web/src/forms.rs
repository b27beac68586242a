//! Input from people, as text fields, turned into domain values — or a message per field.
//! Pages and the API share these, so a value is refused the same way wherever it is typed.

use std::collections::BTreeMap;

use styr_domain::calendar::{Date, Year};
use styr_domain::document::DocumentMetadata;
use styr_domain::efficiency::EfficiencyInvestigation;
use styr_domain::goals::{Goal, GoalKind, Kpi};
use styr_domain::internal_control::{ControlActivity, ControlResult};
use styr_domain::investment::{InvestmentCategory, InvestmentProject};
use styr_domain::risk::{Grade, Handling, Risk};

/// Messages by field name.
pub type FieldErrors = BTreeMap<String, String>;

#[derive(Default)]
struct Errors(FieldErrors);

impl Errors {
    fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    fn required(&mut self, field: &str, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.add(field, format!("{what} behöver fyllas i"));
        }
    }

    fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }
}

/// A date written ÅÅÅÅ-MM-DD; empty is none.
pub fn optional_date(text: Option<&str>) -> Result<Option<Date>, String> {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str| part.parse::<i64>().ok();
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 && month.len() == 2 && day.len() == 2 => {
            match (
                number(year),
                number(month).and_then(|month| u8::try_from(month).ok()),
                number(day).and_then(|day| u8::try_from(day).ok()),
            ) {
                (Some(year), Some(month), Some(day)) => Date::new(year, month, day)
                    .map(Some)
                    .map_err(|error| error.to_string()),
                _ => Err(format!("”{text}” är inget datum; skriv ÅÅÅÅ-MM-DD")),
            }
        }
        _ => Err(format!("”{text}” är inget datum; skriv ÅÅÅÅ-MM-DD")),
    }
}

/// A stable id from a name: "Energibrist/effektbrist" → "energibrist-effektbrist".
pub fn slug(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|character| match character {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            other if other.is_ascii_alphanumeric() => other,
            _ => '-',
        })
        .collect();
    folded
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[expect(
    clippy::too_many_arguments,
    reason = "one argument per field of the metadata block"
)]
pub fn document(
    title: &str,
    kind: &str,
    decided_by: &str,
    decision_date: Option<&str>,
    registry_number: &str,
    applies_to: &str,
    validity: &str,
    valid_until: Option<&str>,
    revise_by: Option<&str>,
    owner: &str,
) -> Result<DocumentMetadata, FieldErrors> {
    let mut errors = Errors::default();
    errors.required("title", title, "Titeln");
    let mut date = |field: &str, text: Option<&str>| {
        optional_date(text).unwrap_or_else(|message| {
            errors.add(field, message);
            None
        })
    };
    let decision_date = date("decision_date", decision_date);
    let valid_until = date("valid_until", valid_until);
    let revise_by = date("revise_by", revise_by);
    errors.finish(|| DocumentMetadata {
        title: title.trim().into(),
        kind: kind.trim().into(),
        decided_by: decided_by.trim().into(),
        decision_date,
        registry_number: registry_number.trim().into(),
        applies_to: applies_to.trim().into(),
        validity: validity.trim().into(),
        valid_until,
        revise_by,
        owner: owner.trim().into(),
    })
}

/// A project: its name, category key, and an amount text per plan year (empty is none).
pub fn project(
    name: &str,
    category: &str,
    amounts: &[(Year, String)],
) -> Result<InvestmentProject, FieldErrors> {
    let mut errors = Errors::default();
    errors.required("name", name, "Projektets namn");
    let category = InvestmentCategory::from_key(category);
    if category.is_none() {
        errors.add(
            "category",
            "välj en kategori: expansion, image, reinvestment eller adaptation",
        );
    }
    let mut parsed = std::collections::BTreeMap::new();
    for (year, text) in amounts {
        if text.trim().is_empty() {
            continue;
        }
        match crate::api::amount(text) {
            Ok(amount) => {
                parsed.insert(*year, amount);
            }
            Err(message) => errors.add(&format!("amount:{year}"), message),
        }
    }
    // A value that did not read has its message already.
    let Some(category) = category else {
        return Err(errors.0);
    };
    errors.finish(|| InvestmentProject {
        name: name.trim().into(),
        category,
        amounts: parsed,
    })
}

fn grade(errors: &mut Errors, field: &str, text: &str) -> Option<Grade> {
    match text.trim().parse::<i64>().ok().map(Grade::new) {
        Some(Ok(grade)) => Some(grade),
        _ => {
            errors.add(field, "välj ett värde 1–4");
            None
        }
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one argument per column of the risk register"
)]
pub fn risk(
    id: Option<&str>,
    name: &str,
    description: &str,
    probability: &str,
    materiality: &str,
    handling: &str,
    handling_text: &str,
    stated_value: Option<u8>,
) -> Result<Risk, FieldErrors> {
    let mut errors = Errors::default();
    errors.required("name", name, "Riskens namn");
    let probability = grade(&mut errors, "probability", probability);
    let materiality = grade(&mut errors, "materiality", materiality);
    let handling = Handling::from_key(handling);
    if handling.is_none() {
        errors.add("handling", "välj hantering: accept, action eller control");
    }
    let id = id
        .map(str::to_string)
        .filter(|id| !id.trim().is_empty())
        .unwrap_or_else(|| slug(name));
    let (Some(probability), Some(materiality), Some(handling)) =
        (probability, materiality, handling)
    else {
        return Err(errors.0);
    };
    errors.finish(|| Risk {
        id,
        name: name.trim().into(),
        description: description.trim().into(),
        probability,
        materiality,
        stated_value,
        handling,
        handling_text: handling_text.trim().into(),
    })
}

pub fn control(
    id: Option<&str>,
    risk: &str,
    description: &str,
    method: &str,
    responsible: &str,
    existing: Option<&ControlActivity>,
) -> Result<ControlActivity, FieldErrors> {
    let mut errors = Errors::default();
    errors.required("risk", risk, "Risken");
    errors.required("method", method, "Metoden");
    errors.required("responsible", responsible, "Den ansvarige");
    let id = id
        .map(str::to_string)
        .filter(|id| !id.trim().is_empty())
        .unwrap_or_else(|| slug(risk));
    errors.finish(|| ControlActivity {
        id,
        risk: risk.trim().into(),
        stated_risk_name: existing.and_then(|existing| existing.stated_risk_name.clone()),
        stated_value: existing.and_then(|existing| existing.stated_value),
        description: description.trim().into(),
        method: method.trim().into(),
        responsible: responsible.trim().into(),
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
    errors.required("sample", sample, "Urvalet");
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
        return Err(errors.0);
    };
    errors.finish(|| ControlResult {
        performed_on,
        sample: sample.trim().into(),
        deviations_found,
        deviations: deviations.trim().into(),
        actions: actions.trim().into(),
    })
}

/// A KPI as typed: name, source and measurements per year.
pub struct KpiInput<'a> {
    pub name: &'a str,
    pub source: &'a str,
    pub measurements_per_year: &'a str,
    pub kolada_id: &'a str,
}

pub fn goal(
    id: Option<&str>,
    kind: &str,
    title: &str,
    statement: &str,
    text: &str,
    kpis: &[KpiInput<'_>],
) -> Result<Goal, FieldErrors> {
    let mut errors = Errors::default();
    errors.required("title", title, "Rubriken");
    let kind = GoalKind::from_key(kind);
    if kind.is_none() {
        errors.add(
            "kind",
            "välj typ: overarching, political_direction eller board",
        );
    }
    let mut parsed = Vec::new();
    for (index, kpi) in kpis
        .iter()
        .enumerate()
        .filter(|(_, kpi)| !kpi.name.trim().is_empty())
    {
        match kpi
            .measurements_per_year
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|times| (1..=52).contains(times))
        {
            Some(times) => parsed.push(Kpi {
                name: kpi.name.trim().into(),
                source: kpi.source.trim().into(),
                measurements_per_year: times,
                kolada_id: Some(kpi.kolada_id.trim().to_string()).filter(|id| !id.is_empty()),
            }),
            None => errors.add(
                &format!("kpi:{index}:measurements_per_year"),
                "ange hur många gånger per år, 1–52",
            ),
        }
    }
    let id = id
        .map(str::to_string)
        .filter(|id| !id.trim().is_empty())
        .unwrap_or_else(|| slug(title));
    let Some(kind) = kind else {
        return Err(errors.0);
    };
    errors.finish(|| Goal {
        id,
        kind,
        title: title.trim().into(),
        statement: statement.trim().into(),
        text: text.trim().into(),
        kpis: parsed,
    })
}

pub fn efficiency(
    proposed_by: &str,
    investigation: &str,
    handling: &str,
    coordinators: &str,
    prioritised: bool,
) -> Result<EfficiencyInvestigation, FieldErrors> {
    let mut errors = Errors::default();
    errors.required("proposed_by", proposed_by, "Förslagsställande nämnd");
    errors.required("investigation", investigation, "Utredningen");
    errors.finish(|| EfficiencyInvestigation {
        proposed_by: proposed_by.trim().into(),
        investigation: investigation.trim().into(),
        handling: handling.trim().into(),
        coordinators: coordinators
            .split([',', '\n'])
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(String::from)
            .collect(),
        prioritised,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_from_names() {
        assert_eq!(slug("Energibrist/effektbrist"), "energibrist-effektbrist");
        assert_eq!(slug("Välfärdsbrottslighet"), "valfardsbrottslighet");
    }

    #[test]
    fn a_risk_with_bad_grades_names_each_field() {
        let errors = risk(None, "", "", "5", "x", "ignore", "", None).expect_err("refused");
        assert_eq!(
            errors.keys().map(String::as_str).collect::<Vec<_>>(),
            ["handling", "materiality", "name", "probability"]
        );
    }

    #[test]
    fn dates_must_be_written_in_full() {
        assert!(optional_date(Some("2025-1-5")).is_err());
        assert!(optional_date(Some("2025-02-30")).is_err());
        assert_eq!(optional_date(Some("")), Ok(None));
        assert!(optional_date(Some("2025-05-12")).is_ok_and(|date| date.is_some()));
    }
}
