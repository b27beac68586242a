//! The parts of a record beyond the document's own tables, read from their raw shapes: an
//! investment project's total budget, dates, owner, status and driftkonsekvens; a risk's
//! owner, category and residual risk; a control activity's schedule, status and conclusion.
//! Each is optional in the file, and each that is written wrong is an issue at its place.
//!
//! ```toml
//! [[investment.project]]
//! name = "Stadsskogen"
//! total_budget = 59100
//! start = 2024-03-01
//! status = "ongoing"
//! capital_costs = { 2027 = -1200 }
//! ```

use std::collections::BTreeMap;

use styr_domain::calendar::Year;
use styr_domain::internal_control::{ControlStatus, Frequency, Schedule};
use styr_domain::investment::{InvestmentProject, OperatingEffect, ProjectStatus};
use styr_domain::money::Amount;
use styr_domain::money::Unit;
use styr_domain::risk::{Grade, Residual};

use super::raw::{RawControl, RawProject, RawRisk};
use super::reader::Reader;

const STATUS_KEYS: [&str; 4] = ["planned", "ongoing", "paused", "completed"];
const FREQUENCY_KEYS: [&str; 6] = [
    "once",
    "yearly",
    "tertial",
    "quarterly",
    "monthly",
    "continuous",
];
const CONTROL_STATUS_KEYS: [&str; 4] = ["planned", "ongoing", "done", "cancelled"];

/// Fills in `project`'s details from the file.
pub fn project_details(reader: &mut Reader, raw: &RawProject, project: &mut InvestmentProject) {
    project.total_budget = raw
        .total_budget
        .as_ref()
        .and_then(|amount| reader.amount(amount, Unit::Tkr))
        .map(|stated| stated.value);
    project.start = reader.optional_date(raw.start.as_ref());
    project.end = reader.optional_date(raw.end.as_ref());
    if let (Some(start), Some(end), Some(span)) = (project.start, project.end, raw.end.as_ref())
        && end < start
    {
        reader.issue(
            span.span(),
            format!("projektets slut ({end}) ligger före dess start ({start})"),
        );
    }
    project.owner = raw.owner.clone();
    if let Some(status) = &raw.status {
        project.status = reader
            .choice(
                status,
                "projektstatus",
                &STATUS_KEYS,
                ProjectStatus::from_key,
            )
            .unwrap_or_default();
    }
    let capital: BTreeMap<Year, Amount> = reader
        .year_amounts(&raw.capital_costs)
        .into_iter()
        .map(|(year, stated)| (year, stated.value))
        .collect();
    let other: BTreeMap<Year, Amount> = reader
        .year_amounts(&raw.operating_effects)
        .into_iter()
        .map(|(year, stated)| (year, stated.value))
        .collect();
    for year in capital.keys().chain(other.keys()) {
        project.operating_effects.insert(
            *year,
            OperatingEffect {
                capital_cost: capital.get(year).copied().unwrap_or_default(),
                other: other.get(year).copied().unwrap_or_default(),
            },
        );
    }
}

/// A risk's residual grades: both or neither.
pub fn residual(reader: &mut Reader, raw: &RawRisk) -> Option<Residual> {
    match (&raw.residual_probability, &raw.residual_materiality) {
        (None, None) => None,
        (Some(probability), Some(materiality)) => {
            let grade = |reader: &mut Reader, value: &toml::Spanned<i64>| {
                Grade::new(*value.get_ref())
                    .map_err(|error| reader.issue(value.span(), error.to_string()))
                    .ok()
            };
            let probability = grade(reader, probability);
            let materiality = grade(reader, materiality);
            Some(Residual {
                probability: probability?,
                materiality: materiality?,
            })
        }
        (Some(one), None) | (None, Some(one)) => {
            reader.issue(
                one.span(),
                "kvarstående risk anges med både residual_probability och residual_materiality",
            );
            None
        }
    }
}

/// A control activity's schedule, status and conclusion.
pub fn control_details(reader: &mut Reader, raw: &RawControl) -> (Schedule, ControlStatus, String) {
    let frequency = raw
        .frequency
        .as_ref()
        .and_then(|frequency| {
            reader.choice(frequency, "frekvens", &FREQUENCY_KEYS, Frequency::from_key)
        })
        .unwrap_or_default();
    let schedule = Schedule {
        frequency,
        planned_on: reader.optional_date(raw.planned_on.as_ref()),
        report_by: reader.optional_date(raw.report_by.as_ref()),
    };
    let status = raw
        .status
        .as_ref()
        .and_then(|status| {
            reader.choice(
                status,
                "kontrollstatus",
                &CONTROL_STATUS_KEYS,
                ControlStatus::from_key,
            )
        })
        .unwrap_or_default();
    (schedule, status, raw.conclusion.clone())
}
