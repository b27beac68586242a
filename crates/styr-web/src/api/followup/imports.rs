//! Importing the books through the API, and the import log. The body is the file: SIE is
//! streamed to disk under its limit and read as it is imported; CSV (with `profile`) is read
//! whole under its own. The actor's permission is asked before a byte is read.

use axum::Json;
use axum::body::Body;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use styr_app::ImportRecord;
use utoipa::{IntoParams, ToSchema};

use crate::api::dto::AmountDto;
use crate::auth::Acting;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};
use crate::{input, upload};

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportDto {
    pub id: i64,
    pub file_name: String,
    pub checksum: String,
    pub format: String,
    pub first_month: String,
    pub last_month: String,
    pub vouchers: i64,
    pub rows: i64,
    pub debit: AmountDto,
    pub credit: AmountDto,
    pub replaced_rows: i64,
    pub imported_by: String,
    pub imported_at: String,
}

impl From<ImportRecord> for ImportDto {
    fn from(record: ImportRecord) -> ImportDto {
        ImportDto {
            id: record.id,
            file_name: record.file_name,
            checksum: record.checksum,
            format: record.format,
            first_month: record.first_month,
            last_month: record.last_month,
            vouchers: record.vouchers,
            rows: record.rows,
            debit: record.debit.into(),
            credit: record.credit.into(),
            replaced_rows: record.replaced_rows,
            imported_by: record.imported_by,
            imported_at: record.imported_at,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/imports", tag = "uppföljning",
    params(("id" = i64, Path)),
    responses((status = 200, body = [ImportDto]), (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn imports(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<ImportDto>>, ApiError> {
    state.app.snapshot(id).await?;
    let records = state.app.outcome_imports(id).await?;
    Ok(Json(records.into_iter().map(ImportDto::from).collect()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The file's name, kept in the import log.
    pub file_name: String,
    /// A saved CSV import profile; without it the body is read as SIE.
    pub profile: Option<String>,
}

/// The file is the request body, as bytes. All or nothing; the months it covers are replaced.
#[utoipa::path(post, path = "/api/v1/budgets/{id}/followup/imports", tag = "uppföljning",
    params(("id" = i64, Path), ImportQuery), request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = ImportDto), (status = 404, body = crate::error::ApiErrorBody), (status = 413, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn import(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<ImportQuery>,
    body: Body,
) -> Result<(StatusCode, Json<ImportDto>), ApiError> {
    upload::permission::outcome(&state, id).await?;
    let name =
        input::line(&query.file_name).map_err(|message| ApiError::field("file_name", message))?;
    let record = match query.profile.as_deref() {
        Some(profile) => {
            let bytes = upload::to_memory(body, upload::OUTCOME_CSV).await?;
            state
                .app
                .import_outcome(&state.actor, id, &name, &bytes, Some(profile))
                .await?
        }
        None => {
            let file = upload::to_file(body, upload::OUTCOME_SIE).await?;
            state
                .app
                .import_sie(&state.actor, id, &name, file.reader()?, |_| {})
                .await?
        }
    };
    Ok((StatusCode::CREATED, Json(record.into())))
}
