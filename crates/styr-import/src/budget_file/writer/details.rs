//! Writing what [`super::super::details`] reads: a project's details and driftkonsekvens, a
//! risk's owner, category and residual risk, a control's schedule, status and conclusion, and
//! the stated figures a person has since superseded. Each is written only when it says
//! something, so a budget without them reads as it was written.

use std::collections::BTreeMap;

use styr_domain::calendar::Year;
use styr_domain::internal_control::{ControlActivity, ControlStatus, Frequency};
use styr_domain::investment::{InvestmentProject, InvestmentRow, ProjectStatus};
use styr_domain::money::Stated;
use styr_domain::operating::OperatingRow;
use styr_domain::risk::Risk;

use super::output::Output;
use super::values::{entered_amount, stated, year_amounts};

pub(super) fn project(out: &mut Output, project: &InvestmentProject) {
    if let Some(total) = project.total_budget {
        out.raw("total_budget", &entered_amount(total));
    }
    out.optional_date("start", project.start);
    out.optional_date("end", project.end);
    if !project.owner.is_empty() {
        out.text("owner", &project.owner);
    }
    if project.status != ProjectStatus::default() {
        out.text("status", project.status.key());
    }
    let effects = &project.operating_effects;
    if !effects.is_empty() {
        out.raw(
            "capital_costs",
            &year_amounts(
                effects
                    .iter()
                    .map(|(year, effect)| (*year, entered_amount(effect.capital_cost))),
            ),
        );
        out.raw(
            "operating_effects",
            &year_amounts(
                effects
                    .iter()
                    .map(|(year, effect)| (*year, entered_amount(effect.other))),
            ),
        );
    }
}

pub(super) fn risk(out: &mut Output, risk: &Risk) {
    if !risk.owner.is_empty() {
        out.text("owner", &risk.owner);
    }
    if !risk.category.is_empty() {
        out.text("category", &risk.category);
    }
    if let Some(residual) = risk.residual {
        out.raw(
            "residual_probability",
            &residual.probability.value().to_string(),
        );
        out.raw(
            "residual_materiality",
            &residual.materiality.value().to_string(),
        );
    }
}

/// A control's own keys; written before its results, which are tables of their own.
pub(super) fn control(out: &mut Output, control: &ControlActivity) {
    if control.schedule.frequency != Frequency::default() {
        out.text("frequency", control.schedule.frequency.key());
    }
    out.optional_date("planned_on", control.schedule.planned_on);
    out.optional_date("report_by", control.schedule.report_by);
    if control.status != ControlStatus::default() {
        out.text("status", control.status.key());
    }
    out.long_text("conclusion", &control.conclusion);
}

/// An operating table's superseded rows, as `[operating.superseded]`.
pub(super) fn operating_superseded(
    out: &mut Output,
    superseded: &BTreeMap<(OperatingRow, Year), Stated>,
) {
    if superseded.is_empty() {
        return;
    }
    out.table("[operating.superseded]");
    for row in OperatingRow::ALL {
        let figures: Vec<_> = superseded
            .iter()
            .filter(|((superseded_row, _), _)| *superseded_row == row)
            .map(|((_, year), value)| (*year, stated(value)))
            .collect();
        if !figures.is_empty() {
            out.raw(row.key(), &year_amounts(figures.into_iter()));
        }
    }
}

/// The investment plan's superseded rows, as `[investment.superseded]`.
pub(super) fn investment_superseded(
    out: &mut Output,
    superseded: &BTreeMap<(InvestmentRow, Year), Stated>,
) {
    if superseded.is_empty() {
        return;
    }
    out.table("[investment.superseded]");
    let mut rows: Vec<&InvestmentRow> = superseded.keys().map(|(row, _)| row).collect();
    rows.dedup();
    for row in rows {
        let key = match row {
            InvestmentRow::Category(category) => category.key(),
            InvestmentRow::Total => "total",
            InvestmentRow::Project(_) => continue,
        };
        let figures = superseded
            .iter()
            .filter(|((superseded_row, _), _)| superseded_row == row)
            .map(|((_, year), value)| (*year, stated(value)));
        out.raw(key, &year_amounts(figures));
    }
}
