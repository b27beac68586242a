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
    let source = match std::fs::read_to_string(file) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("styr: kan inte läsa {}: {error}", file.display());
            return ExitCode::from(UNREADABLE);
        }
    };
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    runtime.block_on(async {
        let Some(app) = open(database_url).await else {
            return ExitCode::FAILURE;
        };
        match app.import(&Actor::named("kommandorad"), &source).await {
            Ok(id) => {
                println!("Budgeten är inläst som nummer {id}.");
                ExitCode::SUCCESS
            }
            Err(AppError::Unreadable(issues)) => {
                for issue in &issues {
                    eprintln!("{}: {issue}\n", file.display());
                }
                eprintln!(
                    "styr: {} kunde inte läsas ({} fel); ingenting är inläst.",
                    file.display(),
                    issues.len()
                );
                ExitCode::from(UNREADABLE)
            }
            Err(error) => {
                eprintln!("styr: {}: {error}; ingenting är inläst.", file.display());
                ExitCode::FAILURE
            }
        }
    })
}

/// The budget a command is about: the one named, or the only one in the database; otherwise
/// says which there are.
pub async fn choose(app: &App, budget: Option<i64>) -> Option<i64> {
    if let Some(id) = budget {
        return Some(id);
    }
    match app.budgets().await.as_deref() {
        Ok([only]) => Some(only.id),
        Ok([]) => {
            eprintln!("styr: databasen har ingen budget");
            None
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
            None
        }
        Err(error) => {
            eprintln!("styr: {error}");
            None
        }
    }
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
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    runtime.block_on(async {
        let Some(app) = open(database_url).await else {
            return ExitCode::FAILURE;
        };
        let Some(id) = choose(&app, budget).await else {
            return ExitCode::FAILURE;
        };
        let text = match app.export(id).await {
            Ok(text) => text,
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                return ExitCode::FAILURE;
            }
        };
        write_output(output, text.as_bytes())
    })
}
