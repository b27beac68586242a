//! An investment project from its fields: name, category, an amount per plan year, and its
//! details — total budget, start and end (dates), owner, status, and driftkonsekvens per year
//! (kapitalkostnad and other operating effects).
//!
//! A detail left out (`None`, as an API client that does not know it) keeps the project's
//! value as stored; given empty, it is cleared. The comparison year's amount is the previous
//! year's budget as decided: a form that does not carry it keeps the stored one.

use std::collections::BTreeMap;

use styr_domain::calendar::Year;
use styr_domain::investment::{
    InvestmentCategory, InvestmentProject, OperatingEffect, ProjectStatus,
};
use styr_domain::money::Amount;

use crate::input::{Errors, FieldErrors, amount, line, optional_date};

/// A project as typed: texts, each read here.
#[derive(Default)]
pub struct ProjectInput<'a> {
    pub name: &'a str,
    pub category: &'a str,
    /// An amount text per plan year (empty is none).
    pub amounts: &'a [(Year, String)],
    pub total_budget: Option<&'a str>,
    pub start: Option<&'a str>,
    pub end: Option<&'a str>,
    pub owner: Option<&'a str>,
    /// The status's key: planned, ongoing, paused, completed.
    pub status: Option<&'a str>,
    /// Kapitalkostnad per year.
    pub capital_costs: Option<&'a [(Year, String)]>,
    /// Other operating effects per year.
    pub operating_effects: Option<&'a [(Year, String)]>,
    /// The project as stored, when the form changes one.
    pub existing: Option<&'a InvestmentProject>,
    /// The comparison year, whose amount stays as decided.
    pub comparison: Option<Year>,
}

pub fn project(input: &ProjectInput<'_>) -> Result<InvestmentProject, FieldErrors> {
    let mut errors = Errors::default();
    let name = match line(input.name) {
        Ok(name) if name.is_empty() => {
            errors.add("name", "Projektets namn behöver fyllas i");
            name
        }
        Ok(name) => name,
        Err(message) => {
            errors.add("name", message);
            String::new()
        }
    };
    let category = InvestmentCategory::from_key(input.category);
    if category.is_none() {
        errors.add(
            "category",
            "välj en kategori: expansion, image, reinvestment eller adaptation",
        );
    }
    let mut amounts = amounts_by_year(&mut errors, "amount", input.amounts);
    if let Some(comparison) = input.comparison
        && !input.amounts.iter().any(|(year, _)| *year == comparison)
        && let Some(decided) = input
            .existing
            .and_then(|existing| existing.amounts.get(&comparison))
    {
        amounts.insert(comparison, *decided);
    }
    let existing = input.existing;
    let total_budget = match input.total_budget {
        None => existing.and_then(|existing| existing.total_budget),
        Some(text) if text.trim().is_empty() => None,
        Some(text) => amount(text)
            .map_err(|message| errors.add("total_budget", message))
            .ok(),
    };
    let mut date =
        |field: &str, text: Option<&str>, kept: Option<styr_domain::calendar::Date>| match text {
            None => kept,
            Some(text) => optional_date(Some(text))
                .map_err(|message| errors.add(field, message))
                .ok()
                .flatten(),
        };
    let start = date(
        "start",
        input.start,
        existing.and_then(|existing| existing.start),
    );
    let end = date("end", input.end, existing.and_then(|existing| existing.end));
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        errors.add("end", "slutet ligger före starten");
    }
    let owner = match input.owner {
        None => existing
            .map(|existing| existing.owner.clone())
            .unwrap_or_default(),
        Some(text) => line(text)
            .map_err(|message| errors.add("owner", message))
            .unwrap_or_default(),
    };
    let status = match input.status {
        None => existing.map(|existing| existing.status).unwrap_or_default(),
        Some(key) => ProjectStatus::from_key(key).unwrap_or_else(|| {
            errors.add(
                "status",
                "välj en status: planned, ongoing, paused eller completed",
            );
            ProjectStatus::default()
        }),
    };
    let operating_effects = match (input.capital_costs, input.operating_effects) {
        (None, None) => existing
            .map(|existing| existing.operating_effects.clone())
            .unwrap_or_default(),
        (capital, other) => {
            let capital = amounts_by_year(&mut errors, "capital_cost", capital.unwrap_or(&[]));
            let other = amounts_by_year(&mut errors, "operating_effect", other.unwrap_or(&[]));
            capital
                .keys()
                .chain(other.keys())
                .map(|year| {
                    (
                        *year,
                        OperatingEffect {
                            capital_cost: capital.get(year).copied().unwrap_or_default(),
                            other: other.get(year).copied().unwrap_or_default(),
                        },
                    )
                })
                .collect()
        }
    };
    // A value that did not read has its message already.
    let Some(category) = category else {
        return Err(errors.into_inner());
    };
    errors.finish(|| InvestmentProject {
        name,
        category,
        amounts,
        total_budget,
        start,
        end,
        owner,
        status,
        operating_effects,
    })
}

/// Amount texts by year; an empty text is no amount, a bad one a message at `prefix:YEAR`.
fn amounts_by_year(
    errors: &mut Errors,
    prefix: &str,
    texts: &[(Year, String)],
) -> BTreeMap<Year, Amount> {
    let mut parsed = BTreeMap::new();
    for (year, text) in texts {
        if text.trim().is_empty() {
            continue;
        }
        match amount(text) {
            Ok(amount) => {
                parsed.insert(*year, amount);
            }
            Err(message) => errors.add(&format!("{prefix}:{year}"), message),
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(number: i64) -> Year {
        Year::new(number).expect("a year")
    }

    #[test]
    fn every_detail_reads_and_each_bad_one_has_its_message() {
        let amounts = [(year(2025), "1 000".to_string())];
        let capital = [(year(2026), "-120".to_string())];
        let read = project(&ProjectInput {
            name: "Kaj",
            category: "expansion",
            amounts: &amounts,
            total_budget: Some("4,5 mnkr"),
            start: Some("2025-03-01"),
            end: Some("2026-06-30"),
            owner: Some("Hamnchef"),
            status: Some("ongoing"),
            capital_costs: Some(&capital),
            operating_effects: Some(&[]),
            ..ProjectInput::default()
        })
        .expect("reads");
        assert_eq!(read.total_budget, Some(Amount::from_tkr(4_500)));
        assert_eq!(read.status, ProjectStatus::Ongoing);
        assert_eq!(
            read.operating_effects[&year(2026)].capital_cost,
            Amount::from_tkr(-120)
        );
        let bad = [(year(2026), "mycket".to_string())];
        let errors = project(&ProjectInput {
            name: "Kaj",
            category: "expansion",
            amounts: &amounts,
            start: Some("2026-01-01"),
            end: Some("2025-01-01"),
            status: Some("klar"),
            capital_costs: Some(&bad),
            ..ProjectInput::default()
        })
        .expect_err("refused");
        assert_eq!(
            errors.keys().map(String::as_str).collect::<Vec<_>>(),
            ["capital_cost:2026", "end", "status"]
        );
    }

    #[test]
    fn details_left_out_keep_the_stored_project_and_its_comparison_year() {
        let mut stored = InvestmentProject::new(
            "Kaj",
            InvestmentCategory::Expansion,
            BTreeMap::from([(year(2024), Amount::from_tkr(300))]),
        );
        stored.owner = "Hamnchef".into();
        let amounts = [(year(2025), "1 000".to_string())];
        let read = project(&ProjectInput {
            name: "Kaj",
            category: "expansion",
            amounts: &amounts,
            existing: Some(&stored),
            comparison: Some(year(2024)),
            ..ProjectInput::default()
        })
        .expect("reads");
        assert_eq!(read.owner, "Hamnchef");
        assert_eq!(read.amounts[&year(2024)], Amount::from_tkr(300));
    }
}
