//! Use cases at the same moment, through a real store on SQLite and (when
//! STYR_TEST_POSTGRES_URL names a server) PostgreSQL: imports of the books to one budget take
//! turns and leave one import's books; edits of the budget beside an import all land.

use std::sync::Arc;

use styr_app::{Actor, App};
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::money::Amount;
use styr_domain::operating::LineKind;
use styr_domain::organisation::UnitId;

const EXAMPLE: &str = include_str!("../../../examples/alingsas-ks-2025.toml");
const OUTCOME: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

/// The reference budget as budget 1 on every available backend.
async fn apps(name: &str) -> Vec<(String, Arc<App>)> {
    let mut urls = Vec::new();
    let path = std::env::temp_dir().join(format!("styr-app-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    urls.push(("sqlite".to_string(), format!("sqlite://{}", path.display())));
    match std::env::var("STYR_TEST_POSTGRES_URL") {
        Ok(url) => urls.push(("postgres".to_string(), fresh_postgres(&url, name).await)),
        Err(_) => eprintln!("PostgreSQL skipped: STYR_TEST_POSTGRES_URL is not set"),
    }
    let mut apps = Vec::new();
    for (backend, url) in urls {
        let app = App::open(&url).await.expect("the store opens");
        app.import(&Actor::named("controller"), EXAMPLE)
            .await
            .expect("the example imports");
        apps.push((backend, Arc::new(app)));
    }
    apps
}

/// A database of its own on the test server (tests running at once do not meet).
async fn fresh_postgres(url: &str, name: &str) -> String {
    // psql, which comes with the server: this crate has no SQL client of its own.
    let (server, database) = url.rsplit_once('/').expect("a URL that names a database");
    let test_database = format!("{database}_app_{}", name.replace('-', "_"));
    let status = std::process::Command::new("psql")
        .args([
            url,
            "-q",
            "-c",
            &format!("DROP DATABASE IF EXISTS {test_database}"),
        ])
        .args(["-c", &format!("CREATE DATABASE {test_database}")])
        .env("PGOPTIONS", "-c client_min_messages=warning")
        .status()
        .expect("psql runs");
    assert!(status.success(), "the test database is made");
    format!("{server}/{test_database}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nine_imports_of_one_file_at_once_take_turns_and_leave_one_imports_books() {
    for (backend, app) in apps("nine-imports").await {
        let tasks: Vec<_> = (0..9)
            .map(|_| {
                let app = Arc::clone(&app);
                tokio::spawn(async move {
                    app.import_outcome(&Actor::named("controller"), 1, "utfall.se", OUTCOME, None)
                        .await
                })
            })
            .collect();
        for task in tasks {
            let record = task.await.expect("ran").unwrap_or_else(|error| {
                panic!("{backend}: an import beside others failed: {error:?}")
            });
            assert_eq!(record.first_month, "2025-01", "{backend}");
        }
        let imports = app.outcome_imports(1).await.expect("the import log");
        assert_eq!(imports.len(), 9, "{backend}");
        // Each import but the first replaced the one before it, whole.
        let replaced: Vec<i64> = imports.iter().map(|record| record.replaced_rows).collect();
        assert_eq!(
            replaced.iter().filter(|rows| **rows == 0).count(),
            1,
            "{backend}: {replaced:?}"
        );
        assert!(
            replaced
                .iter()
                .all(|rows| *rows == 0 || *rows == imports[0].rows),
            "{backend}: {replaced:?}"
        );
        let after = app.followup(1, None, None).await.expect("a report");
        app.import_outcome(&Actor::named("controller"), 1, "utfall.se", OUTCOME, None)
            .await
            .expect("one more import");
        assert_eq!(
            app.followup(1, None, None).await.expect("a report"),
            after,
            "{backend}: the books are one import's"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn edits_beside_imports_all_land() {
    for (backend, app) in apps("edits-beside-imports").await {
        let mut tasks = Vec::new();
        for round in 0..3 {
            let importer = Arc::clone(&app);
            tasks.push(tokio::spawn(async move {
                importer
                    .import_outcome(&Actor::named("controller"), 1, "utfall.se", OUTCOME, None)
                    .await
                    .map(|_| ())
            }));
            for year in 2025..=2027 {
                let editor = Arc::clone(&app);
                tasks.push(tokio::spawn(async move {
                    let change = Change::SetLine {
                        unit: UnitId("ks".into()),
                        line: LineKind::OtherCosts,
                        year: Year::new(year).expect("a year"),
                        amount: Amount::from_tkr(-(1_000 + round)),
                    };
                    editor
                        .change(&Actor::named("anna"), 1, None, &change)
                        .await
                        .map(|_| ())
                }));
            }
        }
        for task in tasks {
            task.await
                .expect("ran")
                .unwrap_or_else(|error| panic!("{backend}: {error:?}"));
        }
        assert_eq!(
            app.outcome_imports(1).await.expect("the log").len(),
            3,
            "{backend}"
        );
        assert_eq!(
            app.snapshot(1).await.expect("the budget").revision,
            1 + 9,
            "{backend}: every edit has its revision"
        );
    }
}
