//! One request of a batch, checked and applied: all of its changes or none, on the budget as
//! the requests before it in the batch left it; and what the store must write for it — the
//! one cell an operating edit names, or the whole part another change touches.

use styr_domain::budget::Budget;
use styr_domain::change::{Change, Superseded};
use styr_store::{AuditEntry, BudgetId, CellLine, Part, Write};

use super::Pending;
use crate::{AppError, audit};

/// Applies one request's changes, all or none: a single change is atomic in the domain, and a
/// request of several is tried on a copy first. A budget must still compute afterwards (only a
/// frame change can break that, by reaching a year its index lacks). Also says which parts
/// the change touched by superseding stated figures, which the store must write too.
pub(super) fn apply_request(
    id: BudgetId,
    budget: &mut Budget,
    changes: &[Change],
) -> Result<(Vec<AuditEntry>, Superseded), AppError> {
    let risky = changes.len() > 1 || changes.iter().any(touches_frames);
    let mut touched = Superseded::default();
    if !risky {
        let mut entries = Vec::new();
        for change in changes {
            let entry = audit::describe(id, budget, change);
            touched = touched.and(budget.apply_superseding(change)?);
            entries.push(entry);
        }
        return Ok((entries, touched));
    }
    let mut candidate = budget.clone();
    let mut entries = Vec::new();
    for change in changes {
        entries.push(audit::describe(id, &candidate, change));
        touched = touched.and(candidate.apply_superseding(change)?);
    }
    styr_reports::budget_report(&candidate).map_err(AppError::DoesNotCompute)?;
    *budget = candidate;
    Ok((entries, touched))
}

/// A change to a frame or the index table reaches later years and every table's result.
fn touches_frames(change: &Change) -> bool {
    matches!(
        change,
        Change::SetFrameAmount { .. }
            | Change::PutFrameYear { .. }
            | Change::SetFrameIndex { .. }
            | Change::PutIndexVintage { .. }
            | Change::RemoveIndexVintage { .. }
    )
}

/// The parts superseding stated figures touched.
pub(super) fn superseded_parts(touched: Superseded) -> Vec<Part> {
    let mut parts = Vec::new();
    if touched.operating {
        parts.push(Part::Operating);
    }
    if touched.investment {
        parts.push(Part::Investment);
    }
    if touched.statements {
        parts.push(Part::Registers);
    }
    parts
}

/// The refusal of a request whose changes were based on a version that is no longer current.
pub(super) fn stale(budget: &Budget, pending: &Pending, revision: i64) -> Option<AppError> {
    pending
        .changes
        .iter()
        .zip(&pending.seen)
        .find_map(|(change, seen)| {
            let seen = seen.as_ref()?;
            (audit::version_of(budget, change) != *seen).then(|| AppError::Stale {
                entity: audit::describe(0, budget, change).entity,
                current: audit::current_text(budget, change),
                current_version: audit::version_of(budget, change),
                current_revision: revision,
            })
        })
}

/// What the store must write for a change: the one cell, or the part it touches.
pub(super) fn writes_for(change: &Change) -> Vec<Write> {
    let part = match change {
        Change::SetLine {
            unit,
            line,
            year,
            amount,
        } => {
            return vec![Write::Cell {
                unit: unit.clone(),
                line: CellLine::Line(*line),
                year: *year,
                amount: *amount,
            }];
        }
        Change::SetFinancialNet { unit, year, amount } => {
            return vec![Write::Cell {
                unit: unit.clone(),
                line: CellLine::FinancialNet,
                year: *year,
                amount: *amount,
            }];
        }
        Change::SetExplanation { .. } => Part::Operating,
        Change::SetFrameAmount { .. }
        | Change::PutFrameYear { .. }
        | Change::SetFrameIndex { .. }
        | Change::PutIndexVintage { .. }
        | Change::RemoveIndexVintage { .. } => Part::Frames,
        Change::PutProject { .. } | Change::RemoveProject { .. } => Part::Investment,
        Change::PutRisk { .. }
        | Change::RemoveRisk { .. }
        | Change::PutControl { .. }
        | Change::RemoveControl { .. }
        | Change::AddControlResult { .. } => Part::Risks,
        Change::PutGoal { .. }
        | Change::RemoveGoal { .. }
        | Change::PutEfficiency { .. }
        | Change::RemoveEfficiency { .. }
        | Change::SetKpiTarget { .. } => Part::Registers,
        Change::SetDocument { .. } => Part::Document,
        Change::PutSection { .. } | Change::RemoveSection { .. } | Change::MoveSection { .. } => {
            Part::Registers
        }
        Change::SetProfile { .. } => Part::Profile,
    };
    vec![Write::Part(part)]
}

pub(super) fn change_name(change: &Change) -> &'static str {
    match change {
        Change::SetLine { .. } => "set_line",
        Change::SetFinancialNet { .. } => "set_financial_net",
        Change::SetExplanation { .. } => "set_explanation",
        Change::SetFrameAmount { .. } => "set_frame_amount",
        Change::PutProject { .. } => "put_project",
        Change::RemoveProject { .. } => "remove_project",
        Change::PutRisk { .. } => "put_risk",
        Change::RemoveRisk { .. } => "remove_risk",
        Change::PutControl { .. } => "put_control",
        Change::RemoveControl { .. } => "remove_control",
        Change::AddControlResult { .. } => "add_control_result",
        Change::PutGoal { .. } => "put_goal",
        Change::RemoveGoal { .. } => "remove_goal",
        Change::PutEfficiency { .. } => "put_efficiency",
        Change::RemoveEfficiency { .. } => "remove_efficiency",
        Change::SetDocument { .. } => "set_document",
        Change::PutSection { .. } => "put_section",
        Change::RemoveSection { .. } => "remove_section",
        Change::MoveSection { .. } => "move_section",
        Change::SetProfile { .. } => "set_profile",
        Change::SetKpiTarget { .. } => "set_kpi_target",
        Change::PutFrameYear { .. } => "put_frame_year",
        Change::SetFrameIndex { .. } => "set_frame_index",
        Change::PutIndexVintage { .. } => "put_index_vintage",
        Change::RemoveIndexVintage { .. } => "remove_index_vintage",
    }
}
