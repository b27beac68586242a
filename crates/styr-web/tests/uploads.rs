//! Uploads are asked of the application layer before a byte of their body is read, and
//! refused past their route's limit while it is read (413, a Swedish sentence naming the
//! limit). The real server under a memory limit is in `styr-cli/tests/uploads.rs`.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use support::{acting_with, add_user, app_with_example, send, token_for};

/// A body that notes whether anyone read from it.
fn watched(read: Arc<AtomicBool>) -> Body {
    let stream = futures_util::stream::once(async move {
        read.store(true, Ordering::SeqCst);
        Ok::<Bytes, std::io::Error>(Bytes::from_static(b"#FLAGGA 0\r\n"))
    });
    Body::from_stream(stream)
}

#[tokio::test]
async fn a_reader_s_upload_is_refused_before_its_body_is_read() {
    let app = app_with_example("uploads-reader").await;
    add_user(&app, "lasare", "lasare", None).await;
    let router = acting_with(Arc::clone(&app), token_for(&app, "lasare").await);
    let multipart = "multipart/form-data; boundary=x";
    for (method, path, content_type) in [
        (
            "POST",
            "/api/v1/budgets/1/followup/imports?file_name=a.se",
            "application/octet-stream",
        ),
        (
            "POST",
            "/api/v1/budgets/1/template",
            "application/octet-stream",
        ),
        ("POST", "/api/v1/budgets", "application/toml"),
        ("PUT", "/api/v1/import-profiles/ekonomi", "text/plain"),
        ("POST", "/budget/1/uppfoljning/import", multipart),
        ("POST", "/budget/1/budgetmall", multipart),
        ("POST", "/importera", multipart),
        ("POST", "/granskning", multipart),
    ] {
        let read = Arc::new(AtomicBool::new(false));
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, content_type)
            .body(watched(Arc::clone(&read)))
            .expect("a request");
        let answer = send(&router, request).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{path}: {}",
            answer.body
        );
        assert!(!read.load(Ordering::SeqCst), "{path}: the body was read");
    }
}

#[tokio::test]
async fn a_body_past_its_route_s_limit_is_refused_with_the_limit_named() {
    let app = app_with_example("uploads-limit").await;
    add_user(&app, "admin", "admin", None).await;
    let router = acting_with(Arc::clone(&app), token_for(&app, "admin").await);
    let request = Request::post("/api/v1/budgets")
        .header(header::CONTENT_TYPE, "application/toml")
        .body(Body::from(vec![b'#'; 9 << 20]))
        .expect("a request");
    let answer = send(&router, request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let body = answer.json();
    assert_eq!(body["error"], "too_large");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|message| message.contains("högst 8 MB tas emot för en budgetfil")),
        "{body}"
    );
    let mut form =
        b"--x\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"b.xlsx\"\r\n\r\n"
            .to_vec();
    form.extend(std::iter::repeat_n(b'0', 17 << 20));
    form.extend_from_slice(b"\r\n--x--\r\n");
    let page = send(
        &router,
        Request::post("/budget/1/budgetmall")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
            .body(Body::from(form))
            .expect("a request"),
    )
    .await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("högst 16 MB"), "{}", page.body);
}
