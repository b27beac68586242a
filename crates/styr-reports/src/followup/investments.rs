//! The investment follow-up: each project of the investment plan against its budget for the
//! year, with the outcome to date, the full-year forecast and the project's whole budget and
//! outcome over every year. A booking belongs to a project by the project mapping (SIE
//! dimension 6, or account and cost-centre rules, `styr_domain::followup::projects`); only
//! bookings on the investment accounts count. Amounts are signed as the plan signs them —
//! expenditure positive, as the books sign debit — and a positive deviation means less
//! spent than budgeted, in the board's favour as everywhere in the follow-up.
//!
//! ```text
//! Projekt            Budget 2025  Utfall jan–aug  Prognos 2025  Avvikelse  Budget totalt
//! IT-Infrastruktur         5 000           2 912         4 800        200         30 000
//! ```

use std::collections::BTreeMap;

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::followup::{Outcome, ProjectForecast, ProjectMapping};
use styr_domain::investment::InvestmentCategory;
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};

use super::UnmappedAmount;
use super::significance::is_significant;

/// One project (or a category's or the plan's sum) followed up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectFollowup {
    pub name: String,
    pub category: Option<InvestmentCategory>,
    pub year_budget: Amount,
    /// Each month's expenditure; `None` where the month is not booked.
    pub months: [Option<Amount>; 12],
    /// The expenditure of the months to date.
    pub actual: Amount,
    pub forecast: Amount,
    pub forecast_entered: bool,
    pub forecast_comment: String,
    /// The year's budget minus the forecast: positive is less spent than budgeted.
    pub deviation: Amount,
    /// The project's budget over every year of the plan.
    pub total_budget: Amount,
    /// Everything booked on the project in the books so far, every year up to this one.
    pub total_actual: Amount,
    pub significant: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvestmentFollowup {
    pub year: Year,
    /// The plan's years, "2024–2029": what a project's whole budget covers.
    pub plan_years: String,
    /// The booked months from January the outcome to date covers.
    pub through: u8,
    pub projects: Vec<ProjectFollowup>,
    /// One sum per category that has a project, in the plan's order.
    pub categories: Vec<ProjectFollowup>,
    pub total: ProjectFollowup,
    /// Expenditure to date on the investment accounts that no project of the plan takes, per
    /// project object ("" for bookings without one), with the object's name.
    pub unplaced: Vec<UnmappedAmount>,
}

pub struct InvestmentInput<'a> {
    pub budget: &'a Budget,
    pub outcome: &'a Outcome,
    pub mapping: &'a ProjectMapping,
    /// The project forecasts in force.
    pub forecasts: &'a [ProjectForecast],
    pub year: Year,
    pub through: u8,
    pub booked: &'a [bool; 12],
}

fn too_large(year: Year, what: &str) -> OverflowAt {
    AmountOverflow.at(format!("Investeringsuppföljning {year}, {what}"))
}

/// Every project of the plan followed up in `input.year`.
pub fn follow_up_investments(
    input: &InvestmentInput<'_>,
) -> Result<InvestmentFollowup, OverflowAt> {
    let plan: Vec<String> = input
        .budget
        .investment
        .projects
        .iter()
        .map(|project| project.name.clone())
        .collect();
    let mut months: BTreeMap<&str, [Amount; 12]> = BTreeMap::new();
    let mut earlier: BTreeMap<&str, Amount> = BTreeMap::new();
    let mut unplaced: BTreeMap<String, Amount> = BTreeMap::new();
    for (key, amount) in &input.outcome.investment {
        if key.month.year() > input.year || !input.mapping.counts(key.account) {
            continue;
        }
        let object = key.project.as_deref().map(|code| {
            (
                code,
                input
                    .outcome
                    .project_names
                    .get(code)
                    .map_or("", String::as_str),
            )
        });
        let project =
            input
                .mapping
                .project_of(key.account, key.cost_centre.as_deref(), object, &plan);
        let Some(project) = project else {
            if key.month.year() == input.year && key.month.number() <= input.through {
                let sum = unplaced
                    .entry(key.project.clone().unwrap_or_default())
                    .or_default();
                *sum = sum
                    .checked_add(*amount)
                    .map_err(|_| too_large(input.year, "projekt utan plats i planen"))?;
            }
            continue;
        };
        if key.month.year() == input.year {
            let slot = &mut months.entry(project).or_insert([Amount::ZERO; 12])
                [usize::from(key.month.number() - 1)];
            *slot = slot
                .checked_add(*amount)
                .map_err(|_| too_large(input.year, project))?;
        } else {
            let sum = earlier.entry(project).or_default();
            *sum = sum
                .checked_add(*amount)
                .map_err(|_| too_large(input.year, project))?;
        }
    }
    let projects = input
        .budget
        .investment
        .projects
        .iter()
        .map(|project| {
            let name = project.name.as_str();
            let booked = months.get(name).copied().unwrap_or([Amount::ZERO; 12]);
            let year_budget = project
                .amounts
                .get(&input.year)
                .copied()
                .unwrap_or_default();
            let forecast = input
                .forecasts
                .iter()
                .find(|forecast| forecast.year == input.year && forecast.project == name);
            let total_budget = Amount::try_sum(project.amounts.values().copied())
                .map_err(|_| too_large(input.year, name))?;
            let year_actual =
                Amount::try_sum(booked.iter().copied()).map_err(|_| too_large(input.year, name))?;
            let total_actual = year_actual
                .checked_add(earlier.get(name).copied().unwrap_or_default())
                .map_err(|_| too_large(input.year, name))?;
            project_followup(
                input,
                name,
                Some(project.category),
                year_budget,
                booked,
                forecast,
            )
            .map(|mut followed| {
                followed.total_budget = total_budget;
                followed.total_actual = total_actual;
                followed
            })
        })
        .collect::<Result<Vec<_>, OverflowAt>>()?;
    let categories = InvestmentCategory::ALL
        .into_iter()
        .filter_map(|category| {
            let parts: Vec<&ProjectFollowup> = projects
                .iter()
                .filter(|project| project.category == Some(category))
                .collect();
            (!parts.is_empty()).then(|| sum(input, category.label(), Some(category), &parts))
        })
        .collect::<Result<Vec<_>, OverflowAt>>()?;
    let total = sum(
        input,
        "Totala investeringsutgifter",
        None,
        &projects.iter().collect::<Vec<_>>(),
    )?;
    let years = &input.budget.investment.years;
    Ok(InvestmentFollowup {
        year: input.year,
        plan_years: match (years.first(), years.last()) {
            (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
            (Some(first), _) => first.to_string(),
            _ => String::new(),
        },
        through: input.through,
        projects,
        categories,
        total,
        unplaced: unplaced
            .into_iter()
            .map(|(code, amount)| UnmappedAmount {
                name: input
                    .outcome
                    .project_names
                    .get(&code)
                    .cloned()
                    .unwrap_or_default(),
                code,
                amount,
            })
            .collect(),
    })
}

fn project_followup(
    input: &InvestmentInput<'_>,
    name: &str,
    category: Option<InvestmentCategory>,
    year_budget: Amount,
    booked: [Amount; 12],
    forecast: Option<&ProjectForecast>,
) -> Result<ProjectFollowup, OverflowAt> {
    let months: [Option<Amount>; 12] =
        std::array::from_fn(|index| input.booked[index].then_some(booked[index]));
    let actual = Amount::try_sum(booked[..usize::from(input.through.min(12))].iter().copied())
        .map_err(|_| too_large(input.year, name))?;
    let (amount, entered, comment) = match forecast {
        Some(forecast) => (forecast.amount, true, forecast.comment.clone()),
        None => (year_budget, false, String::new()),
    };
    let deviation = year_budget
        .checked_sub(amount)
        .map_err(|_| too_large(input.year, name))?;
    // A closed year is judged on its outcome, an open one on its forecast.
    let judged = if input.through == 12 {
        year_budget
            .checked_sub(actual)
            .map_err(|_| too_large(input.year, name))?
    } else {
        deviation
    };
    Ok(ProjectFollowup {
        name: name.to_string(),
        category,
        year_budget,
        months,
        actual,
        forecast: amount,
        forecast_entered: entered,
        forecast_comment: comment,
        deviation,
        total_budget: Amount::ZERO,
        total_actual: Amount::ZERO,
        significant: is_significant(judged, year_budget),
    })
}

/// The sum of `parts`: a category's or the plan's.
fn sum(
    input: &InvestmentInput<'_>,
    name: &str,
    category: Option<InvestmentCategory>,
    parts: &[&ProjectFollowup],
) -> Result<ProjectFollowup, OverflowAt> {
    let add = |pick: fn(&ProjectFollowup) -> Amount| {
        Amount::try_sum(parts.iter().map(|part| pick(part)))
            .map_err(|_| too_large(input.year, name))
    };
    let mut months = [Amount::ZERO; 12];
    for (index, month) in months.iter_mut().enumerate() {
        *month = Amount::try_sum(
            parts
                .iter()
                .map(|part| part.months[index].unwrap_or_default()),
        )
        .map_err(|_| too_large(input.year, name))?;
    }
    let forecast = ProjectForecast {
        project: name.to_string(),
        year: input.year,
        amount: add(|part| part.forecast)?,
        comment: String::new(),
    };
    let mut summed = project_followup(
        input,
        name,
        category,
        add(|part| part.year_budget)?,
        months,
        Some(&forecast),
    )?;
    summed.forecast_entered = parts.iter().any(|part| part.forecast_entered);
    summed.total_budget = add(|part| part.total_budget)?;
    summed.total_actual = add(|part| part.total_actual)?;
    Ok(summed)
}
