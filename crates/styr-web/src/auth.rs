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
//! header, so by default it is never believed.

use std::net::IpAddr;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use futures_util::StreamExt;
use http_body_util::BodyExt;
use styr_app::{Actor, App};

use crate::AppState;
use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "styr_session";
pub const LOGIN_COOKIE: &str = "styr_login";
pub const CSRF_FIELD: &str = "_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The largest form read whole to find its CSRF field (bigger posts are multipart uploads).
const FORM_LIMIT: usize = 16 << 20;
/// How much of a multipart body is read to find its first part, the CSRF field.
const MULTIPART_PEEK: usize = 8 << 10;

/// The reverse proxies whose `X-Forwarded-For` names the client (none unless configured):
/// added to the router as an extension, `router.layer(Extension(TrustedProxies(…)))`.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Vec<IpAddr>);

/// The client's address: the connection's peer, unless the peer is a trusted proxy, in which
/// case the nearest address in `X-Forwarded-For` that is not itself a trusted proxy (each
/// proxy appends the address it was reached from, so the nearest entries are the ones the
/// trusted proxies wrote; anything further left is whatever the client sent).
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &TrustedProxies,
) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.0.contains(&peer) {
        return Some(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|entry| entry.trim().parse::<IpAddr>())
        .collect::<Result<_, _>>()
        // A header that does not read is not believed at all: the proxy is the client.
        .unwrap_or_default();
    Some(
        forwarded
            .into_iter()
            .rev()
            .find(|address| !trusted.0.contains(address))
            .unwrap_or(peer),
    )
}

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

/// The request, if it carries the expected CSRF token; its body is given back whole.
async fn checked(request: Request, expected: &str) -> Option<Request> {
    let header_token = request
        .headers()
        .get(CSRF_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    if let Some(token) = header_token {
        return same_secret(&token, expected).then_some(request);
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_string();
    let (parts, body) = request.into_parts();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let bytes = axum::body::to_bytes(body, FORM_LIMIT).await.ok()?;
        let token = form_field(&bytes, CSRF_FIELD)?;
        return same_secret(&token, expected)
            .then(|| Request::from_parts(parts, Body::from(bytes)));
    }
    if let Some(boundary) = content_type
        .split(';')
        .find_map(|part| part.trim().strip_prefix("boundary="))
        .map(|boundary| boundary.trim_matches('"').to_string())
    {
        let (prefix, rest) = peek(body, MULTIPART_PEEK).await?;
        let token = first_multipart_field(&prefix, &boundary, CSRF_FIELD)?;
        if !same_secret(&token, expected) {
            return None;
        }
        let stream = futures_util::stream::once(async move { Ok::<Bytes, axum::Error>(prefix) })
            .chain(rest.into_data_stream());
        return Some(Request::from_parts(parts, Body::from_stream(stream)));
    }
    None
}

/// Reads at least `at_least` bytes of `body` (or all of it), and gives back the rest unread.
async fn peek(mut body: Body, at_least: usize) -> Option<(Bytes, Body)> {
    let mut prefix = Vec::new();
    while prefix.len() < at_least {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    prefix.extend_from_slice(&data);
                }
            }
            Some(Err(_)) => return None,
            None => break,
        }
    }
    Some((Bytes::from(prefix), body))
}

/// A field of a URL-encoded form.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    let fields: Vec<(String, String)> = serde_urlencoded_pairs(body);
    fields
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

fn serde_urlencoded_pairs(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

/// The value of a multipart body's first part, if that part is named `name`.
fn first_multipart_field(prefix: &[u8], boundary: &str, name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(prefix);
    let start = text.find(&format!("--{boundary}"))? + boundary.len() + 2;
    let part = &text[start..];
    let (head, rest) = part.split_once("\r\n\r\n")?;
    let named = head.lines().any(|line| {
        line.to_ascii_lowercase()
            .starts_with("content-disposition:")
            && line.contains(&format!("name=\"{name}\""))
    });
    if !named {
        return None;
    }
    let end = rest.find(&format!("\r\n--{boundary}"))?;
    Some(rest[..end].to_string())
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
    fn the_first_multipart_part_gives_the_csrf_token() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc123\r\n--XyZ\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.se\"\r\n\r\n#FLAGGA 0\r\n--XyZ--\r\n";
        assert_eq!(
            first_multipart_field(body, "XyZ", "_csrf").as_deref(),
            Some("abc123")
        );
        let other =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"fil\"\r\n\r\nx\r\n--XyZ--\r\n";
        assert_eq!(first_multipart_field(other, "XyZ", "_csrf"), None);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.5".parse().expect("an address");
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.7"),
        );
        let none = TrustedProxies::default();
        let trusted = TrustedProxies(vec![proxy]);
        assert_eq!(client_address(Some(proxy), &headers, &none), Some(proxy));
        assert_eq!(
            client_address(Some(proxy), &headers, &trusted),
            "198.51.100.7".parse().ok(),
            "the address the proxy appended, not what the client claimed before it"
        );
        let other: IpAddr = "192.0.2.1".parse().expect("an address");
        assert_eq!(client_address(Some(other), &headers, &trusted), Some(other));
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("inte en adress"),
        );
        assert_eq!(client_address(Some(proxy), &headers, &trusted), Some(proxy));
        assert_eq!(client_address(None, &headers, &trusted), None);
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
