//! `styr import FILE` and `styr export`: budget files into and out of the database.

use std::path::Path;
use std::process::ExitCode;

use styr_app::{Actor, App, AppError};

use super::serve::shown;
use crate::input::UNREADABLE;

/// The async runtime a command's database work runs on, or a message why there is none.
pub fn runtime() -> Option<tokio::runtime::Runtime> {
    tokio::runtime::Runtime::new()
        .map_err(|error| eprintln!("styr: kan inte starta: {error}"))
        .ok()
}

pub async fn open(database_url: &str) -> Option<App> {
    App::open(database_url)
        .await
        .map_err(|error| {
            eprintln!(
                "styr: kan inte öppna databasen {}: {error}",
                shown(database_url)
            )
        })
        .ok()
}

pub fn import(file: &Path, database_url: &str) -> ExitCode {
    let source = match crate::input::read_file(file, styr_import::Limit::BudgetFileBytes)
        .map(String::from_utf8)
    {
        Ok(Ok(source)) => source,
        Ok(Err(_)) => {
            eprintln!(
                "styr: kan inte läsa {}: filen är inte UTF-8",
                file.display()
            );
            return ExitCode::from(UNREADABLE);
        }
        Err(status) => return ExitCode::from(status),
    };
    with_app(database_url, async |app| {
        match app.import(&Actor::named("kommandorad"), &source).await {
            Ok(id) => {
                println!("Budgeten är inläst som nummer {id}.");
                ExitCode::SUCCESS
            }
            Err(AppError::Unreadable(issues)) => {
                let problems: Vec<String> = issues.iter().map(ToString::to_string).collect();
                refused(file, &problems, "ingenting är inläst")
            }
            Err(error) => {
                eprintln!("styr: {}: {error}; ingenting är inläst.", file.display());
                ExitCode::FAILURE
            }
        }
    })
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

/// Lists a file's problems, says that `nothing` happened ("ingenting är inläst"), and gives the
/// exit status of an unreadable file.
pub fn refused(file: &Path, problems: &[String], nothing: &str) -> ExitCode {
    for problem in problems {
        eprintln!("{}: {problem}\n", file.display());
    }
    eprintln!(
        "styr: {} kunde inte läsas ({} fel); {nothing}.",
        file.display(),
        problems.len()
    );
    ExitCode::from(UNREADABLE)
}

/// Writes bytes to a file, or to standard output without one.
pub fn write_output(output: Option<&Path>, content: &[u8]) -> ExitCode {
    use std::io::Write;
    let written = match output {
        None => std::io::stdout().lock().write_all(content),
        Some(path) => std::fs::write(path, content),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let place = output.map_or_else(
                || "standard ut".to_string(),
                |path| path.display().to_string(),
            );
            eprintln!("styr: kan inte skriva {place}: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn export(budget: Option<i64>, database_url: &str, output: Option<&Path>) -> ExitCode {
    with_budget(database_url, budget, async |app, id| {
        match app.export(id).await {
            Ok(text) => write_output(output, text.as_bytes()),
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
