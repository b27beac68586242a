//! A risk of the register from its fields: name, grades 1–4, handling.

use styr_domain::risk::{Grade, Handling, Risk};

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
        }
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
