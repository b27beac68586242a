//! The investment plan report: categories with their projects, subtotals and totals computed
//! from the projects, and the plan's sum and yearly average over the budget and plan years.

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::investment::{InvestmentCategory, InvestmentRow};
use styr_domain::money::{Amount, OverflowAt};

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

/// The plan's table, its sum and average; or the first figure too large to compute, named.
pub fn investment_report(budget: &Budget) -> Result<InvestmentReport, OverflowAt> {
    let plan = &budget.investment;
    let columns = plan
        .years
        .iter()
        .map(|year| Column {
            year: *year,
            label: budget.years.column_label(*year),
        })
        .collect();
    let values = |row: &InvestmentRow| -> Result<Vec<Amount>, OverflowAt> {
        plan.years
            .iter()
            .map(|year| Ok(plan.row(row, *year)?.unwrap_or_default()))
            .collect()
    };
    let mut rows = Vec::new();
    for category in InvestmentCategory::ALL {
        let row = InvestmentRow::Category(category);
        rows.push(InvestmentTableRow {
            label: category.label().into(),
            emphasised: true,
            values: values(&row)?,
            row,
        });
        for project in plan.projects_in(category) {
            let row = InvestmentRow::Project(project.name.clone());
            rows.push(InvestmentTableRow {
                label: project.name.clone(),
                emphasised: false,
                values: values(&row)?,
                row,
            });
        }
    }
    rows.push(InvestmentTableRow {
        label: InvestmentRow::Total.label().into(),
        emphasised: true,
        values: values(&InvestmentRow::Total)?,
        row: InvestmentRow::Total,
    });
    let plan_years = budget.investment_plan_years();
    let plan_sum = plan.sum_over(&plan_years)?;
    Ok(InvestmentReport {
        heading: plan.heading.clone(),
        columns,
        rows,
        plan_average: average(plan_sum, plan_years.len()),
        plan_years,
        plan_sum,
    })
}

/// The mean of a sum over `count` years, rounded half away from zero to the öre.
pub fn average(sum: Amount, count: usize) -> Amount {
    sum.average_over(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;

    #[test]
    fn the_plan_sums_and_averages_from_the_budget_year_on() {
        let report = investment_report(&small_budget()).expect("it computes");
        assert_eq!(
            report
                .plan_years
                .iter()
                .map(|year| year.number())
                .collect::<Vec<_>>(),
            [2025, 2026]
        );
        assert_eq!(report.plan_sum, Amount::from_tkr(3_501));
        assert_eq!(report.plan_average, Amount::from_kr(1_750_500));
        let labels: Vec<&str> = report.rows.iter().map(|row| row.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Expansionsinvesteringar",
                "Skola",
                "Imageinvesteringar",
                "Reinvesteringar",
                "Kaj",
                "Anpassningsinvesteringar",
                "Totala utgifter"
            ]
        );
    }

    #[test]
    fn an_average_rounds_half_away_from_zero_to_the_ore() {
        assert_eq!(average(Amount::from_ore(5), 2), Amount::from_ore(3));
        assert_eq!(average(Amount::from_ore(-5), 2), Amount::from_ore(-3));
        assert_eq!(average(Amount::from_tkr(10), 0), Amount::ZERO);
    }
}
