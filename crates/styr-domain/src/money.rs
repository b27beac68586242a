//! Money: one exact type for every amount in styr.
//!
//! An [`Amount`] is a whole number of öre (1 kr = 100 öre), so `Amount::from_tkr(100_548)` is
//! 100 548 000 kr exactly. Budget tables are written in tkr and prose in mnkr with one decimal;
//! both are *presentations* of an amount at a [`Precision`], never a second money type.
//!
//! Rounding is always named: [`Amount::round_to`] rounds half away from zero, which is how
//! Swedish budget documents round (118 535 tkr is "118,5 mnkr", 233 466 kr is "233 tkr").
//! There is no floating point anywhere in this module.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use serde::Serialize;

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

    pub const fn from_kr(kr: i64) -> Amount {
        Amount(kr * ORE_PER_KR)
    }

    pub const fn from_tkr(tkr: i64) -> Amount {
        Amount(tkr * ORE_PER_TKR)
    }

    pub const fn ore(self) -> i64 {
        self.0
    }

    pub const fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Rounds to a whole multiple of `step`, half away from zero.
    ///
    /// `step` is the precision an amount is shown at: 1 tkr for budget tables, 0,1 mnkr for prose.
    pub fn round_to(self, step: Precision) -> Amount {
        Amount(round_half_away_from_zero(self.0 as i128, step.step_ore() as i128) as i64)
    }

    /// The amount in whole tkr, rounded half away from zero: the figure a budget table shows.
    pub fn round_to_tkr(self) -> i64 {
        self.round_to(Precision::TKR).0 / ORE_PER_TKR
    }

    /// Multiplies by `numerator / denominator` and rounds to whole öre, half away from zero.
    ///
    /// Used for index uprating, where the factor is an exact decimal (1,025 = 1025/1000).
    pub fn scale(self, numerator: i128, denominator: i128) -> Amount {
        let product = self.0 as i128 * numerator;
        Amount(divide_half_away_from_zero(product, denominator) as i64)
    }
}

/// An amount too large for styr to hold: a sum, difference or product left the range of
/// [`Amount`] (about ±92 biljarder kronor). Never silent: the caller names the place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("beloppet blir för stort för att räknas exakt")]
pub struct AmountOverflow;

impl Amount {
    /// `self + other`, or [`AmountOverflow`] when the sum leaves the range.
    pub const fn checked_add(self, other: Amount) -> Result<Amount, AmountOverflow> {
        match self.0.checked_add(other.0) {
            Some(ore) => Ok(Amount(ore)),
            None => Err(AmountOverflow),
        }
    }

    /// `self - other`, or [`AmountOverflow`] when the difference leaves the range.
    pub const fn checked_sub(self, other: Amount) -> Result<Amount, AmountOverflow> {
        match self.0.checked_sub(other.0) {
            Some(ore) => Ok(Amount(ore)),
            None => Err(AmountOverflow),
        }
    }

    /// `-self`; only the most negative amount has no negation.
    pub const fn checked_neg(self) -> Result<Amount, AmountOverflow> {
        match self.0.checked_neg() {
            Some(ore) => Ok(Amount(ore)),
            None => Err(AmountOverflow),
        }
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

impl Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0 + other.0)
    }
}

impl AddAssign for Amount {
    fn add_assign(&mut self, other: Amount) {
        self.0 += other.0;
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0 - other.0)
    }
}

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Amount> for Amount {
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.copied().sum()
    }
}

/// The unit an amount is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Kr,
    Tkr,
    Mnkr,
}

impl Unit {
    pub const fn ore(self) -> i64 {
        match self {
            Unit::Kr => ORE_PER_KR,
            Unit::Tkr => ORE_PER_TKR,
            Unit::Mnkr => ORE_PER_MNKR,
        }
    }

    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
            Unit::Mnkr => "mnkr",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.symbol())
    }
}

/// How precisely an amount is shown: a unit and a number of decimals, or a coarser
/// "about" step such as the whole tens of mnkr in "omkring 90 mnkr".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Precision {
    pub unit: Unit,
    /// Decimals shown (0 for "100 548 tkr", 1 for "118,5 mnkr").
    pub decimals: u8,
    /// Whole units per step when coarser than one unit: 10 for "omkring 90 mnkr", else 1.
    pub tens: u8,
}

impl Precision {
    pub const TKR: Precision = Precision::new(Unit::Tkr, 0);
    pub const MNKR_ONE_DECIMAL: Precision = Precision::new(Unit::Mnkr, 1);

    pub const fn new(unit: Unit, decimals: u8) -> Precision {
        Precision {
            unit,
            decimals,
            tens: 1,
        }
    }

    /// A step of `tens` whole units: `Precision::about(Unit::Mnkr, 10)` for "omkring 90 mnkr".
    pub const fn about(unit: Unit, tens: u8) -> Precision {
        Precision {
            unit,
            decimals: 0,
            tens,
        }
    }

    /// The size of one step in öre; never zero.
    pub const fn step_ore(self) -> i64 {
        let mut step = self.unit.ore() * self.tens as i64;
        let mut decimals = self.decimals;
        while decimals > 0 && step >= 10 {
            step /= 10;
            decimals -= 1;
        }
        step
    }

    /// The coarser of two precisions: the one with the larger step.
    pub fn coarser(self, other: Precision) -> Precision {
        if other.step_ore() > self.step_ore() {
            other
        } else {
            self
        }
    }
}

/// A figure as a source document states it: the value and the precision it was written at.
///
/// Stated figures are assertions: styr checks them against what it computes and never lets
/// them override a computation (like hledger's balance assertions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Stated {
    pub value: Amount,
    pub precision: Precision,
}

impl Stated {
    pub const fn new(value: Amount, precision: Precision) -> Stated {
        Stated { value, precision }
    }

    pub const fn tkr(tkr: i64) -> Stated {
        Stated::new(Amount::from_tkr(tkr), Precision::TKR)
    }

    /// Whether `computed`, shown at this figure's precision, is what the document states.
    pub fn agrees_with(self, computed: Amount) -> bool {
        computed.round_to(self.precision) == self.value
    }
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
            Amount::from_tkr(118_500)
        );
        assert_eq!(
            Amount::from_tkr(4_250).round_to(Precision::MNKR_ONE_DECIMAL),
            Amount::from_tkr(4_300)
        );
        assert_eq!(
            Amount::from_tkr(-4_250).round_to(Precision::MNKR_ONE_DECIMAL),
            Amount::from_tkr(-4_300)
        );
    }

    #[test]
    fn about_precision_rounds_to_tens() {
        let about_ninety = Precision::about(Unit::Mnkr, 10);
        assert_eq!(
            Amount::from_tkr(86_625).round_to(about_ninety),
            Amount::from_tkr(90_000)
        );
        assert_eq!(
            Amount::from_tkr(84_999).round_to(about_ninety),
            Amount::from_tkr(80_000)
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
            Amount::from_tkr(233).scale(1002, 1000),
            Amount::from_kr(233_466)
        );
        // 1 öre × 1,5 is 1,5 öre, which rounds away from zero.
        assert_eq!(Amount::from_ore(1).scale(3, 2), Amount::from_ore(2));
        assert_eq!(Amount::from_ore(-1).scale(3, 2), Amount::from_ore(-2));
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

    proptest! {
        #[test]
        fn rounding_moves_an_amount_by_at_most_half_a_step(ore in -1_000_000_000_000i64..1_000_000_000_000) {
            let amount = Amount::from_ore(ore);
            let rounded = amount.round_to(Precision::TKR);
            prop_assert_eq!(rounded.ore() % ORE_PER_TKR, 0);
            prop_assert!(2 * (rounded.ore() - ore).abs() <= ORE_PER_TKR);
        }

        #[test]
        fn rounding_is_symmetric_around_zero(ore in -1_000_000_000_000i64..1_000_000_000_000) {
            let amount = Amount::from_ore(ore);
            prop_assert_eq!((-amount).round_to(Precision::TKR), -amount.round_to(Precision::TKR));
        }
    }
}
