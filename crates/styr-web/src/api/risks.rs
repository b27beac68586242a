//! The risk register, its matrix, and the internal control plan with results, through the API.

use crate::extract::ApiPath;
use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use styr_app::Snapshot;
use styr_domain::change::Change;
use utoipa::ToSchema;

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::input::Key;
use crate::input::records;

#[derive(Debug, Serialize, ToSchema)]
pub struct RiskDto {
    pub id: String,
    pub name: String,
    pub description: String,
    pub probability: u8,
    pub materiality: u8,
    /// Riskvärde: probability × materiality.
    pub value: u8,
    pub band: String,
    pub colour: String,
    /// accept | action | control
    pub handling: String,
    pub handling_text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScaleStepDto {
    pub grade: u8,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BandDto {
    pub name: String,
    pub from: u8,
    pub to: u8,
    pub colour: String,
    pub handling: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MatrixCellDto {
    pub probability: u8,
    pub materiality: u8,
    pub value: u8,
    pub band: String,
    pub colour: String,
    pub risks: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RiskRegisterDto {
    pub revision: i64,
    pub risks: Vec<RiskDto>,
    pub probability_scale: Vec<ScaleStepDto>,
    pub materiality_scale: Vec<ScaleStepDto>,
    pub bands: Vec<BandDto>,
    /// Rows from probability 4 down to 1; columns materiality 1 to 4.
    pub matrix: Vec<Vec<MatrixCellDto>>,
}

fn register_of(snapshot: &Snapshot) -> RiskRegisterDto {
    let report = &snapshot.report().risks;
    let scale = |steps: &[styr_domain::risk::ScaleStep]| {
        steps
            .iter()
            .map(|step| ScaleStepDto {
                grade: step.grade.value(),
                name: step.name.clone(),
                description: step.description.clone(),
            })
            .collect()
    };
    RiskRegisterDto {
        revision: snapshot.revision,
        risks: report
            .risks
            .iter()
            .map(|risk| RiskDto {
                id: risk.id.clone(),
                name: risk.name.clone(),
                description: risk.description.clone(),
                probability: risk.probability,
                materiality: risk.materiality,
                value: risk.value,
                band: risk.band.clone(),
                colour: risk.colour.clone(),
                handling: risk.handling.key().into(),
                handling_text: risk.handling_text.clone(),
            })
            .collect(),
        probability_scale: scale(&report.probability_scale),
        materiality_scale: scale(&report.materiality_scale),
        bands: report
            .bands
            .iter()
            .map(|band| BandDto {
                name: band.name.clone(),
                from: band.from,
                to: band.to,
                colour: band.colour.clone(),
                handling: band.suggested_handling.key().into(),
            })
            .collect(),
        matrix: report
            .matrix
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| MatrixCellDto {
                        probability: cell.probability,
                        materiality: cell.materiality,
                        value: cell.value,
                        band: cell.band.clone(),
                        colour: cell.colour.clone(),
                        risks: cell.risks.clone(),
                    })
                    .collect()
            })
            .collect(),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RiskInput {
    /// Made from the name when left out.
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub probability: i64,
    pub materiality: i64,
    pub handling: String,
    #[serde(default)]
    pub handling_text: String,
    pub revision: Option<i64>,
}

fn risk_of(
    input: &RiskInput,
    id: Option<&str>,
    snapshot: &Snapshot,
) -> Result<styr_domain::risk::Risk, ApiError> {
    let id = id.or(input.id.as_deref());
    let stated = id
        .and_then(|id| snapshot.budget.risk(id))
        .and_then(|risk| risk.stated_value);
    let (probability, materiality) = (input.probability.to_string(), input.materiality.to_string());
    records::risk(&records::RiskInput {
        id,
        name: &input.name,
        description: &input.description,
        probability: &probability,
        materiality: &materiality,
        handling: &input.handling,
        handling_text: &input.handling_text,
        stated_value: stated,
    })
    .map_err(ApiError::fields)
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/risks", tag = "risker", params(("id" = i64, Path)),
    responses((status = 200, body = RiskRegisterDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn risks(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<RiskRegisterDto>, ApiError> {
    Ok(Json(register_of(&*state.app.snapshot(id).await?)))
}

#[utoipa::path(post, path = "/api/v1/budgets/{id}/risks", tag = "risker", params(("id" = i64, Path)), request_body = RiskInput,
    responses((status = 201, body = RiskRegisterDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn put_risk(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<RiskInput>,
) -> Result<(StatusCode, Json<RiskRegisterDto>), ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let change = Change::PutRisk {
        risk: risk_of(&input, None, &snapshot)?,
    };
    Ok((
        StatusCode::CREATED,
        Json(register_of(
            &*state
                .app
                .change(&state.actor, id, input.revision, &change)
                .await?,
        )),
    ))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/risks/{risk}", tag = "risker", params(("id" = i64, Path), ("risk" = String, Path)), request_body = RiskInput,
    responses((status = 200, body = RiskRegisterDto), (status = 404, body = crate::error::ApiErrorBody), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn replace_risk(
    state: Acting,
    ApiPath((id, risk)): ApiPath<(i64, Key)>,
    ApiJson(input): ApiJson<RiskInput>,
) -> Result<Json<RiskRegisterDto>, ApiError> {
    let risk = risk.into_inner();
    let snapshot = state.app.snapshot(id).await?;
    if snapshot.budget.risk(&risk).is_none() {
        return Err(ApiError::not_found());
    }
    let change = Change::PutRisk {
        risk: risk_of(&input, Some(&risk), &snapshot)?,
    };
    Ok(Json(register_of(
        &*state
            .app
            .change(&state.actor, id, input.revision, &change)
            .await?,
    )))
}

#[utoipa::path(delete, path = "/api/v1/budgets/{id}/risks/{risk}", tag = "risker", params(("id" = i64, Path), ("risk" = String, Path)),
    responses((status = 200, body = RiskRegisterDto), (status = 422, body = crate::error::ApiErrorBody, description = "t.ex. risken används i kontrollplanen")))]
pub async fn remove_risk(
    state: Acting,
    ApiPath((id, risk)): ApiPath<(i64, Key)>,
) -> Result<Json<RiskRegisterDto>, ApiError> {
    let risk = risk.into_inner();
    Ok(Json(register_of(
        &*state
            .app
            .change(&state.actor, id, None, &Change::RemoveRisk { id: risk })
            .await?,
    )))
}

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
    let control = records::control(
        input.id.as_deref(),
        &input.risk,
        &input.description,
        &input.method,
        &input.responsible,
        None,
    )
    .map_err(ApiError::fields)?;
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
    let control = records::control(
        Some(&control),
        &input.risk,
        &input.description,
        &input.method,
        &input.responsible,
        Some(existing),
    )
    .map_err(ApiError::fields)?;
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
