//! `styr report --database DB --document delarsrapport --period 2025-08 --format pdf`: the
//! delårsrapport (or, with `arsredovisning`, the verksamhetsberättelse) written from the
//! database — the follow-up of the period against the version compared with, the investments,
//! the explanations and texts people wrote, goals and internal control — as one document
//! rendered like the budget document, in PDF, Word, HTML or Markdown, its tables as a
//! workbook (xlsx), or its figures and sentences as JSON.

use std::path::Path;
use std::process::ExitCode;

use styr_app::ReportRequest;
use styr_domain::followup::{Month, ReportKind};
use styr_output::Format;

use crate::arguments::{ReportDocument, ReportFormat};
use crate::database::with_budget;
use crate::input::UNREADABLE;
use crate::output::write_output;

pub struct Options<'a> {
    pub document: ReportDocument,
    pub file: Option<&'a Path>,
    pub database_url: &'a str,
    pub budget: Option<i64>,
    pub period: Option<&'a str>,
    pub version: Option<i64>,
    pub format: ReportFormat,
}

fn refuse(message: &str) -> ExitCode {
    eprintln!("styr: {message}");
    ExitCode::from(UNREADABLE)
}

pub fn run(options: &Options<'_>, output: Option<&Path>) -> ExitCode {
    let kind = match options.document {
        ReportDocument::Arsredovisning | ReportDocument::Budget => ReportKind::Annual,
        ReportDocument::Delarsrapport => ReportKind::Interim,
    };
    if options.file.is_some() {
        return refuse(&format!(
            "{} skrivs ur databasen, med utfallet: ange --database, inte en budgetfil",
            kind.title().to_lowercase()
        ));
    }
    let Some(through) = options.period.and_then(Month::parse) else {
        return refuse(&format!(
            "--period ska vara rapportens sista månad, ÅÅÅÅ-MM (till exempel 2025-08), inte ”{}”",
            options.period.unwrap_or("")
        ));
    };
    // JSON is the report's figures as data; every other format is its document.
    let format = match options.format {
        ReportFormat::Pdf => Some(Format::Pdf),
        ReportFormat::Docx => Some(Format::Docx),
        ReportFormat::Html => Some(Format::Html),
        ReportFormat::Markdown => Some(Format::Markdown),
        ReportFormat::Xlsx => Some(Format::Xlsx),
        ReportFormat::Json => None,
        ReportFormat::Fdp => {
            return refuse(&format!(
                "{} skrivs som pdf, docx, html, markdown, xlsx eller json; fdp är budgetens öppna data",
                kind.title().to_lowercase()
            ));
        }
    };
    let request = ReportRequest {
        kind,
        through,
        version: options.version,
    };
    with_budget(options.database_url, options.budget, async |app, id| {
        let shown = match app.interim_report(id, &request).await {
            Ok(shown) => shown,
            Err(error) => {
                eprintln!("styr: budget {id}: {error}");
                return ExitCode::FAILURE;
            }
        };
        let Some(format) = format else {
            return write_output(output, styr_render::interim::json(&shown).as_bytes());
        };
        let document = styr_output::interim_document(&shown);
        match styr_output::render(&document, format) {
            Ok(rendered) => write_output(output, &rendered),
            Err(error) => {
                eprintln!("styr: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
