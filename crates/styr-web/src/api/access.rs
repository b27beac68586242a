//! Who am I, the audit log, and the workflow through the API. Authentication is a session
//! cookie (with `X-CSRF-Token` on writes) or a personal token in `Authorization: Bearer`.

use axum::Json;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit_log::AuditQuery;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::extract::{ApiPath, ApiQuery};
use crate::input::{StepForm, read_step};

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub username: String,
    /// admin | controller | budgetansvarig | internkontroll | lasare | revisor
    pub role: String,
    /// A budgetansvarig's unit.
    pub scope: Option<String>,
}

/// The actor the request acts as.
#[utoipa::path(get, path = "/api/v1/me", tag = "behorighet", responses((status = 200, body = MeDto), (status = 401, body = crate::error::ApiErrorBody)))]
pub async fn me(state: Acting) -> Json<MeDto> {
    Json(MeDto {
        username: state.actor.name.clone(),
        role: state.actor.role.kind().key().to_string(),
        scope: state.actor.role.scope().map(|unit| unit.0.clone()),
    })
}

#[derive(Serialize, ToSchema)]
pub struct AuditRecordDto {
    pub id: i64,
    /// UTC, ISO 8601.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub budget: Option<i64>,
    pub entity: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `csv` for the auditors' CSV; JSON otherwise.
    #[serde(default)]
    pub format: String,
}

/// The audit log, oldest first (revisor and administratör only). Read-only: the API has no
/// route that changes or deletes it.
#[utoipa::path(get, path = "/api/v1/audit", tag = "behorighet", params(AuditQuery, FormatQuery),
    responses((status = 200, body = [AuditRecordDto]), (status = 403, body = crate::error::ApiErrorBody)))]
pub async fn audit(
    state: Acting,
    ApiQuery(query): ApiQuery<AuditQuery>,
    ApiQuery(format): ApiQuery<FormatQuery>,
) -> Result<Response, ApiError> {
    let records = state.app.audit_log(&state.actor, &query.filter()).await?;
    if format.format == "csv" {
        return Ok((
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            crate::audit_log::to_csv(&records),
        )
            .into_response());
    }
    Ok(Json(
        records
            .into_iter()
            .map(|record| AuditRecordDto {
                id: record.id,
                at: record.at,
                actor: record.actor,
                action: record.entry.action,
                budget: record.entry.budget,
                entity: record.entry.entity,
                old_value: record.entry.old_value,
                new_value: record.entry.new_value,
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct VersionDto {
    pub number: i64,
    /// utkast | inlamnad | faststalld
    pub status: String,
    pub decided_by: Option<String>,
    pub decision_date: Option<String>,
    pub registry_number: Option<String>,
    pub adopted_by: Option<String>,
    pub adopted_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VersionsDto {
    pub revision: i64,
    pub status: String,
    pub current_version: i64,
    pub versions: Vec<VersionDto>,
}

/// The budget's versions and where the current one is on its way to a decision.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/versions", tag = "behorighet", params(("id" = i64, Path)),
    responses((status = 200, body = VersionsDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn versions(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<VersionsDto>, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let versions = state
        .app
        .versions(id)
        .await?
        .into_iter()
        .map(|version| VersionDto {
            number: version.number,
            status: version.status.key().to_string(),
            decided_by: version
                .adopted
                .as_ref()
                .map(|adopted| adopted.decided_by.clone()),
            decision_date: version
                .adopted
                .as_ref()
                .map(|adopted| adopted.decision_date.clone()),
            registry_number: version
                .adopted
                .as_ref()
                .map(|adopted| adopted.registry_number.clone()),
            adopted_by: version
                .adopted
                .as_ref()
                .map(|adopted| adopted.adopted_by.clone()),
            adopted_at: version
                .adopted
                .as_ref()
                .map(|adopted| adopted.adopted_at.clone()),
        })
        .collect();
    Ok(Json(VersionsDto {
        revision: snapshot.revision,
        status: snapshot.status.key().to_string(),
        current_version: snapshot.version_number,
        versions,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct StepDto {
    /// submit | return | adopt | revise
    pub step: String,
    /// The revision the step is based on; refused (409) if the budget changed since.
    pub revision: Option<i64>,
    /// To adopt: beslutande instans, beslutsdatum (YYYY-MM-DD) and diarienummer.
    #[serde(default)]
    pub decided_by: String,
    #[serde(default)]
    pub decision_date: String,
    #[serde(default)]
    pub registry_number: String,
    /// To adopt a budget whose check has errors: each error (its `key` in the findings) and
    /// why the budget is adopted anyway. Every open error needs one; they are recorded.
    #[serde(default)]
    pub passed_over: Vec<PassedOverDto>,
}

#[derive(Deserialize, ToSchema)]
pub struct PassedOverDto {
    /// The finding's key: "Investeringsbudget › Totala utgifter, Plan 2028".
    pub finding: String,
    pub reason: String,
}

/// Takes a step: submit (utkast → inlämnad), return (inlämnad → utkast), adopt (inlämnad →
/// fastställd, freezing the version), revise (a new draft version from the adopted one).
#[utoipa::path(post, path = "/api/v1/budgets/{id}/workflow", tag = "behorighet", params(("id" = i64, Path)), request_body = StepDto,
    responses((status = 200, body = VersionsDto), (status = 403, body = crate::error::ApiErrorBody), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn step(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StepDto>,
) -> Result<Json<VersionsDto>, ApiError> {
    let form = StepForm {
        step: body.step,
        revision: body.revision,
        decided_by: body.decided_by,
        decision_date: body.decision_date,
        registry_number: body.registry_number,
        passed_over: body
            .passed_over
            .into_iter()
            .map(|passed| (passed.finding, passed.reason))
            .collect(),
    };
    let (step, adoption) = read_step(&form).map_err(ApiError::invalid)?;
    state
        .app
        .step(&state.actor, id, form.revision, step, adoption)
        .await?;
    versions(state, ApiPath(id)).await
}

#[derive(Serialize, ToSchema)]
pub struct DifferenceDto {
    pub part: String,
    pub item: String,
    pub from: String,
    pub to: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompareParams {
    pub from: i64,
    pub to: i64,
}

/// What differs between two versions, line by line (amounts in tkr).
#[utoipa::path(get, path = "/api/v1/budgets/{id}/versions/compare", tag = "behorighet", params(("id" = i64, Path), CompareParams),
    responses((status = 200, body = [DifferenceDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn compare(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(params): ApiQuery<CompareParams>,
) -> Result<Json<Vec<DifferenceDto>>, ApiError> {
    let differences = state.app.compare(id, params.from, params.to).await?;
    Ok(Json(
        differences
            .into_iter()
            .map(|difference| DifferenceDto {
                part: difference.part,
                item: difference.item,
                from: difference.from,
                to: difference.to,
            })
            .collect(),
    ))
}
