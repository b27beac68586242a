//! Amounts, percentages and changes as people write them in Swedish budget documents.
//!
//! | written               | read as                                   |
//! |-----------------------|-------------------------------------------|
//! | `100548`, `"100 548"` | 100 548 tkr, good to 1 tkr                |
//! | `"-114 196"`          | −114 196 tkr                              |
//! | `"113,3 mnkr"`        | 113 300 tkr, good to 0,1 mnkr             |
//! | `"233 tkr"`           | 233 tkr                                   |
//! | `"omkring 90 mnkr"`   | 90 000 tkr, good to 10 mnkr               |
//! | `"ökar med 8,1 mnkr"` | an increase of 8 100 tkr, good to 0,1 mnkr |
//! | `"0,2"`, `"2,5 %"`    | 0,2 and 2,5 percent                       |

use crate::direction::{Direction, StatedChange};
use crate::money::{Amount, Precision, Stated, Unit};
use crate::percent::Percent;

/// Reads an amount such as `"-114 196"`, `"113,3 mnkr"` or `"omkring 90 mnkr"`.
/// A number without a unit is in `default_unit` (tkr in budget tables).
pub fn parse_amount(text: &str, default_unit: Unit) -> Result<Stated, String> {
    let cleaned = text.trim();
    let (about, rest) = match cleaned
        .strip_prefix("omkring ")
        .or_else(|| cleaned.strip_prefix("cirka "))
    {
        Some(rest) => (true, rest.trim()),
        None => (false, cleaned),
    };
    let (number, unit) = split_unit(rest, default_unit);
    let (value, decimals) = parse_decimal(number, 2).ok_or_else(|| {
        format!("”{text}” är inget belopp; skriv till exempel 100548, \"-114 196\", \"113,3 mnkr\" eller \"233 tkr\"")
    })?;
    let step = unit.ore() / 10i64.pow(u32::from(decimals));
    if step == 0 {
        return Err(format!("”{text}” har fler decimaler än ett öre"));
    }
    let ore = value
        .checked_mul(i128::from(step))
        .and_then(|ore| i64::try_from(ore).ok())
        .ok_or_else(|| {
            format!(
                "”{text}” är för stort; ett belopp är högst {} till storleken",
                crate::format::kronor(Amount::MAX)
            )
        })?;
    let precision = if about && decimals == 0 && value % 10 == 0 {
        Precision::about(unit, 10)
    } else {
        Precision::new(unit, decimals)
    };
    Ok(Stated::new(Amount::from_ore(ore), precision))
}

/// Reads a change such as `"ökar med 8,1 mnkr"`, `"minskar med 2,6 mnkr"` or `"oförändrat"`.
pub fn parse_change(text: &str, default_unit: Unit) -> Result<StatedChange, String> {
    let cleaned = text.trim();
    if ["oförändrat", "oförändrad", "oförändrade"].contains(&cleaned) {
        return Ok(StatedChange {
            direction: Direction::Unchanged,
            magnitude: Stated::tkr(0),
        });
    }
    let (direction, rest) = if let Some(rest) = cleaned.strip_prefix("ökar med ") {
        (Direction::Increases, rest)
    } else if let Some(rest) = cleaned.strip_prefix("minskar med ") {
        (Direction::Decreases, rest)
    } else {
        return Err(format!(
            "”{text}” är ingen förändring; skriv \"ökar med 8,1 mnkr\", \"minskar med 2,6 mnkr\" eller \"oförändrat\""
        ));
    };
    let magnitude = parse_amount(rest, default_unit)?;
    if magnitude.value < Amount::ZERO {
        return Err(format!(
            "”{text}”: storleken på en förändring skrivs utan minustecken"
        ));
    }
    Ok(StatedChange {
        direction,
        magnitude,
    })
}

/// Reads a percentage such as `"0,2"`, `"2.5"` or `"3,2 %"`, exact to four decimals.
pub fn parse_percent(text: &str) -> Result<Percent, String> {
    let number = text
        .trim()
        .trim_end_matches('%')
        .trim_end_matches("procent")
        .trim();
    let (value, decimals) = parse_decimal(number, 4)
        .ok_or_else(|| format!("”{text}” är ingen procentsats; skriv till exempel \"2,5\""))?;
    let scaled = value * 10i128.pow(u32::from(4 - decimals));
    i64::try_from(scaled)
        .map(Percent::from_ten_thousandths)
        .map_err(|_| format!("”{text}” är för stort"))
}

fn split_unit(text: &str, default_unit: Unit) -> (&str, Unit) {
    for unit in [Unit::Mnkr, Unit::Tkr, Unit::Kr] {
        if let Some(number) = text.strip_suffix(unit.symbol()) {
            return (number.trim_end(), unit);
        }
    }
    (text, default_unit)
}

/// A decimal number with a comma or point, spaces between thousands and an optional minus
/// (ASCII or U+2212), as a whole number of its smallest decimal and the count of decimals.
fn parse_decimal(text: &str, max_decimals: u8) -> Option<(i128, u8)> {
    let text = text.trim();
    let (negative, digits) = match text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'))
    {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let (whole, fraction) = match digits.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (digits, ""),
    };
    let whole: String = whole
        .chars()
        .filter(|character| !matches!(character, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if whole.is_empty() || !whole.chars().all(|character| character.is_ascii_digit()) {
        return None;
    }
    if !fraction.chars().all(|character| character.is_ascii_digit())
        || fraction.len() > usize::from(max_decimals)
    {
        return None;
    }
    if digits.contains([',', '.']) && fraction.is_empty() {
        return None;
    }
    let mut value: i128 = 0;
    for digit in whole.chars().chain(fraction.chars()) {
        value = value
            .checked_mul(10)?
            .checked_add(i128::from(digit.to_digit(10)?))?;
    }
    if value > i128::from(i64::MAX) {
        return None;
    }
    Some((if negative { -value } else { value }, fraction.len() as u8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tkr(text: &str) -> Stated {
        parse_amount(text, Unit::Tkr).expect("a valid amount")
    }

    #[test]
    fn table_figures_are_whole_tkr() {
        assert_eq!(tkr("100 548"), Stated::tkr(100_548));
        assert_eq!(tkr("-114 196"), Stated::tkr(-114_196));
        assert_eq!(tkr("\u{2212}7\u{a0}986"), Stated::tkr(-7_986));
        assert_eq!(tkr("0"), Stated::tkr(0));
    }

    #[test]
    fn prose_figures_keep_their_precision() {
        assert_eq!(
            tkr("113,3 mnkr"),
            Stated::new(Amount::from_tkr(113_300), Precision::MNKR_ONE_DECIMAL)
        );
        assert_eq!(
            tkr("5,0 mnkr"),
            Stated::new(Amount::from_tkr(5_000), Precision::MNKR_ONE_DECIMAL)
        );
        assert_eq!(
            tkr("233 mnkr"),
            Stated::new(Amount::from_tkr(233_000), Precision::new(Unit::Mnkr, 0))
        );
        assert_eq!(tkr("233 tkr"), Stated::tkr(233));
        assert_eq!(
            tkr("omkring 90 mnkr"),
            Stated::new(Amount::from_tkr(90_000), Precision::about(Unit::Mnkr, 10))
        );
        assert_eq!(
            tkr("1 500,50 kr"),
            Stated::new(Amount::from_ore(150_050), Precision::new(Unit::Kr, 2))
        );
    }

    #[test]
    fn what_is_not_an_amount_is_refused_with_an_example() {
        for text in [
            "",
            "abc",
            "1,2,3",
            "12,",
            "1,234",
            "1e5",
            "--5",
            "99999999999999999999999",
        ] {
            assert!(
                parse_amount(text, Unit::Tkr).is_err(),
                "{text:?} should be refused"
            );
        }
        assert_eq!(
            parse_amount("abc", Unit::Tkr),
            Err("”abc” är inget belopp; skriv till exempel 100548, \"-114 196\", \"113,3 mnkr\" eller \"233 tkr\"".into())
        );
    }

    #[test]
    fn an_amount_beyond_the_range_is_refused_with_the_limit() {
        assert_eq!(
            parse_amount("-92233720368548", Unit::Tkr),
            Err("”-92233720368548” är för stort; ett belopp är högst 92 233 720 368 547 758,07 kr till storleken".into())
        );
        assert_eq!(
            parse_amount("-92233720368547", Unit::Tkr).map(|stated| stated.value),
            Ok(Amount::from_tkr(-92_233_720_368_547))
        );
    }

    #[test]
    fn changes_read_their_direction_and_size() {
        let change = parse_change("ökar med 8,1 mnkr", Unit::Tkr).expect("a change");
        assert_eq!(change.direction, Direction::Increases);
        assert_eq!(
            change.magnitude,
            Stated::new(Amount::from_tkr(8_100), Precision::MNKR_ONE_DECIMAL)
        );
        assert_eq!(
            parse_change("minskar med 2,6 mnkr", Unit::Tkr).map(|c| c.direction),
            Ok(Direction::Decreases)
        );
        assert_eq!(
            parse_change("oförändrat", Unit::Tkr).map(|c| c.direction),
            Ok(Direction::Unchanged)
        );
        assert!(parse_change("växer med 2 mnkr", Unit::Tkr).is_err());
        assert!(parse_change("ökar med -2 mnkr", Unit::Tkr).is_err());
    }

    #[test]
    fn percentages_are_exact() {
        assert_eq!(parse_percent("0,2"), Ok(Percent::from_tenths(2)));
        assert_eq!(parse_percent("2.5 %"), Ok(Percent::from_tenths(25)));
        assert_eq!(parse_percent("100"), Ok(Percent::HUNDRED));
        assert_eq!(
            parse_percent("1,2345"),
            Ok(Percent::from_ten_thousandths(12_345))
        );
        assert!(parse_percent("1,23456").is_err());
    }

    proptest! {
        #[test]
        fn no_text_makes_the_amount_reader_panic(text in ".{0,40}") {
            let _ = parse_amount(&text, Unit::Tkr);
            let _ = parse_change(&text, Unit::Tkr);
            let _ = parse_percent(&text);
        }

        #[test]
        fn a_formatted_table_figure_reads_back(tkr_value in -10_000_000_000i64..10_000_000_000) {
            let written = crate::format::tkr(Amount::from_tkr(tkr_value));
            prop_assert_eq!(parse_amount(&written, Unit::Tkr), Ok(Stated::tkr(tkr_value)));
        }
    }
}
