//! The document and the template as downloads, through the real router: every format by the
//! API and by the page's links, and a filled-in template posted back — by someone allowed to
//! change what it changes, by someone who is not, and as a file that is no workbook.

mod support;

use std::io::{Read, Write};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use calamine::Reader;
use http_body_util::BodyExt;
use styr_app::App;
use support::{add_user, token_for};
use tower::ServiceExt;

struct Download {
    status: StatusCode,
    content_type: String,
    disposition: String,
    body: Vec<u8>,
}

async fn request(router: &Router, token: &str, method: &str, uri: &str, body: Vec<u8>) -> Download {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(
            header::CONTENT_TYPE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .body(Body::from(body))
        .expect("a request");
    let response = router.clone().oneshot(request).await.expect("an answer");
    let header_text = |name| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (content_type, disposition) = (
        header_text(header::CONTENT_TYPE),
        header_text(header::CONTENT_DISPOSITION),
    );
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes()
        .to_vec();
    Download {
        status,
        content_type,
        disposition,
        body,
    }
}

async fn site(name: &str) -> (Arc<App>, Router) {
    let app = support::app_with_example(name).await;
    add_user(&app, "controller", "controller", None).await;
    add_user(
        &app,
        "exploatering",
        "budgetansvarig",
        Some("exploateringsenheten"),
    )
    .await;
    let router = styr_web::router(Arc::clone(&app));
    (app, router)
}

#[tokio::test]
async fn the_document_downloads_in_every_format() {
    let (app, router) = site("downloads").await;
    let token = token_for(&app, "controller").await;
    for (format, content_type, start) in [
        ("pdf", "application/pdf", b"%PDF-1.7".as_slice()),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK".as_slice(),
        ),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            b"PK".as_slice(),
        ),
        (
            "html",
            "text/html; charset=utf-8",
            b"<!DOCTYPE html>".as_slice(),
        ),
        (
            "markdown",
            "text/markdown; charset=utf-8",
            b"# Kommunstyrelsen".as_slice(),
        ),
    ] {
        for uri in [
            format!("/api/v1/budgets/1/download?format={format}"),
            format!("/budget/1/dokument/{format}"),
        ] {
            let answer = request(&router, &token, "GET", &uri, Vec::new()).await;
            assert_eq!(answer.status, StatusCode::OK, "{uri}");
            assert_eq!(answer.content_type, content_type, "{uri}");
            assert!(answer.body.starts_with(start), "{uri}");
            assert!(
                answer
                    .disposition
                    .starts_with("attachment; filename=\"kommunstyrelsen-budget-2025-2027"),
                "{uri}: {}",
                answer.disposition
            );
        }
    }
    let unknown = request(&router, &token, "GET", "/budget/1/dokument/odt", Vec::new()).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let unknown = request(
        &router,
        &token,
        "GET",
        "/api/v1/budgets/1/download?format=odt",
        Vec::new(),
    )
    .await;
    assert!(unknown.status.is_client_error());
    let missing = request(
        &router,
        &token,
        "GET",
        "/api/v1/budgets/9/download?format=pdf",
        Vec::new(),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

/// The workbook with one cell's XML replaced, as a person editing it would change it.
fn edited(workbook: &[u8], sheet: &str, from: &str, to: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).expect("a ZIP");
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("the entry");
        if name == sheet {
            let xml = String::from_utf8(content).expect("XML");
            assert!(xml.contains(from), "{from}");
            content = xml.replacen(from, to, 1).into_bytes();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        writer.write_all(&content).expect("written");
    }
    writer.finish().expect("a ZIP").into_inner()
}

#[tokio::test]
async fn a_template_goes_out_and_comes_back_within_the_sender_s_rights() {
    let (app, router) = site("template").await;
    let controller = token_for(&app, "controller").await;
    let exploatering = token_for(&app, "exploatering").await;

    let own = request(
        &router,
        &exploatering,
        "GET",
        "/api/v1/budgets/1/template?enhet=exploateringsenheten",
        Vec::new(),
    )
    .await;
    assert_eq!(own.status, StatusCode::OK);
    let workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(own.body.clone()))
            .expect("a workbook");
    assert_eq!(
        workbook.sheet_names(),
        vec!["Mark- och exploateringsenheten"]
    );
    let back = request(
        &router,
        &exploatering,
        "POST",
        "/api/v1/budgets/1/template",
        own.body,
    )
    .await;
    assert_eq!(
        back.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&back.body)
    );
    let answer: serde_json::Value = serde_json::from_slice(&back.body).expect("JSON");
    assert_eq!(answer["changes"], 0);

    // The whole template with the board's personnel costs changed: not the exploitation
    // unit's to change, so refused, and nothing changes.
    let all = request(
        &router,
        &controller,
        "GET",
        "/budget/1/budgetmall.xlsx",
        Vec::new(),
    )
    .await;
    assert_eq!(all.status, StatusCode::OK);
    let filled = edited(
        &all.body,
        "xl/worksheets/sheet1.xml",
        "<c r=\"C8\" s=\"6\"><v>-116205</v></c>",
        "<c r=\"C8\" s=\"6\"><v>-117205</v></c>",
    );
    let before = app.export(1).await.expect("the budget");
    let refused = request(
        &router,
        &exploatering,
        "POST",
        "/api/v1/budgets/1/template",
        filled.clone(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(app.export(1).await.expect("the budget"), before);

    let accepted = request(
        &router,
        &controller,
        "POST",
        "/api/v1/budgets/1/template",
        filled,
    )
    .await;
    assert_eq!(accepted.status, StatusCode::OK);
    let answer: serde_json::Value = serde_json::from_slice(&accepted.body).expect("JSON");
    assert_eq!(answer["changes"], 1);
    let snapshot = app.snapshot(1).await.expect("the budget");
    let personnel = snapshot.report().operating[0].rows[1].values[1];
    assert_eq!(personnel, styr_domain::money::Amount::from_tkr(-117_205));

    let garbage = request(
        &router,
        &controller,
        "POST",
        "/api/v1/budgets/1/template",
        b"not a workbook".to_vec(),
    )
    .await;
    assert_eq!(garbage.status, StatusCode::UNPROCESSABLE_ENTITY);
    let answer: serde_json::Value = serde_json::from_slice(&garbage.body).expect("JSON");
    assert_eq!(answer["error"], "unreadable");
    assert!(
        answer["fields"]["001"]
            .as_str()
            .is_some_and(|message| message.contains("ingen läsbar Excel-arbetsbok"))
    );
}

/// A multipart upload of `file` as the Dokument page's form sends it.
fn upload(file: &[u8]) -> Request<Body> {
    let boundary = "styrgrans";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"mall.xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post("/budget/1/budgetmall")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("a request")
}

#[tokio::test]
async fn the_dokument_page_offers_the_files_and_reads_a_template_back() {
    let router = support::router_with_example("downloads-page").await;
    let page = support::get(&router, "/budget/1/dokument").await;
    for link in [
        "/budget/1/dokument/pdf",
        "/budget/1/dokument/docx",
        "/budget/1/dokument/xlsx",
        "/budget/1/budgetmall.xlsx?enhet=exploateringsenheten",
    ] {
        assert!(page.body.contains(link), "{link}");
    }
    let template = router
        .clone()
        .oneshot(
            Request::get("/budget/1/budgetmall.xlsx")
                .body(Body::empty())
                .expect("a request"),
        )
        .await
        .expect("an answer")
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes()
        .to_vec();
    let answer = support::send(&router, upload(&template)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.contains("Budgetmallen är inläst: 0 ändringar."));

    let broken = edited(
        &template,
        "xl/worksheets/sheet1.xml",
        "<c r=\"C8\" s=\"6\"><v>-116205</v></c>",
        "<c r=\"C8\" s=\"6\" t=\"inlineStr\"><is><t>mycket</t></is></c>",
    );
    let answer = support::send(&router, upload(&broken)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer
            .body
            .contains("Budgetmallen lästes inte in; ingenting är ändrat.")
    );
    assert!(
        answer
            .body
            .contains("blad ”Kommunstyrelsen”, cell C8: ”mycket” är inget belopp i tkr")
    );
}
