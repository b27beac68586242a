//! Server-rendered pages in Swedish, one module per part of the budget. Every page reads
//! without JavaScript; editing works with plain form posts, and `static/styr.js` adds live totals.

pub mod account;
pub mod audit;
pub mod confirm;
pub mod control;
pub mod document;
pub mod efficiency;
pub mod followup;
pub mod frames;
pub mod goal_followup;
pub mod goals;
pub mod governance;
pub mod import;
pub mod investments;
pub mod municipal;
pub mod operating;
pub mod organisation;
pub mod overview;
pub mod profile;
pub mod review;
pub mod risks;
pub mod sections;
pub mod workflow;

use std::collections::BTreeMap;

use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::error::PageError;

/// A form as it is shown: what was typed, the message for each field that did not read, and
/// which record it belongs to. Empty when a page is first shown.
#[derive(Default)]
pub struct FormState {
    /// The record the form edits ("" for a new one).
    pub target: String,
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
}

impl FormState {
    pub fn failed(
        target: impl Into<String>,
        values: BTreeMap<String, String>,
        errors: BTreeMap<String, String>,
    ) -> FormState {
        FormState {
            target: target.into(),
            values,
            errors,
        }
    }

    /// Whether this state belongs to the form for `target`.
    pub fn is_for(&self, target: &str) -> bool {
        !self.errors.is_empty() && self.target == target
    }

    /// The typed value of `field` if this is the failed form for `target`, else `current`.
    pub fn value(&self, target: &str, field: &str, current: &str) -> String {
        if self.is_for(target) {
            self.values.get(field).cloned().unwrap_or_default()
        } else {
            current.to_string()
        }
    }

    pub fn error(&self, target: &str, field: &str) -> String {
        if self.is_for(target) {
            self.errors.get(field).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }

    pub fn has_error(&self, target: &str, field: &str) -> bool {
        !self.error(target, field).is_empty()
    }
}

/// A rendered page, or the error page.
pub type PageResult = Result<Response, PageError>;

pub fn html(template: &impl askama::Template) -> PageResult {
    Ok(Html(template.render()?).into_response())
}

/// A form that failed validation is shown again with its errors: 422, never a redirect.
pub fn invalid(template: &impl askama::Template) -> PageResult {
    shown_again(crate::error::Kind::Invalid, template)
}

/// A form shown again after a refusal of `kind`, with the status every refusal of that kind
/// gets (a stale save or a frozen budget 409, a refused value 422).
pub fn shown_again(kind: crate::error::Kind, template: &impl askama::Template) -> PageResult {
    Ok((kind.status(), Html(template.render()?)).into_response())
}

/// What a form post leads to once its change was tried: the page anew on success
/// (post/redirect/get); on a conflict or a refused change the same page again, with the
/// status of the refusal (`error::kind_of`), the message at `field` and everything typed kept.
pub async fn after_change<T, Page>(
    result: Result<std::sync::Arc<styr_app::Snapshot>, styr_app::AppError>,
    location: String,
    form: FormState,
    field: &str,
    page: impl FnOnce(FormState, String) -> Page,
) -> PageResult
where
    T: askama::Template,
    Page: std::future::Future<Output = Result<T, PageError>>,
{
    use styr_app::AppError;
    match result {
        Ok(_) => see(location),
        Err(
            error @ (AppError::Conflict { .. }
            | AppError::Invalid(_)
            | AppError::DoesNotCompute(_)
            | AppError::Frozen(_)
            | AppError::Stale { .. }),
        ) => {
            let kind = crate::error::kind_of(&error);
            let mut form = form;
            form.errors.insert(field.to_string(), error.to_string());
            shown_again(
                kind,
                &page(form, format!("{error} Det du skrev finns kvar.")).await?,
            )
        }
        Err(error) => Err(error.into()),
    }
}

/// After a successful post, the page is fetched anew (post/redirect/get).
pub fn see(location: String) -> PageResult {
    Ok(Redirect::to(&location).into_response())
}

/// Makes a record's change standing on what the form read: the record's `version` when the
/// form carries one (a stale save is refused with the value as it is now), else the budget's
/// `revision`.
pub async fn change_record(
    state: &crate::auth::Acting,
    id: i64,
    values: &BTreeMap<String, String>,
    change: styr_domain::change::Change,
) -> Result<std::sync::Arc<styr_app::Snapshot>, styr_app::AppError> {
    let version = values
        .get("version")
        .filter(|version| !version.is_empty())
        .cloned();
    match version {
        Some(version) => {
            state
                .app
                .change_seen(&state.actor, id, None, &[change], &[Some(version)])
                .await
        }
        None => {
            let revision = values
                .get("revision")
                .and_then(|revision| revision.parse::<i64>().ok());
            state.app.change(&state.actor, id, revision, &change).await
        }
    }
}
