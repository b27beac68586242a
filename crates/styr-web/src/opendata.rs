//! The open-data package of a budget's latest adopted version as one ZIP download, for the
//! page and the API alike. A draft is not published: open data is what the board decided.

use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::auth::Acting;
use crate::error::{ApiError, PageError};
use crate::extract::{ApiPath, PagePath};

/// The package's files in a ZIP archive.
pub fn archive(files: &[styr_render::fdp::PackageFile]) -> Result<Vec<u8>, String> {
    let parts: Vec<styr_render::package::Part> = files
        .iter()
        .map(|file| styr_render::package::Part::new(file.name.as_str(), file.content.as_bytes()))
        .collect();
    styr_render::package::zip(&parts).map_err(|error| error.to_string())
}

/// `GET /api/v1/budgets/{id}/opendata` and `/budget/{id}/oppna-data.zip`.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/opendata", tag = "budgetar", params(("id" = i64, Path)),
    responses((status = 200, description = "ett Frictionless (Fiscal) Data Package som ZIP: datapackage.json, driftbudget.csv, investeringar.csv", content_type = "application/zip"),
        (status = 409, body = crate::error::ApiErrorBody, description = "ingen version är fastställd än")))]
pub async fn download(state: Acting, ApiPath(id): ApiPath<i64>) -> Result<Response, ApiError> {
    let Some((version, budget)) = state.app.adopted_budget(id).await? else {
        let mut error = ApiError::invalid(
            "Budgeten har ingen fastställd version än; öppna data publiceras från en fastställd budget.",
        );
        error.status = axum::http::StatusCode::CONFLICT;
        error.body.error = "not_adopted";
        return Err(error);
    };
    let report = styr_reports::budget_report(&budget)
        .map_err(|error| ApiError::invalid(error.to_string()))?;
    let bytes =
        archive(&styr_render::fdp::fiscal_data_package(&report)).map_err(ApiError::invalid)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"styr-budget-{id}-version-{version}.zip\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /budget/{id}/oppna-data.zip`: the package from the page, refusals as a page.
pub async fn download_page(
    state: Acting,
    PagePath(id): PagePath<i64>,
) -> Result<Response, PageError> {
    Ok(download(state, ApiPath(id)).await?)
}
