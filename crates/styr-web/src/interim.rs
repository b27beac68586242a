//! The delårsrapport and the verksamhetsberättelse as files — PDF, Word, Excel, HTML, Markdown —
//! for the follow-up's report page, the Dokument page and the API alike, rendered by
//! `styr_output::render` from the data as it is now (nothing is stored but the texts people
//! write); and those texts through the API.
//!
//! ```text
//! GET /api/v1/budgets/1/followup/reports/delarsrapport?period=2025-08&format=pdf
//! GET /budget/1/uppfoljning/rapport/pdf?dokument=delarsrapport&period=2025-08
//! ```

use axum::Json;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use styr_app::ReportRequest;
use styr_domain::followup::{Month, ReportKind, ReportTexts};
use styr_output::Format;
use utoipa::{IntoParams, ToSchema};

use crate::auth::Acting;
use crate::downloads::{attachment, file_stem};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::input;

/// The formats a report is written in.
pub const FORMATS: [Format; 5] = [
    Format::Pdf,
    Format::Docx,
    Format::Xlsx,
    Format::Html,
    Format::Markdown,
];

/// "delarsrapport" or "arsredovisning", or 404.
pub fn kind_of(key: &str) -> Result<ReportKind, ApiError> {
    ReportKind::from_key(key).ok_or_else(ApiError::not_found)
}

/// A period written ÅÅÅÅ-MM.
pub fn period_of(text: &str) -> Result<Month, ApiError> {
    input::month(text).map_err(|message| ApiError::field("period", message))
}

/// The report as a file in `format`, named for the board, the report and its period.
pub async fn report_file(
    state: &Acting,
    id: i64,
    request: ReportRequest,
    format: Format,
) -> Result<Response, ApiError> {
    if !FORMATS.contains(&format) {
        return Err(ApiError::invalid(
            "Rapporten skrivs som pdf, docx, xlsx, html eller markdown.",
        ));
    }
    let shown = state.app.interim_report(id, &request).await?;
    let title = shown.title.clone();
    // Typesetting takes tens of milliseconds: off the threads that answer other requests.
    let bytes = tokio::task::spawn_blocking(move || {
        styr_output::render(&styr_output::interim_document(&shown), format)
    })
    .await
    .map_err(|error| {
        ApiError::internal(
            "render_failed",
            "Rapporten kunde inte skrivas.",
            Box::new(error),
        )
    })?
    .map_err(|error| {
        ApiError::internal(
            "render_failed",
            "Rapporten kunde inte skrivas.",
            Box::new(error),
        )
    })?;
    let name = format!("{}.{}", file_stem(&title), format.extension());
    Ok(attachment(format.content_type(), &name, bytes))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The report's last month, ÅÅÅÅ-MM: 2025-08 for a delårsrapport through August.
    pub period: String,
    /// pdf, docx, xlsx (the tables), html or markdown.
    pub format: crate::downloads::DocumentFormat,
    /// The budget version to compare with; the latest adopted by default.
    pub version: Option<i64>,
}

/// The delårsrapport or the verksamhetsberättelse, written from the data.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/reports/{document}", tag = "uppföljning",
    params(("id" = i64, Path), ("document" = String, Path, description = "delarsrapport eller arsredovisning"), ReportQuery),
    responses((status = 200, description = "rapporten i det begärda formatet (PDF, Word, HTML eller Markdown)"),
        (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn report_api(
    state: Acting,
    ApiPath((id, document)): ApiPath<(i64, String)>,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> Result<Response, ApiError> {
    let request = ReportRequest {
        kind: kind_of(&document)?,
        through: period_of(&query.period)?,
        version: query.version,
    };
    report_file(&state, id, request, query.format.format()).await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// The report's last month, ÅÅÅÅ-MM.
    pub period: String,
}

/// The texts people write for a report, in Markdown.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReportTextsDto {
    /// Viktiga händelser.
    #[serde(default)]
    pub events: String,
    /// Förväntad utveckling.
    #[serde(default)]
    pub outlook: String,
}

#[utoipa::path(get, path = "/api/v1/budgets/{id}/followup/reports/{document}/texts", tag = "uppföljning",
    params(("id" = i64, Path), ("document" = String, Path, description = "delarsrapport eller arsredovisning"), PeriodQuery),
    responses((status = 200, body = ReportTextsDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn texts(
    state: Acting,
    ApiPath((id, document)): ApiPath<(i64, String)>,
    ApiQuery(query): ApiQuery<PeriodQuery>,
) -> Result<Json<ReportTextsDto>, ApiError> {
    let texts = state
        .app
        .report_texts(id, kind_of(&document)?, period_of(&query.period)?)
        .await?;
    Ok(Json(ReportTextsDto {
        events: texts.events,
        outlook: texts.outlook,
    }))
}

#[utoipa::path(put, path = "/api/v1/budgets/{id}/followup/reports/{document}/texts", tag = "uppföljning",
    params(("id" = i64, Path), ("document" = String, Path, description = "delarsrapport eller arsredovisning"), PeriodQuery),
    request_body = ReportTextsDto,
    responses((status = 200, body = ReportTextsDto), (status = 404, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn set_texts(
    state: Acting,
    ApiPath((id, document)): ApiPath<(i64, String)>,
    ApiQuery(query): ApiQuery<PeriodQuery>,
    ApiJson(body): ApiJson<ReportTextsDto>,
) -> Result<Json<ReportTextsDto>, ApiError> {
    let kind = kind_of(&document)?;
    let period = period_of(&query.period)?;
    let read = |field: &str, value: &str| {
        input::text(value).map_err(|message| ApiError::field(field, message))
    };
    let texts = ReportTexts {
        events: read("events", &body.events)?,
        outlook: read("outlook", &body.outlook)?,
    };
    state
        .app
        .set_report_texts(&state.actor, id, kind, period, &texts)
        .await?;
    Ok(Json(ReportTextsDto {
        events: texts.events,
        outlook: texts.outlook,
    }))
}
