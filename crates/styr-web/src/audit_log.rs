//! The audit log as the auditors take it, for the page (Ändringslogg) and the API alike: the
//! filter a query string gives (`?anvandare=anna&objekt=risk/&fran=2025-01-01`), and the
//! selection as CSV, semicolon-separated as Swedish Excel opens it, every row whole.

use serde::Deserialize;
use styr_app::{AuditFilter, AuditRecord};

/// The filters as a query string gives them (its parameters keep their Swedish names);
/// empty means "any".
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Who made the change (username).
    #[serde(default, rename = "anvandare")]
    pub actor: String,
    /// A part of the entity's path ("drift/ks", "risk/").
    #[serde(default, rename = "objekt")]
    pub entity: String,
    /// The budget's id.
    #[serde(default)]
    pub budget: String,
    /// From this date (YYYY-MM-DD).
    #[serde(default, rename = "fran")]
    pub from: String,
    /// Up to and including this date (YYYY-MM-DD).
    #[serde(default, rename = "till")]
    pub to: String,
}

impl AuditQuery {
    pub fn filter(&self) -> AuditFilter {
        let given = |text: &str| Some(text.trim().to_string()).filter(|text| !text.is_empty());
        AuditFilter {
            actor: given(&self.actor),
            entity: given(&self.entity),
            budget: self.budget.trim().parse().ok(),
            from: given(&self.from),
            to: given(&self.to),
            limit: None,
        }
    }

    /// The filter as a query string again, for the CSV link.
    pub fn query_string(&self) -> String {
        [
            ("anvandare", &self.actor),
            ("objekt", &self.entity),
            ("budget", &self.budget),
            ("fran", &self.from),
            ("till", &self.to),
        ]
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", crate::auth::encode(value)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

pub fn to_csv(records: &[AuditRecord]) -> String {
    let mut text =
        String::from("id;tid;användare;åtgärd;budget;objekt;gammalt värde;nytt värde\r\n");
    for record in records {
        let fields = [
            record.id.to_string(),
            record.at.clone(),
            record.actor.clone(),
            record.entry.action.clone(),
            record
                .entry
                .budget
                .map(|id| id.to_string())
                .unwrap_or_default(),
            record.entry.entity.clone(),
            record.entry.old_value.clone().unwrap_or_default(),
            record.entry.new_value.clone().unwrap_or_default(),
        ];
        let quoted: Vec<String> = fields.iter().map(|field| quote(field)).collect();
        text.push_str(&quoted.join(";"));
        text.push_str("\r\n");
    }
    text
}

/// A CSV field, quoted when it holds a separator, a quote or a line break; a field that a
/// spreadsheet would take for a formula is prefixed with an apostrophe.
fn quote(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(super::quote("a;b"), "\"a;b\"");
        assert_eq!(super::quote("säger \"hej\""), "\"säger \"\"hej\"\"\"");
        assert_eq!(super::quote("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(super::quote("-47 652 000,00 kr"), "-47 652 000,00 kr");
    }
}
