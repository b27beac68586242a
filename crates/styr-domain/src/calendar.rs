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
    #[error("”{0}” är inget datum (ÅÅÅÅ-MM-DD)")]
    NotADate(String),
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

    /// The day before this one, or none before 1 January of the first year styr knows.
    pub fn day_before(self) -> Option<Date> {
        if self.day > 1 {
            return Some(Date {
                day: self.day - 1,
                ..self
            });
        }
        if self.month > 1 {
            let month = self.month - 1;
            return Some(Date {
                month,
                day: days_in_month(self.year, month),
                ..self
            });
        }
        let year = Year::new(i64::from(self.year.0) - 1).ok()?;
        Some(Date {
            year,
            month: 12,
            day: 31,
        })
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

/// A date written as ISO 8601 says, "2027-01-01", as a form's date field sends it.
impl std::str::FromStr for Date {
    type Err = CalendarError;

    fn from_str(text: &str) -> Result<Date, CalendarError> {
        let not_a_date = || CalendarError::NotADate(text.to_string());
        let mut parts = text.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(not_a_date());
        };
        // Digits only, of the width ISO gives them, so "+027" or "1" is not a year or a month.
        let number = |part: &str, width: usize| {
            if part.len() != width || !part.bytes().all(|byte| byte.is_ascii_digit()) {
                return Err(not_a_date());
            }
            part.parse::<i64>().map_err(|_| not_a_date())
        };
        let year = number(year, 4)?;
        let month = u8::try_from(number(month, 2)?).map_err(|_| not_a_date())?;
        let day = u8::try_from(number(day, 2)?).map_err(|_| not_a_date())?;
        Date::new(year, month, day)
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
    fn a_date_is_read_as_iso_and_the_day_before_crosses_months_and_years() {
        let date = |text: &str| text.parse::<Date>();
        assert_eq!(date("2027-01-01"), Date::new(2027, 1, 1));
        assert_eq!(
            date("2027-1-01"),
            Err(CalendarError::NotADate("2027-1-01".into()))
        );
        assert!(date("2027-01-01T00:00").is_err());
        assert!(date("").is_err());
        assert!(date("+027-01-01").is_err());
        assert_eq!(
            date("2025-02-29"),
            Err(CalendarError::NoSuchDate("2025-02-29".into()))
        );
        let before = |text: &str| date(text).ok().and_then(Date::day_before);
        assert_eq!(before("2027-01-01"), date("2026-12-31").ok());
        assert_eq!(before("2024-03-01"), date("2024-02-29").ok());
        assert_eq!(before("2025-05-17"), date("2025-05-16").ok());
        assert_eq!(before("1900-01-01"), None);
    }

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
