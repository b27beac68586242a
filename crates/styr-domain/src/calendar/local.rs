//! A moment in time, and the time a clock in Sweden shows for it.
//!
//! The store writes every time in UTC ("2026-12-01T20:10:58Z"), which sorts as text; people
//! read Swedish time. Sweden keeps Central European Time (UTC+1) and, in summer, Central
//! European Summer Time (UTC+2), switching by the EU's rule at 01:00 UTC on the last Sunday
//! of March and of October (directive 2000/84/EC; the same dates since 1996, and from 1980 to
//! 1995 summer time ended on the last Sunday of September). Sweden kept no summer time from
//! 1950 to 1979; no time styr records lies before that. ADR 0006 says why this is computed
//! here rather than read from a time-zone database.
//!
//! ```text
//! 2026-12-01T20:10:58Z → 2026-12-01 21:10 (normaltid, UTC+1)
//! 2026-07-01T10:00:00Z → 2026-07-01 12:00 (sommartid, UTC+2)
//! 2026-03-29T00:59:59Z → 01:59:59; one second later, 01:00:00Z → 03:00:00
//! ```

use std::fmt;

use super::{Date, Year};

const SECONDS_PER_DAY: i64 = 86_400;

/// A moment, as seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

impl Instant {
    pub const fn from_unix_seconds(seconds: i64) -> Instant {
        Instant(seconds)
    }

    pub const fn unix_seconds(self) -> i64 {
        self.0
    }

    /// Reads the store's time, "2026-12-01T20:10:58Z" (fractions of a second are ignored);
    /// `None` for any other text.
    pub fn parse_utc(text: &str) -> Option<Instant> {
        let text = text.strip_suffix('Z')?;
        let (date, time) = text.split_once('T')?;
        let mut date_parts = date.splitn(3, '-');
        let year = date_parts.next()?.parse::<i64>().ok()?;
        let month = date_parts.next()?.parse::<u8>().ok()?;
        let day = date_parts.next()?.parse::<u8>().ok()?;
        let date = Date::new(year, month, day).ok()?;
        let whole = time.split('.').next()?;
        let mut time_parts = whole.splitn(3, ':');
        let mut part = |limit: i64| {
            time_parts
                .next()
                .filter(|digits| digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|digits| digits.parse::<i64>().ok())
                .filter(|value| *value < limit)
        };
        let (hour, minute, second) = (part(24)?, part(60)?, part(60)?);
        Some(Instant(
            date.day_number() * SECONDS_PER_DAY + hour * 3_600 + minute * 60 + second,
        ))
    }

    /// Whether Swedish clocks show summer time at this moment.
    pub fn is_swedish_summer_time(self) -> bool {
        let Some(date) = Date::from_day_number(self.0.div_euclid(SECONDS_PER_DAY)) else {
            return false;
        };
        let year = date.year();
        let end_month = match year.number() {
            ..=1979 => return false,
            1980..=1995 => 9,
            _ => 10,
        };
        let switch = |month| change_at(Date::last_sunday(year, month));
        (switch(3)..switch(end_month)).contains(&self.0)
    }

    /// The time a Swedish clock shows: CET, or CEST in summer.
    pub fn in_sweden(self) -> Option<LocalTime> {
        let summer = self.is_swedish_summer_time();
        let local = self.0 + if summer { 7_200 } else { 3_600 };
        let date = Date::from_day_number(local.div_euclid(SECONDS_PER_DAY))?;
        let seconds = local.rem_euclid(SECONDS_PER_DAY);
        Some(LocalTime {
            date,
            hour: (seconds / 3_600) as u8,
            minute: (seconds % 3_600 / 60) as u8,
            second: (seconds % 60) as u8,
            summer,
        })
    }
}

/// The moment of a switch: 01:00 UTC on `date`.
fn change_at(date: Date) -> i64 {
    date.day_number() * SECONDS_PER_DAY + 3_600
}

/// A time as a Swedish clock shows it. Printed "2026-12-01 21:10", as Swedish forms write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Sommartid (UTC+2) rather than normaltid (UTC+1).
    pub summer: bool,
}

impl LocalTime {
    /// "2026-12-01 21:10:58", to the second.
    pub fn with_seconds(&self) -> String {
        format!("{self}:{:02}", self.second)
    }

    /// The year the date belongs to.
    pub fn year(&self) -> Year {
        self.date.year()
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{} {:02}:{:02}",
            self.date, self.hour, self.minute
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn swedish(text: &str) -> String {
        Instant::parse_utc(text)
            .and_then(Instant::in_sweden)
            .map(|local| local.with_seconds())
            .unwrap_or_else(|| panic!("{text} reads"))
    }

    #[test]
    fn winter_is_an_hour_ahead_of_utc_and_summer_two() {
        assert_eq!(swedish("2026-12-01T20:10:58Z"), "2026-12-01 21:10:58");
        assert_eq!(swedish("2026-07-01T10:00:00Z"), "2026-07-01 12:00:00");
    }

    #[test]
    fn a_late_evening_in_utc_is_the_next_day_in_sweden() {
        assert_eq!(swedish("2026-12-01T23:05:34Z"), "2026-12-02 00:05:34");
        assert_eq!(swedish("2025-12-31T23:30:00Z"), "2026-01-01 00:30:00");
    }

    #[test]
    fn summer_time_begins_at_one_utc_on_the_last_sunday_of_march() {
        // 2026-03-29: clocks go from 02:00 to 03:00 local time.
        assert_eq!(swedish("2026-03-29T00:59:59Z"), "2026-03-29 01:59:59");
        assert_eq!(swedish("2026-03-29T01:00:00Z"), "2026-03-29 03:00:00");
        assert_eq!(swedish("2026-03-28T12:00:00Z"), "2026-03-28 13:00:00");
    }

    #[test]
    fn summer_time_ends_at_one_utc_on_the_last_sunday_of_october() {
        // 2026-10-25: clocks go from 03:00 back to 02:00, so 02:30 happens twice.
        assert_eq!(swedish("2026-10-25T00:30:00Z"), "2026-10-25 02:30:00");
        assert_eq!(swedish("2026-10-25T00:59:59Z"), "2026-10-25 02:59:59");
        assert_eq!(swedish("2026-10-25T01:00:00Z"), "2026-10-25 02:00:00");
        assert_eq!(swedish("2026-10-25T01:30:00Z"), "2026-10-25 02:30:00");
    }

    #[test]
    fn before_1996_summer_ended_in_september() {
        // 1995-09-24 was the last Sunday of September.
        assert_eq!(swedish("1995-09-24T00:30:00Z"), "1995-09-24 02:30:00");
        assert_eq!(swedish("1995-09-24T01:00:00Z"), "1995-09-24 02:00:00");
        assert_eq!(swedish("1996-10-01T12:00:00Z"), "1996-10-01 14:00:00");
        assert_eq!(swedish("1975-07-01T12:00:00Z"), "1975-07-01 13:00:00");
    }

    #[test]
    fn only_the_stores_form_of_a_time_reads() {
        assert!(Instant::parse_utc("2026-12-01T20:10:58.123Z").is_some());
        for text in [
            "2026-12-01 20:10:58",
            "2026-12-01T20:10:58+01:00",
            "2026-02-30T20:10:58Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T2:10:58Z",
            "",
        ] {
            assert_eq!(Instant::parse_utc(text), None, "{text}");
        }
    }

    #[test]
    fn a_local_time_prints_without_seconds() {
        let local = Instant::parse_utc("2026-12-01T20:10:58Z")
            .and_then(Instant::in_sweden)
            .expect("reads");
        assert_eq!(local.to_string(), "2026-12-01 21:10");
        assert!(!local.summer);
    }
}
