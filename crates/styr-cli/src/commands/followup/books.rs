//! `styr import BOK.se` (or `BOK.csv --profile …`): the books of an accounting system into the
//! database, for a budget. SIE is read and written a batch at a time in one transaction; a CSV
//! is read by an import profile, saved or given as a file. Either way the import is all or
//! nothing, and it replaces what is stored for the months it covers.

use std::path::Path;
use std::process::ExitCode;

use styr_app::{Actor, AppError};

use super::progress::Progress;
use crate::database::with_budget;
use styr_import::Limit;

use crate::input::{UNREADABLE, read_file, refused};
use crate::output::print_line;

/// Imports an accounting export (SIE, or CSV with a profile) into the database for a budget.
pub fn import(
    file: &Path,
    database_url: &str,
    budget: Option<i64>,
    profile: Option<&str>,
) -> ExitCode {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let handle = match std::fs::File::open(file) {
        Ok(handle) => handle,
        Err(error) => {
            eprintln!("styr: kan inte läsa {}: {error}", file.display());
            return ExitCode::from(UNREADABLE);
        }
    };
    with_budget(database_url, budget, async |app, id| {
        let actor = Actor::named("kommandorad");
        let result = match profile {
            // SIE is read and written at once, a batch at a time.
            None => {
                let total = handle.metadata().map_or(0, |metadata| metadata.len());
                let progress = std::sync::Arc::new(std::sync::Mutex::new(Progress::new(total)));
                let reading = std::sync::Arc::clone(&progress);
                let result = app
                    .import_sie(&actor, id, &name, handle, move |read| {
                        if let Ok(mut progress) = reading.lock() {
                            progress.update(read);
                        }
                    })
                    .await;
                if let Ok(progress) = progress.lock() {
                    progress.finish();
                }
                result
            }
            Some(profile) => {
                let bytes = match read_file(file, Limit::FileBytes) {
                    Ok(bytes) => bytes,
                    Err(status) => return ExitCode::from(status),
                };
                // A profile given as a file is read from it; otherwise it names a saved profile.
                let ledger = if Path::new(profile).is_file() {
                    let definition = match read_file(Path::new(profile), Limit::BudgetFileBytes) {
                        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                        Err(status) => return ExitCode::from(status),
                    };
                    styr_import::csv::Profile::parse(&definition)
                        .and_then(|parsed| styr_import::csv::read_csv(&bytes, &name, &parsed))
                        .map_err(AppError::Unreadable)
                } else {
                    app.read_outcome(&name, &bytes, Some(profile)).await
                };
                match ledger {
                    Ok(ledger) => app.store_outcome(&actor, id, &ledger).await,
                    Err(error) => Err(error),
                }
            }
        };
        match result {
            Ok(record) => print_line(&format!(
                "Utfallet är inläst i budget {id}: {} verifikationer, {} rader, {} – {} (import {}, ersatte {} rader).",
                record.vouchers,
                record.rows,
                record.first_month,
                record.last_month,
                record.id,
                record.replaced_rows
            )),
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
