//! The risk register and its matrix through the API: each risk's sannolikhet and
//! väsentlighet (1–4), riskvärde and handling, the scales, the bands and the 4×4 matrix.

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
    /// Riskägare.
    pub owner: String,
    pub category: String,
    /// The residual risk after measures, when judged.
    pub residual: Option<ResidualDto>,
}

/// Kvarstående risk: the grades after measures and their product.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResidualDto {
    pub probability: u8,
    pub materiality: u8,
    pub value: u8,
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
            .map(|risk| {
                let stored = snapshot.budget.risk(&risk.id);
                RiskDto {
                    owner: stored
                        .map(|stored| stored.owner.clone())
                        .unwrap_or_default(),
                    category: stored
                        .map(|stored| stored.category.clone())
                        .unwrap_or_default(),
                    residual: stored.and_then(|stored| stored.residual).map(|residual| {
                        ResidualDto {
                            probability: residual.probability.value(),
                            materiality: residual.materiality.value(),
                            value: residual.value().value(),
                        }
                    }),
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
                }
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
    /// Left out: kept as stored.
    pub owner: Option<String>,
    /// Left out: kept as stored.
    pub category: Option<String>,
    /// The residual grades 1–4 after measures; both or neither. Left out: kept as stored.
    pub residual_probability: Option<i64>,
    pub residual_materiality: Option<i64>,
    /// Set to true to clear a stored residual risk.
    #[serde(default)]
    pub clear_residual: bool,
}

fn risk_of(
    input: &RiskInput,
    id: Option<&str>,
    snapshot: &Snapshot,
) -> Result<styr_domain::risk::Risk, ApiError> {
    let id = id.or(input.id.as_deref());
    let existing = id.and_then(|id| snapshot.budget.risk(id));
    let stated = existing.and_then(|risk| risk.stated_value);
    let (probability, materiality) = (input.probability.to_string(), input.materiality.to_string());
    let residual_probability = input.residual_probability.map(|grade| grade.to_string());
    let residual_materiality = input.residual_materiality.map(|grade| grade.to_string());
    let clear = input.clear_residual.then_some("");
    records::risk(&records::RiskInput {
        owner: input.owner.as_deref(),
        category: input.category.as_deref(),
        residual_probability: residual_probability.as_deref().or(clear),
        residual_materiality: residual_materiality.as_deref().or(clear),
        existing,
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
