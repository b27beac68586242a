//! Saved CSV import profiles: how an accounting system's CSV export is read.

use axum::Json;
use axum::body::Body;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::{input, upload};

/// Saved CSV import profiles, name → profile (TOML); they serve every budget.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProfilesDto {
    #[serde(flatten)]
    pub profiles: std::collections::BTreeMap<String, String>,
}

#[utoipa::path(get, path = "/api/v1/import-profiles", tag = "uppföljning",
    responses((status = 200, body = ImportProfilesDto)))]
pub async fn import_profiles(state: Acting) -> Result<Json<ImportProfilesDto>, ApiError> {
    Ok(Json(ImportProfilesDto {
        profiles: state.app.import_profiles().await?,
    }))
}

/// The body is the profile as TOML text (see docs/followup.md); it is checked before it is saved.
#[utoipa::path(put, path = "/api/v1/import-profiles/{name}", tag = "uppföljning",
    params(("name" = String, Path)), request_body(content = String, content_type = "text/plain"),
    responses((status = 200, body = ImportProfilesDto), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn save_import_profile(
    state: Acting,
    ApiPath(name): ApiPath<String>,
    body: Body,
) -> Result<Json<ImportProfilesDto>, ApiError> {
    upload::permission::import_profile(&state).await?;
    let name = input::line(&name).map_err(|message| ApiError::field("name", message))?;
    if name.is_empty() {
        return Err(ApiError::invalid("profilen behöver ett namn"));
    }
    let definition = String::from_utf8(upload::to_memory(body, upload::IMPORT_PROFILE).await?)
        .map_err(|_| ApiError::invalid("profilen är inte UTF-8"))?;
    state
        .app
        .save_import_profile(&state.actor, &name, &definition)
        .await?;
    import_profiles(state).await
}
