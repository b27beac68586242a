//! What a person can ask to do, and the matrix of which role kinds may do it at all. An
//! action that touches one unit's figures names the unit (`EditLines { unit: "ekonomi" }`), so
//! a budgetansvarig's scope can be checked; every [`Change`] asks for one action.

use crate::change::Change;
use crate::organisation::UnitId;

mod kind;
mod matrix;

pub use kind::ActionKind;

/// Something a person asks to do. Unit-bound actions name the unit they touch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Read,
    ReadAudit,
    EditLines {
        unit: UnitId,
    },
    EditFrames,
    /// Add, rename or move an ansvar: the unit is the one it is placed under (the board's own
    /// id for the top), which must lie in a nämndcontroller's board.
    EditOrganisation {
        unit: UnitId,
    },
    EditInvestments,
    EditRisks,
    EditControls,
    EditRegisters,
    EditDocument,
    ImportBudget,
    ImportOutcome,
    EditMapping,
    SetForecast {
        unit: UnitId,
    },
    Submit,
    Return,
    Adopt,
    Revise,
    ManageUsers,
    /// Enter a goal's KPI values and assess it: the goal's unit (the board's when it names
    /// none) must lie in a budgetansvarig's scope.
    FollowUpGoal {
        unit: UnitId,
    },
    /// Fetch from Kolada or import a Kolada file into the cache, and choose peer groups.
    ImportKolada,
    /// Upload a document (PDF, Word, text) to have its figures reviewed; nothing is kept.
    ReviewDocument,
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Read => ActionKind::Read,
            Action::ReadAudit => ActionKind::ReadAudit,
            Action::EditLines { .. } => ActionKind::EditLines,
            Action::EditFrames => ActionKind::EditFrames,
            Action::EditOrganisation { .. } => ActionKind::EditOrganisation,
            Action::EditInvestments => ActionKind::EditInvestments,
            Action::EditRisks => ActionKind::EditRisks,
            Action::EditControls => ActionKind::EditControls,
            Action::EditRegisters => ActionKind::EditRegisters,
            Action::EditDocument => ActionKind::EditDocument,
            Action::ImportBudget => ActionKind::ImportBudget,
            Action::ImportOutcome => ActionKind::ImportOutcome,
            Action::EditMapping => ActionKind::EditMapping,
            Action::SetForecast { .. } => ActionKind::SetForecast,
            Action::Submit => ActionKind::Submit,
            Action::Return => ActionKind::Return,
            Action::Adopt => ActionKind::Adopt,
            Action::Revise => ActionKind::Revise,
            Action::ManageUsers => ActionKind::ManageUsers,
            Action::FollowUpGoal { .. } => ActionKind::FollowUpGoal,
            Action::ImportKolada => ActionKind::ImportKolada,
            Action::ReviewDocument => ActionKind::ReviewDocument,
        }
    }

    pub fn unit(&self) -> Option<&UnitId> {
        match self {
            Action::EditLines { unit }
            | Action::EditOrganisation { unit }
            | Action::SetForecast { unit }
            | Action::FollowUpGoal { unit } => Some(unit),
            _ => None,
        }
    }

    /// What a change to a budget asks permission for.
    pub fn for_change(change: &Change) -> Action {
        match change {
            Change::SetLine { unit, .. }
            | Change::SetFinancialNet { unit, .. }
            | Change::SetExplanation { unit, .. } => Action::EditLines { unit: unit.clone() },
            Change::SetFrameAmount { .. }
            | Change::PutFrameYear { .. }
            | Change::SetFrameIndex { .. }
            | Change::PutIndexVintage { .. }
            | Change::RemoveIndexVintage { .. } => Action::EditFrames,
            Change::PutProject { .. } | Change::RemoveProject { .. } => Action::EditInvestments,
            Change::PutRisk { .. } | Change::RemoveRisk { .. } => Action::EditRisks,
            Change::PutControl { .. }
            | Change::RemoveControl { .. }
            | Change::AddControlResult { .. } => Action::EditControls,
            Change::PutGoal { .. }
            | Change::RemoveGoal { .. }
            | Change::PutEfficiency { .. }
            | Change::RemoveEfficiency { .. }
            | Change::SetKpiTarget { .. } => Action::EditRegisters,
            Change::SetDocument { .. }
            | Change::PutSection { .. }
            | Change::RemoveSection { .. }
            | Change::MoveSection { .. }
            | Change::SetProfile { .. } => Action::EditDocument,
        }
    }
}
