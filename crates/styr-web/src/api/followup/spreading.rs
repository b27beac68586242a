//! How each line's yearly budget is spread over the months: twelve weights, January first
//! (`[1,1,1,1,1,1,0,1,1,1,1,1]` leaves July out); a line without is spread evenly.

use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};

/// Each line's twelve weights, January first; a line left out is spread evenly.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProfilesDto {
    #[serde(flatten)]
    pub lines: std::collections::BTreeMap<String, Vec<u32>>,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/profiles", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = ProfilesDto), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn profiles(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ProfilesDto>, ApiError> {
    state.app.snapshot(id).await?;
    let profiles = state.app.line_profiles(id).await?;
    Ok(Json(ProfilesDto {
        lines: profiles
            .into_iter()
            .map(|(line, profile)| (line.key().to_string(), profile.0.to_vec()))
            .collect(),
    }))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/profiles", tag = "uppföljning",
    params(("id" = i64, Path)), request_body = ProfilesDto,
    responses((status = 200, body = ProfilesDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_profiles(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ProfilesDto>,
) -> Result<Json<ProfilesDto>, ApiError> {
    let mut chosen = std::collections::BTreeMap::new();
    for (key, weights) in &input.lines {
        let line = styr_domain::operating::LineKind::from_key(key)
            .ok_or_else(|| ApiError::invalid(format!("raden ”{key}” finns inte")))?;
        let weights: [u32; 12] = weights
            .clone()
            .try_into()
            .map_err(|_| ApiError::invalid(format!("{key}: tolv vikter, januari först")))?;
        if weights.iter().all(|weight| *weight == 0) || weights.iter().any(|weight| *weight > 1000)
        {
            return Err(ApiError::invalid(format!(
                "{key}: vikterna ska vara heltal 0–1 000 och inte alla noll"
            )));
        }
        chosen.insert(line, styr_domain::followup::Profile(weights));
    }
    state.app.snapshot(id).await?;
    state
        .app
        .set_line_profiles(&state.actor, id, &chosen)
        .await?;
    profiles(state, ApiPath(id)).await
}
