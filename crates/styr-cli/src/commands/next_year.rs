//! `styr next-year --municipality FILE --index-vintage V [--pkv 2027=3,0,…] --output NEW`:
//! the next budget year opened from this year's municipality file (styr_import's
//! `municipal_file::next_year`), written as a new file; this year's stays as it is. What
//! carries over that only a computation gives — each board's kommunbidrag, the closing balance
//! — comes from this year's report. The new year is computed before it is written, and its
//! boards whose lines no longer fit their new frames are listed: they are the budgetansvarigas
//! to distribute.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use styr_domain::municipal::OpeningBalance;
use styr_reports::municipal::{MunicipalReport, municipal_report};

use crate::input::{UNREADABLE, read_municipal_budget, read_text};
use crate::output::print_line;

pub struct Options<'a> {
    pub file: &'a Path,
    pub vintage: &'a str,
    pub pkv: Option<&'a str>,
    pub output: &'a Path,
}

/// "2027=3,0,2028=3,1" as year → percent text; the reader checks each figure.
fn values(pkv: Option<&str>) -> Result<BTreeMap<String, String>, String> {
    let Some(pkv) = pkv else {
        return Ok(BTreeMap::new());
    };
    pkv.split(';')
        .flat_map(|part| part.split(' '))
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.split_once('=')
                .map(|(year, value)| (year.trim().to_string(), value.trim().to_string()))
                .ok_or_else(|| format!("”{part}” är inget ÅR=PROCENT; skriv till exempel --pkv \"2027=3,0 2028=3,1\""))
        })
        .collect()
}

/// The balance at the end of the first column, item by item, exactly.
fn closing(report: &MunicipalReport) -> OpeningBalance {
    let end = |label: &str| {
        report
            .balance_sheet
            .row(label)
            .and_then(|line| line.exact.first().copied())
            .unwrap_or_default()
    };
    OpeningBalance {
        fixed_assets: end("Anläggningstillgångar"),
        current_assets: end("Omsättningstillgångar"),
        cash: end("Likvida medel"),
        equity: end("Eget kapital"),
        provisions: end("Avsättningar"),
        long_term_liabilities: end("Långfristiga skulder"),
        current_liabilities: end("Kortfristiga skulder"),
    }
}

pub fn run(options: &Options<'_>) -> ExitCode {
    let refuse = |message: String| {
        eprintln!("styr: {message}; ingenting är skrivet");
        ExitCode::from(UNREADABLE)
    };
    if options.output.exists() {
        return refuse(format!("{} finns redan", options.output.display()));
    }
    let (budget, source) = match (read_municipal_budget(options.file), read_text(options.file)) {
        (Ok(budget), Ok(source)) => (budget, source),
        (Err(status), _) | (_, Err(status)) => return ExitCode::from(status),
    };
    let report = match municipal_report(&budget) {
        Ok(report) => report,
        Err(error) => return refuse(format!("årets budget kan inte räknas fram: {error}")),
    };
    let Some(column) = report
        .columns
        .iter()
        .position(|year| *year == budget.years.budget)
    else {
        return refuse("budgetåret saknas bland kolumnerna".to_string());
    };
    let kommunbidrag: BTreeMap<String, _> = report
        .boards
        .iter()
        .map(|board| (board.id.clone(), board.frame[column].kommunbidrag))
        .collect();
    let values = match values(options.pkv) {
        Ok(values) => values,
        Err(message) => return refuse(message),
    };
    let carried = styr_import::municipal_file::Carried {
        kommunbidrag: &kommunbidrag,
        opening: &closing(&report),
        vintage: options.vintage,
        values: &values,
    };
    let written = match styr_import::municipal_file::next_year(&source, &carried) {
        Ok(written) => written,
        Err(issues) => {
            let problems: Vec<String> = issues.iter().map(|issue| issue.message.clone()).collect();
            return refuse(format!("nästa år kan inte öppnas: {}", problems.join("; ")));
        }
    };
    // `next_year` has read the new file back; what remains is whether its frames compute.
    let Ok(next_budget) = styr_import::parse_municipal_budget(&written) else {
        return refuse("nästa års fil kan inte läsas".to_string());
    };
    let next_report = match municipal_report(&next_budget) {
        Ok(report) => report,
        Err(error) => {
            return refuse(format!(
                "nästa års ramar kan inte räknas fram ({error}); ange årgången {} med värden för varje nytt år (--pkv)",
                options.vintage
            ));
        }
    };
    if let Err(error) = std::fs::write(options.output, &written) {
        eprintln!(
            "styr: kan inte skriva {}: {error}",
            options.output.display()
        );
        return ExitCode::FAILURE;
    }
    let mut summary = format!(
        "Budgetåret {} är öppnat i {} (jämförelseår {}, planår {}).",
        next_budget.years.budget,
        options.output.display(),
        next_budget.years.previous,
        next_budget
            .years
            .plan
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let outside: Vec<String> = next_report
        .findings
        .iter()
        .filter(|finding| finding.section == "Driftbudget per nämnd")
        .map(|finding| finding.place.clone())
        .collect();
    if !outside.is_empty() {
        summary.push_str(&format!(
            "\nAtt fördela på ansvar, budgeten ryms ännu inte i den nya ramen: {}.",
            outside.join("; ")
        ));
    }
    print_line(&summary)
}
