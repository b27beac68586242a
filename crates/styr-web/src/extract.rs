//! The extractors every handler reads its request with, so that a value that does not read is
//! answered like every other error: the API's JSON body ([`ApiPath`], [`ApiQuery`],
//! [`ApiJson`]) or a Swedish page ([`PagePath`], [`PageQuery`], [`PageForm`]) — never axum's
//! plain-text English. A path that does not read (`/budget/abc/drift`) names nothing that
//! exists: 404. A query or body that does not read is 422 with what was wrong, in Swedish; a
//! body over its limit is 413.

use axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, Kind, PageError};

/// A serde message in Swedish: "missing field `amount`" → "fältet amount saknas".
fn swedish(message: &str) -> String {
    let quoted = |text: &str| {
        text.split('`')
            .nth(1)
            .map(str::to_string)
            .unwrap_or_default()
    };
    if message.contains("missing field") {
        format!("fältet {} saknas", quoted(message))
    } else if message.contains("unknown variant") {
        format!("”{}” är inget av de tillåtna värdena", quoted(message))
    } else if message.contains("unknown field") {
        format!("fältet {} finns inte", quoted(message))
    } else if message.contains("invalid digit")
        || message.contains("invalid type")
        || message.contains("cannot parse")
        || message.contains("Cannot parse")
        || message.contains("too large")
        || message.contains("too small")
        || message.contains("invalid value")
        || message.contains("invalid length")
    {
        "ett värde har fel typ eller ligger utanför det tillåtna (till exempel text där ett tal ska stå)"
            .into()
    } else if message.contains("EOF") || message.contains("expected") {
        "texten är inte giltig JSON".into()
    } else {
        "värdena kunde inte läsas".into()
    }
}

fn path_message(rejection: &PathRejection) -> String {
    format!(
        "Adressen har ett värde som inte kan läsas: {}.",
        swedish(&rejection.body_text())
    )
}

/// Path parameters; a value that does not read is 404 in the API's JSON.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => Err(ApiError::of(Kind::NotFound, path_message(&rejection))),
        }
    }
}

/// A query string; one that does not read is 422 in the API's JSON.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => Err(query_error(&rejection)),
        }
    }
}

fn query_error(rejection: &QueryRejection) -> ApiError {
    ApiError::invalid(format!(
        "Frågan i adressen kunde inte läsas: {}.",
        swedish(&rejection.body_text())
    ))
}

/// A JSON body; one that does not read is 422 (415 without the JSON content type, 413 past
/// the limit), in the API's JSON.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_error(&rejection)),
        }
    }
}

fn json_error(rejection: &JsonRejection) -> ApiError {
    match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::of(Kind::TooLarge, "Kroppen är större än vad som tas emot.")
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::with_status(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Kroppen ska vara JSON (Content-Type: application/json).",
        ),
        _ => ApiError::invalid(format!(
            "Kroppen kunde inte läsas som JSON: {}.",
            swedish(&rejection.body_text())
        )),
    }
}

/// Path parameters; a value that does not read is the Swedish 404 page.
pub struct PagePath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PagePath<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, PageError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| PagePath(value))
            .map_err(|_| PageError::not_found())
    }
}

/// A query string; one that does not read is a Swedish page (422).
pub struct PageQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for PageQuery<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, PageError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| PageQuery(value))
            .map_err(|rejection| {
                PageError::invalid(format!(
                    "Adressens fråga kunde inte läsas: {}.",
                    swedish(&rejection.body_text())
                ))
            })
    }
}

/// A posted form; one that does not read is a Swedish page (422, 413 past the limit).
pub struct PageForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for PageForm<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, PageError> {
        axum::Form::<T>::from_request(request, state)
            .await
            .map(|axum::Form(value)| PageForm(value))
            .map_err(|rejection: FormRejection| match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => {
                    PageError::of(Kind::TooLarge, "Formuläret är större än vad som tas emot.")
                }
                _ => PageError::invalid(format!(
                    "Formuläret kunde inte läsas: {}.",
                    swedish(&rejection.body_text())
                )),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_are_said_in_swedish() {
        assert_eq!(
            swedish(
                "Failed to deserialize the JSON body into the target type: missing field `amount` at line 1 column 2"
            ),
            "fältet amount saknas"
        );
        assert!(swedish("Cannot parse `abc` to a `i64`").contains("fel typ"));
    }
}
