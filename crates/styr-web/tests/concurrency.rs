//! Many requests at once through the real router, on SQLite and (when STYR_TEST_POSTGRES_URL
//! names a server) PostgreSQL: imports of the books to one budget, and imports beside edits of
//! the budget's cells. Every answer is a success or a clear refusal (409/423), never a server
//! fault, and the books afterwards are those of one import.

mod support;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use styr_app::App;
use support::{EXAMPLE, add_user, send, token_for};

const OUTCOME: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

/// The reference budget as budget 1 with an administrator, on every available backend.
async fn sites(name: &str) -> Vec<(String, Arc<App>, Router, String)> {
    let mut urls = Vec::new();
    let path = std::env::temp_dir().join(format!("styr-web-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    urls.push(("sqlite".to_string(), format!("sqlite://{}", path.display())));
    match std::env::var("STYR_TEST_POSTGRES_URL") {
        Ok(url) => urls.push(("postgres".to_string(), fresh_postgres(&url, name).await)),
        Err(_) => eprintln!("PostgreSQL skipped: STYR_TEST_POSTGRES_URL is not set"),
    }
    let mut sites = Vec::new();
    for (backend, url) in urls {
        let app = Arc::new(App::open(&url).await.expect("the store opens"));
        app.import(&styr_app::Actor::named("test"), EXAMPLE)
            .await
            .expect("the example imports");
        add_user(&app, "admin", "admin", None).await;
        let token = token_for(&app, "admin").await;
        let router = styr_web::router(Arc::clone(&app));
        sites.push((backend, app, router, token));
    }
    sites
}

/// A database of its own on the test server.
async fn fresh_postgres(url: &str, name: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let (server, database) = url.rsplit_once('/').expect("a URL that names a database");
    let test_database = format!("{database}_web_{}", name.replace('-', "_"));
    let mut admin = sqlx::AnyConnection::connect(url)
        .await
        .expect("the test server answers");
    for statement in [
        format!("DROP DATABASE IF EXISTS {test_database}"),
        format!("CREATE DATABASE {test_database}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(statement))
            .execute(&mut admin)
            .await
            .expect("the test database is made");
    }
    format!("{server}/{test_database}")
}

async fn import(router: Router, token: String) -> support::Answer {
    let request = Request::post("/api/v1/budgets/1/followup/imports?file_name=utfall.se")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(OUTCOME.to_vec()))
        .expect("a request");
    send(&router, request).await
}

async fn with_token(
    router: &Router,
    token: &str,
    method: Method,
    uri: &str,
    body: Option<Value>,
) -> support::Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(body) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(body.to_string())
        }
        None => Body::empty(),
    };
    send(router, request.body(body).expect("a request")).await
}

/// A success, or a refusal that says the budget is busy or changed: never a server fault.
fn clear(status: StatusCode) -> bool {
    status.is_success() || matches!(status, StatusCode::CONFLICT | StatusCode::LOCKED)
}

/// The follow-up as the API gives it, without the import log's times.
async fn books(router: &Router, token: &str) -> Value {
    let answer = with_token(
        router,
        token,
        Method::GET,
        "/api/v1/budgets/1/followup",
        None,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nine_imports_at_once_to_one_budget_all_answer_clearly_and_leave_one_imports_books() {
    for (backend, app, router, token) in sites("nine-imports").await {
        let tasks: Vec<_> = (0..9)
            .map(|_| tokio::spawn(import(router.clone(), token.clone())))
            .collect();
        let mut landed = 0;
        for task in tasks {
            let answer = task.await.expect("the request ran");
            assert!(
                clear(answer.status),
                "{backend}: an import answered {}: {}",
                answer.status,
                answer.body
            );
            landed += usize::from(answer.status.is_success());
        }
        assert!(landed >= 1, "{backend}: at least one import landed");
        let imports = app.outcome_imports(1).await.expect("the import log");
        assert_eq!(imports.len(), landed, "{backend}: one record per import");
        let after_many = books(&router, &token).await;
        // One more import replaces the months again: the books of exactly one import.
        let once = import(router.clone(), token.clone()).await;
        assert_eq!(once.status, StatusCode::CREATED, "{backend}: {}", once.body);
        assert_eq!(
            after_many,
            books(&router, &token).await,
            "{backend}: the books are one import's"
        );
        assert_eq!(
            imports[0].rows,
            imports[landed - 1].rows,
            "{backend}: every import stored the whole file"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn imports_beside_cell_writes_all_answer_clearly_and_every_cell_lands() {
    for (backend, app, router, token) in sites("import-beside-cells").await {
        let mut tasks = Vec::new();
        for round in 0..12_i64 {
            if round % 4 == 0 {
                tasks.push((None, tokio::spawn(import(router.clone(), token.clone()))));
            }
            let year = 2025 + round % 3;
            let line = [
                "personnel",
                "other_costs",
                "purchased_services",
                "premises_rent",
            ][usize::try_from(round / 3).expect("small")];
            let uri = format!("/api/v1/budgets/1/operating/ks/lines/{line}/{year}");
            let tkr = -(1_000 + round);
            let amount = tkr.to_string();
            let (router, token) = (router.clone(), token.clone());
            let cell = (line, year, tkr);
            tasks.push((
                Some(cell),
                tokio::spawn(async move {
                    with_token(
                        &router,
                        &token,
                        Method::PUT,
                        &uri,
                        Some(json!({ "amount": amount })),
                    )
                    .await
                }),
            ));
        }
        let mut cells = Vec::new();
        for (cell, task) in tasks {
            let answer = task.await.expect("the request ran");
            assert!(
                clear(answer.status),
                "{backend}: {cell:?} answered {}: {}",
                answer.status,
                answer.body
            );
            if let Some(cell) = cell {
                assert_eq!(
                    answer.status,
                    StatusCode::OK,
                    "{backend}: a cell write without a version lands: {}",
                    answer.body
                );
                cells.push(cell);
            }
        }
        let budget = app.snapshot(1).await.expect("the budget").budget.clone();
        let ks = budget
            .lines
            .iter()
            .find(|lines| lines.unit.0 == "ks")
            .expect("ks has lines");
        for (line, year, tkr) in cells {
            let kind = styr_domain::operating::LineKind::from_key(line).expect("a line");
            let year = styr_domain::calendar::Year::new(year).expect("a year");
            assert_eq!(
                ks.lines
                    .get(&kind)
                    .and_then(|years| years.get(&year))
                    .copied(),
                Some(styr_domain::money::Amount::from_tkr(tkr)),
                "{backend}: {line} {year} landed"
            );
        }
    }
}
