//! `styr check FILE`: recompute every derived figure and list each disagreement.

use std::path::Path;
use std::process::ExitCode;

use styr_reports::check::Severity;

use styr_import::Limit;

use crate::arguments::CheckFormat;
use crate::input::{read_budget, read_file};
use crate::output::to_stdout;

/// Exit status when a stated figure is wrong.
const FOUND_ERRORS: u8 = 1;

pub fn run(path: &Path, format: CheckFormat, verbose: bool, municipality: bool) -> ExitCode {
    let is_document = path
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            matches!(extension.to_lowercase().as_str(), "txt" | "md" | "markdown")
        });
    let is_word = path
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| extension.eq_ignore_ascii_case("docx"));
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
    } else if is_word {
        let bytes = match read_file(path, Limit::FileBytes) {
            Ok(bytes) => bytes,
            Err(status) => return ExitCode::from(status),
        };
        match styr_import::document::parse_docx_within(&bytes, crate::limits::limits()) {
            Ok(document) => {
                let review = styr_reports::review::review(&document);
                (review.findings, review.unchecked, Some(review.coverage))
            }
            Err(message) => {
                eprintln!("styr: kan inte läsa {}: {message}", path.display());
                return ExitCode::from(crate::input::UNREADABLE);
            }
        }
    } else if is_document {
        let bytes = match read_file(path, Limit::FileBytes) {
            Ok(bytes) => bytes,
            Err(status) => return ExitCode::from(status),
        };
        let document = String::from_utf8(bytes)
            .map_err(|_| "filen är inte UTF-8; spara den som UTF-8 och försök igen".to_string())
            .and_then(|source| {
                styr_import::document::parse_text_within(&source, crate::limits::limits())
            });
        match document {
            Ok(document) => {
                let review = styr_reports::review::review(&document);
                (review.findings, review.unchecked, Some(review.coverage))
            }
            Err(message) => {
                eprintln!("styr: kan inte läsa {}: {message}", path.display());
                return ExitCode::from(crate::input::UNREADABLE);
            }
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
