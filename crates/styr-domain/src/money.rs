//! Money: one exact type for every amount in styr.
//!
//! An [`Amount`] is a whole number of öre (1 kr = 100 öre), so `Amount::from_tkr(100_548)` is
//! 100 548 000 kr exactly. Budget tables are written in tkr and prose in mnkr with one decimal;
//! both are *presentations* of an amount at a [`Precision`], never a second money type.
//!
//! Rounding is always named: [`Amount::round_to`] rounds half away from zero, which is how
//! Swedish budget documents round (118 535 tkr is "118,5 mnkr", 233 466 kr is "233 tkr").
//! There is no floating point anywhere in this module.
//!
//! Arithmetic is always checked. `Amount` has no `+`, `-` or `sum()`: a sum is
//! [`Amount::checked_add`] or [`Amount::try_sum`], and an [`AmountOverflow`] is turned by the
//! caller into an [`OverflowAt`] that names the figure, so a sum that leaves the range is a
//! sentence ("Driftbudget Kommunstyrelsen 2025, Verksamhetens nettokostnader: beloppet blir för
//! stort för att räknas exakt"), never a wrapped or silently wrong figure:
//!
//! ```
//! use styr_domain::money::Amount;
//! let revenue = Amount::from_tkr(108_608);
//! let costs = Amount::from_tkr(-227_242);
//! assert_eq!(revenue.checked_add(costs), Ok(Amount::from_tkr(-118_634)));
//! assert!(Amount::from_ore(i64::MIN).checked_add(Amount::from_ore(-1)).is_err());
//! ```
//!
//! Units and precisions are in `precision`, a document's stated figures in `stated`, and
//! the overflow and its place in `overflow`.

mod overflow;
mod precision;
mod stated;

use serde::Serialize;

pub use overflow::{AmountOverflow, OverflowAt};
pub use precision::{Precision, Unit};
pub use stated::Stated;

/// Öre per krona.
pub const ORE_PER_KR: i64 = 100;
/// Öre per thousand kronor (tkr).
pub const ORE_PER_TKR: i64 = 100_000;
/// Öre per million kronor (mnkr).
pub const ORE_PER_MNKR: i64 = 100_000_000;

/// An exact amount of Swedish kronor, held as integer öre. Revenue is positive, cost negative.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Amount(i64);

impl Amount {
    pub const ZERO: Amount = Amount(0);

    pub const fn from_ore(ore: i64) -> Amount {
        Amount(ore)
    }

    /// Whole kronor, for figures written in the code; what is read from outside is parsed
    /// to öre with a checked multiplication instead.
    pub const fn from_kr(kr: i64) -> Amount {
        match kr.checked_mul(ORE_PER_KR) {
            Some(ore) => Amount(ore),
            None => panic!("an amount written in the code is out of range"),
        }
    }

    /// Whole tkr, for figures written in the code (see [`Amount::from_kr`]).
    pub const fn from_tkr(tkr: i64) -> Amount {
        match tkr.checked_mul(ORE_PER_TKR) {
            Some(ore) => Amount(ore),
            None => panic!("an amount written in the code is out of range"),
        }
    }

    pub const fn ore(self) -> i64 {
        self.0
    }

    /// The size of the amount in öre; unlike a negation it exists for every amount.
    pub const fn unsigned_abs(self) -> u64 {
        self.0.unsigned_abs()
    }

    /// The size of the amount; only an amount made from beyond the range has none.
    pub const fn checked_abs(self) -> Result<Amount, AmountOverflow> {
        Amount::within_range(self.0.checked_abs())
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Rounds to a whole multiple of `step`, half away from zero, or [`AmountOverflow`] when
    /// the rounded figure lies beyond the range (only within half a step of its ends).
    ///
    /// `step` is the precision an amount is shown at: 1 tkr for budget tables, 0,1 mnkr for prose.
    pub fn round_to(self, step: Precision) -> Result<Amount, AmountOverflow> {
        Amount::within_range(i64::try_from(self.rounded_ore(step)).ok())
    }

    /// The amount rounded to `step`, in öre, wide enough for every amount.
    pub(crate) fn rounded_ore(self, step: Precision) -> i128 {
        round_half_away_from_zero(i128::from(self.0), i128::from(step.step_ore()))
    }

    /// The mean of this sum over `count` parts, rounded half away from zero to the öre; zero
    /// over no parts. A mean is never larger than its sum, so it always exists.
    pub fn average_over(self, count: usize) -> Amount {
        match i128::try_from(count) {
            Ok(0) | Err(_) => Amount::ZERO,
            Ok(count) => Amount(
                i64::try_from(divide_half_away_from_zero(i128::from(self.0), count))
                    .expect("a mean is no larger than its sum"),
            ),
        }
    }

    /// Whether the two amounts are shown alike at `precision`: 118 535 tkr and 118 526,6 tkr
    /// are both "118,5 mnkr".
    pub fn shown_alike(self, other: Amount, precision: Precision) -> bool {
        self.rounded_ore(precision) == other.rounded_ore(precision)
    }

    /// The amount in whole tkr, rounded half away from zero: the figure a budget table shows.
    pub fn round_to_tkr(self) -> i64 {
        let tkr = self.rounded_ore(Precision::TKR) / i128::from(ORE_PER_TKR);
        i64::try_from(tkr).expect("a number of tkr is smaller than the number of öre it holds")
    }

    /// Multiplies by `numerator / denominator` (`denominator` positive) and rounds to whole
    /// öre, half away from zero, or [`AmountOverflow`] when the product leaves the range.
    ///
    /// Used for index uprating, where the factor is an exact decimal (1,025 = 1025/1000), and
    /// for averages (1 / number of years).
    pub fn checked_scale(
        self,
        numerator: i128,
        denominator: i128,
    ) -> Result<Amount, AmountOverflow> {
        let product = i128::from(self.0)
            .checked_mul(numerator)
            .ok_or(AmountOverflow)?;
        Amount::within_range(i64::try_from(divide_half_away_from_zero(product, denominator)).ok())
    }
}

impl Amount {
    /// The largest amount: 92 233 720 368 547 758,07 kr. The range is symmetric, from
    /// `-MAX` to `MAX`, so that every amount has a negation and a size; no checked operation
    /// gives the one `i64` beyond it.
    pub const MAX: Amount = Amount(i64::MAX);

    /// The amount of `ore`, or [`AmountOverflow`] when the operation that gave it failed or
    /// gave the one value beyond the symmetric range.
    const fn within_range(ore: Option<i64>) -> Result<Amount, AmountOverflow> {
        match ore {
            Some(ore) if ore != i64::MIN => Ok(Amount(ore)),
            _ => Err(AmountOverflow),
        }
    }

    /// `self + other`, or [`AmountOverflow`] when the sum leaves the range.
    pub const fn checked_add(self, other: Amount) -> Result<Amount, AmountOverflow> {
        Amount::within_range(self.0.checked_add(other.0))
    }

    /// `self - other`, or [`AmountOverflow`] when the difference leaves the range.
    pub const fn checked_sub(self, other: Amount) -> Result<Amount, AmountOverflow> {
        Amount::within_range(self.0.checked_sub(other.0))
    }

    /// `-self`; only an amount made from beyond the range (`i64::MIN` öre) has no negation.
    pub const fn checked_neg(self) -> Result<Amount, AmountOverflow> {
        Amount::within_range(self.0.checked_neg())
    }

    /// The sum of every amount, or [`AmountOverflow`] as soon as a partial sum leaves the range.
    pub fn try_sum<I: IntoIterator<Item = Amount>>(amounts: I) -> Result<Amount, AmountOverflow> {
        amounts
            .into_iter()
            .try_fold(Amount::ZERO, Amount::checked_add)
    }
}

/// Divides and rounds the quotient half away from zero; `denominator` must be positive.
pub(crate) fn divide_half_away_from_zero(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(denominator > 0, "denominators are positive by construction");
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    if 2 * remainder.abs() >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

fn round_half_away_from_zero(value: i128, step: i128) -> i128 {
    divide_half_away_from_zero(value, step) * step
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rounding_to_tkr_is_half_away_from_zero() {
        assert_eq!(Amount::from_kr(233_500).round_to_tkr(), 234);
        assert_eq!(Amount::from_kr(233_499).round_to_tkr(), 233);
        assert_eq!(Amount::from_kr(-233_500).round_to_tkr(), -234);
        assert_eq!(Amount::from_kr(-233_499).round_to_tkr(), -233);
        // Banker's rounding would give 232 here; Swedish practice gives 233.
        assert_eq!(Amount::from_kr(232_500).round_to_tkr(), 233);
    }

    #[test]
    fn prose_precision_is_one_decimal_of_mnkr() {
        let frame = Amount::from_tkr(118_535);
        assert_eq!(
            frame.round_to(Precision::MNKR_ONE_DECIMAL),
            Ok(Amount::from_tkr(118_500))
        );
        assert_eq!(
            Amount::from_tkr(4_250).round_to(Precision::MNKR_ONE_DECIMAL),
            Ok(Amount::from_tkr(4_300))
        );
        assert_eq!(
            Amount::from_tkr(-4_250).round_to(Precision::MNKR_ONE_DECIMAL),
            Ok(Amount::from_tkr(-4_300))
        );
    }

    #[test]
    fn about_precision_rounds_to_tens() {
        let about_ninety = Precision::about(Unit::Mnkr, 10);
        assert_eq!(
            Amount::from_tkr(86_625).round_to(about_ninety),
            Ok(Amount::from_tkr(90_000))
        );
        assert_eq!(
            Amount::from_tkr(84_999).round_to(about_ninety),
            Ok(Amount::from_tkr(80_000))
        );
    }

    #[test]
    fn a_stated_figure_agrees_when_the_computed_value_rounds_to_it() {
        let stated = Stated::new(Amount::from_tkr(118_500), Precision::MNKR_ONE_DECIMAL);
        assert!(stated.agrees_with(Amount::from_tkr(118_535)));
        assert!(!stated.agrees_with(Amount::from_tkr(118_550)));
    }

    #[test]
    fn scaling_by_an_index_factor_rounds_to_ore() {
        // 233 tkr uprated by 0,2 % is 233 466 kr exactly.
        assert_eq!(
            Amount::from_tkr(233).checked_scale(1002, 1000),
            Ok(Amount::from_kr(233_466))
        );
        // 1 öre × 1,5 is 1,5 öre, which rounds away from zero.
        assert_eq!(
            Amount::from_ore(1).checked_scale(3, 2),
            Ok(Amount::from_ore(2))
        );
        assert_eq!(
            Amount::from_ore(-1).checked_scale(3, 2),
            Ok(Amount::from_ore(-2))
        );
    }

    #[test]
    fn coarser_precision_has_the_larger_step() {
        assert_eq!(
            Precision::TKR.coarser(Precision::MNKR_ONE_DECIMAL),
            Precision::MNKR_ONE_DECIMAL
        );
        assert_eq!(Precision::MNKR_ONE_DECIMAL.step_ore(), 10_000_000);
    }

    #[test]
    fn a_sum_that_leaves_the_range_is_an_error_not_a_wrapped_figure() {
        let huge = Amount::from_ore(i64::MAX - 1);
        assert_eq!(
            huge.checked_add(Amount::from_ore(1)),
            Ok(Amount::from_ore(i64::MAX))
        );
        assert_eq!(huge.checked_add(Amount::from_ore(2)), Err(AmountOverflow));
        assert_eq!(
            Amount::from_ore(i64::MIN).checked_neg(),
            Err(AmountOverflow)
        );
        assert_eq!(
            Amount::from_ore(i64::MIN).checked_sub(Amount::from_ore(1)),
            Err(AmountOverflow)
        );
        assert_eq!(
            Amount::try_sum([huge, Amount::from_ore(5), Amount::from_ore(-5)]),
            Err(AmountOverflow)
        );
        assert_eq!(
            Amount::try_sum([Amount::from_tkr(2), Amount::from_tkr(-3)]),
            Ok(Amount::from_tkr(-1))
        );
    }

    #[test]
    fn rounding_scaling_and_sizes_at_the_ends_of_the_range_are_errors() {
        let largest = Amount::from_ore(i64::MAX);
        assert_eq!(largest.round_to(Precision::TKR), Err(AmountOverflow));
        assert_eq!(largest.round_to_tkr(), 92_233_720_368_548);
        assert_eq!(largest.checked_scale(2, 1), Err(AmountOverflow));
        assert_eq!(
            largest.checked_scale(1, 2),
            Ok(Amount::from_ore(i64::MAX / 2 + 1))
        );
        assert_eq!(
            Amount::from_ore(i64::MIN).checked_abs(),
            Err(AmountOverflow)
        );
        assert_eq!(Amount::from_ore(i64::MIN).unsigned_abs(), 1 << 63);
        assert!(Stated::tkr(0).agrees_with(Amount::from_ore(-49_999)));
        assert!(!Stated::tkr(0).agrees_with(largest));
    }

    #[test]
    fn the_range_is_symmetric_so_every_result_has_a_negation() {
        let least = Amount::from_ore(-i64::MAX);
        assert_eq!(least.checked_neg(), Ok(Amount::MAX));
        assert_eq!(least.checked_sub(Amount::from_ore(1)), Err(AmountOverflow));
        assert_eq!(least.checked_add(Amount::from_ore(-1)), Err(AmountOverflow));
        assert_eq!(
            Amount::try_sum([least, Amount::from_ore(-1)]),
            Err(AmountOverflow)
        );
        assert_eq!(
            Amount::MAX.checked_neg().and_then(Amount::checked_abs),
            Ok(Amount::MAX)
        );
    }

    #[test]
    fn an_overflow_names_its_place() {
        assert_eq!(
            AmountOverflow
                .at("Driftbudget Kommunstyrelsen 2025, Verksamhetens nettokostnader")
                .to_string(),
            "Driftbudget Kommunstyrelsen 2025, Verksamhetens nettokostnader: beloppet blir för stort för att räknas exakt"
        );
    }

    proptest! {
        #[test]
        fn rounding_moves_an_amount_by_at_most_half_a_step(ore in -1_000_000_000_000i64..1_000_000_000_000) {
            let amount = Amount::from_ore(ore);
            let rounded = amount.round_to(Precision::TKR).expect("far from the ends of the range");
            prop_assert_eq!(rounded.ore() % ORE_PER_TKR, 0);
            prop_assert!(2 * (rounded.ore() - ore).abs() <= ORE_PER_TKR);
        }

        #[test]
        fn rounding_is_symmetric_around_zero(ore in -1_000_000_000_000i64..1_000_000_000_000) {
            let amount = Amount::from_ore(ore);
            let negated = amount.checked_neg().expect("in range");
            let rounded = amount.round_to(Precision::TKR).expect("in range");
            prop_assert_eq!(negated.round_to(Precision::TKR), rounded.checked_neg());
        }
    }
}
