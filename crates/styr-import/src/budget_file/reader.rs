//! The conversion's working state: the source text for locating issues, the issues found so
//! far, and small readers that turn one spanned raw value into a domain value or an issue.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use styr_domain::calendar::{Date, Year};
use styr_domain::money::{Stated, Unit};
use styr_domain::organisation::UnitId;
use toml::Spanned;
use toml::value::Datetime;

use super::raw::{RawAmount, YearAmounts};
use crate::amount::parse_amount;
use crate::issue::{Issue, Issues};

pub struct Reader<'a> {
    pub source: &'a str,
    pub issues: Issues,
    pub unit_ids: BTreeSet<String>,
}

impl<'a> Reader<'a> {
    pub fn new(source: &'a str) -> Reader<'a> {
        Reader {
            source,
            issues: Issues::default(),
            unit_ids: BTreeSet::new(),
        }
    }

    pub fn issue(&mut self, span: Range<usize>, message: impl Into<String>) {
        let source = self.source;
        self.issues.add(|| Issue::error(source, span, message));
    }

    pub fn year(&mut self, value: &Spanned<i64>) -> Option<Year> {
        match Year::new(*value.get_ref()) {
            Ok(year) => Some(year),
            Err(error) => {
                self.issue(value.span(), error.to_string());
                None
            }
        }
    }

    pub fn years(&mut self, values: &[Spanned<i64>]) -> Vec<Year> {
        values.iter().filter_map(|value| self.year(value)).collect()
    }

    /// A year written as a table key: `2024 = …`.
    pub fn year_key(&mut self, key: &Spanned<String>) -> Option<Year> {
        match key.get_ref().parse::<i64>() {
            Ok(number) => self.year(&Spanned::new(key.span(), number)),
            Err(_) => {
                self.issue(
                    key.span(),
                    format!(
                        "”{}” är inget årtal; skriv till exempel 2025 = …",
                        key.get_ref()
                    ),
                );
                None
            }
        }
    }

    pub fn date(&mut self, value: &Spanned<Datetime>) -> Option<Date> {
        let datetime = value.get_ref();
        let message = || format!("”{datetime}” är inget datum; skriv till exempel 2024-12-16");
        let Some(date) = datetime.date.filter(|_| datetime.time.is_none()) else {
            self.issue(value.span(), message());
            return None;
        };
        match Date::new(i64::from(date.year), date.month, date.day) {
            Ok(date) => Some(date),
            Err(error) => {
                self.issue(value.span(), error.to_string());
                None
            }
        }
    }

    pub fn optional_date(&mut self, value: Option<&Spanned<Datetime>>) -> Option<Date> {
        value.and_then(|value| self.date(value))
    }

    /// A figure in `default_unit` unless its text names a unit.
    pub fn amount(&mut self, value: &Spanned<RawAmount>, default_unit: Unit) -> Option<Stated> {
        let parsed = match value.get_ref() {
            RawAmount::Integer(whole) => whole
                .checked_mul(default_unit.ore())
                .map(|ore| {
                    Stated::new(
                        styr_domain::money::Amount::from_ore(ore),
                        styr_domain::money::Precision::new(default_unit, 0),
                    )
                })
                .ok_or_else(|| format!("{whole} är för stort")),
            RawAmount::Text(text) => parse_amount(text, default_unit),
        };
        match parsed {
            Ok(stated) => Some(stated),
            Err(message) => {
                self.issue(value.span(), message);
                None
            }
        }
    }

    /// Figures by year in tkr: `{ 2024 = 100548, 2025 = "108 608" }`.
    pub fn year_amounts(&mut self, values: &YearAmounts) -> BTreeMap<Year, Stated> {
        let mut figures = BTreeMap::new();
        for (key, value) in values {
            if let (Some(year), Some(amount)) = (self.year_key(key), self.amount(value, Unit::Tkr))
            {
                figures.insert(year, amount);
            }
        }
        figures
    }

    /// A reference to a unit of the organisation.
    pub fn unit(&mut self, value: &Spanned<String>) -> Option<UnitId> {
        if self.unit_ids.contains(value.get_ref()) {
            Some(UnitId(value.get_ref().clone()))
        } else {
            let known = self
                .unit_ids
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            self.issue(
                value.span(),
                format!(
                    "enheten ”{}” finns inte i organisationen (finns: {known})",
                    value.get_ref()
                ),
            );
            None
        }
    }

    /// A word from a fixed list, such as a line key or a handling.
    pub fn choice<T>(
        &mut self,
        value: &Spanned<String>,
        what: &str,
        allowed: &[&str],
        read: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let found = read(value.get_ref());
        if found.is_none() {
            self.issue(
                value.span(),
                format!(
                    "”{}” är ingen {what}; välj en av: {}",
                    value.get_ref(),
                    allowed.join(", ")
                ),
            );
        }
        found
    }
}
