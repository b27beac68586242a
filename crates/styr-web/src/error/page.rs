//! The pages' errors: the kind's status and a Swedish page that says what happened and that
//! nothing was changed.

use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use styr_app::AppError;

use super::{Kind, Source, capitalised, incident, kind_of};

/// Why a page cannot be shown, or a post was refused.
#[derive(Debug)]
pub struct PageError {
    kind: Kind,
    message: String,
    source: Option<Source>,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for PageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

impl PageError {
    pub fn of(kind: Kind, message: impl Into<String>) -> PageError {
        PageError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    pub fn not_found() -> PageError {
        PageError::of(Kind::NotFound, "Det finns ingen sådan budget eller sida.")
    }

    /// Input that does not read, or a change the rules refuse (422).
    pub fn invalid(message: impl Into<String>) -> PageError {
        PageError::of(Kind::Invalid, message)
    }

    /// A server fault, logged with its cause; the page shows the incident number.
    pub fn internal(source: Source) -> PageError {
        let id = incident(source.as_ref());
        PageError {
            kind: Kind::Internal,
            message: format!(
                "Ingenting har ändrats. Ange felnummer {id} om du kontaktar förvaltaren av styr."
            ),
            source: Some(source),
        }
    }

    #[cfg(test)]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    fn title(&self) -> &'static str {
        match self.kind {
            Kind::NotFound => "Sidan finns inte",
            Kind::Unauthenticated => "Inte inloggad",
            Kind::Forbidden => "Inte tillåtet",
            Kind::Conflict | Kind::Stale => "Budgeten har ändrats",
            Kind::Frozen => "Budgeten kan inte ändras",
            Kind::TooLarge => "Filen är för stor",
            Kind::Throttled | Kind::Busy => "Vänta en stund",
            Kind::Invalid | Kind::Unreadable => "Ändringen gick inte att göra",
            Kind::Internal => "Något gick fel",
        }
    }
}

impl From<AppError> for PageError {
    fn from(error: AppError) -> PageError {
        let kind = kind_of(&error);
        match kind {
            Kind::Internal => PageError::internal(Box::new(error)),
            Kind::NotFound => PageError {
                source: Some(Box::new(error)),
                ..PageError::not_found()
            },
            Kind::Forbidden => PageError {
                kind,
                message: format!(
                    "{}. Ingenting har ändrats.",
                    capitalised(&error.to_string())
                ),
                source: Some(Box::new(error)),
            },
            _ => PageError {
                kind,
                message: error.to_string(),
                source: Some(Box::new(error)),
            },
        }
    }
}

/// A download shared by a page and the API answers the page with the same kind of failure.
impl From<super::ApiError> for PageError {
    fn from(error: super::ApiError) -> PageError {
        let kind = if error.status.is_server_error() {
            Kind::Internal
        } else {
            match error.status {
                axum::http::StatusCode::NOT_FOUND => Kind::NotFound,
                axum::http::StatusCode::FORBIDDEN => Kind::Forbidden,
                axum::http::StatusCode::CONFLICT => Kind::Conflict,
                axum::http::StatusCode::PAYLOAD_TOO_LARGE => Kind::TooLarge,
                _ => Kind::Invalid,
            }
        };
        PageError {
            kind,
            message: error.body.message.clone(),
            source: Some(Box::new(error)),
        }
    }
}

impl From<askama::Error> for PageError {
    fn from(error: askama::Error) -> PageError {
        PageError::internal(Box::new(error))
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.kind.status();
        let page = ErrorPage {
            title: self.title(),
            message: &self.message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, self.message).into_response(),
        }
    }
}
