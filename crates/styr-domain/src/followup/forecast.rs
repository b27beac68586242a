//! Forecasts: the full-year outcome a responsible person expects, for a line of a unit
//! (any ansvar, from the board down) or for an investment project, and the history of every
//! forecast entered — who, when, and which month's outcome it was built on — so that the
//! course of the deviation over the year can be followed.
//!
//! ```text
//! 2025-04-12 anna   Personalkostnader, Ekonomiavdelningen  -31 200 tkr  (utfall t.o.m. mars)
//! 2025-09-08 anna   Personalkostnader, Ekonomiavdelningen  -31 900 tkr  (utfall t.o.m. augusti)
//! ```

use serde::Serialize;

use super::month::Month;
use crate::calendar::Year;
use crate::money::Amount;
use crate::operating::OperatingRow;
use crate::organisation::UnitId;

/// The full-year outcome the responsible person expects for a line of a unit, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Forecast {
    pub unit: UnitId,
    pub row: OperatingRow,
    pub year: Year,
    /// Signed as the budget: revenue positive, costs negative.
    pub amount: Amount,
    pub comment: String,
}

/// Who entered a forecast, when, and on which month's outcome it was built (the last booked
/// month when it was entered; `None` before any month was booked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entered {
    pub by: String,
    /// "2025-09-08T10:15:00Z", as the audit log writes time.
    pub at: String,
    pub based_on: Option<Month>,
}

/// One forecast as it was entered: an entry of the history, never changed afterwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ForecastEntry {
    pub forecast: Forecast,
    pub entered: Entered,
}

/// The full-year outcome expected for an investment project of the plan (its name), as the
/// plan signs it: expenditure positive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectForecast {
    pub project: String,
    pub year: Year,
    pub amount: Amount,
    pub comment: String,
}

/// One project forecast as it was entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectForecastEntry {
    pub forecast: ProjectForecast,
    pub entered: Entered,
}

/// The latest of `entries` for each key, in the order the keys first appear: what is in
/// force now. Entries are in the order they were entered.
pub fn latest<T, K: PartialEq>(entries: &[T], key: impl Fn(&T) -> K) -> Vec<&T> {
    let mut latest: Vec<&T> = Vec::new();
    for entry in entries {
        match latest.iter().position(|kept| key(kept) == key(entry)) {
            Some(index) => latest[index] = entry,
            None => latest.push(entry),
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_entry_of_each_key_is_in_force() {
        let entries = [("ks", 1), ("klk", 2), ("ks", 3)];
        let latest = latest(&entries, |entry| entry.0);
        assert_eq!(latest, [&("ks", 3), &("klk", 2)]);
    }
}
