//! The follow-up report as Markdown ([`markdown`]), CSV ([`csv`]), JSON and SVG charts
//! ([`chart`]: monthly bars with the accumulated line, and the course of a deviation). Tables
//! in whole tkr as `styr_reports::shown::followup` rounds them (a table that adds up and
//! subtracts as printed), Swedish number format; a month that is not booked reads "ej
//! bokfört", never 0.

pub mod chart;
mod csv;
mod markdown;

use styr_reports::followup::{BudgetSource, FollowupReport};

pub use chart::{chart_svg, course_svg};
pub use csv::csv;
pub use markdown::markdown;
pub use styr_reports::shown::interim::{period_words, short_period};

/// What a month without outcome reads, in every table and file.
pub const NOT_BOOKED: &str = "ej bokfört";

/// The one sentence on signs every follow-up page and file states.
pub const SIGNS: &str = "Belopp i tkr. Intäkter är positiva och kostnader negativa, och en positiv avvikelse är alltid till nämndens fördel (utfall minus budget).";

/// Which follow-up a controller is writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The monthly follow-up: the year to date as far as the books go, with a month table.
    Month,
    /// Delårsrapport: January–August, with the full-year forecast.
    Interim,
    /// Årsbokslut: the whole year, budget against outcome once every month is booked.
    YearEnd,
}

impl Layout {
    /// The last month of the period the layout asks for: `None` for as far as the books go.
    pub fn period(self) -> Option<u8> {
        match self {
            Layout::Month => None,
            Layout::Interim => Some(8),
            Layout::YearEnd => Some(12),
        }
    }
}

/// The heading: "Uppföljning januari–augusti 2025: Kommunstyrelsen", "Delårsrapport
/// januari–augusti 2025: …", "Årsbokslut 2025: …" — with "preliminärt, 8 av 12 månader
/// bokförda" while the year is not closed.
pub fn heading(report: &FollowupReport, layout: Layout) -> String {
    match layout {
        Layout::Month => format!(
            "Uppföljning {} {}: {}",
            period_words(report.through),
            report.year,
            report.title
        ),
        Layout::Interim => format!(
            "Delårsrapport {} {}: {}",
            period_words(report.period),
            report.year,
            report.title
        ),
        Layout::YearEnd if report.is_closed() => {
            format!("Årsbokslut {}: {}", report.year, report.title)
        }
        Layout::YearEnd => format!(
            "Årsbokslut {}: {} (preliminärt, {} av 12 månader bokförda)",
            report.year, report.title, report.through
        ),
    }
}

/// What the budget is, in one sentence: the version compared with, or the file's own.
pub fn source_sentence(report: &FollowupReport) -> String {
    match (report.budget_source, &report.version) {
        (BudgetSource::Budget, Some(version)) => format!(
            "{} Den är fördelad på månaderna jämnt eller efter radens periodisering.",
            version.sentence()
        ),
        (BudgetSource::Budget, None) => {
            "Budgeten är nämndens driftbudget fördelad på månaderna, jämnt eller efter radens periodisering.".into()
        }
        (BudgetSource::PeriodBudget, _) => "Budgeten är ekonomisystemets periodbudget (#PBUDGET).".into(),
        (BudgetSource::None, _) => "Filen har ingen budget; tabellerna visar utfallet.".into(),
    }
}

/// What is booked: "Bokfört januari–augusti; september–december är ej bokförda." — every
/// month of the period that is not booked named, so no view claims more than the books hold.
pub fn booked_sentence(report: &FollowupReport) -> String {
    styr_reports::shown::interim::booked_sentence(report)
}

pub fn json(report: &FollowupReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_named_in_swedish() {
        assert_eq!(period_words(8), "januari–augusti");
        assert_eq!(period_words(1), "januari");
        assert_eq!(short_period(3), "jan–mar");
    }
}
