//! A calendar month, the period of follow-up and of SIE's #PSALDO and #PBUDGET.

use std::fmt;

use serde::Serialize;

use crate::calendar::{Date, Year};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct Month {
    year: Year,
    /// 1–12.
    number: u8,
}

/// The months' Swedish names, lower case as in running text.
pub const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

impl Month {
    pub fn new(year: Year, number: u8) -> Option<Month> {
        (1..=12).contains(&number).then_some(Month { year, number })
    }

    /// From a SIE period number such as 201103.
    pub fn from_period(period: u32) -> Option<Month> {
        let year = Year::new(i64::from(period / 100)).ok()?;
        Month::new(year, u8::try_from(period % 100).ok()?)
    }

    /// From "2025-08", as a command or an address names a month.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, number) = text.trim().split_once('-')?;
        if year.len() != 4 || number.len() != 2 {
            return None;
        }
        let year = Year::new(year.parse().ok()?).ok()?;
        Month::new(year, number.parse().ok()?)
    }

    pub const fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            number: date.month(),
        }
    }

    pub const fn year(self) -> Year {
        self.year
    }

    /// 1 for January.
    pub const fn number(self) -> u8 {
        self.number
    }

    /// The SIE period number: 201103.
    pub fn period(self) -> u32 {
        u32::from(self.year.number()) * 100 + u32::from(self.number)
    }

    pub fn name(self) -> &'static str {
        MONTH_NAMES[usize::from(self.number - 1)]
    }

    /// The month after this one: January of the next year after December.
    pub fn next(self) -> Month {
        if self.number == 12 {
            Month {
                year: self.year.next(),
                number: 1,
            }
        } else {
            Month {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// The three-letter abbreviation used in table headings: "jan", "feb" …
    pub fn short_name(self) -> &'static str {
        &MONTH_NAMES[usize::from(self.number - 1)][..3]
    }
}

impl fmt::Display for Month {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}-{:02}", self.year, self.number)
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sie_period_is_a_month() {
        let month = Month::from_period(201_103).expect("a month");
        assert_eq!(month.to_string(), "2011-03");
        assert_eq!(month.period(), 201_103);
        assert_eq!(month.name(), "mars");
        assert!(Month::from_period(201_113).is_none());
        assert_eq!(
            Month::parse("2025-08").map(|month| month.period()),
            Some(202_508)
        );
        assert_eq!(Month::parse("2025-8"), None);
        assert_eq!(Month::parse("2025-13"), None);
        assert_eq!(Month::parse("augusti"), None);
        assert_eq!(
            Month::new(Year::new(2025).expect("a year"), 12).map(Month::next),
            Month::parse("2026-01")
        );
    }
}
