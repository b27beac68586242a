//! `styr user`: people and their roles, from the machine that holds the database. The first
//! administrator is made here. A password is read from a prompt that does not echo, or from
//! the first line of standard input when that is not a terminal — never from the arguments,
//! which other users of the machine can see.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use styr_app::{Actor, App, AppError, Role, RoleKind};

fn operator() -> Actor {
    let user = std::env::var("USER").unwrap_or_else(|_| "okänd".into());
    Actor::named(format!("kommandorad ({user})"))
}

/// Opens the database and runs `work` with the application, printing its sentence.
fn with_app(
    database_url: &str,
    work: impl AsyncFnOnce(&App) -> Result<String, AppError>,
) -> ExitCode {
    crate::database::with_app(database_url, async |app| finish(work(app).await))
}

/// The role from `--role` and `--scope`.
pub fn role(role: &str, scope: Option<&str>) -> Result<Role, String> {
    let kind = RoleKind::from_key(role).ok_or_else(|| {
        let names: Vec<&str> = RoleKind::ALL.iter().map(|kind| kind.key()).collect();
        format!("okänd roll ”{role}”; välj en av {}", names.join(", "))
    })?;
    Role::from_parts(kind, scope)
}

/// Reads a new password: twice from a terminal, once from a pipe.
fn read_password(prompt: &str) -> Result<String, String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(prompt).map_err(|error| error.to_string())?;
        let second = rpassword::prompt_password("Samma lösenord igen: ")
            .map_err(|error| error.to_string())?;
        if first != second {
            return Err("lösenorden var inte lika".into());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|error| error.to_string())?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

fn finish(result: Result<String, AppError>) -> ExitCode {
    match result {
        Ok(message) => crate::output::print_line(&message),
        Err(error) => {
            eprintln!("styr: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn add(database_url: &str, username: &str, role_name: &str, scope: Option<&str>) -> ExitCode {
    let role = match role(role_name, scope) {
        Ok(role) => role,
        Err(message) => {
            eprintln!("styr: {message}");
            return ExitCode::from(2);
        }
    };
    let password = match read_password(&format!("Lösenord för {username}: ")) {
        Ok(password) => password,
        Err(message) => {
            eprintln!("styr: kan inte läsa lösenordet: {message}");
            return ExitCode::from(2);
        }
    };
    with_app(database_url, async |app| {
        app.add_user(&operator(), username, &password, &role)
            .await
            .map(|_| format!("Användaren {username} är skapad ({}).", role.kind().label()))
    })
}

pub fn set_role(
    database_url: &str,
    username: &str,
    role_name: &str,
    scope: Option<&str>,
) -> ExitCode {
    let role = match role(role_name, scope) {
        Ok(role) => role,
        Err(message) => {
            eprintln!("styr: {message}");
            return ExitCode::from(2);
        }
    };
    with_app(database_url, async |app| {
        app.set_role(&operator(), username, &role)
            .await
            .map(|()| format!("{username} är nu {}.", role.kind().label()))
    })
}

pub fn reset_password(database_url: &str, username: &str) -> ExitCode {
    let password = match read_password(&format!("Nytt lösenord för {username}: ")) {
        Ok(password) => password,
        Err(message) => {
            eprintln!("styr: kan inte läsa lösenordet: {message}");
            return ExitCode::from(2);
        }
    };
    with_app(database_url, async |app| {
        app.reset_password(&operator(), username, &password)
            .await
            .map(|()| format!("Lösenordet för {username} är bytt; dess inloggningar är avslutade."))
    })
}

pub fn list(database_url: &str) -> ExitCode {
    with_app(database_url, async |app| {
        app.users(&operator()).await.map(|users| {
            if users.is_empty() {
                return "Det finns inga användare. Skapa den första med: styr user add NAMN --role admin".into();
            }
            users
                .iter()
                .map(|(record, actor)| match actor.role.scope() {
                    Some(scope) => format!("{}\t{}\t{scope}", record.username, actor.role.kind().key()),
                    None => format!("{}\t{}", record.username, actor.role.kind().key()),
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    })
}
