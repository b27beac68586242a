//! The budget document and its tables as files — PDF, Word, Excel, HTML, Markdown — and the
//! budget template out and back in, for the Dokument page and the API alike, and the report
//! page. Every file is rendered by `styr_output::render` from the budget as it is at this
//! revision; nothing is stored.

use axum::Json;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use styr_output::Format;
use styr_reports::BudgetReport;
use utoipa::{IntoParams, ToSchema};

use crate::auth::Acting;
use crate::error::{ApiError, PageError};
use crate::extract::{ApiPath, ApiQuery, PagePath, PageQuery};

/// A format the document can be downloaded in, as the API names it: `styr_output`'s formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct DocumentFormat(Format);

impl DocumentFormat {
    pub fn format(self) -> Format {
        self.0
    }
}

/// The schema names every format by its key, so a client (and the API's fuzzer) knows the
/// five values instead of guessing strings.
impl utoipa::PartialSchema for DocumentFormat {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("A format the document can be downloaded in."))
            .enum_values(Some(Format::ALL.iter().map(|format| format.key())))
            .into()
    }
}

impl ToSchema for DocumentFormat {}

/// The document (or, for xlsx, its tables) in a format, as a version in `status` reads (none:
/// as the budget is, unmarked).
pub fn render(
    report: &BudgetReport,
    format: Format,
    status: Option<styr_app::Status>,
) -> Result<Vec<u8>, ApiError> {
    let failed = |error: &dyn std::fmt::Display| {
        ApiError::internal(
            "render_failed",
            "Dokumentet kunde inte skrivas.",
            error.to_string().into(),
        )
    };
    // A sum too large to hold is the budget's problem, not the server's.
    let document = styr_output::budget_document(report)
        .map_err(|error| ApiError::invalid(format!("Dokumentet kan inte räknas fram: {error}.")))?;
    let document = match status {
        Some(status) => document.in_status(status),
        None => document,
    };
    styr_output::render(&document, format).map_err(|error| failed(&error))
}

/// The report page — the budget document and the check of its stated figures — as HTML,
/// through the same renderer as the HTML download, so the page and every file show the same
/// figures.
pub fn report_page(report: &BudgetReport) -> Result<Vec<u8>, PageError> {
    let page = styr_output::report_page(report)
        .map_err(|error| PageError::invalid(format!("Rapporten kan inte räknas fram: {error}.")))?;
    styr_output::render(&page, Format::Html).map_err(|error| PageError::internal(error.into()))
}

/// "Kommunstyrelsen budget 2025–2027" → "kommunstyrelsen-budget-2025-2027": a file name
/// every system accepts.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for character in title.to_lowercase().chars() {
        let plain = match character {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            other if other.is_ascii_alphanumeric() => other,
            _ => '-',
        };
        if plain != '-' || !stem.ends_with('-') {
            stem.push(plain);
        }
    }
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        "budget".into()
    } else {
        stem
    }
}

pub(crate) fn attachment(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// Version `version` of the document (without it, the current version with its goals followed
/// up as they are now): an adopted version as it was frozen, to the byte; one that is not
/// adopted marked UTKAST or FÖRSLAG on every page.
async fn document_response(
    state: &Acting,
    id: i64,
    format: Format,
    version: Option<i64>,
) -> Result<Response, ApiError> {
    let (edition, report) = state.app.edition_report(id, version).await?;
    let title = edition.budget.document.title.clone();
    let number = edition.number;
    let status = edition.status;
    // Typesetting takes tens of milliseconds: off the threads that answer other requests.
    let bytes = tokio::task::spawn_blocking(move || render(&report, format, Some(status)))
        .await
        .map_err(|error| {
            ApiError::internal(
                "render_failed",
                "Dokumentet kunde inte skrivas.",
                Box::new(error),
            )
        })??;
    let stem = file_stem(&title);
    let stem = match version {
        Some(_) => format!("{stem}-version-{number}"),
        None => stem,
    };
    let name = match format {
        Format::Xlsx => format!("{stem}-tabeller.xlsx"),
        other => format!("{stem}.{}", other.extension()),
    };
    Ok(attachment(format.content_type(), &name, bytes))
}

/// `GET /budget/{id}/dokument/{format}`: the download links of the Dokument page.
pub async fn document_page(
    state: Acting,
    PagePath((id, format)): PagePath<(i64, String)>,
) -> Result<Response, PageError> {
    let format = Format::from_key(&format).ok_or_else(PageError::not_found)?;
    Ok(document_response(&state, id, format, None).await?)
}

/// `GET /budget/{id}/versioner/{number}/dokument/{format}`: a version's document, from the
/// Versioner page; an adopted version downloads as it was adopted while a revision is open.
pub async fn version_document_page(
    state: Acting,
    PagePath((id, number, format)): PagePath<(i64, i64, String)>,
) -> Result<Response, PageError> {
    let format = Format::from_key(&format).ok_or_else(PageError::not_found)?;
    Ok(document_response(&state, id, format, Some(number)).await?)
}

/// `GET /budget/{id}/budgetmall.xlsx`: the template from the Dokument page.
pub async fn template_page(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<TemplateQuery>,
) -> Result<Response, PageError> {
    Ok(template(state, ApiPath(id), ApiQuery(query)).await?)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentQuery {
    /// pdf, docx, xlsx (the tables), html or markdown.
    pub format: DocumentFormat,
    /// The version (an adopted one as it was adopted); without it the current version.
    #[serde(default)]
    pub version: Option<i64>,
}

/// The budget document of the current version, or of `version`: an adopted version as it was
/// adopted, one that is not adopted marked UTKAST or FÖRSLAG on every page.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/download", tag = "budgetar",
    params(("id" = i64, Path), DocumentQuery),
    responses((status = 200, description = "dokumentet i det begärda formatet (PDF, Word, Excel med tabellerna, HTML eller Markdown)"),
        (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn document_api(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<DocumentQuery>,
) -> Result<Response, ApiError> {
    document_response(&state, id, query.format.0, query.version).await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateQuery {
    /// Only this unit's sheet (its id); without it every unit with budget lines. The
    /// parameter keeps its Swedish name, as the page's links have it.
    #[serde(default, rename = "enhet")]
    pub unit: Option<String>,
}

/// `GET /budget/{id}/budgetmall.xlsx` and `GET /api/v1/budgets/{id}/template`.
#[utoipa::path(get, path = "/api/v1/budgets/{id}/template", tag = "budgetar",
    params(("id" = i64, Path), TemplateQuery),
    responses((status = 200, description = "budgetmallen (.xlsx): ett blad per enhet med budgetraderna att fylla i", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 404, body = crate::error::ApiErrorBody)))]
pub async fn template(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<TemplateQuery>,
) -> Result<Response, ApiError> {
    let snapshot = state.app.snapshot(id).await?;
    let units: Vec<_> = snapshot
        .budget
        .lines
        .iter()
        .map(|lines| lines.unit.clone())
        .filter(|unit| {
            query
                .unit
                .as_deref()
                .is_none_or(|wanted| unit.as_str() == wanted)
        })
        .collect();
    if units.is_empty() {
        return Err(ApiError::invalid(
            "Enheten har inga budgetrader i budgeten.",
        ));
    }
    let bytes = styr_render::xlsx::template::template_workbook(&snapshot.budget, &units)
        .map_err(|error| ApiError::invalid(error.to_string()))?;
    let name = format!(
        "budgetmall-{}.xlsx",
        file_stem(&snapshot.budget.document.title)
    );
    Ok(attachment(Format::Xlsx.content_type(), &name, bytes))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateImportDto {
    /// How many cells and explanations differed from the budget and were changed.
    pub changes: usize,
    /// The budget's revision after the import.
    pub revision: i64,
}

/// The filled-in template is the request body. All or nothing: every problem is named by its
/// sheet and cell, and the budget stays as it was.
#[utoipa::path(post, path = "/api/v1/budgets/{id}/template", tag = "budgetar",
    params(("id" = i64, Path)),
    request_body(description = "den ifyllda budgetmallen (.xlsx)", content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (Vec<u8> = "application/octet-stream"))),
    responses((status = 200, body = TemplateImportDto), (status = 403, body = crate::error::ApiErrorBody),
        (status = 409, body = crate::error::ApiErrorBody), (status = 422, body = crate::error::ApiErrorBody)))]
pub async fn import_template(
    state: Acting,
    ApiPath(id): ApiPath<i64>,
    body: axum::body::Body,
) -> Result<Json<TemplateImportDto>, ApiError> {
    crate::upload::permission::template(&state, id).await?;
    let workbook = crate::upload::to_memory(body, crate::upload::TEMPLATE).await?;
    let imported = state
        .app
        .import_template(&state.actor, id, &workbook)
        .await?;
    Ok(Json(TemplateImportDto {
        changes: imported.changes,
        revision: imported.snapshot.revision,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            file_stem("Kommunstyrelsen budget 2025–2027"),
            "kommunstyrelsen-budget-2025-2027"
        );
        assert_eq!(file_stem("Överförmyndare: Ä/Ö"), "overformyndare-a-o");
        assert_eq!(file_stem("––"), "budget");
    }
}
