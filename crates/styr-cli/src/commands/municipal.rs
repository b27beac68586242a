//! `styr report --municipality FILE|NR`: kommunfullmäktige's "Mål och budget" for the whole
//! municipality, from a municipality file (docs/municipality-file.md) or a budget year kept in
//! the database, in every document format or as JSON; and `styr import --municipality FILE`,
//! which keeps a municipality file as a budget year — all or nothing.

use std::path::Path;
use std::process::ExitCode;

use styr_app::{Actor, AppError};
use styr_domain::municipal::MunicipalBudget;
use styr_output::Format;
use styr_reports::municipal::MunicipalReport;

use crate::arguments::ReportFormat;
use crate::database::with_app;
use crate::input::{UNREADABLE, read_municipal_budget, read_text, refused};
use crate::output::{print_line, write_output};

/// A budget year's number in the database, when `--municipality` names one rather than a file.
pub fn stored(value: &Path) -> Option<i64> {
    value.to_str()?.parse::<i64>().ok().filter(|id| *id > 0)
}

/// Who the command line is in the audit log.
fn actor() -> Actor {
    Actor::named("kommandorad")
}

pub fn run(
    municipality: &Path,
    database_url: &str,
    format: ReportFormat,
    output: Option<&Path>,
) -> ExitCode {
    if let Some(id) = stored(municipality) {
        return with_app(database_url, async |app| {
            match app.municipal_year(&actor(), id).await {
                Ok(year) => render(&year.budget, &year.report, format, output),
                Err(AppError::NotFound) => {
                    eprintln!("styr: databasen har inget budgetår för kommunen med nummer {id}");
                    ExitCode::from(UNREADABLE)
                }
                Err(error) => {
                    eprintln!("styr: kommunens budgetår {id}: {error}");
                    ExitCode::FAILURE
                }
            }
        });
    }
    let budget = match read_municipal_budget(municipality) {
        Ok(budget) => budget,
        Err(status) => return ExitCode::from(status),
    };
    match styr_reports::municipal::municipal_report(&budget) {
        Ok(report) => render(&budget, &report, format, output),
        Err(error) => {
            eprintln!("styr: kommunens budget kan inte räknas fram: {error}");
            ExitCode::from(UNREADABLE)
        }
    }
}

fn render(
    budget: &MunicipalBudget,
    report: &MunicipalReport,
    format: ReportFormat,
    output: Option<&Path>,
) -> ExitCode {
    let format = match format {
        ReportFormat::Json => {
            return write_output(output, styr_render::municipal_json(report).as_bytes());
        }
        ReportFormat::Fdp => {
            eprintln!("styr: --format fdp finns för en nämnds budget, inte för kommunens");
            return ExitCode::from(UNREADABLE);
        }
        ReportFormat::Markdown => Format::Markdown,
        ReportFormat::Html => Format::Html,
        ReportFormat::Pdf => Format::Pdf,
        ReportFormat::Docx => Format::Docx,
        ReportFormat::Xlsx => Format::Xlsx,
    };
    let document = styr_render::document::municipal_document(budget, report);
    match styr_output::render(&document, format) {
        Ok(rendered) => write_output(output, &rendered),
        Err(error) => {
            eprintln!("styr: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `styr import --municipality FILE`: the file kept as a budget year, if it reads and
/// computes; otherwise nothing.
pub fn import(file: &Path, database_url: &str) -> ExitCode {
    let source = match read_text(file) {
        Ok(source) => source,
        Err(status) => return ExitCode::from(status),
    };
    with_app(database_url, async |app| {
        match app.import_municipality(&actor(), &source).await {
            Ok(id) => print_line(&format!(
                "Kommunens budgetår är inläst som nummer {id}. Skriv Mål och budget med styr report --municipality {id}."
            )),
            Err(AppError::Unreadable(issues)) => {
                let problems: Vec<String> = issues.iter().map(ToString::to_string).collect();
                refused(file, &problems, "ingenting är inläst")
            }
            Err(AppError::Rejected(message)) => {
                eprintln!("styr: {}: {message}; ingenting är inläst.", file.display());
                ExitCode::from(UNREADABLE)
            }
            Err(error) => {
                eprintln!("styr: {}: {error}; ingenting är inläst.", file.display());
                ExitCode::FAILURE
            }
        }
    })
}
