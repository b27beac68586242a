//! The follow-up report as Markdown ([`markdown`]), CSV ([`csv`]), JSON and an SVG chart
//! ([`chart_svg`]). Tables in tkr (rounded half away from zero, each figure on its own: a
//! follow-up compares figures, it adds up no table of parts), Swedish number format; the sums
//! to date and the deviations are `styr_reports::shown::followup`'s.

mod chart;
mod csv;
mod markdown;

use styr_domain::followup::month::MONTH_NAMES;
use styr_reports::followup::{BudgetSource, FollowupReport};

pub use chart::chart_svg;
pub use csv::csv;
pub use markdown::markdown;

/// Which follow-up a controller is writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The monthly follow-up: the year to date as far as the books go, with a month table.
    Month,
    /// Delårsrapport: January–August, with the full-year forecast.
    Interim,
    /// Årsbokslut: the whole year, budget against outcome.
    YearEnd,
}

impl Layout {
    /// The months the layout covers, given how far the books go.
    pub fn through(self, report: &FollowupReport) -> u8 {
        match self {
            Layout::Month => report.through,
            Layout::Interim => 8,
            Layout::YearEnd => 12,
        }
    }
}

/// "januari–augusti", "januari", or "" before any month.
pub fn period_words(through: u8) -> String {
    match through {
        0 => String::new(),
        1 => MONTH_NAMES[0].to_string(),
        _ => format!(
            "{}–{}",
            MONTH_NAMES[0],
            MONTH_NAMES[usize::from(through - 1)]
        ),
    }
}

pub(crate) fn short_period(through: u8) -> String {
    match through {
        0 => "–".into(),
        1 => "jan".into(),
        _ => format!("jan–{}", &MONTH_NAMES[usize::from(through - 1)][..3]),
    }
}

pub fn heading(report: &FollowupReport, layout: Layout) -> String {
    let through = layout.through(report);
    match layout {
        Layout::Month => format!(
            "Uppföljning {} {}: {}",
            period_words(through),
            report.year,
            report.title
        ),
        Layout::Interim => format!(
            "Delårsrapport januari–augusti {}: {}",
            report.year, report.title
        ),
        Layout::YearEnd => format!("Årsbokslut {}: {}", report.year, report.title),
    }
}

pub(crate) fn source_sentence(report: &FollowupReport) -> &'static str {
    match report.budget_source {
        BudgetSource::Budget => {
            "Budgeten är nämndens driftbudget fördelad på månaderna, jämnt eller efter radens periodisering."
        }
        BudgetSource::PeriodBudget => "Budgeten är ekonomisystemets periodbudget (#PBUDGET).",
        BudgetSource::None => "Filen har ingen budget; tabellerna visar utfallet.",
    }
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
