//! Which way a figure moves between two years, in the words of a budget document, and a
//! change as a document states it.
//!
//! Sizes are compared, not signed amounts: personnel costs going from -114 196 to -116 205 tkr
//! "ökar med 2,0 mnkr", although the signed amount falls. [`StatedChange`] is such a sentence
//! read ("ökar med 8,1 mnkr"), kept to be checked against the computed change.

use serde::Serialize;

use crate::money::{Amount, AmountOverflow, Stated};

/// Which way a figure moves, in the document's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// "ökar": the figure's size grows (a cost grows more negative).
    Increases,
    /// "minskar": the figure's size shrinks.
    Decreases,
    /// "oförändrat".
    Unchanged,
}

impl Direction {
    pub const fn swedish(self) -> &'static str {
        match self {
            Direction::Increases => "ökar",
            Direction::Decreases => "minskar",
            Direction::Unchanged => "oförändrat",
        }
    }

    /// The direction of a change in size from `from` to `to`, and its size. Sizes are compared
    /// because documents say a cost "ökar" when it grows, although its signed amount falls.
    /// Only a change from nothing to the most negative amount is too large to hold.
    pub fn of_change(from: Amount, to: Amount) -> Result<(Direction, Amount), AmountOverflow> {
        let change = i128::from(to.unsigned_abs()) - i128::from(from.unsigned_abs());
        let direction = match change {
            0 => Direction::Unchanged,
            positive if positive > 0 => Direction::Increases,
            _ => Direction::Decreases,
        };
        let size = i64::try_from(change.abs()).map_err(|_| AmountOverflow)?;
        Ok((direction, Amount::from_ore(size)))
    }
}

/// A change as stated: "ökar med 8,1 mnkr".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatedChange {
    pub direction: Direction,
    /// The size of the change, never negative.
    pub magnitude: Stated,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cost_that_grows_more_negative_increases() {
        let (direction, size) =
            Direction::of_change(Amount::from_tkr(-114_196), Amount::from_tkr(-116_205))
                .expect("in range");
        assert_eq!(direction, Direction::Increases);
        assert_eq!(size, Amount::from_tkr(2_009));
    }

    #[test]
    fn a_cost_that_shrinks_decreases() {
        let (direction, size) =
            Direction::of_change(Amount::from_tkr(-12_028), Amount::from_tkr(-9_398))
                .expect("in range");
        assert_eq!(direction, Direction::Decreases);
        assert_eq!(size, Amount::from_tkr(2_630));
    }

    #[test]
    fn an_equal_figure_is_unchanged() {
        assert_eq!(
            Direction::of_change(Amount::from_tkr(233), Amount::from_tkr(233)).map(|(d, _)| d),
            Ok(Direction::Unchanged)
        );
    }

    #[test]
    fn a_change_between_the_ends_of_the_range_is_measured_exactly() {
        let most = Amount::from_ore(i64::MAX);
        assert_eq!(
            Direction::of_change(Amount::from_ore(i64::MIN + 1), most),
            Ok((Direction::Unchanged, Amount::ZERO))
        );
        assert_eq!(
            Direction::of_change(Amount::ZERO, Amount::from_ore(i64::MIN)),
            Err(AmountOverflow)
        );
    }
}
