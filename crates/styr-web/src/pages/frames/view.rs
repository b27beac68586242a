//! The Ramberäkning page's views: each frame's years with the trail of how each figure arose
//! (in the frame's one unit), the warning where a decided year differs from its derivation,
//! and the fields of each year's derivation for those who may change it.

use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_domain::format;
use styr_domain::frame::{Base, Derivation, Frame, FrameYear, Permanence, StepKind};
use styr_domain::money::{Precision, Stated};
use styr_reports::frame::FrameReport;

use crate::view::tkr;

pub struct StepView {
    pub description: String,
    pub running: String,
    /// What the document states after the step ("113,5 mnkr"), quoted as it wrote it.
    pub stated: String,
    pub text: String,
}

/// One step's fields in a year's form; the last of a year's rows is blank, for a new step.
pub struct StepEdit {
    pub index: usize,
    /// "uprating", "adjustment" or "" (none).
    pub kind: &'static str,
    pub index_year: String,
    pub share: String,
    pub name: String,
    pub amount: String,
    pub permanent: bool,
    pub result: String,
    pub text: String,
}

pub struct YearView {
    pub year: u16,
    pub kommunbidrag: String,
    pub entered: bool,
    /// The comparison year: shown as decided, never a field.
    pub comparison: bool,
    pub steps: Vec<StepView>,
    /// "Observera: det beslutade kommunbidraget 2025 …", when the derivation differs.
    pub warning: String,
    /// The form's target and the record's version as read.
    pub target: String,
    pub version: String,
    /// "entered" or "derived".
    pub mode: &'static str,
    pub amount: String,
    /// "frame", "amount" or "".
    pub base: &'static str,
    pub base_year: String,
    pub base_amount: String,
    pub edits: Vec<StepEdit>,
}

pub struct FrameView {
    pub unit: String,
    pub heading: String,
    pub index: String,
    /// The position of the frame's vintage in the index table.
    pub index_position: usize,
    /// "mnkr" or "tkr": the one unit the trail is shown in.
    pub unit_name: &'static str,
    pub years: Vec<YearView>,
}

pub fn frame_view(budget: &Budget, frame: &Frame, report: &FrameReport) -> FrameView {
    let figures = frame.figures(&budget.index).unwrap_or_default();
    let years = report
        .years
        .iter()
        .map(|year| {
            let figure = figures.iter().find(|figure| figure.year == year.year);
            let lines = figure
                .and_then(|figure| figure.trail.as_ref())
                .map(|trail| &trail.lines);
            let steps = year
                .steps
                .iter()
                .enumerate()
                .map(|(position, step)| StepView {
                    description: step.description.clone(),
                    running: format::with_unit(step.running, step.precision),
                    stated: lines
                        .and_then(|lines| lines.get(position))
                        .and_then(|line| line.stated)
                        .map(|stated| format::with_unit(stated.value, stated.precision))
                        .unwrap_or_default(),
                    text: step.text.clone(),
                })
                .collect();
            let warning = match (year.differs, year.derivation_result) {
                (true, Some(derived)) => styr_reports::shown::derivation_warning(
                    year.year,
                    year.kommunbidrag,
                    derived,
                    report.trail_unit,
                ),
                _ => String::new(),
            };
            let defined = frame.years.get(&year.year);
            let (mode, amount, derivation) = match defined {
                Some(FrameYear::Entered { amount, trail }) => {
                    ("entered", tkr(*amount), trail.as_ref())
                }
                Some(FrameYear::Derived { derivation }) => {
                    ("derived", String::new(), Some(derivation))
                }
                None => ("entered", String::new(), None),
            };
            let (base, base_year, base_amount) = match derivation.map(|derivation| &derivation.base)
            {
                Some(Base::Frame { year }) => ("frame", year.to_string(), String::new()),
                Some(Base::Amount { year, amount }) => {
                    ("amount", year.to_string(), written(amount))
                }
                None => ("", String::new(), String::new()),
            };
            YearView {
                year: year.year.number(),
                kommunbidrag: tkr(year.kommunbidrag),
                entered: year.entered,
                comparison: year.year == budget.years.previous,
                steps,
                warning,
                target: format!("{}-{}", frame.unit, year.year),
                version: defined
                    .map(|defined| {
                        styr_app::version_of(
                            budget,
                            &Change::PutFrameYear {
                                unit: frame.unit.clone(),
                                year: year.year,
                                frame_year: defined.clone(),
                            },
                        )
                    })
                    .unwrap_or_default(),
                mode,
                amount,
                base,
                base_year,
                base_amount,
                edits: edits(derivation),
            }
        })
        .collect();
    FrameView {
        unit: frame.unit.to_string(),
        heading: frame.heading.clone(),
        index: format!("{} ({})", frame.index.name, frame.index.vintage),
        index_position: budget
            .index
            .vintages
            .iter()
            .position(|vintage| {
                vintage.name == frame.index.name && vintage.vintage == frame.index.vintage
            })
            .unwrap_or(usize::MAX),
        unit_name: if report.trail_unit == Precision::TKR {
            "tkr"
        } else {
            "mnkr"
        },
        years,
    }
}

/// Each step's fields, and a blank row after them for a new one.
fn edits(derivation: Option<&Derivation>) -> Vec<StepEdit> {
    let mut edits: Vec<StepEdit> = derivation
        .iter()
        .flat_map(|derivation| &derivation.steps)
        .enumerate()
        .map(|(index, step)| {
            let result = step.stated_result.as_ref().map(written).unwrap_or_default();
            match &step.kind {
                StepKind::Uprating { index_year, share } => StepEdit {
                    index,
                    kind: "uprating",
                    index_year: index_year.to_string(),
                    share: share.to_swedish(),
                    name: String::new(),
                    amount: String::new(),
                    permanent: true,
                    result,
                    text: step.text.clone(),
                },
                StepKind::Adjustment {
                    name,
                    amount,
                    permanence,
                } => StepEdit {
                    index,
                    kind: "adjustment",
                    index_year: String::new(),
                    share: String::new(),
                    name: name.clone(),
                    amount: written(amount),
                    permanent: *permanence == Permanence::Permanent,
                    result,
                    text: step.text.clone(),
                },
            }
        })
        .collect();
    edits.push(StepEdit {
        index: edits.len(),
        kind: "",
        index_year: String::new(),
        share: "100".into(),
        name: String::new(),
        amount: String::new(),
        permanent: true,
        result: String::new(),
        text: String::new(),
    });
    edits
}

/// A stated figure as a person types it back: "113,3 mnkr", "233 tkr".
fn written(stated: &Stated) -> String {
    format::with_unit(stated.value, stated.precision)
}
