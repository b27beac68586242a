//! The sentences a frame's table is followed by: the budget year's kommunbidrag, its change
//! from the year before, and a bullet for every step of its derivation (and each later year's
//! steps after the base), in the reference's wording:
//!
//! ```text
//! År 2025 tilldelas kommunstyrelsen ett kommunbidrag om 118,5 mnkr. Kommunbidraget ökar med
//! 4,2 mnkr jämfört med föregående år. Följande ligger bakom beloppet:
//! • Grundbudget 2024 är 113,3 mnkr.
//! • Uppräkning med 100 procent av PKV 2024 (0,2 procent) ger 113,5 mnkr.
//! ```
//!
//! Every figure of the bullets is in the frame's one unit. A decided year whose derivation
//! gives another figure is not passed over in silence: a warning follows the bullets.

use styr_domain::format;
use styr_domain::money::AmountOverflow;
use styr_domain::organisation::UnitId;

use crate::frame::{FrameReport, FrameStepReport, derivation_warning};
use crate::report::BudgetReport;
use crate::sentences;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownFrame {
    pub unit: UnitId,
    /// The allocation and its change, ending "Följande ligger bakom beloppet:" when bullets follow.
    pub sentence: String,
    /// One per step of the derivation.
    pub bullets: Vec<String>,
    /// One for each decided year whose derivation gives another figure.
    pub warnings: Vec<String>,
}

impl ShownFrame {
    /// The frame's sentences, or `None` when it has no figure for the budget year.
    pub fn of(
        report: &BudgetReport,
        frame: &FrameReport,
    ) -> Result<Option<ShownFrame>, AmountOverflow> {
        let budget_year = report.years.budget;
        let Some(current) = frame.years.iter().find(|year| year.year == budget_year) else {
            return Ok(None);
        };
        let recipient = report
            .organisation
            .tree
            .iter()
            .find(|node| node.id == frame.unit)
            .map_or_else(|| frame.unit.to_string(), |node| lower_first(&node.name));
        let mut sentence =
            sentences::frame_allocation(&recipient, budget_year, current.kommunbidrag);
        if let Some(previous) = frame
            .years
            .iter()
            .find(|year| year.year == report.years.previous)
        {
            sentence.push(' ');
            sentence.push_str(&sentences::frame_change(
                previous.kommunbidrag,
                current.kommunbidrag,
            )?);
        }
        let mut bullets: Vec<String> = current.steps.iter().map(step_sentence).collect();
        for later in frame.years.iter().filter(|year| year.year > budget_year) {
            for step in later.steps.iter().skip(1) {
                bullets.push(format!(
                    "År {}: {}",
                    later.year,
                    lower_first(&step_sentence(step))
                ));
            }
        }
        if !bullets.is_empty() {
            sentence.push_str(" Följande ligger bakom beloppet:");
        }
        let warnings = frame
            .years
            .iter()
            .filter(|year| year.differs && year.year >= budget_year)
            .filter_map(|year| {
                let derived = year.derivation_result?;
                Some(derivation_warning(
                    year.year,
                    year.kommunbidrag,
                    derived,
                    frame.trail_unit,
                ))
            })
            .collect();
        Ok(Some(ShownFrame {
            unit: frame.unit.clone(),
            sentence,
            bullets,
            warnings,
        }))
    }
}

/// "Grundbudget 2024 är 113,3 mnkr." / "Uppräkning med 100 procent av PKV 2024 (0,2 procent)
/// ger 113,5 mnkr."
fn step_sentence(step: &FrameStepReport) -> String {
    let figure = format::with_unit(step.running, step.precision);
    if step.description.starts_with("Grundbudget") {
        format!("{} är {figure}.", step.description)
    } else {
        // "Omställningsfond (permanent), 5 000 tkr, ger …": the amount is an apposition.
        let comma = if step.description.contains(", ") {
            ","
        } else {
            ""
        };
        format!("{}{comma} ger {figure}.", step.description)
    }
}

fn lower_first(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(characters).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;

    #[test]
    fn the_frame_is_allocated_changed_and_derived_in_sentences() {
        let report = crate::budget_report(&small_budget()).expect("the report");
        let frame = ShownFrame::of(&report, &report.frames[0])
            .expect("no overflow")
            .expect("a budget year");
        assert!(
            frame
                .sentence
                .starts_with("År 2025 tilldelas provnämnden ett kommunbidrag om"),
            "{}",
            frame.sentence
        );
        assert!(frame.sentence.ends_with("Följande ligger bakom beloppet:"));
        assert!(
            // 2025 is entered; 2026 is uprated from it.
            frame
                .bullets
                .iter()
                .any(|bullet| bullet.starts_with("År 2026: uppräkning med")),
            "{:?}",
            frame.bullets
        );
    }

    #[test]
    fn an_adjustment_s_amount_is_an_apposition() {
        let step = FrameStepReport {
            description: "Omställningsfond (permanent), 5 000 tkr".into(),
            running: styr_domain::money::Amount::from_tkr(118_535),
            precision: styr_domain::money::Precision::MNKR_ONE_DECIMAL,
            text: String::new(),
        };
        assert_eq!(
            step_sentence(&step),
            "Omställningsfond (permanent), 5 000 tkr, ger 118,5 mnkr."
        );
        assert_eq!(lower_first("Kommunstyrelsen"), "kommunstyrelsen");
    }
}
