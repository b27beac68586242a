//! The efficiency register through the API: the investigations a board proposes, their
//! handling and coordinators, whether prioritised; a row is known by its position.

use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use styr_app::Snapshot;
use styr_domain::change::Change;
use utoipa::ToSchema;

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::input::records::{self};

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EfficiencyDto {
    /// The row's place in the register, counted from 0.
    #[serde(default)]
    pub position: usize,
    pub proposed_by: String,
    pub investigation: String,
    #[serde(default)]
    pub handling: String,
    #[serde(default)]
    pub coordinators: Vec<String>,
    #[serde(default = "yes")]
    pub prioritised: bool,
    #[serde(default, skip_serializing)]
    pub revision: Option<i64>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EfficiencyRegisterDto {
    pub revision: i64,
    pub investigations: Vec<EfficiencyDto>,
}

fn register_of(snapshot: &Snapshot) -> EfficiencyRegisterDto {
    EfficiencyRegisterDto {
        revision: snapshot.revision,
        investigations: snapshot
            .budget
            .efficiency
            .iter()
            .enumerate()
            .map(|(position, row)| EfficiencyDto {
                position,
                proposed_by: row.proposed_by.clone(),
                investigation: row.investigation.clone(),
                handling: row.handling.clone(),
                coordinators: row.coordinators.clone(),
                prioritised: row.prioritised,
                revision: None,
            })
            .collect(),
    }
}

fn investigation_of(
    input: &EfficiencyDto,
) -> Result<styr_domain::efficiency::EfficiencyInvestigation, ApiError> {
    records::efficiency(
        &input.proposed_by,
        &input.investigation,
        &input.handling,
        &input.coordinators.join(","),
        input.prioritised,
    )
    .map_err(ApiError::fields)
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/efficiency", tag = "effektivisering", params(("id" = i64, Path)),
    responses((status = 200, body = EfficiencyRegisterDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn efficiency(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<EfficiencyRegisterDto>, ApiError> {
    Ok(Json(register_of(&*state.app.snapshot(id).await?)))
}

#[utoipa::path(post, path = "/api/v1/budgets/{id}/efficiency", tag = "effektivisering", params(("id" = i64, Path)), request_body = EfficiencyDto,
    responses((status = 201, body = EfficiencyRegisterDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn add_efficiency(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<EfficiencyDto>,
) -> Result<(StatusCode, Json<EfficiencyRegisterDto>), ApiError> {
    let change = Change::PutEfficiency {
        position: None,
        investigation: investigation_of(&input)?,
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

#[utoipa::path(put, path = "/api/v1/budgets/{id}/efficiency/{position}", tag = "effektivisering", params(("id" = i64, Path), ("position" = usize, Path)), request_body = EfficiencyDto,
    responses((status = 200, body = EfficiencyRegisterDto), (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn replace_efficiency(
    state: Acting,
    ApiPath((id, position)): ApiPath<(i64, usize)>,
    ApiJson(input): ApiJson<EfficiencyDto>,
) -> Result<Json<EfficiencyRegisterDto>, ApiError> {
    let change = Change::PutEfficiency {
        position: Some(position),
        investigation: investigation_of(&input)?,
    };
    Ok(Json(register_of(
        &*state
            .app
            .change(&state.actor, id, input.revision, &change)
            .await?,
    )))
}

#[utoipa::path(delete, path = "/api/v1/budgets/{id}/efficiency/{position}", tag = "effektivisering", params(("id" = i64, Path), ("position" = usize, Path)),
    responses((status = 200, body = EfficiencyRegisterDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn remove_efficiency(
    state: Acting,
    ApiPath((id, position)): ApiPath<(i64, usize)>,
) -> Result<Json<EfficiencyRegisterDto>, ApiError> {
    Ok(Json(register_of(
        &*state
            .app
            .change(
                &state.actor,
                id,
                None,
                &Change::RemoveEfficiency { position },
            )
            .await?,
    )))
}
