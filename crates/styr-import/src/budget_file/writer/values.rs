//! How one value is written in a budget file: an amount entered in tkr as a TOML integer when
//! it is whole (`100548`) and as text otherwise (`"113,3 mnkr"`), a stated figure with its
//! precision, years as lists and keys, and text as a TOML string or a multi-line string.

use std::fmt::Write;

use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::money::{Amount, ORE_PER_TKR, Precision, Stated, Unit};
use styr_domain::statement::{Direction, StatedChange};

/// An entered amount: whole tkr as a TOML integer, anything finer as text in kr.
pub(super) fn entered_amount(amount: Amount) -> String {
    if amount.ore() % ORE_PER_TKR == 0 {
        (amount.ore() / ORE_PER_TKR).to_string()
    } else {
        toml_string(&format!(
            "{} kr",
            format::decimal(i128::from(amount.ore()), 2)
        ))
    }
}

/// A stated figure at the precision it was stated: `100548`, `"113,3 mnkr"`, `"omkring 90 mnkr"`.
pub(super) fn stated(value: &Stated) -> String {
    if value.precision == Precision::TKR {
        return (value.value.ore() / ORE_PER_TKR).to_string();
    }
    let written = format::with_unit(value.value, value.precision);
    if value.precision.tens > 1 {
        toml_string(&format!("omkring {written}"))
    } else {
        toml_string(&written)
    }
}

pub(super) fn change_text(change: &StatedChange) -> String {
    match change.direction {
        Direction::Unchanged => "oförändrat".into(),
        direction => format!(
            "{} med {}",
            direction.swedish(),
            unquoted_stated(&change.magnitude)
        ),
    }
}

pub(super) fn unquoted_stated(value: &Stated) -> String {
    let written = format::with_unit(value.value, value.precision);
    let written = if value.precision.unit == Unit::Tkr && value.precision == Precision::TKR {
        format!("{} tkr", format::tkr(value.value))
    } else {
        written
    };
    if value.precision.tens > 1 {
        format!("omkring {written}")
    } else {
        written
    }
}

pub(super) fn year_list(years: &[Year]) -> String {
    format!(
        "[{}]",
        years
            .iter()
            .map(Year::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    )
}

pub(super) fn year_amounts(values: impl Iterator<Item = (Year, String)>) -> String {
    let values: Vec<String> = values
        .map(|(year, value)| format!("{year} = {value}"))
        .collect();
    format!("{{ {} }}", values.join(", "))
}

/// A TOML basic string, escaped.
pub(crate) fn toml_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            control if control.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(control));
            }
            other => quoted.push(other),
        }
    }
    quoted.push('"');
    quoted
}

/// Multi-line text as a TOML literal block when it can be one, else a basic string.
pub(super) fn long_string(text: &str) -> String {
    let literal_safe = text.contains('\n')
        && !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|character| character.is_control() && character != '\n' && character != '\t');
    if literal_safe {
        format!("'''\n{text}'''")
    } else {
        toml_string(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_so_toml_reads_them_back() {
        assert_eq!(
            toml_string("a \"b\" \\ c\nd\u{1}"),
            "\"a \\\"b\\\" \\\\ c\\nd\\u0001\""
        );
        assert_eq!(
            long_string("rad ett\nrad två\n"),
            "'''\nrad ett\nrad två\n'''"
        );
        assert_eq!(long_string("slutar med 'citat'"), "\"slutar med 'citat'\"");
    }

    #[test]
    fn amounts_are_whole_tkr_or_text_in_kr() {
        assert_eq!(entered_amount(Amount::from_tkr(-114_196)), "-114196");
        assert_eq!(entered_amount(Amount::from_ore(123_456)), "\"1 234,56 kr\"");
    }
}
