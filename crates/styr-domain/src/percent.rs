//! Percentages, exact to four decimals: the PKV steps ("0,2 procent", "2,5 procent") and
//! shares of an index ("100 procent av PKV").
//!
//! A [`Percent`] is held as millionths of the whole (0,2 % is 2 000), so uprating is an exact
//! integer multiplication followed by one named rounding to öre.

use std::fmt;

use serde::Serialize;

use crate::format;
use crate::money::{Amount, AmountOverflow};

/// Millionths of the whole in one percent.
const MILLIONTHS_PER_PERCENT: i64 = 10_000;
const MILLION: i128 = 1_000_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Percent(i64);

impl Percent {
    pub const HUNDRED: Percent = Percent(100 * MILLIONTHS_PER_PERCENT);

    /// A percentage from ten-thousandths of a percent: `Percent::from_ten_thousandths(2_500)` is 0,25 %.
    pub const fn from_ten_thousandths(value: i64) -> Percent {
        Percent(value)
    }

    /// Whole and tenths of a percent: `Percent::from_tenths(25)` is 2,5 %.
    pub const fn from_tenths(tenths: i64) -> Percent {
        Percent(tenths * 1_000)
    }

    pub const fn ten_thousandths(self) -> i64 {
        self.0
    }

    /// This share of `other`: 100 % of 2,5 % is 2,5 %; 50 % of 2,5 % is 1,25 %. `None` when
    /// the share is too large to hold (a share of many million percent).
    pub fn share_of(self, other: Percent) -> Option<Percent> {
        let product = i128::from(self.0) * i128::from(other.0);
        let hundred = i128::from(Percent::HUNDRED.0);
        i64::try_from(crate::money::divide_half_away_from_zero(product, hundred))
            .ok()
            .map(Percent)
    }

    /// `amount` increased by this percentage, exact to the öre (half away from zero), or
    /// [`AmountOverflow`] when the result leaves the range.
    pub fn uprate(self, amount: Amount) -> Result<Amount, AmountOverflow> {
        amount.checked_scale(MILLION + i128::from(self.0), MILLION)
    }

    /// The percentage as Swedish prose writes it, with as few decimals as it needs: "100", "2,5", "0,25".
    pub fn to_swedish(self) -> String {
        let mut decimals = 4u8;
        let mut value = i128::from(self.0);
        while decimals > 0 && value % 10 == 0 {
            value /= 10;
            decimals -= 1;
        }
        format::decimal(value, decimals)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} %", self.to_swedish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uprating_by_pkv_is_exact_to_the_ore() {
        let pkv = Percent::from_tenths(25);
        assert_eq!(
            pkv.uprate(Amount::from_tkr(118_535)),
            Ok(Amount::from_kr(121_498_375))
        );
        assert_eq!(
            Percent::from_tenths(2).uprate(Amount::from_tkr(233)),
            Ok(Amount::from_kr(233_466))
        );
        assert_eq!(
            Percent::from_tenths(1_001).uprate(Amount::from_ore(i64::MAX / 2)),
            Err(AmountOverflow)
        );
    }

    #[test]
    fn a_share_of_an_index_scales_the_index() {
        let pkv = Percent::from_tenths(25);
        assert_eq!(Percent::HUNDRED.share_of(pkv), Some(pkv));
        assert_eq!(
            Percent::from_tenths(500).share_of(pkv),
            Some(Percent::from_ten_thousandths(12_500))
        );
        let huge = Percent::from_ten_thousandths(i64::MAX);
        assert_eq!(huge.share_of(huge), None);
    }

    #[test]
    fn percentages_print_with_a_decimal_comma() {
        assert_eq!(Percent::from_tenths(2).to_swedish(), "0,2");
        assert_eq!(Percent::from_tenths(32).to_swedish(), "3,2");
        assert_eq!(Percent::from_ten_thousandths(12_500).to_swedish(), "1,25");
        assert_eq!(Percent::HUNDRED.to_string(), "100 %");
        assert_eq!(Percent::from_tenths(20).to_swedish(), "2");
    }
}
