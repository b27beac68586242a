//! `styr backup` and `styr restore`: the whole database copied while it is in use, and put
//! back.
//!
//! ```text
//! styr backup --database styr.db --output styr-2026-11-26.db       # SQLite: VACUUM INTO
//! styr backup --database postgres://… --output styr-2026-11-26.dump  # PostgreSQL: pg_dump
//! styr restore styr-2026-11-26.db --database ny.db                   # into an empty database
//! styr restore styr-2026-11-26.db --database styr.db --replace       # over one in use
//! ```
//!
//! A backup never overwrites a file, and is written under another name first and renamed
//! when whole, so a failed backup leaves no file that looks like one. A restore checks the
//! backup whole before it touches the database, refuses to overwrite a database that holds
//! anything (a budget, an account, a line of the log) unless told `--replace`, and records
//! itself as the restored database's newest audit entry; a backup is recorded in the database
//! it copied. Which kind a backup file is, is read from its first bytes (SQLite's "SQLite
//! format 3", pg_dump's "PGDMP"); a backup restores into a database of its own kind.

mod postgres;
mod sqlite;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use styr_app::{Actor, Backend, Contents};

use crate::database::with_app;
use crate::status::UNREADABLE;

/// Who the audit log names for a backup or a restore.
fn operator() -> Actor {
    Actor::named("kommandorad")
}

/// What a database holds ("budgetar 2, användare 7, utfallsimporter 3, rader i loggen 1214").
fn described(contents: &Contents) -> String {
    format!(
        "budgetar {}, användare {}, utfallsimporter {}, rader i loggen {}",
        contents.budgets, contents.users, contents.outcome_imports, contents.audit_entries
    )
}

/// Where a file is written before it is whole: beside the file, so the rename stays on one
/// file system.
fn partial(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".delvis");
    path.with_file_name(name)
}

pub fn backup(database_url: &str, output: &Path) -> ExitCode {
    if output.exists() {
        eprintln!(
            "styr: {} finns redan; en säkerhetskopia skriver aldrig över en fil. Välj ett annat namn.",
            output.display()
        );
        return ExitCode::FAILURE;
    }
    with_app(database_url, async |app| match app.backend() {
        Backend::Sqlite => sqlite::backup(app, output).await,
        Backend::Postgres => postgres::backup(app, database_url, output).await,
    })
}

/// The kinds of backup file, by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sqlite,
    PgDump,
}

fn kind_of(file: &Path) -> Result<Kind, String> {
    let mut start = [0_u8; 16];
    let read = std::fs::File::open(file)
        .and_then(|mut opened| opened.read(&mut start))
        .map_err(|error| format!("kan inte läsa {}: {error}", file.display()))?;
    match &start[..read] {
        bytes if bytes.starts_with(b"SQLite format 3\0") => Ok(Kind::Sqlite),
        bytes if bytes.starts_with(b"PGDMP") => Ok(Kind::PgDump),
        _ => Err(format!(
            "{} är ingen säkerhetskopia från styr backup (varken en SQLite-databas eller en pg_dump-fil)",
            file.display()
        )),
    }
}

pub fn restore(file: &Path, database_url: &str, replace: bool) -> ExitCode {
    let kind = match kind_of(file) {
        Ok(kind) => kind,
        Err(message) => {
            eprintln!("styr: {message}; ingenting är återställt.");
            return ExitCode::from(UNREADABLE);
        }
    };
    let target = if database_url.starts_with("postgres") {
        Kind::PgDump
    } else {
        Kind::Sqlite
    };
    if kind != target {
        eprintln!(
            "styr: {} är en säkerhetskopia av en {}-databas och kan bara återställas i en sådan; ingenting är återställt.",
            file.display(),
            if kind == Kind::Sqlite {
                "SQLite"
            } else {
                "PostgreSQL"
            }
        );
        return ExitCode::FAILURE;
    }
    match kind {
        Kind::Sqlite => sqlite::restore(file, database_url, replace),
        Kind::PgDump => postgres::restore(file, database_url, replace),
    }
}

/// Refuses a restore over a database that holds something, unless told to replace it.
fn refuse_unless_replacing(contents: &Contents, replace: bool, shown: &str) -> Option<ExitCode> {
    if contents.is_empty() || replace {
        return None;
    }
    eprintln!(
        "styr: {shown} används redan ({}); ingenting är återställt. Ange --replace för att ersätta allt i den med säkerhetskopian.",
        described(contents)
    );
    Some(ExitCode::FAILURE)
}
