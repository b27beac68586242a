//! One mapping from what went wrong to a response, for pages and the API alike.
//!
//! Every failure has a [`Kind`], and the kind alone decides the HTTP status ([`Kind::status`]):
//! a budget frozen by adoption is 409 on a page and in the API, a value that does not read is
//! 422 wherever it was typed. [`kind_of`] is the one place that says what each `AppError` is.
//! Pages render the kind as a Swedish HTML page ([`PageError`]), the API as its JSON body
//! `{ "error", "message", "fields", "current_revision" }` ([`ApiError`]).
//!
//! An error keeps its source (`std::error::Error::source`): a server fault is logged with its
//! whole cause chain under an incident number, and the person is shown only the number —
//! for example "Ingenting har ändrats. Ange felnummer 1f2a-17 …".

mod api;
mod page;

use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::StatusCode;
use styr_app::AppError;

pub use api::{ApiError, ApiErrorBody};
pub use page::PageError;

/// What kind of failure an error is; it decides the status and the API's `error` code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    NotFound,
    /// No session and no API token.
    Unauthenticated,
    /// The actor's role does not allow it, or a form without its CSRF token.
    Forbidden,
    /// Input that does not read, or a change the rules refuse.
    Invalid,
    /// A file that does not read; its problems are listed.
    Unreadable,
    /// The budget changed since the request's revision.
    Conflict,
    /// Someone else changed the cell or record since it was read.
    Stale,
    /// The budget's status (submitted, adopted) does not allow the change.
    Frozen,
    /// A body larger than the route accepts.
    TooLarge,
    /// Too many failed logins from one place.
    Throttled,
    /// The database is held by another writer longer than the store waits: try again.
    Busy,
    /// A fault of the server: nothing the person can change.
    Internal,
}

impl Kind {
    pub fn status(self) -> StatusCode {
        match self {
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Unauthenticated => StatusCode::UNAUTHORIZED,
            Kind::Forbidden => StatusCode::FORBIDDEN,
            Kind::Invalid | Kind::Unreadable => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Conflict | Kind::Stale | Kind::Frozen => StatusCode::CONFLICT,
            Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::Throttled => StatusCode::TOO_MANY_REQUESTS,
            Kind::Busy => StatusCode::LOCKED,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The API body's `error` field.
    pub fn code(self) -> &'static str {
        match self {
            Kind::NotFound => "not_found",
            Kind::Unauthenticated => "unauthenticated",
            Kind::Forbidden => "forbidden",
            Kind::Invalid => "invalid",
            Kind::Unreadable => "unreadable",
            Kind::Conflict => "conflict",
            Kind::Stale => "stale",
            Kind::Frozen => "frozen",
            Kind::TooLarge => "too_large",
            Kind::Throttled => "throttled",
            Kind::Busy => "busy",
            Kind::Internal => "internal",
        }
    }
}

/// What each application error is. The variants are those of `styr_app::AppError`.
pub fn kind_of(error: &AppError) -> Kind {
    match error {
        AppError::NotFound => Kind::NotFound,
        AppError::Invalid(_) | AppError::DoesNotCompute(_) | AppError::Rejected(_) => Kind::Invalid,
        AppError::Unreadable(_) => Kind::Unreadable,
        AppError::Conflict { .. } => Kind::Conflict,
        AppError::Stale { .. } => Kind::Stale,
        AppError::Frozen(_) => Kind::Frozen,
        AppError::Forbidden(_) => Kind::Forbidden,
        AppError::LoginFailed => Kind::Unauthenticated,
        AppError::Throttled => Kind::Throttled,
        AppError::Busy(_) => Kind::Busy,
        AppError::Store(_) | AppError::WriteFailed(_) => Kind::Internal,
    }
}

static NEXT_INCIDENT: AtomicU64 = AtomicU64::new(1);

/// Logs `error` with its whole cause chain under a new incident number, and gives the number.
pub fn incident(error: &(dyn std::error::Error + 'static)) -> String {
    let id = format!(
        "{:x}-{}",
        std::process::id(),
        NEXT_INCIDENT.fetch_add(1, Ordering::Relaxed)
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

/// A sentence's first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// A boxed source kept inside a web error.
pub type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frozen_budget_is_a_conflict_everywhere() {
        let frozen = AppError::Frozen("budgeten är fastställd".into());
        assert_eq!(kind_of(&frozen).status(), StatusCode::CONFLICT);
        let page = PageError::from(AppError::Frozen("budgeten är fastställd".into()));
        let api = ApiError::from(frozen);
        assert_eq!(page.kind().status(), api.status);
        assert_eq!(api.body.error, "frozen");
    }

    #[test]
    fn a_stale_save_and_a_conflict_are_409_and_a_refused_value_422() {
        assert_eq!(
            kind_of(&AppError::Conflict {
                current_revision: 3
            })
            .status(),
            StatusCode::CONFLICT
        );
        assert_eq!(
            kind_of(&AppError::Rejected("för kort lösenord".into())).status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            kind_of(&AppError::WriteFailed(styr_app::WriteFailure::Interrupted)).status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
