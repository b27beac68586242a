//! Passwords, API tokens, session ids and CSRF tokens never reach the logs: a whole session of
//! logging in (right and wrong), making and using a token, changing a password and logging
//! out runs with every log line captured at debug level, and the captured text is searched
//! for each secret. Its own test binary, so the log subscriber is this test's alone.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use support::{PASSWORD, add_user, log_in, send};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_secret_is_ever_written_to_the_log() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("debug"))
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let app = support::app_with_example("logs").await;
    add_user(&app, "anna", "controller", None).await;
    let router = styr_web::router(Arc::clone(&app));

    let wrong = "fel-men-hemligt-lösenord";
    let failed = send(
        &router,
        Request::post("/logga-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("username=anna&password={wrong}")))
            .expect("a request"),
    )
    .await;
    assert_eq!(
        failed.status,
        StatusCode::FORBIDDEN,
        "no login cookie: refused"
    );
    assert!(app.login("anna", wrong, None).await.is_err());
    // A password typed into the name field is not logged either.
    assert!(app.login(PASSWORD, "x", None).await.is_err());

    let session = log_in(&router, "anna", PASSWORD).await;
    let page = session
        .post_form(&router, "/konto/nycklar", &[("name", "skript")])
        .await;
    let token = support::between(&page.body, "id=\"ny-nyckel\" readonly value=\"", "\"");
    assert!(token.starts_with("styr_"));
    let used = send(
        &router,
        Request::builder()
            .method(Method::PUT)
            .uri("/api/v1/budgets/1/operating/ks/lines/other_costs/2025")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(r#"{"amount":"-47 700"}"#))
            .expect("a request"),
    )
    .await;
    assert_eq!(used.status, StatusCode::OK);
    let bogus = send(
        &router,
        Request::get("/api/v1/budgets")
            .header(header::AUTHORIZATION, "Bearer styr_gissat-hemligt")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(bogus.status, StatusCode::UNAUTHORIZED);
    let new_password = "ett-nytt-hemligt-lösenord";
    let changed = session
        .post_form(
            &router,
            "/konto/losenord",
            &[
                ("current", PASSWORD),
                ("new", new_password),
                ("repeated", new_password),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    session.post_form(&router, "/logga-ut", &[]).await;

    let log = String::from_utf8_lossy(
        &captured
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    )
    .into_owned();
    assert!(log.contains("inloggad"), "the log was captured: {log}");
    assert!(log.contains("misslyckad inloggning"), "{log}");
    let session_id = session
        .cookie
        .trim_start_matches("styr_session=")
        .to_string();
    for (what, secret) in [
        ("the password", PASSWORD),
        ("a wrong password", wrong),
        ("the new password", new_password),
        ("the API token", token.as_str()),
        (
            "the API token's secret part",
            token.trim_start_matches("styr_"),
        ),
        ("a guessed token", "gissat-hemligt"),
        ("the session id", session_id.as_str()),
        ("the CSRF token", session.csrf.as_str()),
    ] {
        assert!(!secret.is_empty(), "{what} is known to the test");
        assert!(!log.contains(secret), "{what} appears in the log");
    }
}
