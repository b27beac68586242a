//! `styr export --format mall` and `styr import MALL.xlsx`: the budget template out to the
//! units and back.

use std::path::Path;
use std::process::ExitCode;

use styr_app::{Actor, AppError};

use crate::database::with_budget;
use styr_import::Limit;

use crate::input::{UNREADABLE, read_file, refused};
use crate::output::{print_line, write_output};

pub fn export(
    budget: Option<i64>,
    database_url: &str,
    units: &[String],
    output: Option<&Path>,
) -> ExitCode {
    with_budget(database_url, budget, async |app, id| {
        let snapshot = match app.snapshot(id).await {
            Ok(snapshot) => snapshot,
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                return ExitCode::FAILURE;
            }
        };
        let lines = &snapshot.budget.lines;
        let mut wanted = Vec::new();
        for unit in units {
            match lines.iter().find(|lines| lines.unit.as_str() == unit) {
                Some(lines) => wanted.push(lines.unit.clone()),
                None => {
                    let known: Vec<&str> = lines.iter().map(|lines| lines.unit.as_str()).collect();
                    eprintln!(
                        "styr: enheten ”{unit}” har inga budgetrader; enheter med rader: {}",
                        known.join(", ")
                    );
                    return ExitCode::from(UNREADABLE);
                }
            }
        }
        match styr_render::xlsx::template::template_workbook(&snapshot.budget, &wanted) {
            Ok(workbook) => write_output(output, &workbook),
            Err(error) => {
                eprintln!("styr: mallen kan inte skrivas: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

pub fn import(file: &Path, database_url: &str, budget: Option<i64>) -> ExitCode {
    let workbook = match read_file(file, Limit::FileBytes) {
        Ok(workbook) => workbook,
        Err(status) => return ExitCode::from(status),
    };
    with_budget(database_url, budget, async |app, id| {
        match app
            .import_template(&Actor::named("kommandorad"), id, &workbook)
            .await
        {
            Ok(imported) => print_line(&format!(
                "Budgetmallen är inläst i budget {id}: {} ändringar.",
                imported.changes
            )),
            // Each problem names its sheet and cell; the line and column would only repeat them.
            Err(AppError::Unreadable(issues)) => {
                let problems: Vec<String> =
                    issues.iter().map(|issue| issue.message.clone()).collect();
                refused(file, &problems, "ingenting är ändrat")
            }
            Err(error) => {
                eprintln!("styr: {}: {error}; ingenting är ändrat.", file.display());
                ExitCode::FAILURE
            }
        }
    })
}
