//! Budgets as wholes through the API: list, import, overview, report, export, findings,
//! organisation and document metadata.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use styr_domain::change::Change;
use styr_domain::document::DocumentMetadata;
use styr_reports::check::Severity;
use utoipa::ToSchema;

use super::dto::{
    BudgetListItemDto, CreatedDto, FindingDto, FindingsDto, OperatingTableDto, OverviewDto,
    YearAmountDto,
};
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};

#[utoipa::path(get, path = "/api/v1/budgets", tag = "budgetar", responses((status = 200, body = [BudgetListItemDto])))]
pub async fn list(state: Acting) -> Result<Json<Vec<BudgetListItemDto>>, ApiError> {
    let budgets = state.app.budgets().await?;
    Ok(Json(
        budgets
            .into_iter()
            .map(|summary| BudgetListItemDto {
                id: summary.id,
                revision: summary.revision,
                title: summary.title,
                municipality: summary.municipality,
                board: summary.board,
                budget_year: summary.budget_year,
                updated_at: summary.updated_at,
            })
            .collect(),
    ))
}

/// Reads a budget file (the body, TOML) as a new budget; all or nothing.
#[utoipa::path(post, path = "/api/v1/budgets", tag = "budgetar",
    request_body(description = "en budgetfil, se docs/budget-file.md", content((String = "application/toml"), (String = "text/plain"))),
    responses((status = 201, body = CreatedDto), (status = 422, body = crate::error::ApiErrorBody, description = "filen kunde inte läsas; fields har varje fel med rad och kolumn")))]
pub async fn import(state: Acting, body: axum::body::Body) -> Result<impl IntoResponse, ApiError> {
    crate::upload::permission::budget_file(&state).await?;
    let bytes = crate::upload::to_memory(body, crate::upload::BUDGET_FILE).await?;
    let source =
        String::from_utf8(bytes).map_err(|_| ApiError::invalid("budgetfilen är inte UTF-8"))?;
    let id = state.app.import(&state.actor, &source).await?;
    let location = format!("/api/v1/budgets/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location.clone())],
        Json(CreatedDto { id, location }),
    ))
}

pub fn findings_of(snapshot: &styr_app::Snapshot) -> FindingsDto {
    let findings = &snapshot.report().findings;
    let count = |severity| {
        findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    };
    FindingsDto {
        revision: snapshot.revision,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        rounding: count(Severity::Rounding),
        findings: findings.iter().map(FindingDto::from).collect(),
    }
}

/// Key figures: every operating table, the investments per year, and the findings.
#[utoipa::path(get, path = "/api/v1/budgets/{id}", tag = "budgetar", params(("id" = i64, Path)),
    responses((status = 200, body = OverviewDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn overview(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<OverviewDto>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let budget = &snapshot.budget;
    let report = snapshot.report();
    let investments = report
        .investment
        .rows
        .last()
        .map(|total| {
            report
                .investment
                .columns
                .iter()
                .zip(&total.values)
                .map(|(column, value)| YearAmountDto::new(column.year, *value))
                .collect()
        })
        .unwrap_or_default();
    Ok(Json(OverviewDto {
        id,
        revision: snapshot.revision,
        title: budget.document.title.clone(),
        municipality: budget.municipality.name.clone(),
        tables: report
            .operating
            .iter()
            .map(|table| OperatingTableDto::new(table, &snapshot))
            .collect(),
        investments,
        findings: findings_of(&snapshot),
    }))
}

/// The whole computed report: the same values as `styr report --format json` (amounts in öre).
#[utoipa::path(get, path = "/api/v1/budgets/{id}/report", tag = "budgetar", params(("id" = i64, Path)),
    responses((status = 200, description = "hela rapporten som i styr report --format json", content_type = "application/json"), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn report(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl IntoResponse, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        styr_render::json(snapshot.report()),
    ))
}

/// The budget as a budget file, which imports back as the same budget.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/export", tag = "budgetar", params(("id" = i64, Path)),
    responses((status = 200, body = String, content_type = "application/toml"), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn export(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl IntoResponse, ApiError> {
    let text = state.app.export(id).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/toml; charset=utf-8")],
        text,
    ))
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/findings", tag = "budgetar", params(("id" = i64, Path)),
    responses((status = 200, body = FindingsDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn findings(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<FindingsDto>, ApiError> {
    Ok(Json(findings_of(&*state.app.snapshot(id).await?)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationUnitDto {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub parent: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub predecessor: Option<String>,
    pub separately_reported: bool,
}

/// Every unit with its validity dates; the tree on a day is the units valid that day.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/organisation", tag = "organisation", params(("id" = i64, Path)),
    responses((status = 200, body = [OrganisationUnitDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn organisation(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<OrganisationUnitDto>>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok(Json(
        snapshot
            .budget
            .organisation
            .units()
            .iter()
            .map(|unit| OrganisationUnitDto {
                id: unit.id.to_string(),
                name: unit.name.clone(),
                kind: unit.kind.swedish().into(),
                parent: unit.parent.as_ref().map(ToString::to_string),
                valid_from: unit.valid_from.map(|date| date.to_string()),
                valid_to: unit.valid_to.map(|date| date.to_string()),
                predecessor: unit.predecessor.as_ref().map(ToString::to_string),
                separately_reported: unit.separately_reported,
            })
            .collect(),
    ))
}

/// The governance-document metadata (styrdokument).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DocumentDto {
    pub title: String,
    pub kind: String,
    pub decided_by: String,
    /// ÅÅÅÅ-MM-DD
    pub decision_date: Option<String>,
    pub registry_number: String,
    pub applies_to: String,
    pub validity: String,
    pub valid_until: Option<String>,
    pub revise_by: Option<String>,
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
}

impl DocumentDto {
    pub fn new(document: &DocumentMetadata, revision: i64) -> DocumentDto {
        DocumentDto {
            title: document.title.clone(),
            kind: document.kind.clone(),
            decided_by: document.decided_by.clone(),
            decision_date: document.decision_date.map(|date| date.to_string()),
            registry_number: document.registry_number.clone(),
            applies_to: document.applies_to.clone(),
            validity: document.validity.clone(),
            valid_until: document.valid_until.map(|date| date.to_string()),
            revise_by: document.revise_by.map(|date| date.to_string()),
            owner: document.owner.clone(),
            revision: Some(revision),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/document", tag = "dokument", params(("id" = i64, Path)),
    responses((status = 200, body = DocumentDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn document(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<DocumentDto>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok(Json(DocumentDto::new(
        &snapshot.budget.document,
        snapshot.revision,
    )))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/document", tag = "dokument", params(("id" = i64, Path)), request_body = DocumentDto,
    responses((status = 200, body = DocumentDto), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_document(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<DocumentDto>,
) -> Result<Json<DocumentDto>, ApiError> {
    let document = crate::input::records::document(&crate::input::records::DocumentInput {
        title: &input.title,
        kind: &input.kind,
        decided_by: &input.decided_by,
        decision_date: input.decision_date.as_deref(),
        registry_number: &input.registry_number,
        applies_to: &input.applies_to,
        validity: &input.validity,
        valid_until: input.valid_until.as_deref(),
        revise_by: input.revise_by.as_deref(),
        owner: &input.owner,
    })
    .map_err(ApiError::fields)?;
    let snapshot = state
        .app
        .change(
            &state.actor,
            id,
            input.revision,
            &Change::SetDocument { document },
        )
        .await?;
    Ok(Json(DocumentDto::new(
        &snapshot.budget.document,
        snapshot.revision,
    )))
}
