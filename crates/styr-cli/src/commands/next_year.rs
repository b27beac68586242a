//! `styr next-year --municipality FILE|NR --index-vintage V [--pkv 2027=3,0 …] [--output NEW]`:
//! the next budget year opened from this year's (`styr_app::municipal::next_year`, the same for
//! a file and for a year in the database). From a file the new year is written as a new file
//! and this year's stays as it is; from a year in the database it becomes a new budget year
//! there, and this year is kept as it was and cannot be opened from again. The new year is
//! computed before it is kept, and its boards whose lines no longer fit their new frames are
//! listed: they are the budgetansvarigas to distribute.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use styr_app::municipal::NextYear;
use styr_app::{Actor, AppError};

use crate::database::with_app;
use crate::input::{UNREADABLE, read_text};
use crate::output::print_line;

pub struct Options<'a> {
    /// This year's municipality file, or its budget year's number in the database.
    pub municipality: &'a Path,
    pub database: &'a str,
    pub vintage: &'a str,
    pub pkv: Option<&'a str>,
    pub output: Option<&'a Path>,
}

/// "2027=3,0,2028=3,1" as year → percent text; the reader checks each figure.
fn values(pkv: Option<&str>) -> Result<BTreeMap<String, String>, String> {
    let Some(pkv) = pkv else {
        return Ok(BTreeMap::new());
    };
    pkv.split(';')
        .flat_map(|part| part.split(' '))
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.split_once('=')
                .map(|(year, value)| (year.trim().to_string(), value.trim().to_string()))
                .ok_or_else(|| format!("”{part}” är inget ÅR=PROCENT; skriv till exempel --pkv \"2027=3,0 2028=3,1\""))
        })
        .collect()
}

fn refuse(message: &str) -> ExitCode {
    eprintln!("styr: {message}; ingenting är skrivet");
    ExitCode::from(UNREADABLE)
}

pub fn run(options: &Options<'_>) -> ExitCode {
    let values = match values(options.pkv) {
        Ok(values) => values,
        Err(message) => return refuse(&message),
    };
    if let Some(id) = crate::commands::municipal::stored(options.municipality) {
        return with_app(options.database, async |app| {
            let opened = app
                .open_next_municipal_year(
                    &Actor::named("kommandorad"),
                    id,
                    options.vintage,
                    &values,
                )
                .await;
            match opened {
                Ok((new_id, next)) => {
                    summary(&next, &format!("som budgetår nummer {new_id} i databasen"))
                }
                Err(AppError::NotFound) => refuse(&format!(
                    "databasen har inget budgetår för kommunen med nummer {id}"
                )),
                Err(AppError::Rejected(message)) => refuse(&message),
                Err(error) => refuse(&error.to_string()),
            }
        });
    }
    let Some(output) = options.output else {
        return refuse("ange nästa års fil med --output när årets budget är en fil");
    };
    if output.exists() {
        return refuse(&format!("{} finns redan", output.display()));
    }
    let source = match read_text(options.municipality) {
        Ok(source) => source,
        Err(status) => return ExitCode::from(status),
    };
    let next = match styr_app::municipal::next_year(&source, options.vintage, &values) {
        Ok(next) => next,
        Err(message) => return refuse(&message),
    };
    if let Err(error) = std::fs::write(output, &next.source) {
        eprintln!("styr: kan inte skriva {}: {error}", output.display());
        return ExitCode::FAILURE;
    }
    summary(&next, &format!("i {}", output.display()))
}

/// What was opened, and the boards to distribute.
fn summary(next: &NextYear, place: &str) -> ExitCode {
    let years = &next.budget.years;
    let mut summary = format!(
        "Budgetåret {} är öppnat {place} (jämförelseår {}, planår {}).",
        years.budget,
        years.previous,
        years
            .plan
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let outside: Vec<String> = next
        .report
        .findings
        .iter()
        .filter(|finding| finding.section == "Driftbudget per nämnd")
        .map(|finding| finding.place.clone())
        .collect();
    if !outside.is_empty() {
        summary.push_str(&format!(
            "\nAtt fördela på ansvar, budgeten ryms ännu inte i den nya ramen: {}.",
            outside.join("; ")
        ));
    }
    print_line(&summary)
}
