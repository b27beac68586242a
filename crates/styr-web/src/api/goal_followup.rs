//! Goals followed up through the API: the whole follow-up (as `styr goals --format json`),
//! a KPI's values — read, entered, removed, imported from CSV —, a year's target, and a goal's
//! assessment. Values and assessments are kept beside the budget: they need no revision.

use axum::Json;
use axum::body::Body;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use styr_app::ValueEntry;
use styr_domain::change::Change;
use styr_domain::goals::{Measurement, Period, Source};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::input::{self, Key};
use crate::upload;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// 2025, 2025-T2, 2025-03 or 2025-O1; the budget year when left out.
    pub period: Option<String>,
}

fn period_of(text: &str) -> Result<Period, ApiError> {
    input::period(text).map_err(|message| ApiError::field("period", message))
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/goal-followup", tag = "måluppfyllelse", params(("id" = i64, Path), PeriodQuery),
    responses((status = 200, description = "varje mål med nyckeltal, värden, målvärden, jämförelse och bedömning, som styr goals --format json", content_type = "application/json"), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn followup(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<PeriodQuery>,
) -> Result<axum::response::Response, ApiError> {
    let period = query.period.as_deref().map(period_of).transpose()?;
    let followup = state.app.goals_followup(id, period).await?;
    Ok(axum::response::IntoResponse::into_response((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        styr_render::goals::json(&followup),
    )))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ValueDto {
    pub kpi: String,
    /// "2025-O1".
    pub period: String,
    /// Exact, as text: "3.6".
    pub value: String,
    /// entered | api | csv | kolada
    pub source: String,
    pub entered_by: String,
    pub entered_at: String,
    pub comment: String,
}

impl From<&Measurement> for ValueDto {
    fn from(value: &Measurement) -> ValueDto {
        ValueDto {
            kpi: value.kpi.clone(),
            period: value.period.key(),
            value: value.value.to_string(),
            source: value.source.key().into(),
            entered_by: value.entered_by.clone(),
            entered_at: value.entered_at.clone(),
            comment: value.comment.clone(),
        }
    }
}

async fn values_of(state: &Acting, id: i64, kpi: &str) -> Result<Vec<ValueDto>, ApiError> {
    let followup = state.app.goals_followup(id, None).await?;
    let row = followup
        .goals
        .iter()
        .flat_map(|goal| &goal.kpis)
        .find(|row| row.kpi.id == kpi)
        .ok_or_else(ApiError::not_found)?;
    Ok(row.values.iter().map(ValueDto::from).collect())
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/kpis/{kpi}/values", tag = "måluppfyllelse", params(("id" = i64, Path), ("kpi" = String, Path)),
    responses((status = 200, body = [ValueDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn values(
    state: Acting,
    ApiPath((id, kpi)): ApiPath<(i64, Key)>,
) -> Result<Json<Vec<ValueDto>>, ApiError> {
    Ok(Json(values_of(&state, id, &kpi.into_inner()).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ValueInput {
    /// "3,6" or "3.6": read exactly.
    pub value: String,
    #[serde(default)]
    pub comment: String,
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/kpis/{kpi}/values/{period}", tag = "måluppfyllelse", params(("id" = i64, Path), ("kpi" = String, Path), ("period" = String, Path)), request_body = ValueInput,
    responses((status = 200, body = [ValueDto]), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_value(
    state: Acting,
    ApiPath((id, kpi, period)): ApiPath<(i64, Key, String)>,
    ApiJson(input): ApiJson<ValueInput>,
) -> Result<Json<Vec<ValueDto>>, ApiError> {
    let kpi = kpi.into_inner();
    let entry = ValueEntry {
        kpi: kpi.clone(),
        period: period_of(&period)?,
        value: input::decimal(&input.value).map_err(|message| ApiError::field("value", message))?,
        comment: input::text(&input.comment)
            .map_err(|message| ApiError::field("comment", message))?,
    };
    state
        .app
        .set_kpi_values(&state.actor, id, &[entry], Source::Api)
        .await?;
    Ok(Json(values_of(&state, id, &kpi).await?))
}

#[utoipa::path(delete, path = "/api/v1/budgets/{id}/kpis/{kpi}/values/{period}", tag = "måluppfyllelse", params(("id" = i64, Path), ("kpi" = String, Path), ("period" = String, Path)),
    responses((status = 200, body = [ValueDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn remove_value(
    state: Acting,
    ApiPath((id, kpi, period)): ApiPath<(i64, Key, String)>,
) -> Result<Json<Vec<ValueDto>>, ApiError> {
    let kpi = kpi.into_inner();
    let period = period_of(&period).map_err(|_| ApiError::not_found())?;
    if !state
        .app
        .remove_kpi_value(&state.actor, id, &kpi, period)
        .await?
    {
        return Err(ApiError::not_found());
    }
    Ok(Json(values_of(&state, id, &kpi).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportedDto {
    pub values: usize,
}

/// The body is the CSV file (nyckeltal;period;värde;kommentar). All or nothing.
#[utoipa::path(post, path = "/api/v1/budgets/{id}/kpi-values", tag = "måluppfyllelse", params(("id" = i64, Path)),
    request_body(content = Vec<u8>, content_type = "text/csv"),
    responses((status = 201, body = ImportedDto), (status = 404, body = crate::error::ApiErrorBody), (status = 413, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn import_values(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    body: Body,
) -> Result<(StatusCode, Json<ImportedDto>), ApiError> {
    upload::permission::kpi_values(&state, id).await?;
    let bytes = upload::to_memory(body, upload::KPI_VALUES).await?;
    let values = state
        .app
        .import_kpi_values(&state.actor, id, &bytes)
        .await?;
    Ok((StatusCode::CREATED, Json(ImportedDto { values })))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TargetInput {
    /// The målvärde ("3,8"); null removes it.
    pub value: Option<String>,
    pub revision: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TargetDto {
    pub year: u16,
    pub value: String,
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/goals/{goal}/kpis/{kpi}/targets/{year}", tag = "måluppfyllelse", params(("id" = i64, Path), ("goal" = String, Path), ("kpi" = String, Path), ("year" = i64, Path)), request_body = TargetInput,
    responses((status = 200, body = [TargetDto]), (status = 404, body = crate::error::ApiErrorBody), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_target(
    state: Acting,
    ApiPath((id, goal, kpi, year)): ApiPath<(i64, Key, Key, i64)>,
    ApiJson(input): ApiJson<TargetInput>,
) -> Result<Json<Vec<TargetDto>>, ApiError> {
    let (goal, kpi) = (goal.into_inner(), kpi.into_inner());
    let year = input::year(year).map_err(|message| ApiError::field("year", message))?;
    let value = input
        .value
        .as_deref()
        .map(input::decimal)
        .transpose()
        .map_err(|message| ApiError::field("value", message))?;
    let change = Change::SetKpiTarget {
        goal: goal.clone(),
        kpi: kpi.clone(),
        year,
        value,
    };
    let snapshot = state
        .app
        .change(&state.actor, id, input.revision, &change)
        .await?;
    let targets = snapshot
        .budget
        .goals
        .iter()
        .find(|found| found.id == goal)
        .and_then(|found| found.kpi(&kpi))
        .map(|found| {
            found
                .targets
                .iter()
                .map(|target| TargetDto {
                    year: target.year.number(),
                    value: target.value.to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Json(targets))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AssessmentInput {
    /// uppfyllt | delvis_uppfyllt | ej_uppfyllt | ej_bedomt
    pub fulfilment: String,
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentDto {
    pub goal: String,
    pub period: String,
    pub chosen: String,
    pub reason: String,
    /// What the rule computed when the assessment was set.
    pub computed: String,
    pub by: String,
    pub at: String,
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/goals/{goal}/assessments/{period}", tag = "måluppfyllelse", params(("id" = i64, Path), ("goal" = String, Path), ("period" = String, Path)), request_body = AssessmentInput,
    responses((status = 200, body = AssessmentDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn assess(
    state: Acting,
    ApiPath((id, goal, period)): ApiPath<(i64, Key, String)>,
    ApiJson(input): ApiJson<AssessmentInput>,
) -> Result<Json<AssessmentDto>, ApiError> {
    let period = period_of(&period)?;
    let chosen = input::fulfilment(&input.fulfilment)
        .map_err(|message| ApiError::field("fulfilment", message))?;
    let reason =
        input::text(&input.reason).map_err(|message| ApiError::field("reason", message))?;
    let assessment = state
        .app
        .assess_goal(
            &state.actor,
            id,
            &goal.into_inner(),
            period,
            chosen,
            &reason,
        )
        .await?;
    Ok(Json(AssessmentDto {
        goal: assessment.goal,
        period: assessment.period.key(),
        chosen: assessment.chosen.key().into(),
        reason: assessment.reason,
        computed: assessment.computed.key().into(),
        by: assessment.by,
        at: assessment.at,
    }))
}
