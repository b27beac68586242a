//! The investment follow-up as the report shows it: each category (a sum, in bold) with its
//! projects beneath and the plan's total at the foot, every column rounded to whole tkr as a
//! whole so that the categories are the sums of their printed projects and the total the sum
//! of the categories; the deviation the difference of the two printed figures it compares.

use styr_domain::money::{Amount, AmountOverflow, Precision};
use styr_domain::rounding::largest_remainder;

use super::{Columns, period_words};
use crate::followup::UnmappedAmount;
use crate::followup::investments::{InvestmentFollowup, ProjectFollowup};
use crate::sentences::in_prose;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownInvestmentRow {
    pub label: String,
    /// A category's or the plan's sum.
    pub sum: bool,
    pub year_budget: Amount,
    pub actual: Amount,
    pub forecast: Amount,
    /// The year's budget minus the forecast (or, for a closed year, minus the outcome).
    pub deviation: Amount,
    pub total_budget: Amount,
    pub total_actual: Amount,
    /// The forecast's comment, for a project.
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownInvestments {
    /// The plan's years, "2024–2029": what a project's whole budget covers.
    pub plan_years: String,
    pub sentence: String,
    pub rows: Vec<ShownInvestmentRow>,
    /// Expenditure no project of the plan takes, per project object, in whole tkr.
    pub unplaced: Vec<(String, String, Amount)>,
}

fn rounded(
    projects: &[ProjectFollowup],
    pick: fn(&ProjectFollowup) -> Amount,
) -> Result<Vec<Amount>, AmountOverflow> {
    let exact: Vec<Amount> = projects.iter().map(pick).collect();
    largest_remainder(&exact, Precision::TKR)
}

/// The investment follow-up as shown, headed by `columns` (closed: budget against outcome).
pub fn investments(
    followed: &InvestmentFollowup,
    columns: &Columns,
) -> Result<ShownInvestments, AmountOverflow> {
    let projects = &followed.projects;
    let budget = rounded(projects, |project| project.year_budget)?;
    let actual = rounded(projects, |project| project.actual)?;
    let forecast = rounded(projects, |project| project.forecast)?;
    let total_budget = rounded(projects, |project| project.total_budget)?;
    let total_actual = rounded(projects, |project| project.total_actual)?;
    let row = |index: usize| -> Result<ShownInvestmentRow, AmountOverflow> {
        let against = if columns.closed {
            actual[index]
        } else {
            forecast[index]
        };
        Ok(ShownInvestmentRow {
            label: projects[index].name.clone(),
            sum: false,
            year_budget: budget[index],
            actual: actual[index],
            forecast: forecast[index],
            deviation: budget[index].checked_sub(against)?,
            total_budget: total_budget[index],
            total_actual: total_actual[index],
            comment: projects[index].forecast_comment.clone(),
        })
    };
    let sum = |label: &str,
               parts: &[ShownInvestmentRow]|
     -> Result<ShownInvestmentRow, AmountOverflow> {
        let add = |pick: fn(&ShownInvestmentRow) -> Amount| Amount::try_sum(parts.iter().map(pick));
        Ok(ShownInvestmentRow {
            label: label.to_string(),
            sum: true,
            year_budget: add(|row| row.year_budget)?,
            actual: add(|row| row.actual)?,
            forecast: add(|row| row.forecast)?,
            deviation: add(|row| row.deviation)?,
            total_budget: add(|row| row.total_budget)?,
            total_actual: add(|row| row.total_actual)?,
            comment: String::new(),
        })
    };
    let mut rows = Vec::new();
    let mut categories = Vec::new();
    for category in &followed.categories {
        let parts: Vec<ShownInvestmentRow> = (0..projects.len())
            .filter(|index| projects[*index].category == category.category)
            .map(row)
            .collect::<Result<_, _>>()?;
        let summed = sum(&category.name, &parts)?;
        rows.push(summed.clone());
        rows.extend(parts);
        categories.push(summed);
    }
    let total = sum(&followed.total.name, &categories)?;
    let sentence = if projects.is_empty() {
        "Investeringsplanen har inga projekt.".to_string()
    } else if columns.closed {
        format!(
            "Investeringsutgifterna uppgår till {} mot en budget om {}.",
            in_prose(total.actual),
            in_prose(total.year_budget)
        )
    } else {
        format!(
            "Investeringsutgifterna för {} uppgår till {} av årets budget om {}; prognosen för helåret är {}.",
            period_words(followed.through),
            in_prose(total.actual),
            in_prose(total.year_budget),
            in_prose(total.forecast)
        )
    };
    rows.push(total);
    Ok(ShownInvestments {
        plan_years: followed.plan_years.clone(),
        sentence,
        rows,
        unplaced: followed
            .unplaced
            .iter()
            .map(|item: &UnmappedAmount| {
                Ok((
                    item.code.clone(),
                    item.name.clone(),
                    item.amount.round_to(Precision::TKR)?,
                ))
            })
            .collect::<Result<_, AmountOverflow>>()?,
    })
}
