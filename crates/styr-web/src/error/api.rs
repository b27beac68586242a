//! The API's errors: the kind's status and a JSON body in Swedish, the same for every route.

use std::collections::BTreeMap;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use styr_app::AppError;

use super::{Kind, Source, incident, kind_of};

/// The API's error body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    /// not_found | invalid | unreadable | conflict | stale (someone changed what this was
    /// based on; the value now is in fields.current, its version in fields.version) | frozen |
    /// too_large | unauthenticated | forbidden | csrf | throttled | not_adopted | internal |
    /// render_failed
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
    /// What caused it, logged with a server fault.
    pub source: Option<Source>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.body.message)
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

impl ApiError {
    /// An error of `kind` with its status and code.
    pub fn of(kind: Kind, message: impl Into<String>) -> ApiError {
        ApiError::with_status(kind.status(), kind.code(), message)
    }

    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::of(Kind::Invalid, message)
    }

    /// Input that did not read: one message per field.
    pub fn fields(fields: BTreeMap<String, String>) -> ApiError {
        let mut error = ApiError::invalid("Några värden kunde inte läsas; se fälten.");
        error.body.fields = fields;
        error
    }

    /// One field that did not read.
    pub fn field(field: &str, message: impl Into<String>) -> ApiError {
        ApiError::fields([(field.to_string(), message.into())].into_iter().collect())
    }

    pub fn not_found() -> ApiError {
        ApiError::of(Kind::NotFound, "Det finns ingen sådan resurs.")
    }

    /// A server fault: logged with its cause under an incident number, which the body names.
    pub fn internal(code: &'static str, message: &str, source: Source) -> ApiError {
        let id = incident(source.as_ref());
        let mut error = ApiError::with_status(
            StatusCode::INTERNAL_SERVER_ERROR,
            code,
            format!("{message} Ingenting har ändrats (felnummer {id})."),
        );
        error.source = Some(source);
        error
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
            source: None,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> ApiError {
        let kind = kind_of(&error);
        let mut api = match (&error, kind) {
            (_, Kind::Internal) => {
                let id = incident(&error);
                ApiError::of(kind, format!("Ingenting har ändrats (felnummer {id})."))
            }
            (AppError::Unreadable(issues), _) => {
                let mut api = ApiError::of(kind, "Filen kunde inte läsas.");
                for (index, issue) in issues.iter().enumerate() {
                    api.body
                        .fields
                        .insert(format!("{:03}", index + 1), issue.to_string());
                }
                api
            }
            (AppError::NotFound, _) => ApiError::not_found(),
            _ => ApiError::of(kind, error.to_string()),
        };
        match &error {
            AppError::Conflict { current_revision } => {
                api.body.current_revision = Some(*current_revision);
            }
            AppError::Stale {
                current,
                current_version,
                current_revision,
                ..
            } => {
                api.body.current_revision = Some(*current_revision);
                api.body.fields.insert("current".into(), current.clone());
                api.body
                    .fields
                    .insert("version".into(), current_version.clone());
            }
            _ => {}
        }
        api.source = Some(Box::new(error));
        api
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
