//! Financial years: `#RAR 0 20250101 20251231` is the year the file is about, `#RAR -1 …` the
//! one before it. A year ends on or after the day it starts, each index is given once, and
//! neighbouring years follow each other without a gap or an overlap — a file whose years do
//! not is damaged or hand-edited, and its balances by year index could not be trusted.

use styr_domain::calendar::Date;

use super::Reader;
use crate::sie::SieSink;
use crate::sie::fields::{self, Field};

/// The day after `date`, if the calendar has one.
fn day_after(date: Date) -> Option<Date> {
    let year = i64::from(date.year().number());
    Date::new(year, date.month(), date.day() + 1)
        .or_else(|_| Date::new(year, date.month() + 1, 1))
        .or_else(|_| Date::new(year + 1, 1, 1))
        .ok()
}

impl<S: SieSink> Reader<'_, S> {
    pub(super) fn financial_year(&mut self, line: &[u8], fields: &[Field]) {
        let (Some(index_field), Some(start_field), Some(end_field)) = (
            self.required(line, fields, 1, "årsnummer"),
            self.required(line, fields, 2, "startdatum"),
            self.required(line, fields, 3, "slutdatum"),
        ) else {
            return;
        };
        let index = self.checked(
            line,
            index_field,
            fields::year_index,
            "årsnumret ska vara 0, -1, …",
        );
        let start = self.year_date(line, start_field, "startdatumet");
        let end = self.year_date(line, end_field, "slutdatumet");
        let (Some(index), Some(start), Some(end)) = (index, start, end) else {
            return;
        };
        if end < start {
            return self.error(
                line,
                Some(end_field),
                format!("räkenskapsår {index} slutar före det börjar: {start} – {end}"),
            );
        }
        if let Some(first) = self.years.get(&index) {
            let message = format!("räkenskapsår {index} anges redan på rad {first}");
            return self.error(line, Some(index_field), message);
        }
        let years = &self.file.header.financial_years;
        let gap = match (years.get(&(index - 1)), years.get(&(index + 1))) {
            (Some(&(_, before)), _) if day_after(before) != Some(start) => {
                Some((index - 1, before, index, start))
            }
            (_, Some(&(after, _))) if day_after(end) != Some(after) => {
                Some((index, end, index + 1, after))
            }
            _ => None,
        };
        if let Some((earlier, ends, later, starts)) = gap {
            let message = format!(
                "räkenskapsåren följer inte på varandra: år {earlier} slutar {ends}, men år {later} börjar {starts}"
            );
            return self.error(line, Some(index_field), message);
        }
        self.years.insert(index, self.file.counts.lines);
        self.file.header.financial_years.insert(index, (start, end));
    }

    /// A required date of #RAR: an empty one is an error, not a year without a start.
    fn year_date(&mut self, line: &[u8], field: Field, name: &str) -> Option<Date> {
        if field.start == field.end {
            self.error(line, Some(field), format!("#RAR saknar {name}"));
            return None;
        }
        self.date_field(line, Some(&field), name)
    }
}
