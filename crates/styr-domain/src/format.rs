//! Swedish number formatting: a space between thousands and a decimal comma.
//!
//! Tables show whole tkr ("100 548", "-114 196"); prose shows mnkr with one decimal
//! ("118,5 mnkr"). The minus sign is the ASCII hyphen, as in the municipalities' own documents.

use crate::money::{Amount, Precision};

/// Groups the digits of a whole number in threes with a space: 1234567 → "1 234 567".
pub fn group_thousands(value: i128) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    grouped
}

/// A whole number of `scale`-ths written with `decimals` decimals: (1185, 1) → "118,5".
pub fn decimal(value: i128, decimals: u8) -> String {
    if decimals == 0 {
        return group_thousands(value);
    }
    let scale = 10i128.pow(u32::from(decimals));
    let whole = value.abs() / scale;
    let fraction = value.abs() % scale;
    let sign = if value < 0 { "-" } else { "" };
    format!(
        "{sign}{},{fraction:0width$}",
        group_thousands(whole),
        width = usize::from(decimals)
    )
}

/// An amount rounded to `precision` and written in its unit, without the unit's name:
/// 118 535 tkr at 0,1 mnkr → "118,5".
pub fn number(amount: Amount, precision: Precision) -> String {
    let rounded = amount.round_to(precision);
    let per_unit_step = precision.unit.ore() / 10i64.pow(u32::from(precision.decimals));
    let scaled = i128::from(rounded.ore()) / i128::from(per_unit_step.max(1));
    decimal(scaled, precision.decimals)
}

/// An amount with its unit, as prose writes it: "118,5 mnkr", "233 tkr".
pub fn with_unit(amount: Amount, precision: Precision) -> String {
    format!("{} {}", number(amount, precision), precision.unit)
}

/// An amount in whole tkr, as a budget table shows it: "-114 196".
pub fn tkr(amount: Amount) -> String {
    number(amount, Precision::TKR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Unit;

    #[test]
    fn tables_group_thousands_with_a_space() {
        assert_eq!(tkr(Amount::from_tkr(100_548)), "100 548");
        assert_eq!(tkr(Amount::from_tkr(-114_196)), "-114 196");
        assert_eq!(tkr(Amount::from_tkr(0)), "0");
        assert_eq!(tkr(Amount::from_tkr(85)), "85");
        assert_eq!(tkr(Amount::from_tkr(-1_234_567)), "-1 234 567");
    }

    #[test]
    fn prose_uses_a_decimal_comma() {
        assert_eq!(
            with_unit(Amount::from_tkr(118_535), Precision::MNKR_ONE_DECIMAL),
            "118,5 mnkr"
        );
        assert_eq!(
            with_unit(Amount::from_tkr(2_009), Precision::MNKR_ONE_DECIMAL),
            "2,0 mnkr"
        );
        assert_eq!(
            with_unit(Amount::from_tkr(-2_630), Precision::MNKR_ONE_DECIMAL),
            "-2,6 mnkr"
        );
        assert_eq!(
            with_unit(Amount::from_tkr(619_698), Precision::MNKR_ONE_DECIMAL),
            "619,7 mnkr"
        );
        assert_eq!(
            with_unit(Amount::from_tkr(1_234_567), Precision::MNKR_ONE_DECIMAL),
            "1 234,6 mnkr"
        );
    }

    #[test]
    fn about_figures_are_whole_tens() {
        assert_eq!(
            with_unit(Amount::from_tkr(86_625), Precision::about(Unit::Mnkr, 10)),
            "90 mnkr"
        );
    }

    #[test]
    fn small_fractions_keep_their_leading_zeros() {
        assert_eq!(decimal(5, 2), "0,05");
        assert_eq!(decimal(-5, 1), "-0,5");
    }
}
