//! SQLite: a backup is `VACUUM INTO` — the database as of one moment, written into a new file
//! that is itself a complete SQLite database, while the server goes on serving. A restore
//! checks the backup (SQLite's integrity check, styr's tables), copies it beside the target,
//! and moves the copy into the target's place (the target's -wal and -shm go with the old
//! file); the restored database is then opened, migrated if the backup is older, and the
//! restore recorded. Stop `styr serve` on the target first: a server keeps its connections
//! to the old file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use styr_app::App;

use super::{described, operator, partial, refuse_unless_replacing};
use crate::database::shown;
use crate::database::{open, runtime};
use crate::input::UNREADABLE;
use crate::output::print_line;

pub async fn backup(app: &App, output: &Path) -> ExitCode {
    let writing = partial(output);
    let _ = std::fs::remove_file(&writing);
    if let Err(error) = app.backup_into(&operator(), &writing).await {
        let _ = std::fs::remove_file(&writing);
        eprintln!(
            "styr: säkerhetskopian kunde inte skrivas: {}",
            chain(&error)
        );
        return ExitCode::FAILURE;
    }
    let contents = match App::inspect_backup(&writing).await {
        Ok(contents) => contents,
        Err(error) => {
            let _ = std::fs::remove_file(&writing);
            eprintln!(
                "styr: säkerhetskopian gick inte att läsa tillbaka: {}",
                chain(&error)
            );
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::rename(&writing, output) {
        eprintln!("styr: kan inte skriva {}: {error}", output.display());
        return ExitCode::FAILURE;
    }
    print_line(&format!(
        "Säkerhetskopian är skriven till {} ({}).",
        output.display(),
        described(&contents)
    ))
}

/// The database file an SQLite URL names ("sqlite://styr.db?mode=rwc" → styr.db).
fn file_of(database_url: &str) -> PathBuf {
    let path = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .unwrap_or(database_url);
    PathBuf::from(path.split('?').next().unwrap_or(path))
}

pub fn restore(file: &Path, database_url: &str, replace: bool) -> ExitCode {
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    runtime.block_on(async {
        let contents = match App::inspect_backup(file).await {
            Ok(contents) => contents,
            Err(error) => {
                eprintln!(
                    "styr: {} går inte att återställa: {}; ingenting är återställt.",
                    file.display(),
                    chain(&error)
                );
                return ExitCode::from(UNREADABLE);
            }
        };
        let target = file_of(database_url);
        if target.exists() {
            let Some(existing) = open(database_url).await else {
                return ExitCode::FAILURE;
            };
            let held = existing.contents().await;
            existing.close().await;
            match held {
                Ok(held) => {
                    if let Some(refused) =
                        refuse_unless_replacing(&held, replace, &shown(database_url))
                    {
                        return refused;
                    }
                }
                Err(error) => {
                    eprintln!("styr: {}: {}", shown(database_url), chain(&error));
                    return ExitCode::FAILURE;
                }
            }
        }
        let copying = partial(&target);
        if let Err(error) = std::fs::copy(file, &copying) {
            let _ = std::fs::remove_file(&copying);
            eprintln!(
                "styr: kan inte kopiera {}: {error}; ingenting är återställt.",
                file.display()
            );
            return ExitCode::FAILURE;
        }
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        if let Err(error) = std::fs::rename(&copying, &target) {
            eprintln!("styr: kan inte skriva {}: {error}", target.display());
            return ExitCode::FAILURE;
        }
        let Some(restored) = open(database_url).await else {
            return ExitCode::FAILURE;
        };
        let recorded = restored
            .record_restore(&operator(), &file.display().to_string())
            .await;
        restored.close().await;
        if let Err(error) = recorded {
            eprintln!(
                "styr: återställningen kunde inte skrivas i loggen: {}",
                chain(&error)
            );
            return ExitCode::FAILURE;
        }
        print_line(&format!(
            "{} är återställd från {} ({}). Alla är utloggade; en API-nyckel som återkallats efter att kopian togs gäller igen och behöver återkallas på nytt.",
            shown(database_url),
            file.display(),
            described(&contents)
        ))
    })
}

/// An error with its causes, for a person reading the terminal.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn an_sqlite_url_names_its_file() {
        assert_eq!(super::file_of("sqlite://styr.db"), PathBuf::from("styr.db"));
        assert_eq!(
            super::file_of("sqlite:///tmp/a.db?mode=rwc"),
            PathBuf::from("/tmp/a.db")
        );
    }
}
