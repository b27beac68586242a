//! The budget file: one municipality's budget for one board, in TOML. The format is
//! documented in docs/budget-file.md; the reference budget is examples/alingsas-ks-2025.toml.
//!
//! Reading is two stages, like beancount's parse → validate: TOML into [`raw`] shapes that keep
//! every value's place in the file, then into domain values, collecting every issue with its
//! line and column rather than stopping at the first.

mod details;
pub(crate) mod figures;
pub(crate) mod general;
mod goals;
mod profile;
pub(crate) mod raw;
pub(crate) mod reader;
mod risks;
mod writer;

use styr_domain::budget::{Budget, BudgetYears, Municipality};
use styr_domain::organisation::UnitId;

use crate::bidi;
use crate::issue::{Issue, Issues};
use crate::limits::{Limit, Limits};
use reader::Reader;

pub use goals::parse_goals;
pub(crate) use writer::toml_string;
pub use writer::write_budget;

/// The version of the format this reader understands.
pub const FORMAT_VERSION: i64 = 1;

/// Reads a whole budget file, or every issue that stops it from being read.
pub fn parse_budget(source: &str) -> Result<Budget, Vec<Issue>> {
    parse_budget_within(source, &Limits::default())
}

/// What refuses a budget file before it is parsed: its size, a line past the limit, and every
/// direction control (`crate::bidi`; the file is a person's to correct).
pub(crate) fn screen(source: &str, limits: &Limits) -> Vec<Issue> {
    if let Err(exceeded) = limits.check(Limit::BudgetFileBytes, source.len() as u64, "budgetfilen")
    {
        return vec![Issue::error("", 0..0, exceeded.to_string())];
    }
    let mut issues = Issues::default();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        if let Err(exceeded) = limits.check(Limit::LineBytes, line.len() as u64, "raden") {
            issues.add(|| Issue::error(source, start..start + 1, exceeded.to_string()));
        } else if let Some((at, control)) = bidi::find(line) {
            // One issue a line: the person removes them all, and a line of them costs one.
            let place = start + at;
            let span = place..place + control.len_utf8();
            issues.add(|| Issue::error(source, span, bidi::refusal(control)));
        }
        start += line.len();
    }
    issues.into_vec()
}

/// [`parse_budget`] within `limits` instead of the defaults.
pub fn parse_budget_within(source: &str, limits: &Limits) -> Result<Budget, Vec<Issue>> {
    let screened = screen(source, limits);
    if !screened.is_empty() {
        return Err(screened);
    }
    let raw: raw::RawFile = toml::from_str(source).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        let key = source.get(span.clone()).unwrap_or_default();
        vec![Issue::error(
            source,
            span,
            swedish_toml_message(error.message(), key),
        )]
    })?;
    let mut reader = Reader::new(source);
    if *raw.format.get_ref() != FORMAT_VERSION {
        reader.issue(
            raw.format.span(),
            format!("formatversion {} känns inte igen; den här versionen av styr läser format = {FORMAT_VERSION}", raw.format.get_ref()),
        );
    }
    let document = general::document(&mut reader, &raw.document);
    let organisation = general::organisation(&mut reader, &raw.unit);
    let board = reader
        .unit(&raw.budget.board)
        .unwrap_or_else(|| UnitId(raw.budget.board.get_ref().clone()));
    let previous = reader.year(&raw.budget.previous_year);
    let budget_year = reader.year(&raw.budget.year);
    let plan = reader.years(raw.budget.plan_years.get_ref());
    if let (Some(previous), Some(budget_year)) = (previous, budget_year) {
        if previous >= budget_year {
            reader.issue(
                raw.budget.previous_year.span(),
                format!("föregående år {previous} ska ligga före budgetåret {budget_year}"),
            );
        }
        if plan
            .iter()
            .zip(std::iter::once(&budget_year).chain(&plan))
            .any(|(year, before)| year <= before)
        {
            reader.issue(
                raw.budget.plan_years.span(),
                format!("planåren följer efter budgetåret {budget_year} i stigande ordning"),
            );
        }
    }
    let sections = general::sections(&mut reader, &raw.section);
    let goals = goals::goals(&mut reader, &raw.goal, &[]);
    let efficiency = general::efficiency(&raw.efficiency);
    let index = figures::index(&mut reader, &raw.index);
    let frames = figures::frames(&mut reader, &raw.frame, &index);
    let (Some(previous), Some(budget_year)) = (previous, budget_year) else {
        return Err(reader.issues.into_vec());
    };
    let (lines, operating_tables) =
        figures::operating(&mut reader, &raw.operating, (previous, budget_year));
    let investment = figures::investment(&mut reader, raw.investment.as_ref());
    let statements = figures::statements(&mut reader, &raw.statement, &investment);
    let scales = risks::scales(&mut reader, &raw.risk_scale);
    let bands = risks::bands(&mut reader, &raw.risk_band);
    let risk_register = risks::risks(&mut reader, &raw.risk);
    let controls = risks::controls(&mut reader, &raw.control, &risk_register);
    let profile = raw
        .profile
        .as_ref()
        .map(|raw| profile::profile(&mut reader, raw));
    if !reader.issues.is_empty() {
        let mut issues = reader.issues.into_vec();
        issues.sort_by_key(|issue| (issue.line, issue.column));
        return Err(issues);
    }
    Ok(Budget {
        municipality: Municipality {
            name: raw.municipality.name,
            code: raw.municipality.code,
        },
        document,
        board,
        years: BudgetYears {
            previous,
            budget: budget_year,
            plan,
        },
        organisation,
        sections,
        goals,
        efficiency,
        index,
        frames,
        lines,
        operating_tables,
        investment,
        scales,
        bands,
        risks: risk_register,
        controls,
        statements,
        profile,
    })
}

/// The TOML reader's messages in Swedish, for the mistakes people make most; others pass through.
pub(crate) fn swedish_toml_message(message: &str, key: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        return format!("okänd nyckel ”{field}”; tillåtna här: {allowed}");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("nyckeln ”{field}” saknas");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "något annat"));
        return format!(
            "fel sorts värde: {} där det ska vara {}",
            swedish_kind(found),
            swedish_kind(expected)
        );
    }
    if message.starts_with("invalid date") || message.starts_with("invalid time") {
        return format!(
            "”{key}” är inget datum som finns; skriv ÅÅÅÅ-MM-DD, till exempel 2024-12-16"
        );
    }
    if message.starts_with("invalid basic string") || message.starts_with("invalid literal string")
    {
        return "texten tar slut utan avslutande citattecken; avsluta den med \" på samma rad, eller skriv flera rader inom tre apostrofer".into();
    }
    if message.starts_with("cannot recurse further") {
        return "värdena ligger inuti varandra i för många nivåer för en budgetfil".into();
    }
    if message.starts_with("duplicate key") {
        return format!(
            "nyckeln ”{key}” finns redan; en lista skrivs antingen som {key} = [ … ] eller som [[…{key}]]-tabeller, inte båda"
        );
    }
    message.to_string()
}

fn swedish_kind(kind: &str) -> String {
    let replacements = [
        ("integer", "heltal"),
        ("a string", "en text"),
        ("string", "text"),
        ("a boolean", "sant/falskt"),
        ("boolean", "sant/falskt"),
        ("a sequence", "en lista"),
        ("sequence", "lista"),
        ("a map", "en tabell"),
        ("map", "tabell"),
        ("an integer", "ett heltal"),
        ("i64", "ett heltal"),
        ("a date", "ett datum"),
    ];
    let mut result = kind.to_string();
    for (english, swedish) in replacements {
        result = result.replace(english, swedish);
    }
    result
}
