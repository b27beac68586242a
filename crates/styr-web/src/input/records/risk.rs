//! A risk of the register from its fields: name, grades 1–4, handling, owner, category, and
//! the residual grades after measures (both or neither). A detail left out (`None`) keeps
//! the stored risk's value; given empty, it is cleared.

use styr_domain::risk::{Grade, Handling, Residual, Risk};

use super::record_id;
use crate::input::{Errors, FieldErrors};

/// A risk as typed; grades as text ("1"–"4"), handling as its key.
pub struct RiskInput<'a> {
    /// The risk's id; made from the name when none is given.
    pub id: Option<&'a str>,
    pub name: &'a str,
    pub description: &'a str,
    pub probability: &'a str,
    pub materiality: &'a str,
    pub handling: &'a str,
    pub handling_text: &'a str,
    /// The value the source document stated, kept from the stored risk.
    pub stated_value: Option<u8>,
    pub owner: Option<&'a str>,
    pub category: Option<&'a str>,
    pub residual_probability: Option<&'a str>,
    pub residual_materiality: Option<&'a str>,
    /// The risk as stored, whose details a left-out field keeps.
    pub existing: Option<&'a Risk>,
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

pub fn risk(input: &RiskInput<'_>) -> Result<Risk, FieldErrors> {
    let mut errors = Errors::default();
    let name = errors.required("name", input.name, "Riskens namn");
    let description = errors.text("description", input.description);
    let handling_text = errors.text("handling_text", input.handling_text);
    let probability = grade(&mut errors, "probability", input.probability);
    let materiality = grade(&mut errors, "materiality", input.materiality);
    let handling = Handling::from_key(input.handling);
    if handling.is_none() {
        errors.add("handling", "välj hantering: accept, action eller control");
    }
    let id = record_id(&mut errors, input.id, &name, "name");
    let existing = input.existing;
    let mut detail = |field: &str, text: Option<&str>, kept: Option<&String>| match text {
        None => kept.cloned().unwrap_or_default(),
        Some(text) => errors.text(field, text),
    };
    let owner = detail("owner", input.owner, existing.map(|risk| &risk.owner));
    let category = detail(
        "category",
        input.category,
        existing.map(|risk| &risk.category),
    );
    let residual = match (input.residual_probability, input.residual_materiality) {
        (None, None) => existing.and_then(|risk| risk.residual),
        (probability, materiality) => {
            let (probability, materiality) = (
                probability.unwrap_or("").trim(),
                materiality.unwrap_or("").trim(),
            );
            match (probability.is_empty(), materiality.is_empty()) {
                (true, true) => None,
                (false, true) => {
                    errors.add(
                        "residual_materiality",
                        "ange både sannolikhet och väsentlighet efter åtgärder",
                    );
                    None
                }
                (true, false) => {
                    errors.add(
                        "residual_probability",
                        "ange både sannolikhet och väsentlighet efter åtgärder",
                    );
                    None
                }
                (false, false) => {
                    let probability = grade(&mut errors, "residual_probability", probability);
                    let materiality = grade(&mut errors, "residual_materiality", materiality);
                    probability
                        .zip(materiality)
                        .map(|(probability, materiality)| Residual {
                            probability,
                            materiality,
                        })
                }
            }
        }
    };
    let (Some(probability), Some(materiality), Some(handling)) =
        (probability, materiality, handling)
    else {
        return Err(errors.into_inner());
    };
    errors.finish(|| Risk {
        id,
        name,
        description,
        probability,
        materiality,
        stated_value: input.stated_value,
        handling,
        handling_text,
        owner,
        category,
        residual,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed<'a>(id: Option<&'a str>, name: &'a str) -> RiskInput<'a> {
        RiskInput {
            id,
            name,
            description: "",
            probability: "2",
            materiality: "3",
            handling: "action",
            handling_text: "",
            stated_value: None,
            owner: None,
            category: None,
            residual_probability: None,
            residual_materiality: None,
            existing: None,
        }
    }

    #[test]
    fn a_residual_risk_needs_both_grades() {
        let half = risk(&RiskInput {
            residual_probability: Some("2"),
            residual_materiality: Some(""),
            ..typed(None, "Brand")
        })
        .expect_err("refused");
        assert!(half.contains_key("residual_materiality"), "{half:?}");
        let both = risk(&RiskInput {
            residual_probability: Some("1"),
            residual_materiality: Some("3"),
            owner: Some("Säkerhetschef"),
            category: Some("Egendom"),
            ..typed(None, "Brand")
        })
        .expect("reads");
        assert_eq!(
            both.residual.map(|residual| residual.value().value()),
            Some(3)
        );
        assert_eq!(both.owner, "Säkerhetschef");
    }

    #[test]
    fn a_risk_with_bad_grades_names_each_field() {
        let errors = risk(&RiskInput {
            probability: "5",
            materiality: "x",
            handling: "ignore",
            ..typed(None, "")
        })
        .expect_err("refused");
        assert_eq!(
            errors.keys().map(String::as_str).collect::<Vec<_>>(),
            ["handling", "materiality", "name", "probability"]
        );
    }

    #[test]
    fn a_risk_gets_its_id_from_its_name_and_a_path_is_no_id() {
        let made = risk(&typed(None, "Energibrist/effektbrist")).expect("reads");
        assert_eq!(made.id, "energibrist-effektbrist");
        let refused = risk(&typed(Some("zz/../other-risk"), "Annan")).expect_err("refused");
        assert!(refused.contains_key("id"), "{refused:?}");
    }

    #[test]
    fn a_name_with_a_bidi_override_is_refused() {
        let refused = risk(&typed(None, "Cyber\u{202E}toh")).expect_err("refused");
        assert!(refused["name"].contains("U+202E"), "{refused:?}");
    }
}
