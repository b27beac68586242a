//! `styr report FILE|--database … --format markdown|html|pdf|docx|xlsx|json|fdp`: the budget
//! document and its tables, computed from the data.

use std::path::Path;
use std::process::ExitCode;

use styr_app::Status;
use styr_output::Format;
use styr_reports::BudgetReport;

use crate::arguments::ReportFormat;
use crate::database::with_budget;
use crate::input::{UNREADABLE, read_budget};
use crate::output::{print_line, write_output};

/// `which` is the budget's number in the database and its version (without them, the only
/// budget and its current version).
pub fn run(
    file: Option<&Path>,
    database_url: &str,
    which: (Option<i64>, Option<i64>),
    format: ReportFormat,
    output: Option<&Path>,
) -> ExitCode {
    let (budget, version) = which;
    if file.is_some() && version.is_some() {
        eprintln!("styr: --version gäller en budget i databasen, inte en budgetfil");
        return ExitCode::from(UNREADABLE);
    }
    let report = match file {
        Some(path) => from_file(path).map(|report| (report, None)),
        None => from_database(database_url, budget, version),
    };
    let (report, status) = match report {
        Ok(report) => report,
        Err(status) => return status,
    };
    let format = match format {
        ReportFormat::Json => return write_output(output, styr_render::json(&report).as_bytes()),
        ReportFormat::Fdp => return write_package(&report, output),
        ReportFormat::Markdown => Format::Markdown,
        ReportFormat::Html => Format::Html,
        ReportFormat::Pdf => Format::Pdf,
        ReportFormat::Docx => Format::Docx,
        ReportFormat::Xlsx => Format::Xlsx,
    };
    let document = match styr_output::budget_document(&report) {
        // A budget file is printed as it is; a version from the database as its status reads.
        Ok(document) => match status {
            Some(status) => document.in_status(status),
            None => document,
        },
        Err(error) => {
            eprintln!("styr: dokumentet kan inte räknas fram: {error}");
            return ExitCode::FAILURE;
        }
    };
    match styr_output::render(&document, format) {
        Ok(rendered) => write_output(output, &rendered),
        Err(error) => {
            eprintln!("styr: {error}");
            ExitCode::FAILURE
        }
    }
}

fn from_file(path: &Path) -> Result<BudgetReport, ExitCode> {
    let budget = read_budget(path).map_err(ExitCode::from)?;
    styr_reports::budget_report(&budget).map_err(|error| {
        eprintln!(
            "styr: {}: rapporten kan inte räknas fram: {error}",
            path.display()
        );
        ExitCode::from(UNREADABLE)
    })
}

fn from_database(
    database_url: &str,
    budget: Option<i64>,
    version: Option<i64>,
) -> Result<(BudgetReport, Option<Status>), ExitCode> {
    let mut report = None;
    let status = with_budget(database_url, budget, async |app, id| {
        let (edition, computed) = match app.edition_report(id, version).await {
            Ok(found) => found,
            Err(styr_app::AppError::NotFound) => {
                let number = version.map(|number| number.to_string()).unwrap_or_default();
                eprintln!("styr: budget {id} har ingen version {number}");
                return ExitCode::FAILURE;
            }
            Err(error @ styr_app::AppError::DoesNotCompute(_)) => {
                eprintln!("styr: budget {id}: rapporten kan inte räknas fram: {error}");
                return ExitCode::from(UNREADABLE);
            }
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                return ExitCode::FAILURE;
            }
        };
        report = Some((computed, Some(edition.status)));
        ExitCode::SUCCESS
    });
    report.ok_or(status)
}

/// Writes the open-data package into the directory `output` (made if missing).
fn write_package(report: &BudgetReport, output: Option<&Path>) -> ExitCode {
    let Some(directory) = output else {
        eprintln!("styr: --format fdp skriver flera filer; ange en katalog med --output");
        return ExitCode::from(UNREADABLE);
    };
    if let Err(error) = std::fs::create_dir_all(directory) {
        eprintln!("styr: kan inte skapa {}: {error}", directory.display());
        return ExitCode::FAILURE;
    }
    for file in styr_render::fdp::fiscal_data_package(report) {
        let path = directory.join(&file.name);
        if let Err(error) = std::fs::write(&path, file.content) {
            eprintln!("styr: kan inte skriva {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    print_line(&format!(
        "Datapaketet är skrivet till {} (datapackage.json, driftbudget.csv, investeringar.csv).",
        directory.display()
    ))
}
