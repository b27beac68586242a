//! What a person can ask to do, and the matrix of which role kinds may do it at all. An
//! action that touches one unit's figures names the unit (`EditLines { unit: "ekonomi" }`), so
//! a budgetansvarig's scope can be checked; every [`Change`] asks for one action.

use super::role::RoleKind;
use crate::change::Change;
use crate::organisation::UnitId;

/// Something a person asks to do. Unit-bound actions name the unit they touch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Read,
    ReadAudit,
    EditLines {
        unit: UnitId,
    },
    EditFrames,
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
}

/// An action's kind, for the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionKind {
    Read,
    ReadAudit,
    EditLines,
    EditFrames,
    EditInvestments,
    EditRisks,
    EditControls,
    EditRegisters,
    EditDocument,
    ImportBudget,
    ImportOutcome,
    EditMapping,
    SetForecast,
    Submit,
    Return,
    Adopt,
    Revise,
    ManageUsers,
    FollowUpGoal,
    ImportKolada,
}

impl ActionKind {
    pub const ALL: [ActionKind; 20] = [
        ActionKind::Read,
        ActionKind::ReadAudit,
        ActionKind::EditLines,
        ActionKind::EditFrames,
        ActionKind::EditInvestments,
        ActionKind::EditRisks,
        ActionKind::EditControls,
        ActionKind::EditRegisters,
        ActionKind::EditDocument,
        ActionKind::ImportBudget,
        ActionKind::ImportOutcome,
        ActionKind::EditMapping,
        ActionKind::SetForecast,
        ActionKind::Submit,
        ActionKind::Return,
        ActionKind::Adopt,
        ActionKind::Revise,
        ActionKind::ManageUsers,
        ActionKind::FollowUpGoal,
        ActionKind::ImportKolada,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            ActionKind::Read => "Läsa budgetar, rapporter och uppföljning",
            ActionKind::ReadAudit => "Läsa och exportera ändringsloggen",
            ActionKind::EditLines => "Ändra driftbudgetens rader och förklaringar",
            ActionKind::EditFrames => "Ändra ram och kommunbidrag",
            ActionKind::EditInvestments => "Ändra investeringsplanen",
            ActionKind::EditRisks => "Ändra riskanalysen",
            ActionKind::EditControls => "Ändra internkontrollplanen och kontrollresultat",
            ActionKind::EditRegisters => "Ändra mål, inriktningar och effektiviseringar",
            ActionKind::EditDocument => "Ändra dokumentets uppgifter",
            ActionKind::ImportBudget => "Importera eller ersätta en budgetfil",
            ActionKind::ImportOutcome => "Importera utfall (SIE, CSV)",
            ActionKind::EditMapping => "Ändra kontomappning och importprofiler",
            ActionKind::SetForecast => "Lämna prognos och förklara avvikelser",
            ActionKind::Submit => "Lämna in budgeten",
            ActionKind::Return => "Återföra en inlämnad budget till utkast",
            ActionKind::Adopt => "Fastställa budgeten",
            ActionKind::Revise => "Starta en revidering",
            ActionKind::ManageUsers => "Hantera användare och roller",
            ActionKind::FollowUpGoal => "Lämna nyckeltalsvärden och bedöma mål",
            ActionKind::ImportKolada => "Hämta och importera Kolada-data, välja jämförelsegrupp",
        }
    }

    /// The matrix: which role kinds may do this at all.
    pub const fn allowed_for(self, role: RoleKind) -> bool {
        use ActionKind as A;
        use RoleKind as R;
        match role {
            R::Administrator => true,
            R::Controller => !matches!(self, A::ManageUsers),
            R::BudgetHolder => matches!(
                self,
                A::Read
                    | A::EditLines
                    | A::EditInvestments
                    | A::EditRisks
                    | A::SetForecast
                    | A::Submit
                    | A::FollowUpGoal
            ),
            R::ControlCoordinator => {
                matches!(self, A::Read | A::EditRisks | A::EditControls)
            }
            R::Reader => matches!(self, A::Read),
            R::Auditor => matches!(self, A::Read | A::ReadAudit),
        }
    }

    /// Actions that name no unit but that a budgetansvarig for the whole board may take.
    pub(super) const fn board_wide_for_holder(self) -> bool {
        matches!(
            self,
            ActionKind::Read
                | ActionKind::EditInvestments
                | ActionKind::EditRisks
                | ActionKind::Submit
        )
    }

    /// The note the matrix gives a budgetansvarig's cell.
    pub(super) const fn holder_note(self) -> &'static str {
        match self {
            ActionKind::EditLines | ActionKind::SetForecast | ActionKind::FollowUpGoal => {
                "ja, egna enheter"
            }
            ActionKind::EditInvestments | ActionKind::EditRisks | ActionKind::Submit => {
                "ja, om hela nämnden"
            }
            _ => "ja",
        }
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Read => ActionKind::Read,
            Action::ReadAudit => ActionKind::ReadAudit,
            Action::EditLines { .. } => ActionKind::EditLines,
            Action::EditFrames => ActionKind::EditFrames,
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
        }
    }

    pub fn unit(&self) -> Option<&UnitId> {
        match self {
            Action::EditLines { unit }
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
