//! What one group adds up to: twelve months of budget and of actual for each entered row,
//! each sum checked. A sum too large to hold is named by where a person would look for it:
//! "Uppföljning 2025, Kommunstyrelsen, Personalkostnader, mars".

use std::collections::BTreeMap;

use styr_domain::calendar::Year;
use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::operating::OperatingRow;

/// January to December.
pub(super) type Months = [Amount; 12];

/// Twelve months of budget and actual for each entered row.
#[derive(Clone, Default)]
pub(super) struct Figures {
    pub budget: BTreeMap<OperatingRow, Months>,
    pub actual: BTreeMap<OperatingRow, Months>,
}

impl Figures {
    /// Adds `amount` to `row` in `month` (1–12) of `map`.
    pub fn add(
        map: &mut BTreeMap<OperatingRow, Months>,
        row: OperatingRow,
        month: u8,
        amount: Amount,
    ) -> Result<(), AmountOverflow> {
        let slot = &mut map.entry(row).or_insert([Amount::ZERO; 12])[usize::from(month - 1)];
        *slot = slot.checked_add(amount)?;
        Ok(())
    }

    /// Every group's figures added up, month by month: the total's figures.
    pub fn total<'a>(
        all: impl Iterator<Item = &'a Figures>,
        year: Year,
        name: &str,
    ) -> Result<Figures, OverflowAt> {
        let mut total = Figures::default();
        for figures in all {
            for (map, total_map) in [
                (&figures.budget, &mut total.budget),
                (&figures.actual, &mut total.actual),
            ] {
                for (row, months) in map {
                    for (index, amount) in months.iter().enumerate() {
                        let month = index as u8 + 1;
                        Figures::add(total_map, *row, month, *amount).map_err(|overflow| {
                            overflow.at(place(year, name, *row, Some(month)))
                        })?;
                    }
                }
            }
        }
        Ok(total)
    }
}

/// Where a follow-up figure is: the year, the group, the row and, for one month's, the month.
pub(super) fn place(year: Year, group: &str, row: OperatingRow, month: Option<u8>) -> String {
    let month = month
        .and_then(|month| MONTH_NAMES.get(usize::from(month).wrapping_sub(1)))
        .map(|name| format!(", {name}"))
        .unwrap_or_default();
    format!("Uppföljning {year}, {group}, {}{month}", row.label())
}

impl Figures {
    /// The year's budget of an entered row.
    pub fn year_budget(&self, row: OperatingRow) -> Result<Amount, AmountOverflow> {
        self.budget.get(&row).map_or(Ok(Amount::ZERO), |months| {
            Amount::try_sum(months.iter().copied())
        })
    }

    /// Adds every figure of `other` to these.
    pub fn add_all(&mut self, other: &Figures) -> Result<(), AmountOverflow> {
        for (map, total) in [
            (&other.budget, &mut self.budget),
            (&other.actual, &mut self.actual),
        ] {
            for (row, months) in map {
                for (index, amount) in months.iter().enumerate() {
                    Figures::add(total, *row, index as u8 + 1, *amount)?;
                }
            }
        }
        Ok(())
    }
}
