//! `styr followup`: budget versus actual, straight from a SIE file or from the database; and
//! `styr import` of the books into the database.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use styr_app::{Actor, AppError};
use styr_domain::calendar::Year;
use styr_domain::followup::{AccountMapping, CostCentreMapping};
use styr_import::sie::{ForkSink, OutcomeSink, SieError, read_sie_path};
use styr_render::followup::{Layout, csv, json, markdown};
use styr_reports::followup::{FollowupInput, FollowupReport, follow_up, with_matching_units};

use super::database::{refused, with_budget};
use crate::input::{UNREADABLE, read_budget, read_file};
use crate::{FollowupFormat, FollowupLayout};
use styr_import::Limit;

pub struct Options<'a> {
    pub format: FollowupFormat,
    pub layout: FollowupLayout,
    pub year: Option<i64>,
    pub through: Option<u8>,
    pub output: Option<&'a Path>,
}

/// A line on standard error that redraws itself while a long file is read, only on a terminal.
pub struct Progress {
    total: u64,
    shown: bool,
    started: Instant,
    last: u64,
}

impl Progress {
    pub fn new(total: u64) -> Progress {
        Progress {
            total,
            shown: std::io::stderr().is_terminal() && total > 4 << 20,
            started: Instant::now(),
            last: 0,
        }
    }

    pub fn update(&mut self, bytes: u64) {
        if !self.shown || bytes - self.last < 1 << 20 {
            return;
        }
        self.last = bytes;
        let percent = bytes * 100 / self.total.max(1);
        let filled = usize::try_from(percent / 5).unwrap_or(20).min(20);
        eprint!(
            "\r  läser [{}{}] {percent:>3} %  {} av {} MB",
            "#".repeat(filled),
            " ".repeat(20 - filled),
            bytes >> 20,
            self.total >> 20
        );
    }

    pub fn finish(&self) {
        if self.shown {
            eprintln!(
                "\r  läst på {} ms{}",
                self.started.elapsed().as_millis(),
                " ".repeat(40)
            );
        }
    }
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
        FollowupFormat::Json => json(report),
        FollowupFormat::Csv => csv(report),
    };
    match options.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("styr: kan inte skriva {}: {error}", path.display());
                ExitCode::FAILURE
            }
        },
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
    }
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
        inner: OutcomeSink::default(),
        progress: Progress::new(total),
    };
    let sie = match read_sie_path(file, &mut sink) {
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
    let report = follow_up(&FollowupInput {
        budget: budget.as_ref(),
        outcome: &outcome,
        accounts: &accounts,
        cost_centres: &cost_centres,
        profiles: &Default::default(),
        forecasts: &[],
        year,
        through: through(options),
        title: sie
            .header
            .company_name
            .clone()
            .unwrap_or_else(|| file.display().to_string()),
    });
    write(&report, options)
}

struct ProgressSink {
    inner: OutcomeSink,
    progress: Progress,
}

impl ForkSink for ProgressSink {
    fn fork(&self) -> Self {
        ProgressSink {
            inner: self.inner.fork(),
            progress: Progress::new(0),
        }
    }

    fn join(&mut self, other: Self) {
        self.inner.join(other.inner);
    }
}

impl styr_import::sie::SieSink for ProgressSink {
    fn balance(&mut self, file: &styr_import::sie::SieFile, balance: &styr_import::sie::Balance) {
        self.inner.balance(file, balance);
    }
    fn voucher(&mut self, file: &styr_import::sie::SieFile, voucher: &styr_import::sie::Voucher) {
        self.inner.voucher(file, voucher);
    }
    fn progress(&mut self, bytes: u64) {
        self.progress.update(bytes);
    }
    fn refusal(&mut self) -> Option<String> {
        self.inner.refusal()
    }
}

/// Budget versus actual from the database: the stored outcome, mapping and forecasts.
pub fn from_database(database_url: &str, budget: Option<i64>, options: &Options<'_>) -> ExitCode {
    let year = match year_of(options.year) {
        Ok(year) => year,
        Err(code) => return code,
    };
    with_budget(database_url, budget, async |app, id| {
        match app.followup(id, year, through(options)).await {
            Ok(report) => write(&report, options),
            Err(error) => {
                eprintln!("styr: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

/// Imports an accounting export (SIE, or CSV with a profile) into the database for a budget.
pub fn import(
    file: &Path,
    database_url: &str,
    budget: Option<i64>,
    profile: Option<&str>,
) -> ExitCode {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let handle = match std::fs::File::open(file) {
        Ok(handle) => handle,
        Err(error) => {
            eprintln!("styr: kan inte läsa {}: {error}", file.display());
            return ExitCode::from(UNREADABLE);
        }
    };
    with_budget(database_url, budget, async |app, id| {
        let actor = Actor::named("kommandorad");
        let result = match profile {
            // SIE is read and written at once, a batch at a time.
            None => {
                let total = handle.metadata().map_or(0, |metadata| metadata.len());
                let progress = std::sync::Arc::new(std::sync::Mutex::new(Progress::new(total)));
                let reading = std::sync::Arc::clone(&progress);
                let result = app
                    .import_sie(&actor, id, &name, handle, move |read| {
                        if let Ok(mut progress) = reading.lock() {
                            progress.update(read);
                        }
                    })
                    .await;
                if let Ok(progress) = progress.lock() {
                    progress.finish();
                }
                result
            }
            Some(profile) => {
                let bytes = match read_file(file, Limit::FileBytes) {
                    Ok(bytes) => bytes,
                    Err(status) => return ExitCode::from(status),
                };
                // A profile given as a file is read from it; otherwise it names a saved profile.
                let ledger = if Path::new(profile).is_file() {
                    let definition = match read_file(Path::new(profile), Limit::BudgetFileBytes) {
                        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                        Err(status) => return ExitCode::from(status),
                    };
                    styr_import::csv::Profile::parse(&definition)
                        .and_then(|parsed| styr_import::csv::read_csv(&bytes, &name, &parsed))
                        .map_err(AppError::Unreadable)
                } else {
                    app.read_outcome(&name, &bytes, Some(profile)).await
                };
                match ledger {
                    Ok(ledger) => app.store_outcome(&actor, id, &ledger).await,
                    Err(error) => Err(error),
                }
            }
        };
        match result {
            Ok(record) => {
                println!(
                    "Utfallet är inläst i budget {id}: {} verifikationer, {} rader, {} – {} (import {}, ersatte {} rader).",
                    record.vouchers,
                    record.rows,
                    record.first_month,
                    record.last_month,
                    record.id,
                    record.replaced_rows
                );
                ExitCode::SUCCESS
            }
            Err(AppError::Unreadable(issues)) => {
                let problems: Vec<String> = issues.iter().map(ToString::to_string).collect();
                refused(file, &problems, "ingenting är inläst")
            }
            Err(error) => {
                eprintln!("styr: {}: {error}; ingenting är inläst.", file.display());
                ExitCode::FAILURE
            }
        }
    })
}
