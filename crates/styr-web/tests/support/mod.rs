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

/// A router over a fresh database holding the reference budget as budget 1.
pub async fn router_with_example(name: &str) -> Router {
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
    styr_web::router(Arc::new(app))
}

pub struct Answer {
    pub status: StatusCode,
    pub location: Option<String>,
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
