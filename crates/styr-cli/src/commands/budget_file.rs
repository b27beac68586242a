//! `styr import BUDGET.toml` and `styr export`: budget files into and out of the database. An
//! import is all or nothing: a file with a problem, or whose figures do not compute, stores
//! nothing; an export writes the budget file that imports back to the same budget.

use std::path::Path;
use std::process::ExitCode;

use styr_app::{Actor, AppError};

use crate::database::{with_app, with_budget};
use crate::input::{UNREADABLE, refused};
use crate::output::{print_line, write_output};

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
            Ok(id) => print_line(&format!("Budgeten är inläst som nummer {id}.")),
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
