//! Ändringslogg: the audit log with filters (user, entity, budget, period), and the same
//! selection as CSV for the auditors. Read-only: there is no route that changes the log.

use askama::Template;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use styr_app::{AuditFilter, AuditRecord};

use super::{PageResult, html};
use crate::auth::Acting;
use crate::extract::PageQuery;

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

    fn query_string(&self) -> String {
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

pub struct RecordView {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub budget: String,
    pub entity: String,
    pub old_value: String,
    pub new_value: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub title: String,
    pub query: AuditQuery,
    pub csv_link: String,
    pub records: Vec<RecordView>,
    pub shown: usize,
    pub total: usize,
}

/// How many rows the page shows (the newest); the CSV has them all.
const PAGE_ROWS: usize = 500;

/// A long value shortened for the page (the CSV keeps it whole).
fn short(text: &str) -> String {
    let limit = 300;
    if text.chars().count() > limit {
        let cut: String = text.chars().take(limit).collect();
        format!("{cut} …")
    } else {
        text.to_string()
    }
}

pub async fn show(state: Acting, PageQuery(query): PageQuery<AuditQuery>) -> PageResult {
    let records = state.app.audit_log(&state.actor, &query.filter()).await?;
    let total = records.len();
    let views: Vec<RecordView> = records
        .iter()
        .rev()
        .take(PAGE_ROWS)
        .map(|record| RecordView {
            id: record.id,
            at: record.at.clone(),
            actor: record.actor.clone(),
            action: record.entry.action.clone(),
            budget: record
                .entry
                .budget
                .map(|id| id.to_string())
                .unwrap_or_default(),
            entity: record.entry.entity.clone(),
            old_value: short(record.entry.old_value.as_deref().unwrap_or("")),
            new_value: short(record.entry.new_value.as_deref().unwrap_or("")),
        })
        .collect();
    let query_string = query.query_string();
    html(&AuditPage {
        title: "Ändringslogg".into(),
        csv_link: if query_string.is_empty() {
            "/logg.csv".into()
        } else {
            format!("/logg.csv?{query_string}")
        },
        shown: views.len(),
        records: views,
        total,
        query,
    })
}

/// The selection as CSV (semicolon-separated, as Swedish Excel opens it), every row whole.
pub async fn csv(state: Acting, PageQuery(query): PageQuery<AuditQuery>) -> PageResult {
    let records = state.app.audit_log(&state.actor, &query.filter()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"styr-andringslogg.csv\"",
            ),
        ],
        to_csv(&records),
    )
        .into_response())
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
