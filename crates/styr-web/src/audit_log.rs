//! The audit log as the auditors take it, for the page (Ändringslogg) and the API alike: the
//! filter a query string gives (`?anvandare=anna&objekt=risk/&fran=2025-01-01`), and the
//! selection as CSV, semicolon-separated as Swedish Excel opens it, every row whole.

use serde::Deserialize;
use styr_app::{AuditFilter, AuditRecord};
use styr_render::csv::{Csv, Dialect, Field};

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

/// The records through styr's one CSV writer (`styr_render::csv`): every text cell — a name,
/// an entity, an old or new value someone typed — defused against formulas, ids as numbers.
pub fn to_csv(records: &[AuditRecord]) -> String {
    let mut csv = Csv::new(
        Dialect::SEMICOLON,
        &[
            "id",
            "tid",
            "användare",
            "åtgärd",
            "budget",
            "objekt",
            "gammalt värde",
            "nytt värde",
        ],
    );
    for record in records {
        csv.row([
            Field::integer(record.id),
            Field::text(&record.at),
            Field::text(&record.actor),
            Field::text(&record.entry.action),
            record
                .entry
                .budget
                .map_or_else(|| Field::text(""), Field::integer),
            Field::text(&record.entry.entity),
            Field::text(record.entry.old_value.as_deref().unwrap_or_default()),
            Field::text(record.entry.new_value.as_deref().unwrap_or_default()),
        ]);
    }
    csv.finish()
}
