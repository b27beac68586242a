//! Reading the files a command is given: a budget file, with every issue printed as a sentence
//! and the line quoted, and the exit status of a file that cannot be read.

use std::path::Path;
use std::process::ExitCode;

use styr_domain::budget::Budget;
use styr_import::limits::{Limit, ReadError, read_whole};

pub use crate::status::UNREADABLE;

/// The whole file at `path` within `limit` (styr_import::Limits: no file is read past it), or
/// the reason it cannot be read, already written to standard error.
pub fn read_file(path: &Path, limit: Limit) -> Result<Vec<u8>, u8> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|error| {
        eprintln!("styr: kan inte läsa {shown}: {}", describe_io(&error));
        UNREADABLE
    })?;
    read_whole(file, limit, crate::limits::limits()).map_err(|error| {
        match error {
            ReadError::Io(error) => {
                eprintln!("styr: kan inte läsa {shown}: {}", describe_io(&error))
            }
            ReadError::Exceeded(exceeded) => eprintln!("styr: {shown}: {exceeded}"),
        }
        UNREADABLE
    })
}

/// The budget in `path`, or the reason it cannot be read, already written to standard error.
pub fn read_budget(path: &Path) -> Result<Budget, u8> {
    let shown = path.display();
    let source = read_text(path)?;
    styr_import::parse_budget_within(&source, crate::limits::limits()).map_err(|issues| {
        for issue in &issues {
            eprintln!("{shown}: {issue}\n");
        }
        eprintln!("styr: {shown} kunde inte läsas ({} fel).", issues.len());
        UNREADABLE
    })
}

/// A municipality file, read whole or not at all, its issues listed with line and column.
pub fn read_municipal_budget(path: &Path) -> Result<styr_domain::municipal::MunicipalBudget, u8> {
    let source = read_text(path)?;
    styr_import::parse_municipal_budget_within(&source, crate::limits::limits()).map_err(|issues| {
        let shown = path.display();
        for issue in &issues {
            eprintln!("{shown}: {issue}\n");
        }
        eprintln!("styr: {shown} kunde inte läsas ({} fel).", issues.len());
        UNREADABLE
    })
}

/// A budget or municipality file as text, within the budget file's size limit.
pub fn read_text(path: &Path) -> Result<String, u8> {
    let shown = path.display();
    let bytes = read_file(path, Limit::BudgetFileBytes)?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|byte| **byte == b'\n').count() + 1;
        eprintln!(
            "styr: {shown}, rad {line}: filen är inte UTF-8; spara den som UTF-8 och försök igen"
        );
        UNREADABLE
    })
}

/// Lists a file's problems, says that `nothing` happened ("ingenting är inläst"), and gives the
/// exit status of an unreadable file.
pub fn refused(file: &Path, problems: &[String], nothing: &str) -> ExitCode {
    for problem in problems {
        eprintln!("{}: {problem}\n", file.display());
    }
    eprintln!(
        "styr: {} kunde inte läsas ({} fel); {nothing}.",
        file.display(),
        problems.len()
    );
    ExitCode::from(UNREADABLE)
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "filen finns inte".into(),
        std::io::ErrorKind::PermissionDenied => "behörighet saknas".into(),
        std::io::ErrorKind::IsADirectory => "det är en katalog, inte en fil".into(),
        _ => error.to_string(),
    }
}
