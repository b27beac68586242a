//! PostgreSQL: a backup is PostgreSQL's own `pg_dump` (its custom format, one consistent
//! snapshot while the server goes on serving), checked afterwards by `pg_restore --list`. A
//! restore checks the dump the same way, refuses a database that holds anything unless told
//! `--replace`, and runs `pg_restore --clean --if-exists --single-transaction --no-owner`:
//! styr's tables are dropped and made again from the dump in one transaction, so a restore
//! that fails leaves the database as it was. The triggers that keep the audit log
//! append-only are part of the dump and are made after its rows are loaded. Both programs
//! must be on the PATH, of the server's version or newer.
//!
//! A password in the database URL is handed to the programs in PGPASSWORD, never on their
//! command line, where any user of the machine could read it.

use std::path::Path;
use std::process::{Command, ExitCode};

use styr_app::App;

use super::sqlite::chain;
use super::{described, operator, partial, refuse_unless_replacing};
use crate::database::shown;
use crate::database::{open, runtime};
use crate::input::UNREADABLE;
use crate::output::print_line;

pub async fn backup(app: &App, database_url: &str, output: &Path) -> ExitCode {
    let contents = match app.contents().await {
        Ok(contents) => contents,
        Err(error) => {
            eprintln!("styr: {}: {}", shown(database_url), chain(&error));
            return ExitCode::FAILURE;
        }
    };
    let writing = partial(output);
    let _ = std::fs::remove_file(&writing);
    let dumped = run(
        "pg_dump",
        &[
            "--format=custom".to_string(),
            format!("--file={}", writing.display()),
        ],
        database_url,
    )
    .and_then(|()| list(&writing));
    if let Err(message) = dumped {
        let _ = std::fs::remove_file(&writing);
        eprintln!("styr: säkerhetskopian kunde inte skrivas: {message}");
        return ExitCode::FAILURE;
    }
    if let Err(error) = std::fs::rename(&writing, output) {
        eprintln!("styr: kan inte skriva {}: {error}", output.display());
        return ExitCode::FAILURE;
    }
    let file = format!("{} (pg_dump)", output.display());
    if let Err(error) = app.record_backup(&operator(), &file).await {
        eprintln!(
            "styr: säkerhetskopian kunde inte skrivas i loggen: {}",
            chain(&error)
        );
        return ExitCode::FAILURE;
    }
    print_line(&format!(
        "Säkerhetskopian är skriven till {} med pg_dump (databasen när kopieringen började: {}).",
        output.display(),
        described(&contents)
    ))
}

pub fn restore(file: &Path, database_url: &str, replace: bool) -> ExitCode {
    if let Err(message) = list(file) {
        eprintln!(
            "styr: {} går inte att återställa: {message}; ingenting är återställt.",
            file.display()
        );
        return ExitCode::from(UNREADABLE);
    }
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    runtime.block_on(async {
        let Some(existing) = open(database_url).await else {
            return ExitCode::FAILURE;
        };
        let held = existing.contents().await;
        existing.close().await;
        match held {
            Ok(held) => {
                if let Some(refused) = refuse_unless_replacing(&held, replace, &shown(database_url))
                {
                    return refused;
                }
            }
            Err(error) => {
                eprintln!("styr: {}: {}", shown(database_url), chain(&error));
                return ExitCode::FAILURE;
            }
        }
        let restored = run(
            "pg_restore",
            &[
                "--clean".to_string(),
                "--if-exists".to_string(),
                "--single-transaction".to_string(),
                "--exit-on-error".to_string(),
                "--no-owner".to_string(),
                file.display().to_string(),
            ],
            database_url,
        );
        if let Err(message) = restored {
            eprintln!("styr: återställningen misslyckades och ingenting är ändrat: {message}");
            return ExitCode::FAILURE;
        }
        let Some(restored) = open(database_url).await else {
            return ExitCode::FAILURE;
        };
        let contents = restored.contents().await;
        let recorded = restored
            .record_restore(&operator(), &file.display().to_string())
            .await;
        restored.close().await;
        match (contents, recorded) {
            (Ok(contents), Ok(())) => {
                print_line(&format!(
                    "{} är återställd från {} ({}). Alla är utloggade; en API-nyckel som återkallats efter att kopian togs gäller igen och behöver återkallas på nytt.",
                    shown(database_url),
                    file.display(),
                    described(&contents)
                ))
            }
            (Err(error), _) | (_, Err(error)) => {
                eprintln!("styr: den återställda databasen: {}", chain(&error));
                ExitCode::FAILURE
            }
        }
    })
}

/// Checks that `file` is an archive pg_restore can read.
fn list(file: &Path) -> Result<(), String> {
    program("pg_restore")
        .arg("--list")
        .arg(file)
        .output()
        .map_err(|error| missing("pg_restore", &error))
        .and_then(|output| outcome("pg_restore", &output))
}

/// Runs a PostgreSQL program against `database_url`, its password in the environment.
fn run(name: &str, arguments: &[String], database_url: &str) -> Result<(), String> {
    let (url, password) = without_password(database_url);
    let mut command = program(name);
    command.args(arguments).arg(format!("--dbname={url}"));
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = command.output().map_err(|error| missing(name, &error))?;
    outcome(name, &output)
}

fn program(name: &str) -> Command {
    let mut command = Command::new(name);
    // Messages from the programs in a language the person can quote when asking for help.
    command.env("LC_MESSAGES", "C");
    command
}

fn missing(name: &str, error: &std::io::Error) -> String {
    if error.kind() == std::io::ErrorKind::NotFound {
        format!(
            "{name} finns inte på den här datorn; installera PostgreSQL:s klientprogram (samma version som servern eller nyare)"
        )
    } else {
        format!("{name} kunde inte startas: {error}")
    }
}

fn outcome(name: &str, output: &std::process::Output) -> Result<(), String> {
    if output.status.success() {
        return Ok(());
    }
    let said = String::from_utf8_lossy(&output.stderr);
    Err(format!("{name} svarade: {}", said.trim()))
}

/// The URL without its password, and the password (percent-decoded) to hand on separately.
fn without_password(url: &str) -> (String, Option<String>) {
    let Some(scheme_end) = url.find("://").map(|at| at + 3) else {
        return (url.to_string(), None);
    };
    let authority_end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |at| scheme_end + at);
    let Some(at) = url[scheme_end..authority_end]
        .rfind('@')
        .map(|at| scheme_end + at)
    else {
        return (url.to_string(), None);
    };
    let Some(colon) = url[scheme_end..at]
        .find(':')
        .map(|colon| scheme_end + colon)
    else {
        return (url.to_string(), None);
    };
    let password = decode(&url[colon + 1..at]);
    (format!("{}{}", &url[..colon], &url[at..]), Some(password))
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .and_then(|digits| u8::from_str_radix(digits, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::without_password;

    #[test]
    fn the_password_leaves_the_url_and_is_handed_on_decoded() {
        assert_eq!(
            without_password("postgres://styr:h%40mligt@db:5432/styr?sslmode=require"),
            (
                "postgres://styr@db:5432/styr?sslmode=require".to_string(),
                Some("h@mligt".to_string())
            )
        );
        assert_eq!(
            without_password("postgres://styr@127.0.0.1:5432/styr"),
            ("postgres://styr@127.0.0.1:5432/styr".to_string(), None)
        );
        assert_eq!(
            without_password("postgres://db/styr"),
            ("postgres://db/styr".to_string(), None)
        );
    }
}
