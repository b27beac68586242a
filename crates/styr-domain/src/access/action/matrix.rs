//! The role × action matrix: which role kinds may take an action of a kind at all (deny
//! unless allowed), and how a budgetansvarig's cell reads, whose scope is checked per unit.

use super::ActionKind;
use crate::access::role::RoleKind;

impl ActionKind {
    /// The matrix: which role kinds may do this at all.
    pub const fn allowed_for(self, role: RoleKind) -> bool {
        use ActionKind as A;
        use RoleKind as R;
        match role {
            R::Administrator => true,
            R::Controller => !matches!(self, A::ManageUsers),
            // A board's controller: the board's own budget, organisation and follow-up; the
            // frame is the council's, the log and the users are everyone's.
            R::BoardController => matches!(
                self,
                A::Read
                    | A::EditLines
                    | A::EditOrganisation
                    | A::EditInvestments
                    | A::EditRisks
                    | A::EditControls
                    | A::EditRegisters
                    | A::EditDocument
                    | A::SetForecast
                    | A::Submit
                    | A::FollowUpGoal
                    | A::ReviewDocument
            ),
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
            // A revisor reviews the documents the boards publish.
            R::Auditor => matches!(self, A::Read | A::ReadAudit | A::ReviewDocument),
        }
    }

    /// Actions that name no unit but that a budgetansvarig for the whole board may take.
    pub(in crate::access) const fn board_wide_for_holder(self) -> bool {
        matches!(
            self,
            ActionKind::Read
                | ActionKind::EditInvestments
                | ActionKind::EditRisks
                | ActionKind::Submit
        )
    }

    /// The note the matrix gives a budgetansvarig's cell.
    pub(in crate::access) const fn holder_note(self) -> &'static str {
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
