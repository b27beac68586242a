//! Years, dates and months as people type them: a year 2025, a date 2025-05-12 (ÅÅÅÅ-MM-DD,
//! always in full), a month 2025-03 (ÅÅÅÅ-MM) or a month's number 1–12.

use styr_domain::calendar::{Date, Year};
use styr_domain::followup::Month;

pub fn year(number: i64) -> Result<Year, String> {
    Year::new(number).map_err(|error| error.to_string())
}

/// A date written ÅÅÅÅ-MM-DD; empty is none.
pub fn optional_date(text: Option<&str>) -> Result<Option<Date>, String> {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    let refused = || format!("”{}” är inget datum; skriv ÅÅÅÅ-MM-DD", shown(text));
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(refused());
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return Err(refused());
    }
    let (Some(year), Some(month), Some(day)) = (digits(year), digits(month), digits(day)) else {
        return Err(refused());
    };
    let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
        return Err(refused());
    };
    Date::new(i64::from(year), month, day)
        .map(Some)
        .map_err(|error| error.to_string())
}

/// A month written ÅÅÅÅ-MM.
pub fn month(text: &str) -> Result<Month, String> {
    let refused = || format!("månaden ”{}” ska skrivas ÅÅÅÅ-MM", shown(text));
    let (year_text, number) = text.trim().split_once('-').ok_or_else(refused)?;
    if year_text.len() != 4 || number.len() != 2 {
        return Err(refused());
    }
    let (Some(year_number), Some(number)) = (digits(year_text), digits(number)) else {
        return Err(refused());
    };
    let year = year(i64::from(year_number))?;
    let number = u8::try_from(number).map_err(|_| refused())?;
    Month::new(year, number).ok_or_else(refused)
}

/// A month's number, 1–12.
pub fn month_number(number: i64) -> Result<u8, String> {
    u8::try_from(number)
        .ok()
        .filter(|number| (1..=12).contains(number))
        .ok_or_else(|| format!("månad {number} finns inte; ange 1–12"))
}

/// Only ASCII digits, as a number (no sign, no spaces).
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A typed value quoted in a message, shortened.
fn shown(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_written_in_full() {
        assert!(optional_date(Some("2025-1-5")).is_err());
        assert!(optional_date(Some("2025-02-30")).is_err());
        assert!(optional_date(Some("+025-02-03")).is_err());
        assert_eq!(optional_date(Some("")), Ok(None));
        assert!(optional_date(Some("2025-05-12")).is_ok_and(|date| date.is_some()));
    }

    #[test]
    fn a_month_is_a_year_and_its_number() {
        assert!(month("2025-03").is_ok());
        assert!(month("2025-13").is_err());
        assert!(month("2025-3").is_err());
        assert!(month("mars").is_err());
        assert_eq!(month_number(12), Ok(12));
        assert!(month_number(0).is_err());
        assert!(month_number(300).is_err());
    }
}
