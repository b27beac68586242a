//! The investment plan report: categories with their projects, subtotals and totals computed
//! from the projects, and the plan's sum and yearly average over the budget and plan years.

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::investment::{InvestmentCategory, InvestmentRow};
use styr_domain::money::Amount;

use crate::operating::Column;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvestmentTableRow {
    pub row: InvestmentRow,
    pub label: String,
    pub emphasised: bool,
    pub values: Vec<Amount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvestmentReport {
    pub heading: String,
    pub columns: Vec<Column>,
    pub rows: Vec<InvestmentTableRow>,
    /// The years from the budget year on: the five-year plan.
    pub plan_years: Vec<Year>,
    /// The total over the plan years.
    pub plan_sum: Amount,
    /// The yearly average over the plan years, exact to the öre (half away from zero).
    pub plan_average: Amount,
}

pub fn investment_report(budget: &Budget) -> InvestmentReport {
    let plan = &budget.investment;
    let columns = plan
        .years
        .iter()
        .map(|year| Column {
            year: *year,
            label: budget.years.column_label(*year),
        })
        .collect();
    let values = |row: &InvestmentRow| {
        plan.years
            .iter()
            .map(|year| plan.row(row, *year).unwrap_or_default())
            .collect()
    };
    let mut rows = Vec::new();
    for category in InvestmentCategory::ALL {
        let row = InvestmentRow::Category(category);
        rows.push(InvestmentTableRow {
            label: category.label().into(),
            emphasised: true,
            values: values(&row),
            row,
        });
        for project in plan.projects_in(category) {
            let row = InvestmentRow::Project(project.name.clone());
            rows.push(InvestmentTableRow {
                label: project.name.clone(),
                emphasised: false,
                values: values(&row),
                row,
            });
        }
    }
    rows.push(InvestmentTableRow {
        label: InvestmentRow::Total.label().into(),
        emphasised: true,
        values: values(&InvestmentRow::Total),
        row: InvestmentRow::Total,
    });
    let plan_years: Vec<Year> = plan
        .years
        .iter()
        .copied()
        .filter(|year| *year >= budget.years.budget)
        .collect();
    let plan_sum: Amount = plan_years.iter().map(|year| plan.total(*year)).sum();
    InvestmentReport {
        heading: plan.heading.clone(),
        columns,
        rows,
        plan_average: average(plan_sum, plan_years.len()),
        plan_years,
        plan_sum,
    }
}

/// The mean of a sum over `count` years, rounded half away from zero to the öre.
pub fn average(sum: Amount, count: usize) -> Amount {
    if count == 0 {
        return Amount::ZERO;
    }
    sum.scale(1, count as i128)
}
