//! An application given limits holds every reader it calls to them: a budget file, the books
//! and a template past a configured limit are refused, naming the limit, and nothing changes.

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
