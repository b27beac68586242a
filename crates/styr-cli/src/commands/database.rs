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

pub fn export(budget: Option<i64>, database_url: &str, output: Option<&Path>) -> ExitCode {
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    runtime.block_on(async {
        let Some(app) = open(database_url).await else {
            return ExitCode::FAILURE;
        };
        let id = match budget {
            Some(id) => id,
            None => match app.budgets().await.as_deref() {
                Ok([only]) => only.id,
                Ok([]) => {
                    eprintln!("styr: databasen har ingen budget");
                    return ExitCode::FAILURE;
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
                    return ExitCode::FAILURE;
                }
                Err(error) => {
                    eprintln!("styr: {error}");
                    return ExitCode::FAILURE;
                }
            },
        };
        let text = match app.export(id).await {
            Ok(text) => text,
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                return ExitCode::FAILURE;
            }
        };
        match output {
            None => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Some(path) => match std::fs::write(path, text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("styr: kan inte skriva {}: {error}", path.display());
                    ExitCode::FAILURE
                }
            },
        }
    })
}
