//! The frame derivation report: each year's kommunbidrag and the trail of how it arose, as
//! the bullets of a budget document would give it, and whether a decided year agrees with
//! the derivation the document gives for it.
//!
//! A frame's trail is shown in one unit from its first year to its last, so that no
//! "113,3 mnkr" stands beside "121 498 tkr": the unit prose gives the budget year's
//! kommunbidrag (mnkr, or tkr under 1 mnkr), or a coarser one if a trail is stated coarser.

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::frame::{Frame, FrameError, FrameFigure, TrailKind};
use styr_domain::money::{Amount, Precision};
use styr_domain::organisation::UnitId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameReport {
    pub unit: UnitId,
    pub heading: String,
    pub index: String,
    pub vintage: String,
    /// The one unit (and precision) every step of the frame's trail is shown in.
    pub trail_unit: Precision,
    pub years: Vec<FrameYearReport>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameYearReport {
    pub year: Year,
    /// Whole tkr: entered, or derived and rounded.
    pub kommunbidrag: Amount,
    pub entered: bool,
    pub steps: Vec<FrameStepReport>,
    /// What the derivation gives, exactly, where the year has one.
    pub derivation_result: Option<Amount>,
    /// A decided year whose derivation, at the precision it is stated to, gives another
    /// figure: the page, the check and the document warn of it.
    pub differs: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameStepReport {
    /// "Grundbudget 2024", "PKV 2025: 100 % av 2,5 %", "Omställningsfond (permanent)".
    pub description: String,
    /// The running figure after the step, exact.
    pub running: Amount,
    /// The precision the step's figure is shown at: the frame's one unit.
    pub precision: Precision,
    /// The document's own wording of the step.
    pub text: String,
}

pub fn frame_report(budget: &Budget, frame: &Frame) -> Result<FrameReport, FrameError> {
    let figures = frame.figures(&budget.index)?;
    let unit = frame_unit(budget, &figures);
    let years = figures
        .into_iter()
        .map(|figure| {
            let steps = figure
                .trail
                .iter()
                .flat_map(|trail| &trail.lines)
                .map(|line| FrameStepReport {
                    description: describe(&line.kind, &frame.index.name, unit),
                    running: line.running,
                    precision: unit,
                    text: line.text.clone(),
                })
                .collect();
            let derivation_result = figure.trail.as_ref().map(|trail| trail.result());
            let differs = figure.entered
                && figure.trail.as_ref().is_some_and(|trail| {
                    !figure
                        .kommunbidrag
                        .shown_alike(trail.result(), trail.precision)
                });
            FrameYearReport {
                year: figure.year,
                kommunbidrag: figure.kommunbidrag,
                entered: figure.entered,
                steps,
                derivation_result,
                differs,
            }
        })
        .collect();
    Ok(FrameReport {
        unit: frame.unit.clone(),
        heading: frame.heading.clone(),
        index: frame.index.name.clone(),
        vintage: frame.index.vintage.clone(),
        trail_unit: unit,
        years,
    })
}

/// The frame's one unit: what prose states the budget year's kommunbidrag in, or the
/// coarsest precision a trail is stated to, whichever is coarser.
fn frame_unit(budget: &Budget, figures: &[FrameFigure]) -> Precision {
    let budget_year = figures
        .iter()
        .find(|figure| figure.year == budget.years.budget)
        .or(figures.last());
    let mut unit = budget_year.map_or(Precision::TKR, |figure| {
        crate::sentences::prose_precision(figure.kommunbidrag)
    });
    for trail in figures.iter().filter_map(|figure| figure.trail.as_ref()) {
        unit = unit.coarser(trail.precision);
    }
    unit
}

fn describe(kind: &TrailKind, index: &str, unit: Precision) -> String {
    match kind {
        TrailKind::Base { year } => format!("Grundbudget {year}"),
        TrailKind::Uprating {
            index_year,
            share,
            percent,
        } => {
            format!(
                "Uppräkning med {} procent av {index} {index_year} ({} procent)",
                share.to_swedish(),
                percent.to_swedish()
            )
        }
        TrailKind::Adjustment {
            name,
            amount,
            permanence,
        } => {
            format!(
                "{name} ({}), {}",
                permanence.swedish(),
                format::with_unit(*amount, unit)
            )
        }
    }
}

/// "Observera: det beslutade kommunbidraget 2025, 119,0 mnkr, stämmer inte med härledningen,
/// som ger 118,5 mnkr." The same words on the page, in the check and in the document.
pub fn derivation_warning(
    year: styr_domain::calendar::Year,
    decided: styr_domain::money::Amount,
    derived: styr_domain::money::Amount,
    unit: styr_domain::money::Precision,
) -> String {
    // Shown alike in the frame's unit, the two differ only below it: then in whole tkr.
    let unit = if decided.shown_alike(derived, unit) {
        styr_domain::money::Precision::TKR
    } else {
        unit
    };
    format!(
        "Observera: det beslutade kommunbidraget {year}, {}, stämmer inte med härledningen, som ger {}.",
        format::with_unit(decided, unit),
        format::with_unit(derived, unit)
    )
}
