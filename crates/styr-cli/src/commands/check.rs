//! `styr check FILE`: recompute every derived figure and list each disagreement.

use std::path::Path;
use std::process::ExitCode;

use styr_reports::check::Severity;

use crate::CheckFormat;
use crate::input::read_budget;

/// Exit status when a stated figure is wrong.
const FOUND_ERRORS: u8 = 1;

pub fn run(path: &Path, format: CheckFormat) -> ExitCode {
    let budget = match read_budget(path) {
        Ok(budget) => budget,
        Err(status) => return ExitCode::from(status),
    };
    let findings = styr_reports::check(&budget);
    match format {
        CheckFormat::Text => print!("{}", styr_render::findings::findings_text(&findings)),
        CheckFormat::Json => println!("{}", styr_render::findings::findings_json(&findings)),
    }
    if findings
        .iter()
        .any(|finding| finding.severity == Severity::Fel)
    {
        ExitCode::from(FOUND_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
