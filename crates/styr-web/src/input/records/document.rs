//! The governance-document metadata (styrdokument) from its ten fields.

use styr_domain::document::DocumentMetadata;

use crate::input::{Errors, FieldErrors, optional_date};

/// The metadata as typed; dates ÅÅÅÅ-MM-DD, empty for none.
pub struct DocumentInput<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub decided_by: &'a str,
    pub decision_date: Option<&'a str>,
    pub registry_number: &'a str,
    pub applies_to: &'a str,
    pub validity: &'a str,
    pub valid_until: Option<&'a str>,
    pub revise_by: Option<&'a str>,
    pub owner: &'a str,
}

pub fn document(input: &DocumentInput<'_>) -> Result<DocumentMetadata, FieldErrors> {
    let mut errors = Errors::default();
    let title = errors.required("title", input.title, "Titeln");
    let date = |errors: &mut Errors, field: &str, text: Option<&str>| {
        optional_date(text).unwrap_or_else(|message| {
            errors.add(field, message);
            None
        })
    };
    let decision_date = date(&mut errors, "decision_date", input.decision_date);
    let valid_until = date(&mut errors, "valid_until", input.valid_until);
    let revise_by = date(&mut errors, "revise_by", input.revise_by);
    let kind = errors.text("kind", input.kind);
    let decided_by = errors.text("decided_by", input.decided_by);
    let registry_number = errors.text("registry_number", input.registry_number);
    let applies_to = errors.text("applies_to", input.applies_to);
    let validity = errors.text("validity", input.validity);
    let owner = errors.text("owner", input.owner);
    errors.finish(|| DocumentMetadata {
        title,
        kind,
        decided_by,
        decision_date,
        registry_number,
        applies_to,
        validity,
        valid_until,
        revise_by,
        owner,
    })
}
