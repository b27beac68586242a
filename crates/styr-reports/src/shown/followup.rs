//! The follow-up's figures as its tables show them: the year to date, the deviation, and month
//! by month with the running sums ("Ack. budget", "Ack. utfall"), each from the same exact
//! monthly figures so that a printed deviation is the difference of the printed figures'
//! exact values. Rounding to tkr is per figure here: a follow-up compares, it does not add up
//! a table of parts.

use styr_domain::money::{Amount, AmountOverflow};

use crate::followup::RowFollowup;

/// A row's budget and outcome over the first `through` months, and the outcome minus the budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ToDate {
    pub budget: Amount,
    pub actual: Amount,
    /// Actual minus budget: positive is in the board's favour.
    pub deviation: Amount,
}

impl ToDate {
    fn of(budget: Amount, actual: Amount) -> Result<ToDate, AmountOverflow> {
        Ok(ToDate {
            budget,
            actual,
            deviation: actual.checked_sub(budget)?,
        })
    }
}

/// The first `through` months of a row (at most twelve).
pub fn to_date(row: &RowFollowup, through: u8) -> Result<ToDate, AmountOverflow> {
    let months = usize::from(through.min(12));
    ToDate::of(
        Amount::try_sum(row.budget[..months].iter().copied())?,
        Amount::try_sum(row.actual[..months].iter().copied())?,
    )
}

/// The whole year's outcome against the year's budget, for the year-end layout.
pub fn year_end(row: &RowFollowup) -> Result<ToDate, AmountOverflow> {
    ToDate::of(
        row.year_budget,
        Amount::try_sum(row.actual.iter().copied())?,
    )
}

/// One month of a row: the month's own figures and the running sums from January.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    pub month: ToDate,
    pub to_date: ToDate,
}

/// The first `through` months of a row, each with its running sums.
pub fn months(row: &RowFollowup, through: u8) -> Result<Vec<Month>, AmountOverflow> {
    let mut running = ToDate::of(Amount::ZERO, Amount::ZERO)?;
    (0..usize::from(through.min(12)))
        .map(|index| {
            running = ToDate::of(
                running.budget.checked_add(row.budget[index])?,
                running.actual.checked_add(row.actual[index])?,
            )?;
            Ok(Month {
                month: ToDate::of(row.budget[index], row.actual[index])?,
                to_date: running,
            })
        })
        .collect()
}

/// Running sums of monthly figures from January: what a chart of the year so far draws.
pub fn accumulated(values: &[Amount]) -> Result<Vec<Amount>, AmountOverflow> {
    let mut sum = Amount::ZERO;
    values
        .iter()
        .map(|value| {
            sum = sum.checked_add(*value)?;
            Ok(sum)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::operating::{LineKind, OperatingRow};

    fn row(budget: i64, actual: i64) -> RowFollowup {
        RowFollowup {
            row: OperatingRow::Line(LineKind::Personnel),
            label: "Personalkostnader",
            budget: [Amount::from_tkr(budget); 12],
            actual: [Amount::from_tkr(actual); 12],
            year_budget: Amount::from_tkr(budget * 12),
            ytd_budget: Amount::ZERO,
            ytd_actual: Amount::ZERO,
            ytd_deviation: Amount::ZERO,
            forecast: Amount::ZERO,
            forecast_entered: false,
            forecast_comment: String::new(),
            forecast_deviation: Amount::ZERO,
        }
    }

    #[test]
    fn the_year_to_date_and_the_running_sums_agree() {
        let row = row(-10, -12);
        let august = to_date(&row, 8).expect("small");
        assert_eq!(august.budget, Amount::from_tkr(-80));
        assert_eq!(august.deviation, Amount::from_tkr(-16));
        let months = months(&row, 8).expect("small");
        assert_eq!(months.len(), 8);
        assert_eq!(months[7].to_date, august);
        assert_eq!(months[0].month.deviation, Amount::from_tkr(-2));
        assert_eq!(
            year_end(&row).expect("small").deviation,
            Amount::from_tkr(-24)
        );
        assert_eq!(
            accumulated(&row.budget[..3]).expect("small"),
            [-10, -20, -30].map(Amount::from_tkr)
        );
    }

    #[test]
    fn a_sum_too_large_for_an_amount_is_refused() {
        let mut row = row(0, 0);
        row.actual[0] = Amount::from_ore(i64::MAX);
        row.actual[1] = Amount::from_ore(1);
        assert_eq!(to_date(&row, 2), Err(AmountOverflow));
        assert_eq!(accumulated(&row.actual), Err(AmountOverflow));
        assert!(months(&row, 2).is_err());
    }
}
