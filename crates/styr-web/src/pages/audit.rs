//! Ändringslogg: the audit log with filters (user, entity, budget, period), and the same
//! selection as CSV for the auditors. Read-only: there is no route that changes the log.

use askama::Template;
use axum::http::header;
use axum::response::IntoResponse;

use super::{PageResult, html};
use crate::audit_log::{AuditQuery, to_csv};
use crate::auth::Acting;
use crate::extract::PageQuery;

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
            at: crate::view::local_time(&record.at),
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
