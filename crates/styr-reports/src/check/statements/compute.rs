//! What a statement's claim computes to from the budget: a figure's value in a year (from the
//! rows, or the table's own stated figures), and from those a change, a sum or an average —
//! each checked, so a claim whose sum leaves the range is "kan inte beräknas" with the reason.

use styr_domain::budget::{Budget, FigureError};
use styr_domain::calendar::Year;
use styr_domain::frame::FrameError;
use styr_domain::money::{Amount, AmountOverflow, Stated};
use styr_domain::statement::{Claim, Direction, Figure, StatedChange, Statement};

/// Which figures a claim rests on: computed from the rows, or the table's own stated figures.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    Rows,
    StatedTable,
}

/// Why a claim's figure has no value: the table lacks the year, or the figure cannot be
/// computed (its message names it).
pub(super) enum Missing {
    Year(Year),
    Uncomputable(String),
}

/// The figure's value in `year`.
pub(super) fn value(
    budget: &Budget,
    figure: &Figure,
    year: Year,
    source: Source,
) -> Result<Amount, Missing> {
    match figure {
        Figure::Operating { unit, row } => {
            let stated = budget
                .operating_tables
                .iter()
                .find(|table| &table.unit == unit)
                .and_then(|table| table.stated.get(&(*row, year)));
            if let (Source::StatedTable, Some(stated)) = (source, stated) {
                return Ok(stated.value);
            }
            if !budget.years.columns().contains(&year) {
                return Err(Missing::Year(year));
            }
            match budget.operating_figures(unit, year) {
                Ok(figures) => Ok(figures.row(*row)),
                Err(FigureError::Overflow(overflow)) => {
                    Err(Missing::Uncomputable(overflow.to_string()))
                }
                Err(FigureError::Frame(_)) => Err(Missing::Year(year)),
            }
        }
        Figure::Frame { unit } => match budget
            .frame(unit)
            .map(|frame| frame.kommunbidrag(year, &budget.index))
        {
            Some(Ok(amount)) => Ok(amount),
            Some(Err(FrameError::Overflow(overflow))) => {
                Err(Missing::Uncomputable(overflow.to_string()))
            }
            _ => Err(Missing::Year(year)),
        },
        Figure::Investment { row } => {
            let plan = &budget.investment;
            if !plan.years.contains(&year) {
                return Err(Missing::Year(year));
            }
            match (source, plan.stated.get(&(row.clone(), year))) {
                (Source::StatedTable, Some(stated)) => Ok(stated.value),
                _ => match plan.row(row, year) {
                    Ok(Some(amount)) => Ok(amount),
                    Ok(None) => Err(Missing::Year(year)),
                    Err(overflow) => Err(Missing::Uncomputable(overflow.to_string())),
                },
            }
        }
    }
}

/// What a claim computes to, with how many table figures went into it.
pub(super) enum Computed {
    Amount {
        amount: Amount,
        terms: usize,
    },
    Change {
        direction: Direction,
        magnitude: Amount,
    },
    Missing(Missing),
}

pub(super) fn compute(budget: &Budget, statement: &Statement, source: Source) -> Computed {
    let figure = &statement.figure;
    let series = |years: &[Year]| -> Result<Vec<Amount>, Missing> {
        years
            .iter()
            .map(|year| value(budget, figure, *year, source))
            .collect()
    };
    let too_large = || {
        Computed::Missing(Missing::Uncomputable(format!(
            "”{}”: {AmountOverflow}",
            statement.text
        )))
    };
    let sum = |years: &[Year], terms: usize, mean: bool| match series(years) {
        Ok(values) => {
            let sum = Amount::try_sum(values);
            let amount = if mean {
                sum.map(|sum| sum.average_over(years.len()))
            } else {
                sum
            };
            match amount {
                Ok(amount) => Computed::Amount { amount, terms },
                Err(AmountOverflow) => too_large(),
            }
        }
        Err(missing) => Computed::Missing(missing),
    };
    match &statement.claim {
        Claim::Change { from, to, .. } => match series(&[*from, *to]) {
            Ok(values) => match Direction::of_change(values[0], values[1]) {
                Ok((direction, magnitude)) => Computed::Change {
                    direction,
                    magnitude,
                },
                Err(AmountOverflow) => too_large(),
            },
            Err(missing) => Computed::Missing(missing),
        },
        Claim::Value { year, .. } => sum(&[*year], 1, false),
        Claim::Sum { years, .. } => sum(years, years.len(), false),
        Claim::Average { years, .. } => sum(years, 1, true),
    }
}

pub(super) fn stated_of(claim: &Claim) -> Stated {
    match claim {
        Claim::Change { stated, .. } => stated.magnitude,
        Claim::Value { stated, .. } | Claim::Sum { stated, .. } | Claim::Average { stated, .. } => {
            *stated
        }
    }
}

pub(super) fn agrees(claim: &Claim, computed: &Computed) -> bool {
    match (claim, computed) {
        (
            Claim::Change { stated, .. },
            Computed::Change {
                direction,
                magnitude,
            },
        ) => change_agrees(stated, *direction, *magnitude),
        (_, Computed::Amount { amount, .. }) => stated_of(claim).agrees_with(*amount),
        _ => false,
    }
}

pub(super) fn change_agrees(
    stated: &StatedChange,
    direction: Direction,
    magnitude: Amount,
) -> bool {
    let size_agrees = stated.magnitude.agrees_with(magnitude);
    size_agrees
        && (stated.direction == direction
            || magnitude.shown_alike(Amount::ZERO, stated.magnitude.precision))
}
