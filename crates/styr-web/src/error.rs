//! One mapping from what went wrong to a response: pages get an HTML page in Swedish, the API a
//! JSON body `{ "error", "message", "fields", "current_revision" }`. A server fault is logged with
//! its whole cause chain under a request id, and the person is shown only the id.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;
use styr_app::AppError;

static NEXT_REQUEST: AtomicU64 = AtomicU64::new(1);

/// A number to quote when reporting a fault; it finds the full cause in the log.
pub(crate) fn incident(error: &dyn std::error::Error) -> String {
    let id = format!(
        "{:x}-{}",
        std::process::id(),
        NEXT_REQUEST.fetch_add(1, Ordering::Relaxed)
    );
    let mut chain = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    tracing::error!(incident = %id, error = %chain, "request failed");
    id
}

/// Why a page cannot be shown.
#[derive(Debug)]
pub enum PageError {
    NotFound,
    /// The actor's role does not allow it (403).
    Forbidden(String),
    Conflict(String),
    Invalid(String),
    Internal(String),
}

impl From<AppError> for PageError {
    fn from(error: AppError) -> PageError {
        match error {
            AppError::NotFound => PageError::NotFound,
            AppError::Conflict { .. } | AppError::Stale { .. } | AppError::Busy(_) => {
                PageError::Conflict(error.to_string())
            }
            AppError::Invalid(_) | AppError::DoesNotCompute(_) | AppError::Unreadable(_) => {
                PageError::Invalid(error.to_string())
            }
            AppError::Store(_) | AppError::WriteFailed(_) => PageError::Internal(incident(&error)),
            AppError::Forbidden(_) => PageError::Forbidden(error.to_string()),
            AppError::Frozen(_) | AppError::Rejected(_) => PageError::Invalid(error.to_string()),
            AppError::LoginFailed | AppError::Throttled => PageError::Forbidden(error.to_string()),
        }
    }
}

impl From<askama::Error> for PageError {
    fn from(error: askama::Error) -> PageError {
        PageError::Internal(incident(&error))
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: String,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, title, message) = match self {
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                "Sidan finns inte",
                "Det finns ingen sådan budget eller sida.".to_string(),
            ),
            PageError::Conflict(message) => (StatusCode::CONFLICT, "Budgeten har ändrats", message),
            PageError::Forbidden(message) => (
                StatusCode::FORBIDDEN,
                "Inte tillåtet",
                format!("{}. Ingenting har ändrats.", capitalised(&message)),
            ),
            PageError::Invalid(message) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Ändringen gick inte att göra",
                message,
            ),
            PageError::Internal(id) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Något gick fel",
                format!(
                    "Ingenting har ändrats. Ange felnummer {id} om du kontaktar förvaltaren av styr."
                ),
            ),
        };
        let page = ErrorPage {
            title: title.to_string(),
            message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, page.message).into_response(),
        }
    }
}

/// The API's error body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    /// not_found | invalid | conflict | stale (someone changed what this was based on; the
    /// value now is in fields.current, its version in fields.version) | frozen | unreadable | unauthenticated | forbidden |
    /// csrf | internal
    pub error: &'static str,
    /// A sentence in Swedish for the person.
    pub message: String,
    /// Messages per input field, when the input was at fault.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// On a conflict: the budget's revision now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_revision: Option<i64>,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ApiErrorBody,
}

impl ApiError {
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::with_status(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    pub fn fields(fields: BTreeMap<String, String>) -> ApiError {
        let mut error = ApiError::invalid("Några värden kunde inte läsas; se fälten.");
        error.body.fields = fields;
        error
    }

    pub fn not_found() -> ApiError {
        ApiError::with_status(
            StatusCode::NOT_FOUND,
            "not_found",
            "Det finns ingen sådan resurs.",
        )
    }

    pub fn with_status(
        status: StatusCode,
        error: &'static str,
        message: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            body: ApiErrorBody {
                error,
                message: message.into(),
                fields: BTreeMap::new(),
                current_revision: None,
            },
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> ApiError {
        match &error {
            AppError::NotFound => ApiError::not_found(),
            AppError::Conflict { current_revision } => {
                let mut api =
                    ApiError::with_status(StatusCode::CONFLICT, "conflict", error.to_string());
                api.body.current_revision = Some(*current_revision);
                api
            }
            AppError::Invalid(_) | AppError::DoesNotCompute(_) => {
                ApiError::invalid(error.to_string())
            }
            AppError::Unreadable(issues) => {
                let mut api = ApiError::with_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unreadable",
                    "Filen kunde inte läsas.",
                );
                for (index, issue) in issues.iter().enumerate() {
                    api.body
                        .fields
                        .insert(format!("{:03}", index + 1), issue.to_string());
                }
                api
            }
            AppError::Forbidden(_) | AppError::LoginFailed | AppError::Throttled => {
                ApiError::with_status(StatusCode::FORBIDDEN, "forbidden", error.to_string())
            }
            AppError::Frozen(_) => {
                ApiError::with_status(StatusCode::CONFLICT, "frozen", error.to_string())
            }
            AppError::Busy(_) => {
                ApiError::with_status(StatusCode::LOCKED, "busy", error.to_string())
            }
            AppError::Stale {
                current,
                current_version,
                current_revision,
                ..
            } => {
                let mut api =
                    ApiError::with_status(StatusCode::CONFLICT, "stale", error.to_string());
                api.body.current_revision = Some(*current_revision);
                api.body.fields.insert("current".into(), current.clone());
                api.body
                    .fields
                    .insert("version".into(), current_version.clone());
                api
            }
            AppError::Rejected(_) => ApiError::invalid(error.to_string()),
            AppError::Store(_) | AppError::WriteFailed(_) => {
                let id = incident(&error);
                ApiError::with_status(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    format!("Ingenting har ändrats (felnummer {id})."),
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

/// A sentence's first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}
