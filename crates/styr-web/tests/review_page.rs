//! The Granskning page through the real router: a document uploaded as PDF or text is
//! reviewed and each finding shown beside the table it concerns, its row marked; who may not
//! review is refused before the upload is read; a file that is no document is refused in a
//! sentence; and nothing of what was sent is stored.

mod support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{acting_with, add_user, app_with_example, send, token_for};

const PDF: &[u8] = include_bytes!("fixtures/granskning.pdf");

/// The text the PDF fixture was printed from (an invented municipality, Chromium, 2026-12-02):
/// "Summa nämnder" for 2026 says -1 230,5, its rows add up to -1 220,5.
const TEXT: &str = "# Exempelby kommun – Budget 2026 (påhittat exempel)\n\n## Driftbudget per nämnd\n\n\
mnkr\tBudget 2025\tBudget 2026\tPlan 2027\n\
Kommunstyrelsen\t-118,5\t-121,4\t-124,9\n\
Barn- och utbildningsnämnden\t-612,0\t-630,2\t-648,7\n\
Socialnämnden\t-455,3\t-468,9\t-482,0\n\
Summa nämnder\t-1 185,8\t-1 230,5\t-1 255,6\n";

fn upload(name: &str, bytes: &[u8]) -> Request<Body> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--gr\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--gr--\r\n");
    Request::post("/granskning")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=gr")
        .body(Body::from(body))
        .expect("a request")
}

/// A page of the site as `router`'s user.
async fn page(router: &axum::Router, uri: &str) -> support::Answer {
    send(
        router,
        Request::get(uri).body(Body::empty()).expect("a request"),
    )
    .await
}

async fn audit_count(app: &styr_app::App) -> Option<usize> {
    app.audit_log(
        &styr_app::Actor::named("test"),
        &styr_app::AuditFilter::default(),
    )
    .await
    .map(|records| records.len())
    .ok()
}

#[tokio::test]
async fn a_pdf_and_its_text_are_reviewed_with_the_finding_beside_its_row_and_nothing_kept() {
    let app = app_with_example("review-page").await;
    add_user(&app, "controller", "controller", None).await;
    let router = acting_with(Arc::clone(&app), token_for(&app, "controller").await);
    let shown = page(&router, "/granskning").await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(
        shown.body.contains("Dokumentet sparas inte"),
        "{}",
        shown.body
    );
    let audit_before = audit_count(&app).await;
    let budgets_before = app.budgets().await.expect("the budgets").len();
    for (name, bytes, place) in [
        ("budget.pdf", PDF, "sida 1, rad 9"),
        ("budget.txt", TEXT.as_bytes(), "rad 9"),
    ] {
        let answer = send(&router, upload(name, bytes)).await;
        assert_eq!(answer.status, StatusCode::OK, "{name}: {}", answer.body);
        let body = &answer.body;
        assert!(
            body.contains("1 fel, 0 varningar, 0 avrundningsdifferenser."),
            "{name}: {body}"
        );
        assert!(
            body.contains(&format!("Summa nämnder, Budget 2026 ({place})")),
            "{name}: the finding names its place: {body}"
        );
        assert!(
            body.contains("anges -1 230,5 mnkr, beräknas -1 220,5 mnkr"),
            "{name}"
        );
        // The table is shown with the row the finding is on marked.
        let marked = body
            .split("<tr class=\"marked\">")
            .nth(1)
            .unwrap_or_else(|| panic!("{name}: a marked row: {body}"));
        assert!(
            marked.starts_with("<td>Summa nämnder</td>"),
            "{name}: {marked}"
        );
        assert_eq!(body.matches("<tr class=\"marked\">").count(), 1, "{name}");
        assert!(
            body.contains("1 tabeller lästa"),
            "{name}: the coverage is said"
        );
    }
    assert_eq!(
        app.budgets().await.expect("the budgets").len(),
        budgets_before
    );
    let audit_after = audit_count(&app).await;
    assert!(
        audit_before.is_some_and(|count| count > 0),
        "the audit log is read"
    );
    assert_eq!(audit_after, audit_before, "a review changes nothing");
}

#[tokio::test]
async fn what_is_no_document_is_refused_in_a_sentence_and_a_reader_before_the_upload_is_read() {
    let app = app_with_example("review-page-refused").await;
    add_user(&app, "revisor", "revisor", None).await;
    add_user(&app, "lasare", "lasare", None).await;
    let revisor = acting_with(Arc::clone(&app), token_for(&app, "revisor").await);
    for (name, bytes, sentence) in [
        (
            "budget.pdf",
            b"%PDF-1.7 trasig".as_slice(),
            "ingen PDF som går att läsa",
        ),
        (
            "budget.toml",
            b"[budget]".as_slice(),
            "PDF, Word (.docx) och text",
        ),
        ("budget.txt", b"\xff\xfe".as_slice(), "inte UTF-8"),
    ] {
        let answer = send(&revisor, upload(name, bytes)).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {}",
            answer.body
        );
        assert!(answer.body.contains(sentence), "{name}: {}", answer.body);
    }
    let reader = acting_with(Arc::clone(&app), token_for(&app, "lasare").await);
    let answer = send(&reader, upload("budget.pdf", PDF)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.body);
    let shown = page(&reader, "/granskning").await;
    assert_eq!(shown.status, StatusCode::FORBIDDEN);
}
