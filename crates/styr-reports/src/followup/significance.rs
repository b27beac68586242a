//! Which deviations a report must explain: those of at least 1 procent of the row's budget
//! for the year and at least 100 tkr — a deviation that is large against the row and large
//! enough to matter to the board. A row without a budget deviates significantly from 100 tkr.
//!
//! ```text
//! Personalkostnader: budget -116 205 tkr, forecast -118 000 → -1 795 tkr, 1,5 % → explained
//! Lokalhyror:        budget   -8 260 tkr, forecast   -8 300 →    -40 tkr        → not
//! ```

use styr_domain::money::Amount;

/// The share of the row's budget a significant deviation reaches, in per mille (10 = 1 %).
pub const SIGNIFICANT_PER_MILLE: u64 = 10;

/// The least significant deviation: 100 tkr.
pub const SIGNIFICANT_MINIMUM: Amount = Amount::from_tkr(100);

/// Whether `deviation` from a row whose year's budget is `budget` must be explained.
pub fn is_significant(deviation: Amount, budget: Amount) -> bool {
    let size = u128::from(deviation.unsigned_abs());
    size >= u128::from(SIGNIFICANT_MINIMUM.unsigned_abs())
        && size * 1000 >= u128::from(budget.unsigned_abs()) * u128::from(SIGNIFICANT_PER_MILLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deviation_is_significant_from_one_percent_and_100_tkr() {
        let budget = Amount::from_tkr(-116_205);
        assert!(is_significant(Amount::from_tkr(-1_795), budget));
        assert!(
            !is_significant(Amount::from_tkr(-1_100), budget),
            "under 1 %"
        );
        assert!(!is_significant(
            Amount::from_tkr(-40),
            Amount::from_tkr(-8_260)
        ));
        assert!(
            !is_significant(Amount::from_tkr(99), Amount::ZERO),
            "under 100 tkr"
        );
        assert!(is_significant(Amount::from_tkr(100), Amount::ZERO));
        assert!(is_significant(
            Amount::from_ore(i64::MIN),
            Amount::from_ore(i64::MIN)
        ));
    }
}
