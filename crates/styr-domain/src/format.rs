//! Swedish number formatting: a space between thousands and a decimal comma. Every amount
//! styr shows is written by one of these, one function per form:
//!
//! | form                         | function                  | example              |
//! |------------------------------|---------------------------|----------------------|
//! | a table's whole tkr          | [`tkr`]                   | "-114 196"           |
//! | a change in a table          | [`signed_tkr`]            | "+8 060"             |
//! | prose in mnkr                | [`mnkr`]                  | "118,5 mnkr"         |
//! | prose at a stated precision  | [`with_unit`]             | "233 tkr"            |
//! | exact kronor and öre         | [`kronor`]                | "-47 652 000,00 kr"  |
//! | exact kronor in a data file  | [`kronor_figure`]         | "-47652000.00"       |
//! | exact tkr in a spreadsheet   | [`tkr_figure`]            | "1.2345"             |
//!
//! The minus sign is the ASCII hyphen, as in the municipalities' own documents. Rounding is
//! done in a wider integer, so every amount, even at the ends of the range, can be written.

use crate::money::{Amount, ORE_PER_TKR, Precision};

/// Groups the digits of a whole number in threes with a space: 1234567 → "1 234 567".
pub fn group_thousands(value: i128) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
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
    let rounded = amount.rounded_ore(precision);
    let per_unit_step = precision.unit.ore() / 10i64.pow(u32::from(precision.decimals));
    decimal(
        rounded / i128::from(per_unit_step.max(1)),
        precision.decimals,
    )
}

/// An amount with its unit, as prose writes it: "118,5 mnkr", "233 tkr".
pub fn with_unit(amount: Amount, precision: Precision) -> String {
    format!("{} {}", number(amount, precision), precision.unit)
}

/// An amount in whole tkr, as a budget table shows it: "-114 196".
pub fn tkr(amount: Amount) -> String {
    number(amount, Precision::TKR)
}

/// A change in whole tkr, as a table of changes shows it: "+8 060", "-2 630" or "0".
pub fn signed_tkr(amount: Amount) -> String {
    let text = tkr(amount);
    if amount.round_to_tkr() > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// An amount in mnkr with one decimal, as prose states it: "118,5 mnkr".
pub fn mnkr(amount: Amount) -> String {
    with_unit(amount, Precision::MNKR_ONE_DECIMAL)
}

/// An amount exactly, in kronor and öre with its unit: "-47 652 000,00 kr".
pub fn kronor(amount: Amount) -> String {
    format!("{} kr", decimal(i128::from(amount.ore()), 2))
}

/// An amount exactly, in kronor with two decimals and no grouping, for a file a program
/// reads: "-47652000.00" with a decimal point, "-47652000,00" with a comma.
pub fn kronor_figure(amount: Amount, decimal_mark: char) -> String {
    let ore = i128::from(amount.ore());
    let sign = if ore < 0 { "-" } else { "" };
    let (whole, fraction) = (ore.abs() / 100, ore.abs() % 100);
    format!("{sign}{whole}{decimal_mark}{fraction:02}")
}

/// An amount in tkr as an exact decimal number with a point and no grouping, for a
/// spreadsheet's cell: 100 548 tkr → "100548", 1 234,50 kr → "1.2345".
pub fn tkr_figure(amount: Amount) -> String {
    let ore = i128::from(amount.ore());
    let per = i128::from(ORE_PER_TKR);
    let sign = if ore < 0 { "-" } else { "" };
    let (whole, fraction) = (ore.abs() / per, ore.abs() % per);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:05}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
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
    fn each_form_of_an_amount_has_one_writer() {
        assert_eq!(signed_tkr(Amount::from_tkr(8_060)), "+8 060");
        assert_eq!(signed_tkr(Amount::from_tkr(-2_630)), "-2 630");
        assert_eq!(signed_tkr(Amount::from_ore(49_999)), "0");
        assert_eq!(mnkr(Amount::from_tkr(118_535)), "118,5 mnkr");
        assert_eq!(kronor(Amount::from_kr(-47_652_000)), "-47 652 000,00 kr");
        assert_eq!(kronor(Amount::from_ore(-10)), "-0,10 kr");
        assert_eq!(
            kronor_figure(Amount::from_kr(-47_652_000), '.'),
            "-47652000.00"
        );
        assert_eq!(kronor_figure(Amount::from_ore(-123_450), ','), "-1234,50");
        assert_eq!(tkr_figure(Amount::from_tkr(100_548)), "100548");
        assert_eq!(tkr_figure(Amount::from_ore(123_450)), "1.2345");
        assert_eq!(tkr_figure(Amount::from_ore(-5)), "-0.00005");
    }

    #[test]
    fn the_ends_of_the_range_can_be_written() {
        assert_eq!(tkr(Amount::from_ore(i64::MAX)), "92 233 720 368 548");
        assert_eq!(tkr(Amount::from_ore(i64::MIN)), "-92 233 720 368 548");
        assert_eq!(
            kronor(Amount::from_ore(i64::MIN)),
            "-92 233 720 368 547 758,08 kr"
        );
    }

    #[test]
    fn small_fractions_keep_their_leading_zeros() {
        assert_eq!(decimal(5, 2), "0,05");
        assert_eq!(decimal(-5, 1), "-0,5");
    }
}
