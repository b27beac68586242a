//! `styr report FILE --format markdown|html|json`: every table and register, computed.

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
    let rendered = match format {
        ReportFormat::Markdown => styr_render::markdown(&report),
        ReportFormat::Html => styr_render::html(&report),
        ReportFormat::Json => styr_render::json(&report),
    };
    match output {
        None => {
            print!("{rendered}");
            ExitCode::SUCCESS
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
