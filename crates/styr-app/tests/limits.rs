//! An application given limits holds every reader it calls to them: a budget file, the books,
//! a template, a CSV of KPI values and a Kolada file past a configured limit are refused,
//! naming the limit, and nothing changes.

use styr_app::{Actor, App, AppError};
use styr_import::Limits;

const EXAMPLE: &str = include_str!("../../../examples/alingsas-ks-2025.toml");
const BOOKS: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

async fn app(name: &str, limits: Limits) -> App {
    let path = std::env::temp_dir().join(format!("styr-app-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    App::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("the store opens")
        .with_limits(limits)
}

fn refusal(error: &AppError) -> String {
    match error {
        AppError::Unreadable(issues) => issues.iter().map(ToString::to_string).collect(),
        other => other.to_string(),
    }
}

#[tokio::test]
async fn a_budget_file_past_the_configured_limit_is_refused() {
    let limits = Limits {
        budget_file_bytes: 1024,
        ..Limits::default()
    };
    let app = app("limits-budget", limits).await;
    let refused = app
        .import(&Actor::named("test"), EXAMPLE)
        .await
        .expect_err("past the limit");
    assert!(
        refusal(&refused).contains("budget_file_bytes"),
        "{refused:?}"
    );
    assert!(app.budgets().await.expect("the list").is_empty());
}

#[tokio::test]
async fn the_books_past_the_configured_limit_are_refused_and_nothing_is_booked() {
    let limits = Limits {
        accounts: 3,
        ..Limits::default()
    };
    let app = app("limits-books", limits).await;
    let id = app
        .import(&Actor::named("test"), EXAMPLE)
        .await
        .expect("the budget reads");
    let refused = app
        .import_outcome(&Actor::named("test"), id, "utfall.se", BOOKS, None)
        .await
        .expect_err("past the limit");
    assert!(refusal(&refused).contains("accounts"), "{refused:?}");
    assert!(app.outcome_imports(id).await.expect("the log").is_empty());
}

#[tokio::test]
async fn kpi_values_and_a_kolada_file_past_the_configured_rows_are_refused_and_nothing_is_stored() {
    // Two rows each: within the defaults, past a configured limit of one row.
    let values =
        "nyckeltal;period;värde\narbetsbelastningen;2025-O1;3,6\narbetsbelastningen;2025-O2;3,7\n";
    let kolada = "kpi;municipality;period;value\nN00097;1489;2024;-1,2\nN00097;1441;2024;0,8\n";
    let limits = Limits {
        value_rows: 1,
        ..Limits::default()
    };
    let defaults = app("limits-values-defaults", Limits::default()).await;
    let app = app("limits-values", limits).await;
    let actor = Actor::named("test");
    let id = app.import(&actor, EXAMPLE).await.expect("the budget reads");
    let refused = app
        .import_kpi_values(&actor, id, values.as_bytes())
        .await
        .expect_err("past the limit");
    assert!(
        refusal(&refused).contains("filen har fler rader än 1 (gränsen value_rows = 1)"),
        "{refused:?}"
    );
    let refused = app
        .import_kolada_file(&actor, "kolada.csv", kolada.as_bytes())
        .await
        .expect_err("past the limit");
    assert!(
        refusal(&refused).contains("filen har fler rader än 1 (gränsen value_rows = 1)"),
        "{refused:?}"
    );
    assert!(
        app.kolada_values("N00097")
            .await
            .expect("the cache")
            .is_empty()
    );

    let id = defaults
        .import(&actor, EXAMPLE)
        .await
        .expect("the budget reads");
    assert_eq!(
        defaults
            .import_kpi_values(&actor, id, values.as_bytes())
            .await
            .expect("within the defaults"),
        2
    );
    defaults
        .import_kolada_file(&actor, "kolada.csv", kolada.as_bytes())
        .await
        .expect("within the defaults");
    assert_eq!(
        defaults
            .kolada_values("N00097")
            .await
            .expect("the cache")
            .len(),
        2
    );
}

#[tokio::test]
async fn a_kolada_answer_past_the_configured_bytes_is_refused_naming_the_limit() {
    let answer = r#"{"count": 1, "values": [{"kpi": "N00097", "municipality": "1489", "period": 2024, "values": [{"gender": "T", "count": 1, "status": "", "value": -1.2}]}]}"#;
    let limits = Limits {
        file_bytes: 64,
        ..Limits::default()
    };
    let app = app("limits-kolada-bytes", limits).await;
    let refused = app
        .import_kolada_file(&Actor::named("test"), "kolada.json", answer.as_bytes())
        .await
        .expect_err("past the limit");
    assert!(
        refusal(&refused).contains("är större än 64 byte (gränsen file_bytes = 64 byte)"),
        "{refused:?}"
    );
    assert!(
        app.kolada_values("N00097")
            .await
            .expect("the cache")
            .is_empty()
    );
}
