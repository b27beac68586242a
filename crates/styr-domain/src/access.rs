//! Who may do what: the roles of a municipality's budget work and the actions they allow.
//! Deny by default — an action is allowed only where [`Role::allows`] says so, and the
//! application layer asks before every change. `docs/roles.md` is this table, written by
//! [`matrix_markdown`] and held to it by a test.

use crate::change::Change;
use crate::organisation::{Organisation, UnitId};
use crate::workflow::Status;

/// A person's role. A budgetansvarig's role carries the unit whose subtree it answers for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Users, settings, everything.
    Administrator,
    /// Every board: frames, PKV, imports, mapping, adoption.
    Controller,
    /// A manager who answers for a unit and everything below it.
    BudgetHolder { scope: UnitId },
    /// Risks, the control plan and its results.
    ControlCoordinator,
    /// Reads everything but the audit log.
    Reader,
    /// Reads everything, the audit log too, and changes nothing.
    Auditor,
}

/// A role's kind, without a budgetansvarig's unit: what the matrix and the database name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoleKind {
    Administrator,
    Controller,
    BudgetHolder,
    ControlCoordinator,
    Reader,
    Auditor,
}

impl RoleKind {
    pub const ALL: [RoleKind; 6] = [
        RoleKind::Administrator,
        RoleKind::Controller,
        RoleKind::BudgetHolder,
        RoleKind::ControlCoordinator,
        RoleKind::Reader,
        RoleKind::Auditor,
    ];

    /// The name stored and typed on the command line (`--role admin`).
    pub const fn key(self) -> &'static str {
        match self {
            RoleKind::Administrator => "admin",
            RoleKind::Controller => "controller",
            RoleKind::BudgetHolder => "budgetansvarig",
            RoleKind::ControlCoordinator => "internkontroll",
            RoleKind::Reader => "lasare",
            RoleKind::Auditor => "revisor",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            RoleKind::Administrator => "Administratör",
            RoleKind::Controller => "Controller",
            RoleKind::BudgetHolder => "Budgetansvarig",
            RoleKind::ControlCoordinator => "Internkontrollsamordnare",
            RoleKind::Reader => "Läsare",
            RoleKind::Auditor => "Revisor",
        }
    }

    pub fn from_key(key: &str) -> Option<RoleKind> {
        let key = key.trim().to_lowercase();
        RoleKind::ALL.into_iter().find(|kind| {
            kind.key() == key
                || kind.label().to_lowercase() == key
                || (key == "administratör" && *kind == RoleKind::Administrator)
                || (key == "läsare" && *kind == RoleKind::Reader)
                || (key == "internkontrollsamordnare" && *kind == RoleKind::ControlCoordinator)
        })
    }
}

impl Role {
    pub fn kind(&self) -> RoleKind {
        match self {
            Role::Administrator => RoleKind::Administrator,
            Role::Controller => RoleKind::Controller,
            Role::BudgetHolder { .. } => RoleKind::BudgetHolder,
            Role::ControlCoordinator => RoleKind::ControlCoordinator,
            Role::Reader => RoleKind::Reader,
            Role::Auditor => RoleKind::Auditor,
        }
    }

    /// The role from its stored kind and scope; a budgetansvarig needs a unit.
    pub fn from_parts(kind: RoleKind, scope: Option<&str>) -> Result<Role, String> {
        Ok(match kind {
            RoleKind::Administrator => Role::Administrator,
            RoleKind::Controller => Role::Controller,
            RoleKind::BudgetHolder => match scope.map(str::trim).filter(|unit| !unit.is_empty()) {
                Some(unit) => Role::BudgetHolder {
                    scope: UnitId(unit.to_string()),
                },
                None => return Err("en budgetansvarig behöver en enhet (--scope)".into()),
            },
            RoleKind::ControlCoordinator => Role::ControlCoordinator,
            RoleKind::Reader => Role::Reader,
            RoleKind::Auditor => Role::Auditor,
        })
    }

    pub fn scope(&self) -> Option<&UnitId> {
        match self {
            Role::BudgetHolder { scope } => Some(scope),
            _ => None,
        }
    }

    /// Whether this role may do `action` in the budget of `board` with `organisation`.
    ///
    /// A budgetansvarig's unit-bound actions need the unit inside its subtree; the board's own
    /// records (investments, risks, the submission) belong to the board, so only a
    /// budgetansvarig for the whole board (its unit or one above it) may touch them.
    pub fn allows(&self, action: &Action, organisation: &Organisation, board: &UnitId) -> bool {
        let kind = self.kind();
        if !action.kind().allowed_for(kind) {
            return false;
        }
        match (self, action.unit()) {
            (Role::BudgetHolder { scope }, Some(unit)) => organisation.is_within(unit, scope),
            (Role::BudgetHolder { scope }, None) => {
                action.kind() == ActionKind::Read
                    || (action.kind().board_wide_for_holder()
                        && organisation.is_within(board, scope))
            }
            _ => true,
        }
    }
}

/// Something a person asks to do. Unit-bound actions name the unit they touch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Read,
    ReadAudit,
    EditLines { unit: UnitId },
    EditFrames,
    EditInvestments,
    EditRisks,
    EditControls,
    EditRegisters,
    EditDocument,
    ImportBudget,
    ImportOutcome,
    EditMapping,
    SetForecast { unit: UnitId },
    Submit,
    Return,
    Adopt,
    Revise,
    ManageUsers,
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
}

impl ActionKind {
    pub const ALL: [ActionKind; 18] = [
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
            ActionKind::SetForecast => "Lämna prognos",
            ActionKind::Submit => "Lämna in budgeten",
            ActionKind::Return => "Återföra en inlämnad budget till utkast",
            ActionKind::Adopt => "Fastställa budgeten",
            ActionKind::Revise => "Starta en revidering",
            ActionKind::ManageUsers => "Hantera användare och roller",
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
            ),
            R::ControlCoordinator => {
                matches!(self, A::Read | A::EditRisks | A::EditControls)
            }
            R::Reader => matches!(self, A::Read),
            R::Auditor => matches!(self, A::Read | A::ReadAudit),
        }
    }

    /// Actions that name no unit but that a budgetansvarig for the whole board may take.
    const fn board_wide_for_holder(self) -> bool {
        matches!(
            self,
            ActionKind::Read
                | ActionKind::EditInvestments
                | ActionKind::EditRisks
                | ActionKind::Submit
        )
    }

    /// The note the matrix gives a budgetansvarig's cell.
    const fn holder_note(self) -> &'static str {
        match self {
            ActionKind::EditLines | ActionKind::SetForecast => "ja, egna enheter",
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
        }
    }

    pub fn unit(&self) -> Option<&UnitId> {
        match self {
            Action::EditLines { unit } | Action::SetForecast { unit } => Some(unit),
            _ => None,
        }
    }

    /// What a change to a budget asks permission for.
    pub fn for_change(change: &Change) -> Action {
        match change {
            Change::SetLine { unit, .. }
            | Change::SetFinancialNet { unit, .. }
            | Change::SetExplanation { unit, .. } => Action::EditLines { unit: unit.clone() },
            Change::SetFrameAmount { .. } => Action::EditFrames,
            Change::PutProject { .. } | Change::RemoveProject { .. } => Action::EditInvestments,
            Change::PutRisk { .. } | Change::RemoveRisk { .. } => Action::EditRisks,
            Change::PutControl { .. }
            | Change::RemoveControl { .. }
            | Change::AddControlResult { .. } => Action::EditControls,
            Change::PutGoal { .. }
            | Change::RemoveGoal { .. }
            | Change::PutEfficiency { .. }
            | Change::RemoveEfficiency { .. } => Action::EditRegisters,
            Change::SetDocument { .. } => Action::EditDocument,
        }
    }
}

/// Whether a budget in `status` may be changed by `role` at all: an adopted version is frozen
/// for everyone, and a submitted one is the controllers' until it is adopted or returned.
pub fn status_allows_change(status: Status, role: &Role) -> Result<(), &'static str> {
    match status {
        Status::Draft => Ok(()),
        Status::Submitted
            if matches!(role.kind(), RoleKind::Administrator | RoleKind::Controller) =>
        {
            Ok(())
        }
        Status::Submitted => Err(
            "budgeten är inlämnad; bara en controller kan ändra den innan den fastställs eller återförs",
        ),
        Status::Adopted => Err(
            "budgeten är fastställd och kan inte ändras; starta en revidering för att ändra den",
        ),
    }
}

/// The role × action table as Markdown: `docs/roles.md`.
pub fn matrix_markdown() -> String {
    let mut text = String::from(
        "# Roller och behörigheter\n\n\
         Allt som inte står som tillåtet här är nekat. Tabellen skrivs av\n\
         `styr_domain::access::matrix_markdown` och ett test håller den lika med koden;\n\
         kontrollen görs i applikationslagret för varje ändring, oavsett om den kommer från\n\
         webbsidorna, API:t eller en API-nyckel.\n\n\
         En fastställd budget kan ingen ändra (en revidering startar en ny version), och en\n\
         inlämnad budget ändras bara av controller och administratör. Ändringsloggen kan ingen\n\
         roll ändra eller ta bort.\n\n",
    );
    text.push_str("| Åtgärd |");
    for role in RoleKind::ALL {
        text.push_str(&format!(" {} |", role.label()));
    }
    text.push_str("\n|---|");
    for _ in RoleKind::ALL {
        text.push_str("---|");
    }
    text.push('\n');
    for action in ActionKind::ALL {
        text.push_str(&format!("| {} |", action.label()));
        for role in RoleKind::ALL {
            let cell = match (action.allowed_for(role), role) {
                (false, _) => "nej",
                (true, RoleKind::BudgetHolder) => action.holder_note(),
                (true, _) => "ja",
            };
            text.push_str(&format!(" {cell} |"));
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::organisation::{OrganisationUnit, UnitKind};

    fn organisation() -> Organisation {
        let unit = |id: &str, parent: Option<&str>| OrganisationUnit {
            id: UnitId(id.into()),
            name: id.into(),
            kind: UnitKind::Department,
            parent: parent.map(|parent| UnitId(parent.into())),
            valid_from: None,
            valid_to: None,
            predecessor: None,
            separately_reported: false,
            description: String::new(),
        };
        Organisation::new(vec![
            unit("ks", None),
            unit("ekonomi", Some("ks")),
            unit("it", Some("ks")),
        ])
        .expect("a valid tree")
    }

    fn holder(scope: &str) -> Role {
        Role::BudgetHolder {
            scope: UnitId(scope.into()),
        }
    }

    #[test]
    fn a_budget_holder_edits_lines_only_in_its_subtree() {
        let organisation = organisation();
        let lines = |unit: &str| Action::EditLines {
            unit: UnitId(unit.into()),
        };
        let board = UnitId("ks".into());
        let allows = |role: Role, action: &Action| role.allows(action, &organisation, &board);
        assert!(allows(holder("ekonomi"), &lines("ekonomi")));
        assert!(!allows(holder("ekonomi"), &lines("it")));
        assert!(!allows(holder("ekonomi"), &lines("ks")));
        assert!(allows(holder("ks"), &lines("it")));
        assert!(!allows(holder("ekonomi"), &Action::EditInvestments));
        assert!(allows(holder("ekonomi"), &Action::Read));
        assert!(allows(holder("ks"), &Action::EditInvestments));
        assert!(!allows(holder("ks"), &Action::EditFrames));
    }

    #[test]
    fn an_auditor_and_a_reader_change_nothing() {
        let organisation = organisation();
        for role in [Role::Auditor, Role::Reader] {
            for action in ActionKind::ALL {
                let allowed = action.allowed_for(role.kind());
                assert_eq!(
                    allowed,
                    matches!(action, ActionKind::Read)
                        || (role == Role::Auditor && action == ActionKind::ReadAudit),
                    "{role:?} {action:?}"
                );
            }
            assert!(!role.allows(&Action::EditRisks, &organisation, &UnitId("ks".into())));
        }
    }

    #[test]
    fn only_an_administrator_manages_users() {
        for role in RoleKind::ALL {
            assert_eq!(
                ActionKind::ManageUsers.allowed_for(role),
                role == RoleKind::Administrator
            );
        }
    }

    #[test]
    fn an_adopted_budget_is_frozen_for_everyone() {
        for role in [Role::Administrator, Role::Controller, holder("ks")] {
            assert!(status_allows_change(Status::Adopted, &role).is_err());
            assert!(status_allows_change(Status::Draft, &role).is_ok());
        }
        assert!(status_allows_change(Status::Submitted, &Role::Controller).is_ok());
        assert!(status_allows_change(Status::Submitted, &holder("ks")).is_err());
    }

    #[test]
    fn role_names_read_back() {
        for kind in RoleKind::ALL {
            assert_eq!(RoleKind::from_key(kind.key()), Some(kind));
            assert_eq!(RoleKind::from_key(kind.label()), Some(kind));
        }
        assert!(Role::from_parts(RoleKind::BudgetHolder, None).is_err());
    }
}
