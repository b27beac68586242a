//! `styr report FILE --format markdown|html|json|fdp`: every table and register, computed.

use std::path::Path;
use std::process::ExitCode;

use crate::ReportFormat;
use crate::input::{UNREADABLE, read_budget};

pub fn run(path: &Path, format: ReportFormat, output: Option<&Path>) -> ExitCode {
    let budget = match read_budget(path) {
        Ok(budget) => budget,
        Err(status) => return ExitCode::from(status),
    };
    let report = match styr_reports::budget_report(&budget) {
        Ok(report) => report,
        Err(error) => {
            eprintln!(
                "styr: {}: rapporten kan inte räknas fram: {error}",
                path.display()
            );
            return ExitCode::from(UNREADABLE);
        }
    };
    let document = styr_render::document::budget_document(&report);
    let rendered: Vec<u8> = match format {
        ReportFormat::Markdown => styr_render::document::markdown::markdown(&document).into(),
        ReportFormat::Html => styr_render::document::html::html(&document).into(),
        ReportFormat::Json => styr_render::json(&report).into(),
        ReportFormat::Pdf => match styr_pdf::pdf(&document) {
            Ok(pdf) => pdf,
            Err(error) => {
                eprintln!("styr: {error}");
                return ExitCode::FAILURE;
            }
        },
        ReportFormat::Docx => match styr_render::docx::docx(&document) {
            Ok(file) => file,
            Err(error) => return cannot_write(&error),
        },
        ReportFormat::Xlsx => match styr_render::xlsx::report::report_workbook(&report) {
            Ok(file) => file,
            Err(error) => return cannot_write(&error),
        },
        ReportFormat::Fdp => return write_package(&report, output),
    };
    match output {
        None => {
            use std::io::Write;
            match std::io::stdout().lock().write_all(&rendered) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("styr: kan inte skriva till standard ut: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(output) => match std::fs::write(output, rendered) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("styr: kan inte skriva {}: {error}", output.display());
                ExitCode::FAILURE
            }
        },
    }
}

fn cannot_write(error: &std::io::Error) -> ExitCode {
    eprintln!("styr: filen kan inte skrivas: {error}");
    ExitCode::FAILURE
}

/// Writes the open-data package into the directory `output` (made if missing).
fn write_package(report: &styr_reports::BudgetReport, output: Option<&Path>) -> ExitCode {
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
    println!(
        "Datapaketet är skrivet till {} (datapackage.json, driftbudget.csv, investeringar.csv).",
        directory.display()
    );
    ExitCode::SUCCESS
}
