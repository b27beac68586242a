//! Every refusal leaves a trace in the audit log, through the real router: a file refused as
//! unreadable (422), a save based on a stale read (409) and a form without its CSRF token
//! (403). A refusal someone can repeat cheaply is recorded once and then as a count, so a
//! forged form on another site cannot flood the log in its victim's name.

mod support;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use styr_app::{App, AuditRecord};
use support::{PASSWORD, add_user, log_in, send, token_for};

async fn site(name: &str) -> (Arc<App>, Router, String) {
    let app = support::app_with_example(name).await;
    add_user(&app, "controller", "controller", None).await;
    let token = token_for(&app, "controller").await;
    let router = styr_web::router(Arc::clone(&app));
    (app, router, token)
}

async fn with_token(
    router: &Router,
    token: &str,
    method: Method,
    uri: &str,
    content_type: &str,
    body: Vec<u8>,
) -> support::Answer {
    send(
        router,
        Request::builder()
            .method(method)
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .expect("a request"),
    )
    .await
}

async fn refusals(app: &App) -> Vec<AuditRecord> {
    app.audit_log(
        &styr_app::Actor::named("test"),
        &styr_app::AuditFilter::default(),
    )
    .await
    .expect("the log")
    .into_iter()
    .filter(|record| record.entry.action == "nekad")
    .collect()
}

fn text(record: &AuditRecord) -> String {
    format!(
        "{} {} {}",
        record.actor,
        record.entry.entity,
        record.entry.new_value.clone().unwrap_or_default()
    )
}

#[tokio::test]
async fn an_unreadable_file_is_refused_on_record_with_its_first_problem() {
    let (app, router, token) = site("refused-import").await;
    let broken =
        b"#FLAGGA 0\n#VER A 1 20250115\n{\n#TRANS 5011 {} 100.00\n#TRANS 1930 {} -99.00\n}\n";
    let outcome = with_token(
        &router,
        &token,
        Method::POST,
        "/api/v1/budgets/1/followup/imports?file_name=trasig.se",
        "application/octet-stream",
        broken.to_vec(),
    )
    .await;
    assert_eq!(outcome.status, StatusCode::UNPROCESSABLE_ENTITY);
    let budget = with_token(
        &router,
        &token,
        Method::POST,
        "/api/v1/budgets",
        "text/plain",
        b"[budget\nnamn = ".to_vec(),
    )
    .await;
    assert_eq!(
        budget.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        budget.body
    );
    let found = refusals(&app).await;
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].actor, "controller");
    assert_eq!(found[0].entry.budget, Some(1));
    assert!(
        text(&found[0]).contains("trasig.se") && text(&found[0]).contains("rad 2"),
        "{}",
        text(&found[0])
    );
    assert!(text(&found[1]).contains("budgetfil"), "{}", text(&found[1]));
    assert!(
        !text(&found[1]).contains("[budget"),
        "the file itself is not kept: {}",
        text(&found[1])
    );
}

#[tokio::test]
async fn a_save_from_a_stale_read_is_refused_on_record_naming_what_changed() {
    let (app, router, token) = site("refused-stale").await;
    let cell = "/api/v1/budgets/1/operating/ks/lines/other_costs/2025";
    let put = |body: Value| {
        let (router, token) = (router.clone(), token.clone());
        async move {
            with_token(
                &router,
                &token,
                Method::PUT,
                cell,
                "application/json",
                body.to_string().into_bytes(),
            )
            .await
        }
    };
    assert_eq!(
        put(json!({ "amount": "-47 700" })).await.status,
        StatusCode::OK
    );
    let stale = put(json!({ "amount": "-47 800", "version": "123" })).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let found = refusals(&app).await;
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].entry.budget, Some(1));
    assert!(
        found[0].entry.entity.contains("drift/ks/other_costs/2025"),
        "{}",
        text(&found[0])
    );
}

#[tokio::test]
async fn forged_forms_are_refused_on_record_once_and_then_counted() {
    let (app, router, _) = site("refused-csrf").await;
    let session = log_in(&router, "controller", PASSWORD).await;
    let forged = 40;
    for _ in 0..forged {
        let answer = session
            .post_form_without_token(&router, "/budget/1/drift/ks", &[("other_costs:2025", "1")])
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
    }
    let on_record = refusals(&app).await;
    assert_eq!(
        on_record.len(),
        1,
        "the first is written at once: {on_record:#?}"
    );
    assert_eq!(on_record[0].actor, "controller");
    assert!(
        on_record[0].entry.entity.starts_with("csrf"),
        "{}",
        text(&on_record[0])
    );
    app.record_refusal_counts().await;
    let found = refusals(&app).await;
    assert_eq!(found.len(), 2, "{found:#?}");
    let counted: usize = found
        .iter()
        .filter_map(|record| {
            record
                .entry
                .new_value
                .as_deref()?
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert_eq!(counted, forged, "{found:#?}");
}

#[tokio::test]
async fn a_login_form_without_its_token_is_refused_on_record() {
    let (app, router, _) = site("refused-login-csrf").await;
    for _ in 0..5 {
        let answer = support::post_form(
            &router,
            "/logga-in",
            &[("username", "controller"), ("password", PASSWORD)],
        )
        .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
    }
    let found = refusals(&app).await;
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].entry.entity, "csrf/logga-in");
    app.record_refusal_counts().await;
    let found = refusals(&app).await;
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[1]
            .entry
            .new_value
            .as_deref()
            .is_some_and(|value| value.starts_with("4 ")),
        "{found:#?}"
    );
}
