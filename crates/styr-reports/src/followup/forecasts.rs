//! Forecasts up the organisation tree. A forecast can be entered for a line of any ansvar;
//! a unit's forecast is the one entered for it, or else its own lines' budget and the
//! forecasts of the units below it (those not separately reported, which have a table of
//! their own). With nothing entered anywhere the forecast is the budget at every level; a
//! forecast entered for an avdelning moves the förvaltning's and the board's with it.
//!
//! ```text
//! Kommunstyrelsen        -118 634 + (-31 900 - (-31 200)) = -119 334   (rolled up)
//!   Ekonomiavdelningen   -31 900                                        (entered)
//! ```

use std::collections::BTreeMap;

use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::followup::Forecast;
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;

use super::ENTERED;
use super::figures::{Figures, place};
use super::rows::RowForecast;

/// Every unit's forecast of every entered row, rolled up.
pub(super) struct Rollup {
    forecasts: BTreeMap<(UnitId, OperatingRow), RowForecast>,
}

impl Rollup {
    /// The forecasts of `year` in force (`entered`), rolled up over `budget`'s tree from each
    /// unit's own figures.
    pub fn new(
        budget: &Budget,
        own: &BTreeMap<UnitId, Figures>,
        entered: &[Forecast],
        year: Year,
    ) -> Result<Rollup, OverflowAt> {
        let mut children: BTreeMap<&UnitId, Vec<&UnitId>> = BTreeMap::new();
        for unit in budget.organisation.units() {
            if let Some(parent) = &unit.parent
                && !unit.separately_reported
            {
                children.entry(parent).or_default().push(&unit.id);
            }
        }
        let mut rollup = Rollup {
            forecasts: BTreeMap::new(),
        };
        // Leaves first: a unit is worked out after every unit below it.
        let mut order: Vec<&UnitId> = budget
            .organisation
            .units()
            .iter()
            .map(|unit| &unit.id)
            .collect();
        order.sort_by_key(|unit| std::cmp::Reverse(budget.organisation.ancestry(unit).count()));
        for unit in order {
            for row in ENTERED {
                let own_forecast = entered.iter().find(|forecast| {
                    forecast.year == year && &forecast.unit == unit && forecast.row == row
                });
                let forecast = match own_forecast {
                    Some(forecast) => RowForecast {
                        amount: forecast.amount,
                        entered: true,
                        comment: forecast.comment.clone(),
                    },
                    None => {
                        let too_large =
                            || AmountOverflow.at(place(year, budget.unit_name(unit), row, None));
                        let mut amount = own
                            .get(unit)
                            .map(|figures| figures.year_budget(row))
                            .transpose()
                            .map_err(|_| too_large())?
                            .unwrap_or(Amount::ZERO);
                        let mut below = false;
                        for child in children.get(unit).into_iter().flatten() {
                            if let Some(part) = rollup.forecasts.get(&((*child).clone(), row)) {
                                amount =
                                    amount.checked_add(part.amount).map_err(|_| too_large())?;
                                below |= part.entered;
                            }
                        }
                        RowForecast {
                            amount,
                            entered: below,
                            comment: String::new(),
                        }
                    }
                };
                rollup.forecasts.insert((unit.clone(), row), forecast);
            }
        }
        Ok(rollup)
    }

    /// `unit`'s forecast of `row`; the kommunbidrag, and a unit outside the tree, at budget.
    pub fn of(&self, unit: &UnitId, row: OperatingRow, year_budget: Amount) -> RowForecast {
        self.forecasts
            .get(&(unit.clone(), row))
            .cloned()
            .unwrap_or(RowForecast {
                amount: year_budget,
                entered: false,
                comment: String::new(),
            })
    }
}
