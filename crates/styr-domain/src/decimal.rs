//! Exact decimal numbers for what is not money: a KPI's measured value, its target, a peer
//! group's median. A [`Decimal`] is a whole number of `10^-scale`, so Kolada's "12.3" is
//! (123, 1) and stays 12,3 — never the nearest binary fraction.
//!
//! ```text
//! Decimal::parse("12.3")     → 12,3      (Kolada's JSON number, read from its text)
//! Decimal::parse("-1 234,5") → -1 234,5  (a Swedish figure as typed)
//! median of 12,3 and 12,4    → 12,35     (exact: one more decimal, never rounded)
//! ```
//!
//! Values are kept normalised (no trailing zeros in the fraction), so two equal numbers are
//! equal values. The range is bounded — at most [`MAX_DIGITS`] digits and [`MAX_SCALE`]
//! decimals — so every comparison and every mean of two is exact in an `i128`; an operation
//! that would leave the range answers `None`.

mod parse;

use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

pub use parse::DecimalError;

/// The most decimals a value keeps.
pub const MAX_SCALE: u8 = 18;
/// The most significant digits a value has.
pub const MAX_DIGITS: u32 = 19;
const LIMIT: i128 = 10i128.pow(MAX_DIGITS);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    units: i128,
    scale: u8,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    /// `units` of `10^-scale`, or `None` outside the range.
    pub fn new(units: i128, scale: u8) -> Option<Decimal> {
        let mut value = Decimal { units, scale };
        value.normalise();
        (value.scale <= MAX_SCALE && value.units.abs() < LIMIT).then_some(value)
    }

    pub fn from_integer(value: i64) -> Decimal {
        Decimal {
            units: i128::from(value),
            scale: 0,
        }
    }

    pub const fn units(self) -> i128 {
        self.units
    }

    pub const fn scale(self) -> u8 {
        self.scale
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    fn normalise(&mut self) {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        if self.units == 0 {
            self.scale = 0;
        }
    }

    /// Both values as whole numbers of the finer scale. Exact: a value has at most
    /// [`MAX_DIGITS`] digits and at most [`MAX_SCALE`] decimals, so the product fits.
    fn aligned(self, other: Decimal) -> (i128, i128, u8) {
        let scale = self.scale.max(other.scale);
        let lift = |value: Decimal| value.units * 10i128.pow(u32::from(scale - value.scale));
        (lift(self), lift(other), scale)
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (left, right, scale) = self.aligned(other);
        Decimal::new(left.checked_add(right)?, scale)
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let (left, right, scale) = self.aligned(other);
        Decimal::new(left.checked_sub(right)?, scale)
    }

    /// This value times `numerator / 10^decimals` exactly: (12,3).times(25, 2) is 3,075.
    pub fn times(self, numerator: i64, decimals: u8) -> Option<Decimal> {
        Decimal::new(
            self.units.checked_mul(i128::from(numerator))?,
            self.scale.checked_add(decimals)?,
        )
    }

    /// The mean of two values, exact (one more decimal at most).
    pub fn midpoint(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)?.times(5, 1)
    }

    /// The value rounded half away from zero to `decimals` decimals.
    pub fn rounded(self, decimals: u8) -> Decimal {
        if self.scale <= decimals {
            return self;
        }
        let divisor = 10i128.pow(u32::from(self.scale - decimals));
        let quotient = self.units / divisor;
        let remainder = self.units % divisor;
        let away = remainder.abs() * 2 >= divisor;
        let units = if away {
            quotient + self.units.signum()
        } else {
            quotient
        };
        Decimal::new(units, decimals).unwrap_or(self)
    }

    /// The value as Swedish text: "12,3", "-1 234,5", "984 748".
    pub fn to_swedish(self) -> String {
        crate::format::decimal(self.units, self.scale)
    }

    /// The value at a fixed number of decimals, rounded half away from zero: "12,30".
    pub fn to_swedish_fixed(self, decimals: u8) -> String {
        let rounded = self.rounded(decimals);
        let lift = 10i128.pow(u32::from(decimals - rounded.scale));
        crate::format::decimal(rounded.units * lift, decimals)
    }

    /// The value as a data file writes it: a point, no grouping, "-1234.5".
    pub fn to_plain(self) -> String {
        self.to_string()
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        if self.scale == other.scale {
            return self.units.cmp(&other.units);
        }
        let (left, right, _) = self.aligned(*other);
        left.cmp(&right)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The plain form: "12.3", "-0.05", "984748".
impl fmt::Display for Decimal {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(formatter, "{}", self.units);
        }
        let divisor = 10i128.pow(u32::from(self.scale));
        let sign = if self.units < 0 { "-" } else { "" };
        write!(
            formatter,
            "{sign}{}.{:0width$}",
            self.units.abs() / divisor,
            self.units.abs() % divisor,
            width = usize::from(self.scale)
        )
    }
}

/// A decimal travels as its plain text, so no reader turns it into a float.
impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Decimal {
        Decimal::parse(text).expect("a decimal")
    }

    #[test]
    fn twelve_point_three_stays_twelve_point_three() {
        assert_eq!(value("12.3"), Decimal::new(123, 1).expect("in range"));
        assert_eq!(
            value("12.30"),
            value("12.3"),
            "trailing zeros do not matter"
        );
        assert_eq!(value("12.3").to_string(), "12.3");
        assert_eq!(value("12.3").to_swedish(), "12,3");
    }

    #[test]
    fn comparisons_are_exact_across_scales() {
        assert!(value("0.1") > value("0.09999999999"));
        assert!(value("-2") < value("-1.5"));
        assert_eq!(value("1").cmp(&value("1.000")), Ordering::Equal);
    }

    #[test]
    fn the_mean_of_two_values_gains_at_most_one_decimal() {
        assert_eq!(value("12.3").midpoint(value("12.4")), Some(value("12.35")));
        assert_eq!(value("-1").midpoint(value("2")), Some(value("0.5")));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(value("2.25").rounded(1), value("2.3"));
        assert_eq!(value("-2.25").rounded(1), value("-2.3"));
        assert_eq!(value("2.24").rounded(1), value("2.2"));
        assert_eq!(value("3.075").to_swedish_fixed(1), "3,1");
        assert_eq!(value("3").to_swedish_fixed(1), "3,0");
    }

    #[test]
    fn a_value_outside_the_range_is_none() {
        assert_eq!(Decimal::new(LIMIT, 0), None);
        assert_eq!(Decimal::new(1, MAX_SCALE + 1), None);
        assert_eq!(Decimal::new(10, MAX_SCALE + 1), Decimal::new(1, MAX_SCALE));
    }
}
