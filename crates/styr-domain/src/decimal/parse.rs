//! Reading a decimal from text, exactly: a JSON number ("12.3", "1.5e-3"), a data file's
//! figure ("-1234.5") or a Swedish one as typed ("-1 234,5", "12,3"). A comma and a point are
//! both decimal marks, but not together; spaces group thousands; "−" is a minus.

use thiserror::Error;

use super::{Decimal, LIMIT, MAX_DIGITS, MAX_SCALE};

/// Why a text is not a decimal; the message is a sentence for the person who typed it.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DecimalError {
    #[error("ange ett tal, till exempel 12,3")]
    Empty,
    #[error("”{0}” är inte ett tal (till exempel 12,3 eller -1 234,5)")]
    NotANumber(String),
    #[error(
        "”{0}” har för många siffror eller decimaler för att räknas exakt (högst {MAX_DIGITS} siffror och {MAX_SCALE} decimaler)"
    )]
    OutOfRange(String),
}

impl Decimal {
    pub fn parse(text: &str) -> Result<Decimal, DecimalError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(DecimalError::Empty);
        }
        let shown = || trimmed.chars().take(40).collect::<String>();
        let not_a_number = || DecimalError::NotANumber(shown());
        let (mantissa, exponent) = match trimmed.find(['e', 'E']) {
            Some(at) => {
                let exponent: i32 = trimmed[at + 1..].parse().map_err(|_| not_a_number())?;
                (&trimmed[..at], exponent)
            }
            None => (trimmed, 0),
        };
        let mut characters = mantissa.chars().peekable();
        let negative = match characters.peek() {
            Some('-' | '−') => {
                characters.next();
                true
            }
            Some('+') => {
                characters.next();
                false
            }
            _ => false,
        };
        let mut units: i128 = 0;
        let mut digits = 0u32;
        let mut scale: i32 = 0;
        let mut mark: Option<char> = None;
        let mut any_digit = false;
        for character in characters {
            match character {
                '0'..='9' => {
                    any_digit = true;
                    let digit = i128::from(character as u8 - b'0');
                    if units != 0 || digit != 0 {
                        digits += 1;
                    }
                    if digits > MAX_DIGITS {
                        return Err(DecimalError::OutOfRange(shown()));
                    }
                    units = units * 10 + digit;
                    if mark.is_some() {
                        scale += 1;
                    }
                }
                ',' | '.' if mark.is_none() => mark = Some(character),
                ' ' | '\u{a0}' | '\u{202f}' if mark.is_none() && any_digit => {}
                _ => return Err(not_a_number()),
            }
        }
        if !any_digit {
            return Err(not_a_number());
        }
        if negative {
            units = -units;
        }
        let scale = scale - exponent;
        if scale < 0 {
            let lift = 10i128
                .checked_pow(scale.unsigned_abs())
                .and_then(|lift| units.checked_mul(lift))
                .filter(|lifted| lifted.abs() < LIMIT);
            return lift
                .and_then(|lifted| Decimal::new(lifted, 0))
                .ok_or_else(|| DecimalError::OutOfRange(shown()));
        }
        u8::try_from(scale)
            .ok()
            .and_then(|scale| Decimal::new(units, scale))
            .ok_or_else(|| DecimalError::OutOfRange(shown()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Result<String, DecimalError> {
        Decimal::parse(text).map(|value| value.to_string())
    }

    #[test]
    fn a_json_number_is_read_from_its_text() {
        assert_eq!(value("12.3"), Ok("12.3".into()));
        assert_eq!(value("-0.05"), Ok("-0.05".into()));
        assert_eq!(value("984748"), Ok("984748".into()));
        assert_eq!(value("1.5e-3"), Ok("0.0015".into()));
        assert_eq!(value("2E2"), Ok("200".into()));
    }

    #[test]
    fn a_swedish_figure_is_read_as_typed() {
        assert_eq!(value("-1 234,5"), Ok("-1234.5".into()));
        assert_eq!(value("−2,5"), Ok("-2.5".into()));
        assert_eq!(value("1\u{a0}000"), Ok("1000".into()));
    }

    #[test]
    fn what_is_not_a_number_is_named() {
        assert_eq!(
            value("12,3.4"),
            Err(DecimalError::NotANumber("12,3.4".into()))
        );
        assert_eq!(value("abc"), Err(DecimalError::NotANumber("abc".into())));
        assert_eq!(value(" "), Err(DecimalError::Empty));
        assert_eq!(value("-"), Err(DecimalError::NotANumber("-".into())));
        assert!(matches!(
            value("12345678901234567890"),
            Err(DecimalError::OutOfRange(_))
        ));
        assert!(matches!(value("1e40"), Err(DecimalError::OutOfRange(_))));
    }
}
