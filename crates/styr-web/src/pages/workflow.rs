//! The way to a decision: the status panel's steps (lämna in, återför, fastställ, starta
//! revidering), the list of versions, an adopted version read as it was frozen, and the
//! comparison of any two versions line by line.

use askama::Template;
use axum::response::{Html, IntoResponse};
use serde::Deserialize;
use styr_app::{AppError, Difference, Step};

use super::{PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::PageForm;
use crate::extract::{PagePath, PageQuery};
use crate::input::{StepForm, read_step};
use crate::view::{NavItem, nav};

pub struct VersionView {
    pub number: i64,
    pub status: &'static str,
    pub decision: String,
    pub adopted_by: String,
}

#[derive(Template)]
#[template(path = "versions.html")]
pub struct VersionsPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub status: &'static str,
    pub status_key: &'static str,
    pub version_number: i64,
    pub versions: Vec<VersionView>,
    pub may_submit: bool,
    pub may_return: bool,
    pub may_adopt: bool,
    pub may_revise: bool,
    pub message: String,
    pub decided_by: String,
    pub decision_date: String,
    pub registry_number: String,
}

async fn page(
    state: &Acting,
    id: i64,
    message: String,
    typed: &StepForm,
) -> Result<VersionsPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let versions = state
        .app
        .versions(id)
        .await?
        .into_iter()
        .map(|version| VersionView {
            number: version.number,
            status: version.status.label(),
            decision: version
                .adopted
                .as_ref()
                .map(|adopted| {
                    format!(
                        "{}, {}, dnr {}",
                        adopted.decided_by, adopted.decision_date, adopted.registry_number
                    )
                })
                .unwrap_or_default(),
            adopted_by: version
                .adopted
                .as_ref()
                .map(|adopted| format!("{} {}", adopted.adopted_by, adopted.adopted_at))
                .unwrap_or_default(),
        })
        .collect();
    let allowed = |step: Step| {
        step.from(snapshot.status).is_ok()
            && styr_app::action_for(step)
                .kind()
                .allowed_for(state.actor.role.kind())
    };
    let document = &snapshot.budget.document;
    let or = |typed: &str, current: String| {
        if typed.is_empty() {
            current
        } else {
            typed.to_string()
        }
    };
    Ok(VersionsPage {
        title: format!("Versioner och beslut – {}", document.title),
        nav: nav(id, "versioner"),
        id,
        revision: snapshot.revision,
        status: snapshot.status.label(),
        status_key: snapshot.status.key(),
        version_number: snapshot.version_number,
        versions,
        may_submit: allowed(Step::Submit),
        may_return: allowed(Step::Return),
        may_adopt: allowed(Step::Adopt),
        may_revise: allowed(Step::Revise),
        message,
        decided_by: or(&typed.decided_by, document.decided_by.clone()),
        decision_date: or(
            &typed.decision_date,
            document
                .decision_date
                .map(|date| date.to_string())
                .unwrap_or_default(),
        ),
        registry_number: or(&typed.registry_number, document.registry_number.clone()),
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, String::new(), &StepForm::default()).await?)
}

pub async fn step(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(form): PageForm<StepForm>,
) -> PageResult {
    let (step, adoption) = match read_step(&form) {
        Ok(read) => read,
        Err(message) => {
            return invalid(
                &page(
                    &state,
                    id,
                    format!("{message}. Ingenting har ändrats."),
                    &form,
                )
                .await?,
            );
        }
    };
    match state
        .app
        .step(&state.actor, id, form.revision, step, adoption)
        .await
    {
        Ok(_) => see(format!("/budget/{id}/versioner")),
        Err(error @ (AppError::Rejected(_) | AppError::Conflict { .. })) => invalid(
            &page(
                &state,
                id,
                format!("{error}. Ingenting har ändrats."),
                &form,
            )
            .await?,
        ),
        Err(error) => Err(error.into()),
    }
}

/// An adopted (or the current) version, read as it is: the whole report.
pub async fn version(state: Acting, PagePath((id, number)): PagePath<(i64, i64)>) -> PageResult {
    let budget = state.app.version_budget(id, number).await?;
    let report = styr_reports::budget_report(&budget)
        .map_err(|error| PageError::invalid(error.to_string()))?;
    Ok(Html(crate::downloads::report_page(&report)?).into_response())
}

/// The two versions to compare; the parameters keep their Swedish names in the page's links.
#[derive(Deserialize)]
pub struct CompareQuery {
    #[serde(rename = "fran")]
    pub from: i64,
    #[serde(rename = "till")]
    pub to: i64,
}

#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub from: i64,
    pub to: i64,
    pub differences: Vec<Difference>,
}

pub async fn compare(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<CompareQuery>,
) -> PageResult {
    let differences = state.app.compare(id, query.from, query.to).await?;
    html(&ComparePage {
        title: format!("Version {} jämförd med version {}", query.from, query.to),
        nav: nav(id, "versioner"),
        id,
        from: query.from,
        to: query.to,
        differences,
    })
}
