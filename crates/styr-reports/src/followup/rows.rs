//! A group's rows: each month's budget and actual, the year to date, the deviation and the
//! full-year forecast. Verksamhetens kostnader, nettokostnader and Årets resultat are sums of
//! the entered rows (and the kommunbidrag), month by month; their forecast is the sum of their
//! parts' forecasts. A month that is not booked has no outcome (`None`), not a zero.
//!
//! ```text
//! Personalkostnader, through August: ytd budget -77 470, ytd actual -75 002
//!   → deviation +2 468 (actual minus budget: positive is in the board's favour)
//! ```

use std::collections::BTreeMap;

use styr_domain::calendar::Year;
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::operating::{LineKind, OperatingRow};

use super::figures::{Figures, Months, place};
use super::significance::is_significant;
use super::{ENTERED, RowFollowup};

/// The entered rows a row of the table adds up: the cost lines for Verksamhetens kostnader,
/// every line for the net cost, every line with the kommunbidrag and the finansnetto for the
/// result, and an entered row itself.
pub fn entered_parts(row: OperatingRow) -> Vec<OperatingRow> {
    let lines: &[LineKind] = match row {
        OperatingRow::Costs => &LineKind::COSTS,
        OperatingRow::NetCost => &LineKind::ALL,
        OperatingRow::Result => {
            let mut parts: Vec<OperatingRow> = LineKind::ALL
                .iter()
                .map(|kind| OperatingRow::Line(*kind))
                .collect();
            parts.extend([OperatingRow::Kommunbidrag, OperatingRow::FinancialNet]);
            return parts;
        }
        other => return vec![other],
    };
    lines.iter().map(|kind| OperatingRow::Line(*kind)).collect()
}

/// A row's full-year forecast as the rows below it need it: the amount, whether anyone
/// entered it (here or below), and the comment entered here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RowForecast {
    pub amount: Amount,
    pub entered: bool,
    pub comment: String,
}

/// What a group's rows are built from besides its figures.
pub(super) struct RowsOf<'a> {
    pub rows: &'a [OperatingRow],
    /// The months from January the figures to date cover.
    pub through: u8,
    pub booked: &'a [bool; 12],
    /// The forecast of an entered row (or the kommunbidrag), given its year's budget.
    pub forecast: &'a dyn Fn(OperatingRow, Amount) -> RowForecast,
    pub explanation: &'a dyn Fn(OperatingRow) -> Option<String>,
}

/// One group's figures, named for the messages of a sum too large to hold.
pub(super) struct Named<'a> {
    pub figures: &'a Figures,
    pub year: Year,
    pub name: &'a str,
}

impl Named<'_> {
    fn too_large(&self, row: OperatingRow, month: Option<u8>) -> OverflowAt {
        AmountOverflow.at(place(self.year, self.name, row, month))
    }

    /// A row's twelve months: an entered row's own, or the sum of the rows it adds up.
    fn months(
        &self,
        map: &BTreeMap<OperatingRow, Months>,
        row: OperatingRow,
    ) -> Result<Months, OverflowAt> {
        let mut months = [Amount::ZERO; 12];
        for part in entered_parts(row) {
            if let Some(values) = map.get(&part) {
                for (index, (sum, value)) in months.iter_mut().zip(values).enumerate() {
                    *sum = sum
                        .checked_add(*value)
                        .map_err(|_| self.too_large(row, Some(index as u8 + 1)))?;
                }
            }
        }
        Ok(months)
    }

    fn sum(&self, amounts: &[Amount], row: OperatingRow) -> Result<Amount, OverflowAt> {
        Amount::try_sum(amounts.iter().copied()).map_err(|_| self.too_large(row, None))
    }

    /// Every row of `of.rows`, the year to date being months 1 to `of.through`.
    pub fn rows(&self, of: &RowsOf<'_>) -> Result<Vec<RowFollowup>, OverflowAt> {
        let mut forecasts: BTreeMap<OperatingRow, RowForecast> = BTreeMap::new();
        for row in ENTERED.iter().chain([&OperatingRow::Kommunbidrag]) {
            let year_budget = self.sum(&self.months(&self.figures.budget, *row)?, *row)?;
            forecasts.insert(*row, (of.forecast)(*row, year_budget));
        }
        let ytd = usize::from(of.through).min(12);
        of.rows
            .iter()
            .map(|row| {
                let row = *row;
                let budget = self.months(&self.figures.budget, row)?;
                let booked_actual = self.months(&self.figures.actual, row)?;
                let actual: [Option<Amount>; 12] =
                    std::array::from_fn(|index| of.booked[index].then_some(booked_actual[index]));
                let year_budget = self.sum(&budget, row)?;
                let ytd_budget = self.sum(&budget[..ytd], row)?;
                let ytd_actual = self.sum(&booked_actual[..ytd], row)?;
                let parts: Vec<&RowForecast> = entered_parts(row)
                    .iter()
                    .filter_map(|part| forecasts.get(part))
                    .collect();
                let forecast = match forecasts.get(&row) {
                    Some(own) => own.clone(),
                    None => RowForecast {
                        amount: self.sum(
                            &parts.iter().map(|part| part.amount).collect::<Vec<_>>(),
                            row,
                        )?,
                        entered: parts.iter().any(|part| part.entered),
                        comment: String::new(),
                    },
                };
                let ytd_deviation = ytd_actual
                    .checked_sub(ytd_budget)
                    .map_err(|_| self.too_large(row, None))?;
                let forecast_deviation = forecast
                    .amount
                    .checked_sub(year_budget)
                    .map_err(|_| self.too_large(row, None))?;
                // A closed year is judged on its outcome; an open one on its forecast.
                let deviation = if of.through == 12 {
                    ytd_deviation
                } else {
                    forecast_deviation
                };
                Ok(RowFollowup {
                    row,
                    label: row.label(),
                    budget,
                    actual,
                    year_budget,
                    ytd_budget,
                    ytd_actual,
                    ytd_deviation,
                    forecast: forecast.amount,
                    forecast_entered: forecast.entered,
                    forecast_comment: forecast.comment,
                    forecast_deviation,
                    explanation: (of.explanation)(row),
                    significant: is_significant(deviation, year_budget),
                })
            })
            .collect()
    }
}
