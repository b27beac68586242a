//! The frame derivation report: each year's kommunbidrag and the trail of how it arose, as
//! the bullets of a budget document would give it.

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::frame::{Frame, FrameError, TrailKind};
use styr_domain::money::{Amount, Precision};
use styr_domain::organisation::UnitId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameReport {
    pub unit: UnitId,
    pub heading: String,
    pub index: String,
    pub vintage: String,
    pub years: Vec<FrameYearReport>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameYearReport {
    pub year: Year,
    /// Whole tkr: entered, or derived and rounded.
    pub kommunbidrag: Amount,
    pub entered: bool,
    pub steps: Vec<FrameStepReport>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameStepReport {
    /// "Grundbudget 2024", "PKV 2025: 100 % av 2,5 %", "Omställningsfond (permanent)".
    pub description: String,
    /// The running figure after the step, exact.
    pub running: Amount,
    /// The precision the step's figure is good to, for showing it.
    pub precision: Precision,
    /// The document's own wording of the step.
    pub text: String,
}

pub fn frame_report(budget: &Budget, frame: &Frame) -> Result<FrameReport, FrameError> {
    let years = frame
        .figures(&budget.index)?
        .into_iter()
        .map(|figure| {
            let precision = figure
                .trail
                .as_ref()
                .map_or(Precision::TKR, |trail| trail.precision);
            let steps = figure
                .trail
                .iter()
                .flat_map(|trail| &trail.lines)
                .map(|line| FrameStepReport {
                    description: describe(&line.kind, &frame.index.name),
                    running: line.running,
                    precision,
                    text: line.text.clone(),
                })
                .collect();
            FrameYearReport {
                year: figure.year,
                kommunbidrag: figure.kommunbidrag,
                entered: figure.entered,
                steps,
            }
        })
        .collect();
    Ok(FrameReport {
        unit: frame.unit.clone(),
        heading: frame.heading.clone(),
        index: frame.index.name.clone(),
        vintage: frame.index.vintage.clone(),
        years,
    })
}

fn describe(kind: &TrailKind, index: &str) -> String {
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
                format::with_unit(*amount, Precision::TKR)
            )
        }
    }
}
