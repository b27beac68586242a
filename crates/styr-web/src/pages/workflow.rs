//! The way to a decision: the status panel's steps (lämna in, återför, fastställ, starta
//! revidering), the list of versions, an adopted version read as it was frozen, and the
//! comparison of any two versions line by line. To adopt, the page lists every open finding
//! of the check; each error needs a reason why the budget is adopted anyway (`skal:KEY`),
//! and the reasons are recorded in the audit log.

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

/// An open finding as the adoption form lists it.
pub struct FindingView {
    pub key: String,
    /// The reason field's id.
    pub field: String,
    pub severity: &'static str,
    pub error: bool,
    pub text: String,
    pub reason: String,
}

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
    /// The check's open findings, for the adoption to pass over knowingly.
    pub findings: Vec<FindingView>,
    pub errors: usize,
    /// Whether a version is adopted, so that open data is published.
    pub any_adopted: bool,
}

async fn page(
    state: &Acting,
    id: i64,
    message: String,
    typed: &StepForm,
) -> Result<VersionsPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let versions: Vec<VersionView> = state
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
                .map(|adopted| {
                    format!(
                        "{} {}",
                        adopted.adopted_by,
                        crate::view::local_time(&adopted.adopted_at)
                    )
                })
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
    let findings: Vec<FindingView> = snapshot
        .report()
        .findings
        .iter()
        .enumerate()
        .map(|(index, finding)| {
            let key = finding.key();
            FindingView {
                reason: typed
                    .passed_over
                    .iter()
                    .find(|(typed_key, _)| *typed_key == key)
                    .map(|(_, reason)| reason.clone())
                    .unwrap_or_default(),
                field: format!("skal-{index}"),
                severity: finding.severity.swedish(),
                error: finding.severity == styr_reports::Severity::Error,
                text: format!(
                    "{}: {}{}",
                    key,
                    styr_render::findings::comparison(finding),
                    if finding.note.is_empty() {
                        String::new()
                    } else {
                        format!(". {}", finding.note)
                    }
                ),
                key,
            }
        })
        .collect();
    let errors = findings.iter().filter(|finding| finding.error).count();
    let any_adopted = versions
        .iter()
        .any(|version: &VersionView| version.status == styr_app::Status::Adopted.label());
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
        any_adopted,
        findings,
        errors,
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, String::new(), &StepForm::default()).await?)
}

/// The step form as posted: its fields, and a reason `skal:KEY` for each error passed over.
fn step_form(fields: Vec<(String, String)>) -> StepForm {
    let mut form = StepForm::default();
    for (name, value) in fields {
        match name.as_str() {
            "step" => form.step = value,
            "revision" => form.revision = value.parse().ok(),
            "decided_by" => form.decided_by = value,
            "decision_date" => form.decision_date = value,
            "registry_number" => form.registry_number = value,
            other => {
                if let Some(key) = other.strip_prefix("skal:") {
                    form.passed_over.push((key.to_string(), value));
                }
            }
        }
    }
    form
}

pub async fn step(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(fields): PageForm<Vec<(String, String)>>,
) -> PageResult {
    let form = step_form(fields);
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
