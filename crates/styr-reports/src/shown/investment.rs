//! The investment plan as shown: each category's projects are apportioned to the category's
//! rounded sum, a category is its shown projects' sum (or its own figure rounded, when it has
//! no projects), and the total is the categories' sum. The plan's sum and yearly average, and
//! the sentences about its course, are of the totals as the table shows them:
//! "Den totala investeringsplanen åren 2025–2029 uppgår till sammanlagt 619,7 mnkr, i
//! genomsnitt 123,9 mnkr per år."

use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::investment::InvestmentRow;
use styr_domain::money::{Amount, AmountOverflow, Precision};
use styr_domain::rounding::largest_remainder;

use crate::investment::{InvestmentReport, average};
use crate::sentences;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownInvestment {
    /// Row by row (the report's rows), column by column, in whole tkr.
    pub rows: Vec<Vec<Amount>>,
    /// The shown totals of the plan years added up, when the plan has a total row.
    pub plan_sum: Option<Amount>,
    /// Their yearly average, to the öre.
    pub plan_average: Option<Amount>,
    /// The plan sentence and the course of its years.
    pub sentence: String,
}

impl ShownInvestment {
    pub fn of(plan: &InvestmentReport) -> Result<ShownInvestment, AmountOverflow> {
        let mut rows: Vec<Vec<Amount>> = plan.rows.iter().map(|row| row.values.clone()).collect();
        for column in 0..plan.columns.len() {
            round_column(plan, column, &mut rows)?;
        }
        let total_row = plan
            .rows
            .iter()
            .position(|row| row.row == InvestmentRow::Total);
        let totals: Option<Vec<(Year, Amount)>> = plan
            .plan_years
            .iter()
            .map(|year| {
                let column = plan
                    .columns
                    .iter()
                    .position(|column| column.year == *year)?;
                Some((*year, rows[total_row?][column]))
            })
            .collect();
        let (plan_sum, plan_average, sentence) = match totals {
            Some(totals) => {
                let sum = Amount::try_sum(totals.iter().map(|(_, total)| *total))?;
                let mean = average(sum, totals.len());
                let mut sentence = plan_sentence(&plan.plan_years, sum, mean);
                if !totals.is_empty() {
                    sentence.push(' ');
                    sentence.push_str(&sentences::investment_course(&totals)?);
                }
                (Some(sum), Some(mean), sentence)
            }
            // A plan year without a column: the sentence from the exact sum.
            None => (
                None,
                None,
                plan_sentence(&plan.plan_years, plan.plan_sum, plan.plan_average),
            ),
        };
        Ok(ShownInvestment {
            rows,
            plan_sum,
            plan_average,
            sentence,
        })
    }
}

/// Rounds one column: projects within their category, categories from their projects, and the
/// total from the categories.
fn round_column(
    plan: &InvestmentReport,
    column: usize,
    rows: &mut [Vec<Amount>],
) -> Result<(), AmountOverflow> {
    let mut index = 0;
    let mut total = Amount::ZERO;
    while index < plan.rows.len() {
        match &plan.rows[index].row {
            InvestmentRow::Category(_) => {
                let projects: Vec<usize> = (index + 1..plan.rows.len())
                    .take_while(|&next| matches!(plan.rows[next].row, InvestmentRow::Project(_)))
                    .collect();
                let category = if projects.is_empty() {
                    plan.rows[index].values[column].round_to(Precision::TKR)?
                } else {
                    let exact: Vec<Amount> = projects
                        .iter()
                        .map(|&project| plan.rows[project].values[column])
                        .collect();
                    let rounded = largest_remainder(&exact, Precision::TKR)?;
                    for (&project, amount) in projects.iter().zip(&rounded) {
                        rows[project][column] = *amount;
                    }
                    Amount::try_sum(rounded)?
                };
                rows[index][column] = category;
                total = total.checked_add(category)?;
                index += projects.len() + 1;
            }
            InvestmentRow::Total => {
                rows[index][column] = total;
                index += 1;
            }
            InvestmentRow::Project(_) => {
                rows[index][column] = plan.rows[index].values[column].round_to(Precision::TKR)?;
                index += 1;
            }
        }
    }
    Ok(())
}

/// "Den totala investeringsplanen åren 2025–2029 uppgår till sammanlagt 613,7 mnkr, i
/// genomsnitt 122,7 mnkr per år." for a plan's years, its sum and its average.
pub fn plan_sentence(years: &[Year], sum: Amount, average: Amount) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return String::new();
    };
    format!(
        "Den totala investeringsplanen åren {first}–{last} uppgår till sammanlagt {}, i genomsnitt {} per år.",
        format::with_unit(sum, Precision::MNKR_ONE_DECIMAL),
        format::with_unit(average, Precision::MNKR_ONE_DECIMAL)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::investment::InvestmentTableRow;
    use crate::operating::Column;
    use styr_domain::investment::InvestmentCategory;

    fn row(row: InvestmentRow, label: &str, kronor: &[i64]) -> InvestmentTableRow {
        InvestmentTableRow {
            emphasised: !matches!(row, InvestmentRow::Project(_)),
            row,
            label: label.into(),
            values: kronor.iter().map(|&kr| Amount::from_kr(kr)).collect(),
        }
    }

    /// Two plan years; one category with three projects of a third of a million each.
    fn plan() -> InvestmentReport {
        let years: Vec<Year> = [2025, 2026]
            .map(|year| Year::new(year).expect("a year"))
            .to_vec();
        let project = |name: &str| InvestmentRow::Project(name.into());
        InvestmentReport {
            heading: "Investeringsbudget".into(),
            columns: years
                .iter()
                .map(|year| Column {
                    year: *year,
                    label: format!("Plan {year}"),
                })
                .collect(),
            rows: vec![
                row(
                    InvestmentRow::Category(InvestmentCategory::Expansion),
                    "Expansionsinvesteringar",
                    &[1_000_000, 1_000_400],
                ),
                row(project("Skola"), "Skola", &[333_333, 333_400]),
                row(project("Kaj"), "Kaj", &[333_333, 333_500]),
                row(project("Väg"), "Väg", &[333_334, 333_500]),
                row(
                    InvestmentRow::Category(InvestmentCategory::Image),
                    "Imageinvesteringar",
                    &[0, 600],
                ),
                row(
                    InvestmentRow::Total,
                    "Totala utgifter",
                    &[1_000_000, 1_001_000],
                ),
            ],
            plan_sum: Amount::from_kr(2_001_000),
            plan_average: Amount::from_kr(1_000_500),
            plan_years: years,
        }
    }

    fn tkr(rows: &[Vec<Amount>], column: usize) -> Vec<i64> {
        rows.iter().map(|row| row[column].round_to_tkr()).collect()
    }

    #[test]
    fn projects_add_up_to_their_category_and_categories_to_the_total() {
        let shown = ShownInvestment::of(&plan()).expect("the figures fit");
        assert_eq!(tkr(&shown.rows, 0), [1_000, 333, 333, 334, 0, 1_000]);
        // 333,4 + 333,5 + 333,5 = 1 000,4 → 1 000: each on its own would give 333 + 334 + 334.
        assert_eq!(tkr(&shown.rows, 1), [1_000, 333, 334, 333, 1, 1_001]);
    }

    #[test]
    fn the_plan_sentence_adds_up_the_shown_totals() {
        let shown = ShownInvestment::of(&plan()).expect("the figures fit");
        assert_eq!(shown.plan_sum, Some(Amount::from_tkr(2_001)));
        assert_eq!(shown.plan_average, Some(Amount::from_kr(1_000_500)));
        assert_eq!(
            shown.sentence,
            "Den totala investeringsplanen åren 2025–2026 uppgår till sammanlagt 2,0 mnkr, i genomsnitt 1,0 mnkr per år. År 2025 uppgår investeringsnivån till 1,0 mnkr och år 2026 till 1,0 mnkr."
        );
    }

    #[test]
    fn a_total_too_large_for_an_amount_is_refused() {
        let mut plan = plan();
        let huge = Amount::from_ore(i64::MAX / 100_000 * 100_000);
        plan.rows[4].values[0] = huge;
        plan.rows[0].values[0] = huge;
        for project in 1..4 {
            plan.rows[project].values[0] = Amount::from_ore(i64::MAX / 300_000 * 100_000);
        }
        assert_eq!(ShownInvestment::of(&plan), Err(AmountOverflow));
    }
}
