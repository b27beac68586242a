//! A measured value of a KPI for a period, and where it came from: typed in a form, sent
//! through the API, read from a CSV file, or fetched from Kolada. Who entered it and when,
//! and a comment, go with it; a value entered again for the same period replaces the first
//! (the audit log keeps what it replaced).

use serde::Serialize;

use super::period::Period;
use crate::decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Entered,
    Api,
    Csv,
    Kolada,
}

impl Source {
    pub const ALL: [Source; 4] = [Source::Entered, Source::Api, Source::Csv, Source::Kolada];

    pub const fn key(self) -> &'static str {
        match self {
            Source::Entered => "entered",
            Source::Api => "api",
            Source::Csv => "csv",
            Source::Kolada => "kolada",
        }
    }

    pub const fn swedish(self) -> &'static str {
        match self {
            Source::Entered => "inmatat",
            Source::Api => "via API",
            Source::Csv => "CSV-fil",
            Source::Kolada => "Källa: Kolada",
        }
    }

    pub fn from_key(key: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|source| source.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Measurement {
    pub kpi: String,
    pub period: Period,
    pub value: Decimal,
    pub source: Source,
    pub entered_by: String,
    /// ISO 8601, as the store writes times.
    pub entered_at: String,
    pub comment: String,
}
