//! `styr check FILE`: recompute every derived figure and list each disagreement.

use std::path::Path;
use std::process::ExitCode;

use styr_reports::check::Severity;
use styr_reports::review::Review;

use styr_import::Limit;
use styr_import::document::DocumentKind;

use crate::arguments::CheckFormat;
use crate::input::{read_budget, read_file};
use crate::output::to_stdout;

/// Exit status when a stated figure is wrong.
const FOUND_ERRORS: u8 = 1;

/// Reads the document at `path` within the limits and reviews it; a PDF's places are said as
/// its pages and lines.
fn review_document(path: &Path, kind: DocumentKind) -> Result<Review, u8> {
    let bytes = read_file(path, Limit::FileBytes)?;
    let read = styr_import::document::read_document(kind, &bytes, crate::limits::limits());
    let (document, pages) = read.map_err(|message| {
        eprintln!("styr: kan inte läsa {}: {message}", path.display());
        crate::input::UNREADABLE
    })?;
    let mut review = styr_reports::review::review(&document);
    if let Some(pages) = pages {
        review.restate_places(|text| pages.restate(text));
    }
    Ok(review)
}

pub fn run(path: &Path, format: CheckFormat, verbose: bool, municipality: bool) -> ExitCode {
    let kind = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(DocumentKind::of_name);
    let (findings, unchecked, coverage) = if municipality {
        let budget = match crate::input::read_municipal_budget(path) {
            Ok(budget) => budget,
            Err(status) => return ExitCode::from(status),
        };
        match styr_reports::municipal::municipal_report(&budget) {
            Ok(report) => (report.findings, Vec::new(), None),
            Err(error) => {
                eprintln!("styr: kommunens budget kan inte räknas fram: {error}");
                return ExitCode::from(crate::input::UNREADABLE);
            }
        }
    } else if let Some(kind) = kind {
        match review_document(path, kind) {
            Ok(review) => (review.findings, review.unchecked, Some(review.coverage)),
            Err(status) => return ExitCode::from(status),
        }
    } else {
        match read_budget(path) {
            Ok(budget) => (styr_reports::check(&budget), Vec::new(), None),
            Err(status) => return ExitCode::from(status),
        }
    };
    let nothing_checked = coverage
        .as_ref()
        .is_some_and(|coverage| !coverage.checked_anything());
    let mut text = match format {
        // A document's clean answer says what it covers: never "every figure agrees" for
        // figures no relation reached, nor anything when nothing was checked at all.
        CheckFormat::Text if findings.is_empty() && coverage.is_some() => {
            if nothing_checked {
                "Inget kunde kontrolleras: styr fann ingen tabell med samband i dokumentet.\n"
                    .to_string()
            } else {
                "Inga avvikelser i det som kunde kontrolleras.\n".to_string()
            }
        }
        // What a municipality file's check tried: each board against its frame, the balanskrav.
        CheckFormat::Text if findings.is_empty() && municipality => {
            "Inga avvikelser: varje nämnds budget ryms i sin ram och balanskravet uppfylls varje år.\n"
                .to_string()
        }
        CheckFormat::Text => styr_render::findings::findings_text(&findings),
        CheckFormat::Json => format!("{}\n", styr_render::findings::findings_json(&findings)),
    };
    if verbose && matches!(format, CheckFormat::Text) {
        for item in &unchecked {
            text.push_str(&format!(
                "{:<10} {} › {}: {}\n",
                "ej kontr.", item.section, item.place, item.reason
            ));
        }
    }
    // The status says whether the budget has errors, whether or not anyone read the list.
    if let Err(error) = to_stdout(text.as_bytes()) {
        eprintln!("styr: kan inte skriva standard ut: {error}");
        return ExitCode::FAILURE;
    }
    // The coverage goes beside the findings, on standard error, so that the list itself (and
    // its JSON) stays what scripts read.
    if let Some(coverage) = &coverage {
        eprint!("{}", coverage.text());
    }
    if findings
        .iter()
        .any(|finding| finding.severity == Severity::Error)
    {
        ExitCode::from(FOUND_ERRORS)
    } else if nothing_checked {
        ExitCode::from(crate::status::NOTHING_CHECKED)
    } else {
        ExitCode::SUCCESS
    }
}
