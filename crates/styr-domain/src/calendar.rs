//! Years and dates, valid once they exist (parse at the edge, then trust the type); days
//! counted between dates (`days`: how long until "revideras senast"), and a moment in time as
//! a clock in Sweden shows it (`local`: UTC "2026-12-01T20:10:58Z" is "2026-12-01 21:10" in
//! Stockholm, with summer time by the EU's rule).

mod days;
mod local;

pub use local::{Instant, LocalTime};

use std::fmt;

use serde::Serialize;
use thiserror::Error;

/// A calendar year between 1900 and 2200: budget years, plan years, index years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Year(u16);

#[derive(Debug, Error, PartialEq, Eq)]
pub enum CalendarError {
    #[error("året {0} ligger utanför 1900–2200")]
    YearOutOfRange(i64),
    #[error("datumet {0} finns inte")]
    NoSuchDate(String),
}

impl Year {
    pub const FIRST: u16 = 1900;
    pub const LAST: u16 = 2200;

    pub fn new(year: i64) -> Result<Year, CalendarError> {
        if (i64::from(Year::FIRST)..=i64::from(Year::LAST)).contains(&year) {
            Ok(Year(year as u16))
        } else {
            Err(CalendarError::YearOutOfRange(year))
        }
    }

    pub const fn number(self) -> u16 {
        self.0
    }

    pub const fn next(self) -> Year {
        Year(self.0 + 1)
    }

    pub const fn previous(self) -> Year {
        Year(self.0 - 1)
    }
}

impl fmt::Display for Year {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.0)
    }
}

/// A day in the Gregorian calendar, such as a decision date or the last day a unit exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct Date {
    year: Year,
    month: u8,
    day: u8,
}

impl Date {
    pub fn new(year: i64, month: u8, day: u8) -> Result<Date, CalendarError> {
        let no_such_date = || CalendarError::NoSuchDate(format!("{year:04}-{month:02}-{day:02}"));
        let year = Year::new(year)?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(no_such_date());
        }
        Ok(Date { year, month, day })
    }

    pub const fn year(self) -> Year {
        self.year
    }

    pub const fn month(self) -> u8 {
        self.month
    }

    pub const fn day(self) -> u8 {
        self.day
    }

    /// The first day of `year`: where a budget year's organisation is read.
    pub const fn first_of(year: Year) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }
}

fn days_in_month(year: Year, month: u8) -> u8 {
    let leap =
        year.0.is_multiple_of(4) && (!year.0.is_multiple_of(100) || year.0.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_that_do_not_exist_are_refused() {
        assert!(Date::new(2024, 2, 29).is_ok());
        assert_eq!(
            Date::new(2025, 2, 29),
            Err(CalendarError::NoSuchDate("2025-02-29".into()))
        );
        assert!(Date::new(2025, 13, 1).is_err());
        assert!(Date::new(2025, 4, 31).is_err());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
    }

    #[test]
    fn years_outside_the_range_are_refused() {
        assert_eq!(Year::new(1899), Err(CalendarError::YearOutOfRange(1899)));
        assert_eq!(Year::new(2025).map(Year::number), Ok(2025));
    }

    #[test]
    fn dates_print_as_iso() {
        assert_eq!(
            Date::new(2024, 12, 16).map(|date| date.to_string()),
            Ok("2024-12-16".into())
        );
    }
}
