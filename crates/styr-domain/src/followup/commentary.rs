//! What people write beside the figures of a follow-up: the responsible person's explanation
//! of a line's deviation in a unit, and the texts of an interim or annual report that no
//! figure can give — the events of importance and the outlook.
//!
//! ```text
//! Ekonomiavdelningen, Personalkostnader, 2025: "Två vakanser under våren; tillsatta i augusti."
//! Delårsrapport 2025-08, Viktiga händelser: "Kommunhuset togs i bruk i maj …"
//! ```

use serde::Serialize;

use super::month::Month;
use crate::calendar::Year;
use crate::operating::OperatingRow;
use crate::organisation::UnitId;

/// Why a unit's line deviates from its budget, as the responsible person explains it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeviationExplanation {
    pub unit: UnitId,
    pub row: OperatingRow,
    pub year: Year,
    pub text: String,
    pub by: String,
    pub at: String,
}

/// Which report a follow-up is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Delårsrapport: half to two thirds of the year, with the full-year forecast
    /// (LKBR 13 kap.).
    Interim,
    /// The board's verksamhetsberättelse for the årsredovisning: the whole year.
    Annual,
}

impl ReportKind {
    pub const ALL: [ReportKind; 2] = [ReportKind::Interim, ReportKind::Annual];

    /// The name in a command and an address: "delarsrapport", "arsredovisning".
    pub const fn key(self) -> &'static str {
        match self {
            ReportKind::Interim => "delarsrapport",
            ReportKind::Annual => "arsredovisning",
        }
    }

    pub fn from_key(key: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// "Delårsrapport", "Verksamhetsberättelse".
    pub const fn title(self) -> &'static str {
        match self {
            ReportKind::Interim => "Delårsrapport",
            ReportKind::Annual => "Verksamhetsberättelse",
        }
    }
}

/// A text of a report that people write, one per report, period and part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportPart {
    /// Händelser av väsentlig betydelse.
    Events,
    /// Förväntad utveckling.
    Outlook,
}

impl ReportPart {
    pub const ALL: [ReportPart; 2] = [ReportPart::Events, ReportPart::Outlook];

    pub const fn key(self) -> &'static str {
        match self {
            ReportPart::Events => "events",
            ReportPart::Outlook => "outlook",
        }
    }

    pub fn from_key(key: &str) -> Option<ReportPart> {
        ReportPart::ALL.into_iter().find(|part| part.key() == key)
    }

    /// The part's heading in the report.
    pub const fn heading(self) -> &'static str {
        match self {
            ReportPart::Events => "Viktiga händelser",
            ReportPart::Outlook => "Förväntad utveckling",
        }
    }
}

/// The texts people wrote for one report: what it is, the last month it covers, and its
/// parts in Markdown (an empty part is left out of the report).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReportTexts {
    pub events: String,
    pub outlook: String,
}

impl ReportTexts {
    pub fn part(&self, part: ReportPart) -> &str {
        match part {
            ReportPart::Events => &self.events,
            ReportPart::Outlook => &self.outlook,
        }
    }

    pub fn set(&mut self, part: ReportPart, text: String) {
        match part {
            ReportPart::Events => self.events = text,
            ReportPart::Outlook => self.outlook = text,
        }
    }
}

/// A report and its period: the delårsrapport through August 2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ReportPeriod {
    pub kind: ReportKind,
    /// The last month the report covers; the year is its year.
    pub through: Month,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_named_as_the_command_names_it() {
        for kind in ReportKind::ALL {
            assert_eq!(ReportKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(ReportKind::from_key("budget"), None);
        assert_eq!(ReportPart::from_key("events"), Some(ReportPart::Events));
    }
}
