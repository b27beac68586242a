//! The course of a deviation over the year: month by month, the deviation to date (the
//! outcome against the budget of the months so far) and the full-year deviation forecast as it
//! stood then — from the forecasts entered on that month's outcome or earlier, rolled up as
//! the follow-up rolls them up. What a chart of "how the year went" draws.
//!
//! ```text
//! mars     to date +310   forecast (t.o.m. mars)      -200
//! augusti  to date +820   forecast (t.o.m. augusti)  -1 200
//! ```

use serde::Serialize;
use styr_domain::budget::FigureError;
use styr_domain::followup::{Forecast, ForecastEntry, forecast::latest};
use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;

use super::books::Books;
use super::figures::place;
use super::forecasts::Rollup;
use super::{ENTERED, FollowupInput, FollowupReport, entered_parts};

/// One month of the course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CoursePoint {
    /// 1 for January.
    pub month: u8,
    /// The outcome minus the budget from January through this month.
    pub to_date: Amount,
    /// The forecast minus the year's budget as it stood on this month's outcome; `None`
    /// while no forecast was entered for the unit or below it.
    pub forecast: Option<Amount>,
}

/// The course of `row` of `unit` (a table's unit or any ansvar) over the booked months of
/// `report`, which `input` made; `entries` is the whole forecast history, oldest first.
pub fn deviation_course(
    input: &FollowupInput<'_>,
    report: &FollowupReport,
    entries: &[ForecastEntry],
    unit: &UnitId,
    row: OperatingRow,
) -> Result<Vec<CoursePoint>, FigureError> {
    let Some(followed) = report
        .unit(unit)
        .map(|found| &found.group)
        .or_else(|| report.group(&unit.0))
        .and_then(|group| group.row(row))
    else {
        return Ok(Vec::new());
    };
    let (Some(budget), mut books) = (input.budget, Books::new(input)?) else {
        return Ok(Vec::new());
    };
    books.add_books(input)?;
    let too_large = || AmountOverflow.at(place(input.year, budget.unit_name(unit), row, None));
    let subtree: Vec<&UnitId> = budget
        .organisation
        .units()
        .iter()
        .map(|candidate| &candidate.id)
        .filter(|candidate| budget.counts_towards(candidate, unit))
        .collect();
    let mut to_date = Amount::ZERO;
    let mut points = Vec::new();
    for month in 1..=report.through {
        let index = usize::from(month - 1);
        let actual = followed.actual[index].unwrap_or_default();
        to_date = to_date
            .checked_add(
                actual
                    .checked_sub(followed.budget[index])
                    .map_err(|_| too_large())?,
            )
            .map_err(|_| too_large())?;
        let known: Vec<&ForecastEntry> = entries
            .iter()
            .filter(|entry| {
                entry.forecast.year == input.year
                    && entry
                        .entered
                        .based_on
                        .is_none_or(|based| based.year() < input.year || based.number() <= month)
            })
            .collect();
        let in_force: Vec<Forecast> = latest(&known, |entry| {
            (entry.forecast.unit.clone(), entry.forecast.row)
        })
        .into_iter()
        .map(|entry| entry.forecast.clone())
        .collect();
        let forecast = if in_force
            .iter()
            .any(|forecast| subtree.contains(&&forecast.unit))
        {
            let rollup = Rollup::new(budget, books.own(), &in_force, input.year)?;
            let mut amount = Amount::ZERO;
            for part in entered_parts(row) {
                let value = if ENTERED.contains(&part) {
                    rollup.of(unit, part, Amount::ZERO).amount
                } else {
                    books.year_budget(unit, part).map_err(|_| too_large())?
                };
                amount = amount.checked_add(value).map_err(|_| too_large())?;
            }
            Some(
                amount
                    .checked_sub(followed.year_budget)
                    .map_err(|_| too_large())?,
            )
        } else {
            None
        };
        points.push(CoursePoint {
            month,
            to_date,
            forecast,
        });
    }
    Ok(points)
}
