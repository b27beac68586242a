//! A group's rows: each month's budget and actual, the year to date, the deviation and the
//! full-year forecast. Verksamhetens kostnader and nettokostnader are sums of the entered
//! rows, month by month; their forecast is the sum of the entered rows' forecasts.
//!
//! ```text
//! Personalkostnader, through August: ytd budget -77 470, ytd actual -75 002
//!   → deviation +2 468 (actual minus budget: positive is in the board's favour)
//! ```

use std::collections::BTreeMap;

use styr_domain::calendar::Year;
use styr_domain::followup::Forecast;
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::operating::{LineKind, OperatingRow};

use super::figures::{Figures, Months, place};
use super::{ENTERED, ROWS, RowFollowup};

/// The entered rows a row of the table adds up: the cost lines for Verksamhetens kostnader,
/// every line for the net cost, and an entered row itself.
pub fn entered_parts(row: OperatingRow) -> Vec<OperatingRow> {
    let lines: &[LineKind] = match row {
        OperatingRow::Costs => &LineKind::COSTS,
        OperatingRow::NetCost => &LineKind::ALL,
        other => return vec![other],
    };
    lines.iter().map(|kind| OperatingRow::Line(*kind)).collect()
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

    /// Every row of the table, the year to date being months 1 to `through`.
    pub fn rows(
        &self,
        through: u8,
        forecasts: &[&Forecast],
    ) -> Result<Vec<RowFollowup>, OverflowAt> {
        let mut entered_forecast: BTreeMap<OperatingRow, (Amount, bool, String)> = BTreeMap::new();
        for row in ENTERED {
            let year_budget = self.sum(&self.months(&self.figures.budget, row)?, row)?;
            let forecast = forecasts.iter().find(|forecast| forecast.row == row);
            entered_forecast.insert(
                row,
                match forecast {
                    Some(forecast) => (forecast.amount, true, forecast.comment.clone()),
                    None => (year_budget, false, String::new()),
                },
            );
        }
        let ytd = usize::from(through).min(12);
        ROWS.iter()
            .map(|row| {
                let row = *row;
                let budget = self.months(&self.figures.budget, row)?;
                let actual = self.months(&self.figures.actual, row)?;
                let year_budget = self.sum(&budget, row)?;
                let ytd_budget = self.sum(&budget[..ytd], row)?;
                let ytd_actual = self.sum(&actual[..ytd], row)?;
                let (forecast, entered, comment) = match row {
                    OperatingRow::Costs | OperatingRow::NetCost => {
                        let parts: Vec<&(Amount, bool, String)> = entered_parts(row)
                            .iter()
                            .filter_map(|part| entered_forecast.get(part))
                            .collect();
                        let amounts: Vec<Amount> = parts.iter().map(|part| part.0).collect();
                        (
                            self.sum(&amounts, row)?,
                            parts.iter().any(|part| part.1),
                            String::new(),
                        )
                    }
                    other => entered_forecast.get(&other).cloned().unwrap_or((
                        year_budget,
                        false,
                        String::new(),
                    )),
                };
                Ok(RowFollowup {
                    row,
                    label: row.label(),
                    budget,
                    actual,
                    year_budget,
                    ytd_budget,
                    ytd_actual,
                    ytd_deviation: ytd_actual
                        .checked_sub(ytd_budget)
                        .map_err(|_| self.too_large(row, None))?,
                    forecast,
                    forecast_entered: entered,
                    forecast_comment: comment,
                    forecast_deviation: forecast
                        .checked_sub(year_budget)
                        .map_err(|_| self.too_large(row, None))?,
                })
            })
            .collect()
    }
}
