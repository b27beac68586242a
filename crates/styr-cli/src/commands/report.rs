//! `styr report FILE|--database … --format markdown|html|pdf|docx|xlsx|json|fdp`: the budget
//! document and its tables, computed from the data.

use std::path::Path;
use std::process::ExitCode;

use styr_reports::BudgetReport;

use crate::arguments::ReportFormat;
use crate::database::with_budget;
use crate::input::{UNREADABLE, read_budget};
use crate::output::{print_line, write_output};

pub fn run(
    file: Option<&Path>,
    database_url: &str,
    budget: Option<i64>,
    format: ReportFormat,
    output: Option<&Path>,
) -> ExitCode {
    let report = match file {
        Some(path) => from_file(path),
        None => from_database(database_url, budget),
    };
    let report = match report {
        Ok(report) => report,
        Err(status) => return status,
    };
    // The document's layout, for the formats that render it (not the tables, JSON or data).
    let document = || styr_render::document::budget_document(&report);
    let rendered: Vec<u8> = match format {
        ReportFormat::Markdown => styr_render::document::markdown::markdown(&document()).into(),
        ReportFormat::Html => styr_render::document::html::html(&document()).into(),
        ReportFormat::Json => styr_render::json(&report).into(),
        ReportFormat::Pdf => match styr_pdf::pdf(&document()) {
            Ok(pdf) => pdf,
            Err(error) => {
                eprintln!("styr: {error}");
                return ExitCode::FAILURE;
            }
        },
        ReportFormat::Docx => match styr_render::docx::docx(&document()) {
            Ok(file) => file,
            Err(error) => return cannot_write(&error),
        },
        ReportFormat::Xlsx => match styr_render::xlsx::report::report_workbook(&report) {
            Ok(file) => file,
            Err(error) => return cannot_write(&error),
        },
        ReportFormat::Fdp => return write_package(&report, output),
    };
    write_output(output, &rendered)
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

fn from_database(database_url: &str, budget: Option<i64>) -> Result<BudgetReport, ExitCode> {
    let mut report = None;
    let status = with_budget(database_url, budget, async |app, id| {
        match app.snapshot(id).await {
            Ok(snapshot) => {
                report = Some(snapshot.report().clone());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                ExitCode::FAILURE
            }
        }
    });
    report.ok_or(status)
}

fn cannot_write(error: &std::io::Error) -> ExitCode {
    eprintln!("styr: filen kan inte skrivas: {error}");
    ExitCode::FAILURE
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
