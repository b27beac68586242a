//! The database a command works on, and opening it: `--database`, else STYR_DATABASE_URL,
//! else styr.db here. A plain path is an SQLite file (`budget.db` → `sqlite://budget.db`), an
//! address (`postgres://styr:…@db/styr`) is used as it is and shown without its password.
//!
//! A command that works on one budget names it with `--budget`, or there must be only one
//! ([`with_budget`]); the application is opened once, on its own async runtime.

use std::process::ExitCode;

use clap::Args;
use styr_app::App;

#[derive(Args, Clone, Debug)]
pub struct DatabaseArgument {
    /// Databasen: en fil (skapas vid behov) eller en adress som postgres://… [miljö: STYR_DATABASE_URL]
    #[arg(long, env = "STYR_DATABASE_URL", default_value = "styr.db")]
    database: String,
}

impl DatabaseArgument {
    /// The database as a URL: a plain path is an SQLite file.
    pub fn url(&self) -> String {
        if self.database.contains("://") || self.database.starts_with("sqlite:") {
            self.database.clone()
        } else {
            format!("sqlite://{}", self.database)
        }
    }
}

/// A database URL without any password in it, for logs and messages.
pub fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// The async runtime a command's database work runs on, or a message why there is none.
pub fn runtime() -> Option<tokio::runtime::Runtime> {
    tokio::runtime::Runtime::new()
        .map_err(|error| eprintln!("styr: kan inte starta: {error}"))
        .ok()
}

pub async fn open(database_url: &str) -> Option<App> {
    App::open(database_url)
        .await
        .map(|app| app.with_limits(crate::limits::limits().clone()))
        .map_err(|error| {
            eprintln!(
                "styr: kan inte öppna databasen {}: {error}",
                shown(database_url)
            )
        })
        .ok()
}

/// The budget a command is about: the one named, or the only one in the database; otherwise
/// says which there are (and how to add one) and gives the exit status.
pub async fn choose(app: &App, budget: Option<i64>) -> Result<i64, ExitCode> {
    if let Some(id) = budget {
        return Ok(id);
    }
    match app.budgets().await.as_deref() {
        Ok([only]) => Ok(only.id),
        Ok([]) => {
            eprintln!("styr: databasen har ingen budget; läs in en med styr import BUDGET.toml");
            Err(ExitCode::FAILURE)
        }
        Ok(many) => {
            let numbers: Vec<String> = many
                .iter()
                .map(|summary| format!("{} ({})", summary.id, summary.title))
                .collect();
            eprintln!(
                "styr: databasen har flera budgetar; välj en med --budget: {}",
                numbers.join(", ")
            );
            Err(ExitCode::FAILURE)
        }
        Err(error) => {
            eprintln!("styr: {error}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// Opens the database and runs `work` with the application.
pub fn with_app(database_url: &str, work: impl AsyncFnOnce(&App) -> ExitCode) -> ExitCode {
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    runtime.block_on(async {
        match open(database_url).await {
            Some(app) => work(&app).await,
            None => ExitCode::FAILURE,
        }
    })
}

/// Opens the database, picks the budget ([`choose`]) and runs `work` with both.
pub fn with_budget(
    database_url: &str,
    budget: Option<i64>,
    work: impl AsyncFnOnce(&App, i64) -> ExitCode,
) -> ExitCode {
    with_app(database_url, async |app| match choose(app, budget).await {
        Ok(id) => work(app, id).await,
        Err(status) => status,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_in_a_database_url_is_never_shown() {
        assert_eq!(
            super::shown("postgres://styr:hemligt@db:5432/styr"),
            "postgres://styr:***@db:5432/styr"
        );
        assert_eq!(super::shown("sqlite://styr.db"), "sqlite://styr.db");
    }
}
