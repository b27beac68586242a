//! `styr followup`: budget versus actual, straight from a SIE file (read in one streaming
//! pass, [`progress`] shown on a terminal) or from the database; and `styr import` of the
//! books into the database ([`books`]).
//!
//! ```text
//! styr followup bokforing.se --budget-file budget.toml --layout delar
//! ```

mod books;
mod progress;

use std::path::Path;
use std::process::ExitCode;

use styr_domain::calendar::Year;
use styr_domain::followup::{AccountMapping, CostCentreMapping};
use styr_import::sie::{OutcomeSink, SieError, read_sie_path_within};
use styr_render::followup::{Layout, csv, json, markdown};
use styr_reports::followup::{FollowupInput, FollowupReport, follow_up, with_matching_units};

pub use books::import;
use progress::{Progress, ProgressSink};

use crate::arguments::{FollowupFormat, FollowupLayout};
use crate::database::with_budget;
use crate::input::{UNREADABLE, read_budget};
use crate::output::write_output;

pub struct Options<'a> {
    pub format: FollowupFormat,
    pub layout: FollowupLayout,
    pub year: Option<i64>,
    pub through: Option<u8>,
    pub output: Option<&'a Path>,
    /// The budget version to compare with, from the database.
    pub version: Option<i64>,
}

fn year_of(value: Option<i64>) -> Result<Option<Year>, ExitCode> {
    value
        .map(|year| {
            Year::new(year).map_err(|error| {
                eprintln!("styr: --year: {error}");
                ExitCode::from(UNREADABLE)
            })
        })
        .transpose()
}

fn layout(options: &Options<'_>) -> Layout {
    match options.layout {
        FollowupLayout::Manad => Layout::Month,
        FollowupLayout::Delar => Layout::Interim,
        FollowupLayout::Helar => Layout::YearEnd,
    }
}

fn through(options: &Options<'_>) -> Option<u8> {
    match options.layout {
        FollowupLayout::Manad => options.through,
        FollowupLayout::Delar => Some(8),
        FollowupLayout::Helar => Some(12),
    }
}

fn write(report: &FollowupReport, options: &Options<'_>) -> ExitCode {
    let text = match options.format {
        FollowupFormat::Markdown => markdown(report, layout(options)),
        FollowupFormat::Json => Ok(json(report)),
        FollowupFormat::Csv => csv(report),
    };
    let text = match text {
        Ok(text) => text,
        Err(error) => {
            eprintln!("styr: uppföljningen kan inte skrivas: {error}");
            return ExitCode::FAILURE;
        }
    };
    write_output(options.output, text.as_bytes())
}

/// Budget versus actual straight from a SIE file, in one streaming pass; with `budget_file`
/// the budget's lines are the budget, else the file's #PBUDGET.
pub fn from_file(file: &Path, budget_file: Option<&Path>, options: &Options<'_>) -> ExitCode {
    let budget = match budget_file.map(read_budget).transpose() {
        Ok(budget) => budget,
        Err(code) => return ExitCode::from(code),
    };
    let year = match year_of(options.year) {
        Ok(year) => year,
        Err(code) => return code,
    };
    let total = match std::fs::metadata(file) {
        Ok(metadata) if metadata.is_file() => metadata.len(),
        Ok(_) => {
            eprintln!("styr: kan inte läsa {}: det är inte en fil", file.display());
            return ExitCode::from(UNREADABLE);
        }
        Err(error) => {
            eprintln!("styr: kan inte läsa {}: {error}", file.display());
            return ExitCode::from(UNREADABLE);
        }
    };
    let mut sink = ProgressSink {
        inner: OutcomeSink::within(crate::limits::limits()),
        progress: Progress::new(total),
    };
    let sie = match read_sie_path_within(file, &mut sink, crate::limits::limits()) {
        Ok(sie) => sie,
        Err(SieError::Invalid { errors, more, .. }) => {
            sink.progress.finish();
            for issue in &errors {
                eprintln!("{}: {issue}\n", file.display());
            }
            eprintln!(
                "styr: {} kunde inte läsas ({} fel); inget är uppföljt.",
                file.display(),
                errors.len() + more
            );
            return ExitCode::from(UNREADABLE);
        }
        Err(SieError::Io(error)) => {
            eprintln!("styr: kan inte läsa {}: {error}", file.display());
            return ExitCode::from(UNREADABLE);
        }
    };
    sink.progress.finish();
    for warning in &sie.warnings {
        eprintln!("{}: varning: {}", file.display(), warning.message);
    }
    let outcome = sink.inner.into_outcome(&sie);
    let accounts = AccountMapping::for_chart(sie.header.chart_type.as_deref());
    let cost_centres = match &budget {
        Some(budget) => with_matching_units(CostCentreMapping::default(), budget, &outcome),
        None => CostCentreMapping::default(),
    };
    let file_year = sie
        .header
        .financial_years
        .get(&0)
        .map(|(start, _)| start.year());
    let Some(year) = year
        .or(budget.as_ref().map(|budget| budget.years.budget))
        .or(file_year)
        .or_else(|| outcome.months().last().map(|month| month.year()))
    else {
        eprintln!(
            "styr: {} har inga bokningar och inget räkenskapsår; ange --year",
            file.display()
        );
        return ExitCode::from(UNREADABLE);
    };
    let report = match follow_up(&FollowupInput {
        budget: budget.as_ref(),
        version: None,
        outcome: &outcome,
        accounts: &accounts,
        cost_centres: &cost_centres,
        profiles: &Default::default(),
        forecasts: &[],
        explanations: &[],
        year,
        through: through(options),
        title: sie
            .header
            .company_name
            .clone()
            .unwrap_or_else(|| file.display().to_string()),
    }) {
        Ok(report) => report,
        Err(overflow) => {
            eprintln!(
                "styr: {}: uppföljningen kan inte räknas fram: {overflow}",
                file.display()
            );
            return ExitCode::from(UNREADABLE);
        }
    };
    write(&report, options)
}

/// Budget versus actual from the database: the stored outcome, mapping and forecasts.
pub fn from_database(database_url: &str, budget: Option<i64>, options: &Options<'_>) -> ExitCode {
    let year = match year_of(options.year) {
        Ok(year) => year,
        Err(code) => return code,
    };
    with_budget(database_url, budget, async |app, id| {
        let request = styr_app::FollowupRequest {
            year,
            through: through(options),
            version: options.version,
        };
        match app.followup_of(id, &request).await {
            Ok(report) => write(&report, options),
            Err(error) => {
                eprintln!("styr: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
