//! Who may do what: the roles of a municipality's budget work and the actions they allow.
//! Deny by default — an action is allowed only where [`Role::allows`] says so, and the
//! application layer asks before every change. `docs/roles.md` is this table, written by
//! [`matrix_markdown`] and held to it by a test.
//!
//! ```text
//! budgetansvarig för ks  + EditLines { unit: "ekonomi" }  → allowed (ekonomi lies under ks)
//! budgetansvarig för ks  + EditFrames                     → denied (the matrix says nej)
//! läsare                 + Read                           → allowed
//! ```
//!
//! The roles are in `role`, the actions and the matrix in `action`; whether a budget's
//! status allows changes at all ([`status_allows_change`]) comes on top of the role.

mod action;
mod role;

pub use action::{Action, ActionKind};
pub use role::{Role, RoleKind};

use crate::organisation::{Organisation, UnitId};
use crate::workflow::Status;

impl Role {
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
            // A nämndcontroller's board is the budget's board; a unit must lie inside it.
            (Role::BoardController { board: own }, Some(unit)) => organisation.is_within(unit, own),
            (Role::BoardController { board: own }, None) => {
                action.kind() == ActionKind::Read
                    || board == own
                    || organisation.is_within(board, own)
            }
            _ => true,
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
         Controller är kommunens controller (ekonomiavdelningen): alla nämnder och ramarna.\n\
         Nämndcontroller gäller en nämnd (`--scope` nämndens id): nämndens budget, dess\n\
         organisation och fördelningen av ramen på ansvar, men inte ramen. Budgetansvarig\n\
         gäller ett ansvar och allt under det.\n\n\
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
                (true, RoleKind::BoardController) => "ja, egen nämnd",
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
    fn a_board_controller_edits_their_board_but_not_its_frame() {
        let organisation = organisation();
        let ks = UnitId("ks".into());
        let controller = Role::BoardController { board: ks.clone() };
        let other = Role::BoardController {
            board: UnitId("bun".into()),
        };
        let lines = Action::EditLines {
            unit: UnitId("it".into()),
        };
        let moving = Action::EditOrganisation {
            unit: UnitId("ekonomi".into()),
        };
        assert!(controller.allows(&lines, &organisation, &ks));
        assert!(controller.allows(&moving, &organisation, &ks));
        assert!(controller.allows(&Action::EditInvestments, &organisation, &ks));
        assert!(!controller.allows(&Action::EditFrames, &organisation, &ks));
        assert!(!controller.allows(&Action::ReadAudit, &organisation, &ks));
        assert!(!controller.allows(&Action::ManageUsers, &organisation, &ks));
        assert!(!other.allows(&lines, &organisation, &ks));
        assert!(!other.allows(&Action::EditInvestments, &organisation, &ks));
        assert!(other.allows(&Action::Read, &organisation, &ks));
        assert!(holder("ks").allows(&lines, &organisation, &ks));
        assert!(!holder("ks").allows(&moving, &organisation, &ks));
        assert!(Role::from_parts(RoleKind::BoardController, None).is_err());
        assert_eq!(
            Role::from_parts(RoleKind::BoardController, Some(" ks ")),
            Ok(controller)
        );
    }

    #[test]
    fn an_auditor_and_a_reader_change_nothing() {
        let organisation = organisation();
        for role in [Role::Auditor, Role::Reader] {
            for action in ActionKind::ALL {
                let allowed = action.allowed_for(role.kind());
                // A revisor also reads the log, and has documents reviewed: a review keeps
                // nothing, so it changes nothing either.
                assert_eq!(
                    allowed,
                    matches!(action, ActionKind::Read)
                        || (role == Role::Auditor
                            && matches!(
                                action,
                                ActionKind::ReadAudit | ActionKind::ReviewDocument
                            )),
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
