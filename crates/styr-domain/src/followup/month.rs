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
    }
}
