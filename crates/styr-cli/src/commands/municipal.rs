//! `styr report --municipality FILE|ID`: kommunfullmäktige's "Mål och budget" for the whole
//! municipality, from a municipality file (docs/municipality-file.md), in every document
//! format or as JSON. (The municipality is not yet kept in the database: issue 15.)

use std::path::Path;
use std::process::ExitCode;

use styr_output::Format;

use crate::arguments::ReportFormat;
use crate::input::{UNREADABLE, read_municipal_budget};
use crate::output::write_output;

pub fn run(file: &Path, format: ReportFormat, output: Option<&Path>) -> ExitCode {
    let budget = match read_municipal_budget(file) {
        Ok(budget) => budget,
        Err(status) => return ExitCode::from(status),
    };
    let report = match styr_reports::municipal::municipal_report(&budget) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("styr: kommunens budget kan inte räknas fram: {error}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let format = match format {
        ReportFormat::Json => {
            return write_output(output, styr_render::municipal_json(&report).as_bytes());
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
    let document = styr_render::document::municipal_document(&budget, &report);
    match styr_output::render(&document, format) {
        Ok(rendered) => write_output(output, &rendered),
        Err(error) => {
            eprintln!("styr: {error}");
            ExitCode::FAILURE
        }
    }
}
