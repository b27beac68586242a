//! The Kolada cache through the API: what it holds (KPI metadata, groups with their members,
//! the log of fetches and imports, a municipality's chosen peer group), a KPI's cached values
//! with their fetch times, a saved answer or CSV download imported, a peer group chosen, a
//! user's own list of peers kept. Fetching from Kolada itself is `styr kolada fetch`'s.

use axum::Json;
use axum::body::Body;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::{input, upload};

#[derive(Debug, Serialize, ToSchema)]
pub struct KoladaKpiDto {
    pub id: String,
    pub title: String,
    pub operating_area: String,
    pub divided_by_gender: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberDto {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupDto {
    pub id: String,
    pub title: String,
    /// A user's own list rather than one of Kolada's groups.
    pub own: bool,
    pub members: Vec<MemberDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FetchDto {
    pub id: i64,
    pub at: String,
    pub by: String,
    pub origin: String,
    pub pages: i64,
    pub rows: i64,
    pub inserted: i64,
    pub changed: i64,
    pub removed: i64,
    pub unchanged: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KoladaDto {
    /// "Källa: Kolada".
    pub attribution: String,
    pub kpis: Vec<KoladaKpiDto>,
    pub groups: Vec<GroupDto>,
    pub fetches: Vec<FetchDto>,
    /// The group chosen for the municipality asked about, if any.
    pub peer_group: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CacheQuery {
    /// The municipality whose chosen peer group to show (four digits, "1489").
    pub municipality: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/kolada", tag = "kolada", params(CacheQuery),
    responses((status = 200, body = KoladaDto)))]
pub async fn cache(
    state: Acting,
    ApiQuery(query): ApiQuery<CacheQuery>,
) -> Result<Json<KoladaDto>, ApiError> {
    let municipality = query.municipality.unwrap_or_default();
    let cache = state.app.kolada_cache(&municipality).await?;
    Ok(Json(KoladaDto {
        attribution: styr_domain::kolada::ATTRIBUTION.into(),
        kpis: cache
            .kpis
            .into_iter()
            .map(|kpi| KoladaKpiDto {
                id: kpi.id,
                title: kpi.title,
                operating_area: kpi.operating_area,
                divided_by_gender: kpi.divided_by_gender,
            })
            .collect(),
        groups: cache
            .groups
            .into_iter()
            .map(|group| GroupDto {
                id: group.id,
                title: group.title,
                own: group.own,
                members: group
                    .members
                    .into_iter()
                    .map(|member| MemberDto {
                        id: member.id,
                        title: member.title,
                    })
                    .collect(),
            })
            .collect(),
        fetches: cache
            .fetches
            .into_iter()
            .map(|fetch| FetchDto {
                id: fetch.id,
                at: fetch.at,
                by: fetch.by,
                origin: fetch.origin,
                pages: fetch.pages,
                rows: fetch.rows,
                inserted: fetch.counts.inserted,
                changed: fetch.counts.changed,
                removed: fetch.counts.removed,
                unchanged: fetch.counts.unchanged,
            })
            .collect(),
        peer_group: cache.peer_choice,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KoladaValueDto {
    pub municipality: String,
    pub year: u16,
    /// T, K or M.
    pub gender: String,
    /// Exact, as text; null where Kolada has no value.
    pub value: Option<String>,
    pub count: Option<i64>,
    pub status: String,
    pub fetched_at: String,
}

#[utoipa::path(get, path = "/api/v1/kolada/kpis/{kpi}/values", tag = "kolada", params(("kpi" = String, Path)),
    responses((status = 200, body = [KoladaValueDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn values(
    state: Acting,
    ApiPath(kpi): ApiPath<String>,
) -> Result<Json<Vec<KoladaValueDto>>, ApiError> {
    if !styr_domain::kolada::is_kpi_id(&kpi) {
        return Err(ApiError::not_found());
    }
    let values = state.app.kolada_values(&kpi).await?;
    Ok(Json(
        values
            .into_iter()
            .map(|(value, fetched_at)| KoladaValueDto {
                municipality: value.municipality,
                year: value.year.number(),
                gender: value.gender.key().into(),
                value: value.value.map(|figure| figure.to_string()),
                count: value.count,
                status: value.status,
                fetched_at,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The file's name, kept in the log.
    pub file_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RefreshDto {
    pub inserted: i64,
    pub changed: i64,
    pub removed: i64,
    pub unchanged: i64,
}

/// The body is a saved Kolada answer (JSON) or a CSV download. All or nothing.
#[utoipa::path(post, path = "/api/v1/kolada/imports", tag = "kolada", params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = RefreshDto), (status = 413, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn import(
    state: Acting,
    ApiQuery(query): ApiQuery<ImportQuery>,
    body: Body,
) -> Result<(StatusCode, Json<RefreshDto>), ApiError> {
    upload::permission::kolada(&state).await?;
    let name =
        input::line(&query.file_name).map_err(|message| ApiError::field("file_name", message))?;
    let bytes = upload::to_memory(body, upload::KOLADA_FILE).await?;
    let counts = state
        .app
        .import_kolada_file(&state.actor, &name, &bytes)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(RefreshDto {
            inserted: counts.inserted,
            changed: counts.changed,
            removed: counts.removed,
            unchanged: counts.unchanged,
        }),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PeersInput {
    /// A group in the cache: Kolada's ("G37411") or an own list.
    pub group: String,
}

#[utoipa::path(put, path = "/api/v1/kolada/peers/{municipality}", tag = "kolada", params(("municipality" = String, Path)), request_body = PeersInput,
    responses((status = 204), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn choose_peers(
    state: Acting,
    ApiPath(municipality): ApiPath<String>,
    ApiJson(input): ApiJson<PeersInput>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .choose_peers(&state.actor, &municipality, input.group.trim())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct GroupInput {
    pub title: String,
    /// Municipality codes, four digits each.
    pub members: Vec<String>,
}

#[utoipa::path(put, path = "/api/v1/kolada/groups/{group}", tag = "kolada", params(("group" = String, Path)), request_body = GroupInput,
    responses((status = 204), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn put_group(
    state: Acting,
    ApiPath(group): ApiPath<String>,
    ApiJson(input): ApiJson<GroupInput>,
) -> Result<StatusCode, ApiError> {
    let title = input::line(&input.title).map_err(|message| ApiError::field("title", message))?;
    state
        .app
        .put_own_group(&state.actor, &group, &title, &input.members)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
