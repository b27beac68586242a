//! Budget versus actual: per unit (or cost centre), budget line and month, with the year to
//! date, the deviation and the full-year forecast.
//!
//! The budget is the budget's own lines spread over the months, or — for a SIE file read
//! without a budget — the accounting system's period budget (#PBUDGET). Everything is signed
//! as the budget is (revenue positive, costs negative), so a positive deviation is always in
//! the board's favour. Actual amounts on accounts or cost centres no rule maps are listed, and
//! the cost centres' amounts are kept in an "Ej fördelat" group so the totals still agree with
//! the books.
//!
//! The report is built in three steps, one module each: `groups` decides which table a
//! booking belongs to, `books` adds the budget and the books into those groups month by
//! month (`figures`), and `rows` turns a group's months into its rows. Every sum is
//! checked: a follow-up whose figures leave the range of an amount is refused with the figure
//! named ("Uppföljning 2025, Kommunstyrelsen, Personalkostnader, mars: beloppet blir för stort
//! för att räknas exakt"), never shown wrapped.

mod books;
mod figures;
mod groups;
mod rows;

use std::collections::BTreeMap;

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::followup::{AccountMapping, CostCentreMapping, Forecast, Outcome, Profile};
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

use figures::{Figures, place};
use groups::{UNASSIGNED, initial_groups};
pub use groups::{table_unit_of, with_matching_units};
use rows::Named;
pub use rows::entered_parts;

/// The rows of a follow-up table, in the order of the operating budget.
pub const ROWS: [OperatingRow; 8] = [
    OperatingRow::Line(LineKind::Revenue),
    OperatingRow::Line(LineKind::Personnel),
    OperatingRow::Line(LineKind::PremisesRent),
    OperatingRow::Line(LineKind::PurchasedServices),
    OperatingRow::Line(LineKind::OtherCosts),
    OperatingRow::Costs,
    OperatingRow::NetCost,
    OperatingRow::FinancialNet,
];

/// The rows that are entered (mapped from accounts, given forecasts); the others are sums.
pub const ENTERED: [OperatingRow; 6] = [
    OperatingRow::Line(LineKind::Revenue),
    OperatingRow::Line(LineKind::Personnel),
    OperatingRow::Line(LineKind::PremisesRent),
    OperatingRow::Line(LineKind::PurchasedServices),
    OperatingRow::Line(LineKind::OtherCosts),
    OperatingRow::FinancialNet,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetSource {
    /// The budget's lines, spread over the months.
    Budget,
    /// The accounting system's #PBUDGET.
    PeriodBudget,
    /// Neither: the follow-up shows the outcome alone.
    None,
}

pub struct FollowupInput<'a> {
    pub budget: Option<&'a Budget>,
    pub outcome: &'a Outcome,
    pub accounts: &'a AccountMapping,
    pub cost_centres: &'a CostCentreMapping,
    /// How each line's year is spread over the months; even when absent.
    pub profiles: &'a BTreeMap<LineKind, Profile>,
    pub forecasts: &'a [Forecast],
    pub year: Year,
    /// The last month of the year to date; by default the last month with any booking.
    pub through: Option<u8>,
    /// The report's title when there is no budget (the company's name in the file).
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowupReport {
    pub title: String,
    pub year: Year,
    /// Months in the year to date: 8 for a delårsrapport through August; 0 before any booking.
    pub through: u8,
    pub budget_source: BudgetSource,
    pub groups: Vec<GroupFollowup>,
    pub total: GroupFollowup,
    pub unmapped_accounts: Vec<UnmappedAmount>,
    pub unmapped_cost_centres: Vec<UnmappedAmount>,
    /// Booked on accounts a rule leaves out on purpose (taxes, equalisation …).
    pub excluded: Amount,
}

/// One unit's (or cost centre's) table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupFollowup {
    /// The unit id, the cost-centre code, or "" for the total and the unassigned.
    pub code: String,
    pub unit: Option<UnitId>,
    pub name: String,
    pub rows: Vec<RowFollowup>,
}

impl GroupFollowup {
    pub fn row(&self, row: OperatingRow) -> Option<&RowFollowup> {
        self.rows.iter().find(|candidate| candidate.row == row)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowFollowup {
    pub row: OperatingRow,
    pub label: &'static str,
    pub budget: [Amount; 12],
    pub actual: [Amount; 12],
    pub year_budget: Amount,
    pub ytd_budget: Amount,
    pub ytd_actual: Amount,
    /// Actual minus budget: positive is in the board's favour.
    pub ytd_deviation: Amount,
    /// The full-year forecast: what the responsible person entered, or the budget.
    pub forecast: Amount,
    pub forecast_entered: bool,
    pub forecast_comment: String,
    pub forecast_deviation: Amount,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnmappedAmount {
    pub code: String,
    pub name: String,
    /// Signed as the budget.
    pub amount: Amount,
}

/// Budget versus actual for `input.year`; or the figure too large to compute, named.
pub fn follow_up(input: &FollowupInput<'_>) -> Result<FollowupReport, OverflowAt> {
    let mut groups = initial_groups(input);
    let source = if let Some(budget) = input.budget {
        books::add_budget_lines(input, budget, &mut groups)?;
        BudgetSource::Budget
    } else if input
        .outcome
        .budget
        .keys()
        .any(|key| key.month.year() == input.year)
    {
        BudgetSource::PeriodBudget
    } else {
        BudgetSource::None
    };
    let aside = books::add_books(input, source, &mut groups)?;
    let through = input.through.unwrap_or_else(|| {
        input
            .outcome
            .actual
            .keys()
            .filter(|key| key.month.year() == input.year)
            .map(|key| key.month.number())
            .max()
            .unwrap_or(0)
    });
    let forecasts: Vec<&Forecast> = input
        .forecasts
        .iter()
        .filter(|forecast| forecast.year == input.year)
        .collect();
    let title = input.budget.map_or_else(
        || input.title.clone(),
        |budget| budget.unit_name(&budget.board).to_string(),
    );
    let total_name = format!("{title}, totalt");
    let total = Figures::total(
        groups.iter().map(|group| &group.figures),
        input.year,
        &total_name,
    )?;
    let built = groups
        .iter()
        .filter(|group| group.code != UNASSIGNED || !group.figures.actual.is_empty())
        .map(|group| {
            let own: Vec<&Forecast> = forecasts
                .iter()
                .copied()
                .filter(|forecast| group.unit.as_ref() == Some(&forecast.unit))
                .collect();
            let named = Named {
                figures: &group.figures,
                year: input.year,
                name: &group.name,
            };
            Ok(GroupFollowup {
                code: group.code.clone(),
                unit: group.unit.clone(),
                name: group.name.clone(),
                rows: named.rows(through, &own)?,
            })
        })
        .collect::<Result<Vec<_>, OverflowAt>>()?;
    let named = Named {
        figures: &total,
        year: input.year,
        name: &total_name,
    };
    let mut total_rows = named.rows(through, &[])?;
    // The total's forecast is the sum of the groups' forecasts.
    for row in &mut total_rows {
        let too_large = || AmountOverflow.at(place(input.year, &total_name, row.row, None));
        let forecast = Amount::try_sum(
            built
                .iter()
                .filter_map(|group| group.row(row.row))
                .map(|group_row| group_row.forecast),
        )
        .map_err(|_| too_large())?;
        row.forecast_entered = built
            .iter()
            .filter_map(|group| group.row(row.row))
            .any(|group_row| group_row.forecast_entered);
        row.forecast = forecast;
        row.forecast_deviation = forecast
            .checked_sub(row.year_budget)
            .map_err(|_| too_large())?;
    }
    Ok(FollowupReport {
        title: title.clone(),
        year: input.year,
        through,
        budget_source: source,
        groups: built,
        total: GroupFollowup {
            code: String::new(),
            unit: None,
            name: total_name,
            rows: total_rows,
        },
        unmapped_accounts: aside
            .unmapped_accounts
            .into_iter()
            .map(|(account, amount)| UnmappedAmount {
                code: account.to_string(),
                name: input
                    .outcome
                    .account_names
                    .get(&account)
                    .cloned()
                    .unwrap_or_default(),
                amount,
            })
            .collect(),
        unmapped_cost_centres: aside
            .unmapped_cost_centres
            .into_iter()
            .map(|(code, amount)| UnmappedAmount {
                name: input
                    .outcome
                    .cost_centre_names
                    .get(&code)
                    .cloned()
                    .unwrap_or_default(),
                code: if code.is_empty() {
                    "(inget)".into()
                } else {
                    code
                },
                amount,
            })
            .collect(),
        excluded: aside.excluded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::followup::{Month, OutcomeKey};

    fn booked(cost_centre: &str, amount: Amount) -> (OutcomeKey, Amount) {
        let month = Month::new(Year::new(2025).expect("a year"), 3).expect("March");
        let key = OutcomeKey {
            account: 5011,
            cost_centre: Some(cost_centre.into()),
            month,
        };
        (key, amount)
    }

    fn report(actual: Vec<(OutcomeKey, Amount)>) -> Result<FollowupReport, OverflowAt> {
        let outcome = Outcome {
            actual: actual.into_iter().collect(),
            cost_centre_names: [("10".to_string(), "Kansliet".to_string())].into(),
            ..Outcome::default()
        };
        follow_up(&FollowupInput {
            budget: None,
            outcome: &outcome,
            accounts: &AccountMapping::for_chart(None),
            cost_centres: &CostCentreMapping::default(),
            profiles: &BTreeMap::new(),
            forecasts: &[],
            year: Year::new(2025).expect("a year"),
            through: None,
            title: "Provbolaget".into(),
        })
    }

    #[test]
    fn books_too_large_to_add_up_are_refused_with_the_figure_named() {
        let half = Amount::from_ore(i64::MAX / 2 + 1);
        let each = report(vec![booked("10", half)]).expect("one booking computes");
        let personnel = each.groups[0]
            .row(OperatingRow::Line(LineKind::Personnel))
            .expect("personnel");
        assert_eq!(personnel.actual[2], half.checked_neg().expect("in range"));
        let error = report(vec![booked("10", half), booked("11", half)])
            .expect_err("the total is too large");
        assert_eq!(
            error.to_string(),
            "Uppföljning 2025, Provbolaget, totalt, Personalkostnader, mars: beloppet blir för stort för att räknas exakt"
        );
    }
}
