//! `styr export --format mall` and `styr import MALL.xlsx`: the budget template out to the
//! units and back.

use std::path::Path;
use std::process::ExitCode;

use styr_app::{Actor, AppError};
use styr_domain::organisation::UnitId;

use super::database::{choose, open, runtime, write_output};
use crate::input::UNREADABLE;

pub fn export(
    budget: Option<i64>,
    database_url: &str,
    units: &[String],
    output: Option<&Path>,
) -> ExitCode {
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
        let snapshot = match app.snapshot(id).await {
            Ok(snapshot) => snapshot,
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                return ExitCode::FAILURE;
            }
        };
        let mut wanted = Vec::new();
        for unit in units {
            match snapshot
                .budget
                .lines
                .iter()
                .find(|lines| lines.unit.as_str() == unit)
            {
                Some(lines) => wanted.push(lines.unit.clone()),
                None => {
                    let known: Vec<&str> = snapshot
                        .budget
                        .lines
                        .iter()
                        .map(|lines| lines.unit.as_str())
                        .collect();
                    eprintln!(
                        "styr: enheten ”{unit}” har inga budgetrader; enheter med rader: {}",
                        known.join(", ")
                    );
                    return ExitCode::from(UNREADABLE);
                }
            }
        }
        let units: &[UnitId] = &wanted;
        match styr_render::xlsx::template::template_workbook(&snapshot.budget, units) {
            Ok(workbook) => write_output(output, &workbook),
            Err(error) => {
                eprintln!("styr: mallen kan inte skrivas: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

pub fn import(file: &Path, database_url: &str, budget: Option<i64>) -> ExitCode {
    let workbook = match std::fs::read(file) {
        Ok(workbook) => workbook,
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
        let Some(id) = choose(&app, budget).await else {
            return ExitCode::FAILURE;
        };
        match app
            .import_template(&Actor::named("kommandorad"), id, &workbook)
            .await
        {
            Ok(imported) => {
                println!(
                    "Budgetmallen är inläst i budget {id}: {} ändringar.",
                    imported.changes
                );
                ExitCode::SUCCESS
            }
            Err(AppError::Unreadable(issues)) => {
                for issue in &issues {
                    eprintln!("{}: {}", file.display(), issue.message);
                }
                eprintln!(
                    "styr: {} kunde inte läsas ({} fel); ingenting är ändrat.",
                    file.display(),
                    issues.len()
                );
                ExitCode::from(UNREADABLE)
            }
            Err(error) => {
                eprintln!("styr: {}: {error}; ingenting är ändrat.", file.display());
                ExitCode::FAILURE
            }
        }
    })
}
