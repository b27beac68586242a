//! Who is asking, and may they: every request but the login page, the static files and the
//! health check must carry a live session cookie or a personal API token
//! (`Authorization: Bearer`). A state-changing request on a session must also carry the
//! session's CSRF token — as the `_csrf` field of a form (for a multipart form, its first
//! part) or the `X-CSRF-Token` header; a token-authenticated request has no ambient
//! credential to forge and needs none. Every response gets the security headers.
//!
//! What the roles allow is decided in the application layer, not here: this module only
//! establishes the actor — and, for the login throttle, the client's address: the peer of
//! the connection, or, only when that peer is a configured [`TrustedProxies`] (`styr serve
//! --trusted-proxy`), the address the proxy names in `X-Forwarded-For`. Anyone can write that
//! header, so by default it is never believed (client.rs). A request refused for want of its
//! CSRF token is recorded, counted per person (`App::refuse_forged_request`): a forged form
//! on another site could send it a thousand times in its victim's name.

mod client;
mod csrf;

pub use client::{TrustedProxies, client_address};

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use styr_app::{Actor, App};

use crate::AppState;
use crate::error::ApiError;
use csrf::checked;

pub const SESSION_COOKIE: &str = "styr_session";
pub const LOGIN_COOKIE: &str = "styr_login";
pub const CSRF_FIELD: &str = "_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The established actor of a request, with what its session's forms must carry.
#[derive(Clone)]
pub struct Authenticated {
    pub actor: Actor,
    /// The session's CSRF token; `None` for an API token.
    pub csrf: Option<String>,
    /// The session cookie's value (to end the session or keep it on a password change).
    pub session: Option<String>,
}

tokio::task_local! {
    /// The current request's actor and CSRF token, for the templates (see `view::csrf`).
    pub static CURRENT: Authenticated;
}

/// What a handler acting for someone gets: the application and the actor.
pub struct Acting {
    pub app: Arc<App>,
    pub actor: Actor,
    pub csrf: Option<String>,
    pub session: Option<String>,
}

impl FromRequestParts<AppState> for Acting {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Acting, Response> {
        match parts.extensions.get::<Authenticated>() {
            Some(found) => Ok(Acting {
                app: Arc::clone(&state.app),
                actor: found.actor.clone(),
                csrf: found.csrf.clone(),
                session: found.session.clone(),
            }),
            None => Err(unauthenticated(parts.uri.path(), "")),
        }
    }
}

fn is_public(path: &str) -> bool {
    // The browser asks for an icon on its own; it gets a plain 404, not the login page.
    matches!(
        path,
        "/logga-in" | "/healthz" | "/api/openapi.json" | "/favicon.ico"
    ) || path.starts_with("/static/")
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(|token| token.trim().to_string())
}

fn unauthenticated(path: &str, query: &str) -> Response {
    if path.starts_with("/api/") {
        let mut error =
            ApiError::invalid("Logga in eller ange en API-nyckel (Authorization: Bearer).");
        error.status = StatusCode::UNAUTHORIZED;
        error.body.error = "unauthenticated";
        return error.into_response();
    }
    let back = if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    };
    Redirect::to(&format!("/logga-in?till={}", encode(&back))).into_response()
}

fn forbidden_csrf(path: &str) -> Response {
    tracing::warn!(path, "request without a valid CSRF token refused");
    if path.starts_with("/api/") {
        let mut error = ApiError::invalid(
            "Begäran saknar giltig CSRF-token (fältet _csrf eller huvudet X-CSRF-Token).",
        );
        error.status = StatusCode::FORBIDDEN;
        error.body.error = "csrf";
        return error.into_response();
    }
    (
        StatusCode::FORBIDDEN,
        "Formuläret kunde inte tas emot: sidan var för gammal eller kom inte från styr. Ladda om sidan och försök igen. Ingenting har ändrats.",
    )
        .into_response()
}

/// Percent-encodes a path for a query parameter.
pub fn encode(text: &str) -> String {
    let mut encoded = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                encoded.push(byte as char)
            }
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(left: &str, right: &str) -> bool {
    left.len() == right.len()
        && left
            .bytes()
            .zip(right.bytes())
            .fold(0_u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

/// The middleware that establishes the actor (see the module's documentation).
pub async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if is_public(&path) {
        return next.run(request).await;
    }
    let query = request.uri().query().unwrap_or("").to_string();
    let headers = request.headers().clone();
    let established = if let Some(token) = bearer(&headers) {
        match state.app.token_actor(&token).await {
            Ok(Some(actor)) => Some(Authenticated {
                actor,
                csrf: None,
                session: None,
            }),
            Ok(None) => None,
            Err(error) => return ApiError::from(error).into_response(),
        }
    } else if let Some(secret) = cookie(&headers, SESSION_COOKIE) {
        match state.app.session(&secret).await {
            Ok(Some((actor, csrf))) => Some(Authenticated {
                actor,
                csrf: Some(csrf),
                session: Some(secret),
            }),
            Ok(None) => None,
            Err(error) => return ApiError::from(error).into_response(),
        }
    } else {
        None
    };
    let Some(established) = established else {
        return unauthenticated(&path, &query);
    };
    let mut request = request;
    if let Some(expected) = established.csrf.clone()
        && !matches!(
            *request.method(),
            Method::GET | Method::HEAD | Method::OPTIONS
        )
    {
        match checked(request, &expected).await {
            Some(passed) => request = passed,
            None => {
                // On record, counted per person: a forged form can be sent many times.
                state
                    .app
                    .refuse_forged_request(&established.actor, &path)
                    .await;
                return forbidden_csrf(&path);
            }
        }
    }
    request.extensions_mut().insert(established.clone());
    CURRENT.scope(established, next.run(request)).await
}

/// The security headers every response carries. The pages use no inline script or style, so
/// the policy allows only styr's own files.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with("/static/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !is_static {
        // Budget figures and session pages stay out of shared and back-button caches.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The `Set-Cookie` value for a session; `Secure` when the request came over TLS (directly or
/// through a proxy that says so).
pub fn session_cookie(value: &str, secure: bool, max_age_seconds: u64) -> String {
    format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Whether the request arrived over TLS.
pub fn over_tls(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }

    #[test]
    fn cookies_are_found_by_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; styr_session=s3cr3t; b=2"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("s3cr3t"));
        assert_eq!(cookie(&headers, "c"), None);
    }
}
