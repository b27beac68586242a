//! The period a KPI value belongs to: a year, a tertial, a month, or a survey round (the pulse
//! survey's omgång 1–3). Written as a key in files and addresses, in Swedish on pages:
//!
//! ```text
//! "2025"     2025            "2025-T2"  tertial 2 2025
//! "2025-03"  mars 2025       "2025-O1"  omgång 1 2025
//! ```
//!
//! Within a year, periods are ordered by where they end: a survey round r of n ends at r/n of
//! the year (the rounds are spread over it), a tertial t at t/3, a month m at m/12, the year at
//! its end; at the same end the longer period counts as later (the year's own value sums up
//! its rounds).

use std::fmt;

use serde::Serialize;
use thiserror::Error;

use crate::calendar::Year;
use crate::followup::Month;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "number")]
pub enum PeriodPart {
    Year,
    Tertial(u8),
    Month(u8),
    Round(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: Year,
    pub part: PeriodPart,
}

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PeriodError {
    #[error(
        "”{0}” är ingen period: skriv ett år (2025), ett tertial (2025-T2), en månad (2025-03) eller en mätomgång (2025-O1)"
    )]
    Unreadable(String),
}

/// The most survey rounds a year can have (one a week).
pub const MAX_ROUNDS: u8 = 52;

impl Period {
    pub fn year(year: Year) -> Period {
        Period {
            year,
            part: PeriodPart::Year,
        }
    }

    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let trimmed = text.trim();
        let unreadable = || PeriodError::Unreadable(trimmed.chars().take(40).collect());
        let (year, rest) = match trimmed.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (trimmed, None),
        };
        if year.len() != 4 || !year.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(unreadable());
        }
        let year = year
            .parse::<i64>()
            .ok()
            .and_then(|year| Year::new(year).ok())
            .ok_or_else(unreadable)?;
        let number = |digits: &str, limit: u8| {
            digits
                .parse::<u8>()
                .ok()
                .filter(|number| (1..=limit).contains(number) && digits.len() <= 2)
        };
        let part = match rest {
            None => PeriodPart::Year,
            Some(rest) => match rest.chars().next() {
                Some('T' | 't') => {
                    PeriodPart::Tertial(number(&rest[1..], 3).ok_or_else(unreadable)?)
                }
                Some('O' | 'o') => {
                    PeriodPart::Round(number(&rest[1..], MAX_ROUNDS).ok_or_else(unreadable)?)
                }
                Some('0'..='9') if rest.len() == 2 => {
                    PeriodPart::Month(number(rest, 12).ok_or_else(unreadable)?)
                }
                _ => return Err(unreadable()),
            },
        };
        Ok(Period { year, part })
    }

    /// The key: "2025", "2025-T2", "2025-03", "2025-O1".
    pub fn key(self) -> String {
        self.to_string()
    }

    /// How a page names the period: "2025", "tertial 2 2025", "mars 2025", "omgång 1 2025".
    pub fn swedish(self) -> String {
        match self.part {
            PeriodPart::Year => self.year.to_string(),
            PeriodPart::Tertial(number) => format!("tertial {number} {}", self.year),
            PeriodPart::Month(number) => Month::new(self.year, number).map_or_else(
                || self.key(),
                |month| format!("{} {}", month.name(), self.year),
            ),
            PeriodPart::Round(number) => format!("omgång {number} {}", self.year),
        }
    }

    /// Where the period ends within its year, in `12 × rounds`-ths of the year, and how long
    /// it is (the rank that breaks a tie: month, round, tertial, year). `rounds` is how many
    /// survey rounds the KPI has a year.
    pub fn end(self, rounds: u8) -> (Year, u32, u8) {
        let rounds = u32::from(rounds.clamp(1, MAX_ROUNDS));
        match self.part {
            PeriodPart::Month(month) => (self.year, u32::from(month) * rounds, 0),
            PeriodPart::Round(round) => (self.year, u32::from(round) * 12, 1),
            PeriodPart::Tertial(tertial) => (self.year, u32::from(tertial) * 4 * rounds, 2),
            PeriodPart::Year => (self.year, 12 * rounds, 3),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            PeriodPart::Year => write!(formatter, "{}", self.year),
            PeriodPart::Tertial(number) => write!(formatter, "{}-T{number}", self.year),
            PeriodPart::Month(number) => write!(formatter, "{}-{number:02}", self.year),
            PeriodPart::Round(number) => write!(formatter, "{}-O{number}", self.year),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        Period::parse(text).expect("a period")
    }

    #[test]
    fn every_kind_of_period_reads_back_from_its_key() {
        for key in ["2025", "2025-T2", "2025-03", "2025-O1", "2025-O12"] {
            assert_eq!(period(key).key(), key);
        }
        assert_eq!(period("2025-t3").key(), "2025-T3");
        assert_eq!(period("2025-O1").swedish(), "omgång 1 2025");
        assert_eq!(period("2025-03").swedish(), "mars 2025");
        assert_eq!(period("2025-T2").swedish(), "tertial 2 2025");
    }

    #[test]
    fn a_period_that_does_not_exist_is_refused() {
        for text in [
            "2025-T4", "2025-13", "2025-O0", "25", "2025-X1", "2025-1", "1800",
        ] {
            assert!(Period::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn rounds_are_spread_over_the_year_and_the_year_comes_last() {
        let end = |text: &str| period(text).end(3);
        assert!(end("2025-O1") < end("2025-O2"));
        assert_eq!(
            end("2025-O1").1,
            end("2025-T1").1,
            "round 1 of 3 ends with tertial 1"
        );
        assert!(
            end("2025-O1") < end("2025-T1"),
            "the longer period is later"
        );
        assert!(end("2025-O3") < end("2025"));
        assert!(
            end("2025-05") < end("2025-O2"),
            "May ends before two thirds of the year"
        );
        assert!(end("2025") < end("2026-01"));
    }
}
