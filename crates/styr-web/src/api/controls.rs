//! The internal control plan through the API: control activities (each tied to a risk of
//! the risk analysis, with method and who is responsible) and the results of performed
//! controls.

use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use styr_app::Snapshot;
use styr_domain::change::Change;
use utoipa::ToSchema;

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::{Key, records};

#[derive(Debug, Serialize, ToSchema)]
pub struct ControlResultDto {
    pub performed_on: String,
    pub sample: String,
    pub deviations_found: u32,
    pub deviations: String,
    pub actions: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ControlDto {
    pub id: String,
    pub risk: String,
    pub risk_name: String,
    /// The risk's value from the risk analysis.
    pub value: u8,
    pub description: String,
    pub method: String,
    pub responsible: String,
    pub results: Vec<ControlResultDto>,
    /// once | yearly | tertial | quarterly | monthly | continuous
    pub frequency: String,
    /// ÅÅÅÅ-MM-DD, when planned.
    pub planned_on: Option<String>,
    /// ÅÅÅÅ-MM-DD, the day the result is reported by.
    pub report_by: Option<String>,
    /// planned | ongoing | done | cancelled
    pub status: String,
    pub conclusion: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ControlPlanDto {
    pub revision: i64,
    pub controls: Vec<ControlDto>,
}

fn plan_of(snapshot: &Snapshot) -> ControlPlanDto {
    let budget = &snapshot.budget;
    ControlPlanDto {
        revision: snapshot.revision,
        controls: budget
            .controls
            .iter()
            .map(|control| {
                let risk = budget.risk(&control.risk);
                ControlDto {
                    id: control.id.clone(),
                    risk: control.risk.clone(),
                    risk_name: risk.map(|risk| risk.name.clone()).unwrap_or_default(),
                    value: risk.map(|risk| risk.value().value()).unwrap_or_default(),
                    description: control.description.clone(),
                    method: control.method.clone(),
                    responsible: control.responsible.clone(),
                    frequency: control.schedule.frequency.key().into(),
                    planned_on: control.schedule.planned_on.map(|date| date.to_string()),
                    report_by: control.schedule.report_by.map(|date| date.to_string()),
                    status: control.status.key().into(),
                    conclusion: control.conclusion.clone(),
                    results: control
                        .results
                        .iter()
                        .map(|result| ControlResultDto {
                            performed_on: result.performed_on.to_string(),
                            sample: result.sample.clone(),
                            deviations_found: result.deviations_found,
                            deviations: result.deviations.clone(),
                            actions: result.actions.clone(),
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ControlInput {
    /// Made from the risk when left out.
    pub id: Option<String>,
    /// The risk's id in the risk analysis.
    pub risk: String,
    #[serde(default)]
    pub description: String,
    pub method: String,
    pub responsible: String,
    pub revision: Option<i64>,
    /// once | yearly | tertial | quarterly | monthly | continuous; left out: kept as stored.
    pub frequency: Option<String>,
    /// ÅÅÅÅ-MM-DD, "" for none; left out: kept as stored.
    pub planned_on: Option<String>,
    /// ÅÅÅÅ-MM-DD, "" for none; left out: kept as stored.
    pub report_by: Option<String>,
    /// planned | ongoing | done | cancelled; left out: kept as stored.
    pub status: Option<String>,
    /// Left out: kept as stored.
    pub conclusion: Option<String>,
}

impl ControlInput {
    fn read(
        &self,
        id: Option<&str>,
        existing: Option<&styr_domain::internal_control::ControlActivity>,
    ) -> Result<styr_domain::internal_control::ControlActivity, ApiError> {
        records::control(&records::ControlInput {
            id,
            risk: &self.risk,
            description: &self.description,
            method: &self.method,
            responsible: &self.responsible,
            frequency: self.frequency.as_deref(),
            planned_on: self.planned_on.as_deref(),
            report_by: self.report_by.as_deref(),
            status: self.status.as_deref(),
            conclusion: self.conclusion.as_deref(),
            existing,
        })
        .map_err(ApiError::fields)
    }
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/controls", tag = "internkontroll", params(("id" = i64, Path)),
    responses((status = 200, body = ControlPlanDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn controls(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ControlPlanDto>, ApiError> {
    Ok(Json(plan_of(&*state.app.snapshot(id).await?)))
}

#[utoipa::path(post, path = "/api/v1/budgets/{id}/controls", tag = "internkontroll", params(("id" = i64, Path)), request_body = ControlInput,
    responses((status = 201, body = ControlPlanDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn put_control(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ControlInput>,
) -> Result<(StatusCode, Json<ControlPlanDto>), ApiError> {
    let control = input.read(input.id.as_deref(), None)?;
    let snapshot = state
        .app
        .change(
            &state.actor,
            id,
            input.revision,
            &Change::PutControl { control },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(plan_of(&snapshot))))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/controls/{control}", tag = "internkontroll", params(("id" = i64, Path), ("control" = String, Path)), request_body = ControlInput,
    responses((status = 200, body = ControlPlanDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn replace_control(
    state: Acting,
    ApiPath((id, control)): ApiPath<(i64, Key)>,
    ApiJson(input): ApiJson<ControlInput>,
) -> Result<Json<ControlPlanDto>, ApiError> {
    let control = control.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    let existing = snapshot
        .budget
        .controls
        .iter()
        .find(|existing| existing.id == control)
        .ok_or_else(ApiError::not_found)?;
    let control = input.read(Some(&control), Some(existing))?;
    Ok(Json(plan_of(
        &*state
            .app
            .change(
                &state.actor,
                id,
                input.revision,
                &Change::PutControl { control },
            )
            .await?,
    )))
}

#[utoipa::path(delete, path = "/api/v1/budgets/{id}/controls/{control}", tag = "internkontroll", params(("id" = i64, Path), ("control" = String, Path)),
    responses((status = 200, body = ControlPlanDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn remove_control(
    state: Acting,
    ApiPath((id, control)): ApiPath<(i64, Key)>,
) -> Result<Json<ControlPlanDto>, ApiError> {
    let control = control.into_inner();
    Ok(Json(plan_of(
        &*state
            .app
            .change(
                &state.actor,
                id,
                None,
                &Change::RemoveControl { id: control },
            )
            .await?,
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ControlResultInput {
    /// ÅÅÅÅ-MM-DD
    pub performed_on: String,
    pub sample: String,
    #[serde(default)]
    pub deviations_found: u32,
    #[serde(default)]
    pub deviations: String,
    #[serde(default)]
    pub actions: String,
    pub revision: Option<i64>,
}

/// Records a performed control: when, on what sample, what it found, what was decided.
#[utoipa::path(post, path = "/api/v1/budgets/{id}/controls/{control}/results", tag = "internkontroll", params(("id" = i64, Path), ("control" = String, Path)), request_body = ControlResultInput,
    responses((status = 201, body = ControlPlanDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn add_result(
    state: Acting,
    ApiPath((id, control)): ApiPath<(i64, Key)>,
    ApiJson(input): ApiJson<ControlResultInput>,
) -> Result<(StatusCode, Json<ControlPlanDto>), ApiError> {
    let control = control.into_inner();
    let result = records::control_result(
        &input.performed_on,
        &input.sample,
        &input.deviations_found.to_string(),
        &input.deviations,
        &input.actions,
    )
    .map_err(ApiError::fields)?;
    let snapshot = state
        .app
        .change(
            &state.actor,
            id,
            input.revision,
            &Change::AddControlResult { control, result },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(plan_of(&snapshot))))
}
