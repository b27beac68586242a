//! Calling the real router in-process, as a browser or an API client would.

// Each test binary (pages, api, browser) uses a different part of these helpers, so an
// `expect` would be unfulfilled in some of them.
#![allow(dead_code, reason = "each test binary uses part of the shared helpers")]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use styr_app::App;
use tower::ServiceExt;

pub const EXAMPLE: &str = include_str!("../../../../examples/alingsas-ks-2025.toml");

/// The application over a fresh database holding the reference budget as budget 1.
pub async fn app_with_example(name: &str) -> Arc<App> {
    let path = std::env::temp_dir().join(format!("styr-web-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let app = App::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("the store opens");
    app.import(&styr_app::Actor::named("test"), EXAMPLE)
        .await
        .expect("the example imports");
    Arc::new(app)
}

/// The password every test user gets.
pub const PASSWORD: &str = "test-lösenord-1";

/// Adds a user with `role` ("admin", "budgetansvarig" …) and, for a budgetansvarig, `scope`.
pub async fn add_user(app: &App, username: &str, role: &str, scope: Option<&str>) {
    let kind = styr_app::RoleKind::from_key(role).expect("a role");
    let role = styr_app::Role::from_parts(kind, scope).expect("a valid role");
    app.add_user(&styr_app::Actor::named("test"), username, PASSWORD, &role)
        .await
        .expect("the user is added");
}

/// Municipal budget year `id` as kept, read and computed (by the operator).
pub async fn municipal_year(app: &App, id: i64) -> styr_app::municipal::MunicipalYear {
    app.municipal_year(&styr_app::Actor::named("test"), id)
        .await
        .expect("the municipal year reads")
}

/// A personal API token for `username` (who must exist).
pub async fn token_for(app: &App, username: &str) -> String {
    let session = app
        .login(username, PASSWORD, None)
        .await
        .expect("the test user logs in");
    app.create_token(&session.actor, Some(&session.secret), "test")
        .await
        .expect("a token")
}

/// The router with every request that names no credential of its own sent with `token`.
pub fn acting_with(app: Arc<App>, token: String) -> Router {
    styr_web::router(app).layer(axum::middleware::map_request(
        move |mut request: Request<Body>| {
            let token = token.clone();
            async move {
                let headers = request.headers();
                if !headers.contains_key(header::AUTHORIZATION)
                    && !headers.contains_key(header::COOKIE)
                {
                    let value = format!("Bearer {token}").parse().expect("a header value");
                    request.headers_mut().insert(header::AUTHORIZATION, value);
                }
                request
            }
        },
    ))
}

/// A router over the reference budget on which every request acts as an administrator (by
/// API token): for tests of what pages and routes do, not of who may use them.
pub async fn router_with_example(name: &str) -> Router {
    let app = app_with_example(name).await;
    add_user(&app, "admin", "admin", None).await;
    let token = token_for(&app, "admin").await;
    acting_with(app, token)
}

/// A logged-in browser-like session: its cookie and CSRF token.
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// Logs in through the login page as a browser would, and reads the CSRF token from a page.
pub async fn log_in(router: &Router, username: &str, password: &str) -> Session {
    let page = get(router, "/logga-in").await;
    let login_cookie = page
        .set_cookie
        .clone()
        .expect("the login page sets its cookie");
    let login_token = between(&page.body, "name=\"_csrf\" value=\"", "\"");
    let request = Request::post("/logga-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie_pair(&login_cookie))
        .body(Body::from(format!(
            "_csrf={}&username={}&password={}&till=%2F",
            encode(&login_token),
            encode(username),
            encode(password)
        )))
        .expect("a request");
    let answer = send(router, request).await;
    assert_eq!(
        answer.status,
        StatusCode::SEE_OTHER,
        "login: {}",
        answer.body
    );
    let cookie = cookie_pair(&answer.set_cookie.expect("a session cookie"));
    let front = send(
        router,
        Request::get("/")
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    let csrf = between(&front.body, "name=\"csrf-token\" content=\"", "\"");
    assert!(!csrf.is_empty(), "the page carries a CSRF token");
    Session { cookie, csrf }
}

fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_string()
}

pub fn between(text: &str, start: &str, end: &str) -> String {
    text.split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(found, _)| found.to_string())
        .unwrap_or_default()
}

impl Session {
    pub async fn get(&self, router: &Router, uri: &str) -> Answer {
        send(
            router,
            Request::get(uri)
                .header(header::COOKIE, &self.cookie)
                .body(Body::empty())
                .expect("a request"),
        )
        .await
    }

    /// A form post with the session's CSRF token, as a page's form sends it.
    pub async fn post_form(&self, router: &Router, uri: &str, fields: &[(&str, &str)]) -> Answer {
        let mut all = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form_without_token(router, uri, &all).await
    }

    pub async fn post_form_without_token(
        &self,
        router: &Router,
        uri: &str,
        fields: &[(&str, &str)],
    ) -> Answer {
        let body: Vec<String> = fields
            .iter()
            .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
            .collect();
        send(
            router,
            Request::post(uri)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, &self.cookie)
                .body(Body::from(body.join("&")))
                .expect("a request"),
        )
        .await
    }

    /// A JSON request on the session, with the CSRF header when `with_token`.
    pub async fn json(
        &self,
        router: &Router,
        method: Method,
        uri: &str,
        body: serde_json::Value,
        with_token: bool,
    ) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, &self.cookie);
        if with_token {
            request = request.header("x-csrf-token", &self.csrf);
        }
        send(
            router,
            request
                .body(Body::from(body.to_string()))
                .expect("a request"),
        )
        .await
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub location: Option<String>,
    pub set_cookie: Option<String>,
    pub content_type: String,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.body))
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Answer {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .map(String::from);
    let set_cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|value| value.to_str().ok())
        .map(String::from);
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Answer {
        status,
        location,
        set_cookie,
        content_type,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(router: &Router, uri: &str) -> Answer {
    send(
        router,
        Request::get(uri).body(Body::empty()).expect("a request"),
    )
    .await
}

/// A form post as a browser sends it.
pub async fn post_form(router: &Router, uri: &str, fields: &[(&str, &str)]) -> Answer {
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.join("&")))
        .expect("a request");
    send(router, request).await
}

pub async fn json(router: &Router, method: Method, uri: &str, body: serde_json::Value) -> Answer {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .expect("a request");
    send(router, request).await
}

pub fn encode(text: &str) -> String {
    let mut encoded = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                encoded.push(byte as char)
            }
            b' ' => encoded.push('+'),
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}
