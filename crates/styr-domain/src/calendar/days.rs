//! Dates as day numbers, so that days between two dates and a date some days on are plain
//! integer arithmetic: day 0 is 1970-01-01, as in Unix time.
//!
//! ```text
//! 2025-12-31 − 2025-10-02 = 90 days
//! 2024-02-28 + 2 days     = 2024-03-01 (a leap year)
//! ```
//!
//! The conversion is the proleptic Gregorian calendar in 400-year eras (146 097 days each),
//! with the year counted from March so that the leap day falls at the end of a year.

use super::{Date, Year};

const DAYS_PER_ERA: i64 = 146_097;
/// Days from 0000-03-01 to 1970-01-01.
const EPOCH_SHIFT: i64 = 719_468;

impl Date {
    /// The number of the day: 0 for 1970-01-01, negative before it.
    pub fn day_number(self) -> i64 {
        let (year, month, day) = (
            i64::from(self.year.number()),
            i64::from(self.month),
            i64::from(self.day),
        );
        // The year from March: January and February belong to the year before.
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT
    }

    /// The date of day `number` (see [`Date::day_number`]), when it lies in 1900–2200.
    pub fn from_day_number(number: i64) -> Option<Date> {
        let shifted = number.checked_add(EPOCH_SHIFT)?;
        let era = shifted.div_euclid(DAYS_PER_ERA);
        let day_of_era = shifted.rem_euclid(DAYS_PER_ERA);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()
    }

    /// How many days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// The date `days` later (earlier when negative), when it lies in 1900–2200.
    pub fn plus_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(days)?)
    }

    /// The day of the week, 1 for Monday to 7 for Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u8 {
        (self.day_number() + 3).rem_euclid(7) as u8 + 1
    }

    /// The last Sunday of `month` in `year`: where summer time begins and ends.
    pub(super) fn last_sunday(year: Year, month: u8) -> Date {
        let last = Date {
            year,
            month,
            day: super::days_in_month(year, month),
        };
        // Sunday is 7: back 0 days from a Sunday, 1 from a Monday … 6 from a Saturday.
        let back = last.weekday() % 7;
        Date {
            day: last.day - back,
            ..last
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i64, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("a real date")
    }

    #[test]
    fn the_unix_epoch_is_day_zero_and_a_thursday() {
        assert_eq!(date(1970, 1, 1).day_number(), 0);
        assert_eq!(date(1970, 1, 1).weekday(), 4);
        assert_eq!(date(2024, 12, 16).weekday(), 1, "a Monday");
    }

    #[test]
    fn every_day_from_1900_to_2200_numbers_back_to_itself() {
        let mut previous = date(1900, 1, 1).day_number() - 1;
        for year in 1900..=2200 {
            for month in 1..=12u8 {
                for day in 1..=31u8 {
                    let Ok(found) = Date::new(year, month, day) else {
                        continue;
                    };
                    let number = found.day_number();
                    assert_eq!(number, previous + 1, "{found} follows the day before");
                    assert_eq!(Date::from_day_number(number), Some(found));
                    previous = number;
                }
            }
        }
    }

    #[test]
    fn days_are_counted_across_months_and_leap_days() {
        assert_eq!(date(2025, 10, 2).days_until(date(2025, 12, 31)), 90);
        assert_eq!(date(2024, 2, 28).plus_days(2), Some(date(2024, 3, 1)));
        assert_eq!(date(2026, 12, 2).days_until(date(2025, 12, 31)), -336);
        assert_eq!(
            date(2200, 12, 31).plus_days(1),
            None,
            "outside the years a date holds"
        );
    }

    #[test]
    fn summer_time_begins_and_ends_on_the_last_sundays() {
        let year = |number| Year::new(number).expect("a year");
        assert_eq!(Date::last_sunday(year(2025), 3), date(2025, 3, 30));
        assert_eq!(Date::last_sunday(year(2025), 10), date(2025, 10, 26));
        assert_eq!(Date::last_sunday(year(2026), 3), date(2026, 3, 29));
        assert_eq!(Date::last_sunday(year(2026), 10), date(2026, 10, 25));
        assert_eq!(Date::last_sunday(year(2020), 3), date(2020, 3, 29));
    }
}
