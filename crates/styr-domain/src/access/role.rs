//! The roles of a municipality's budget work. A budgetansvarig's role carries the unit it
//! answers for ("budgetansvarig för ks"): everything below that unit is its, nothing else.
//! A nämndcontroller's carries the board. A role is stored and typed as its kind's key
//! (`--role budgetansvarig --scope ks`, `--role namndcontroller --scope bun`).

use crate::organisation::UnitId;

/// A person's role. A budgetansvarig's role carries the unit whose subtree it answers for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Users, settings, everything.
    Administrator,
    /// The council's controller (ekonomiavdelningen): every board, frames, PKV, imports,
    /// mapping, adoption.
    Controller,
    /// A board's own controller (nämndcontroller): the board's budget, organisation and
    /// distribution of its frame to ansvar, not the frame itself.
    BoardController { board: UnitId },
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
    BoardController,
    BudgetHolder,
    ControlCoordinator,
    Reader,
    Auditor,
}

impl RoleKind {
    pub const ALL: [RoleKind; 7] = [
        RoleKind::Administrator,
        RoleKind::Controller,
        RoleKind::BoardController,
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
            RoleKind::BoardController => "namndcontroller",
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
            RoleKind::BoardController => "Nämndcontroller",
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
                || (key == "nämndcontroller" && *kind == RoleKind::BoardController)
                || (key == "internkontrollsamordnare" && *kind == RoleKind::ControlCoordinator)
        })
    }
}

impl Role {
    pub fn kind(&self) -> RoleKind {
        match self {
            Role::Administrator => RoleKind::Administrator,
            Role::Controller => RoleKind::Controller,
            Role::BoardController { .. } => RoleKind::BoardController,
            Role::BudgetHolder { .. } => RoleKind::BudgetHolder,
            Role::ControlCoordinator => RoleKind::ControlCoordinator,
            Role::Reader => RoleKind::Reader,
            Role::Auditor => RoleKind::Auditor,
        }
    }

    /// The role from its stored kind and scope; a budgetansvarig needs a unit, a
    /// nämndcontroller a board.
    pub fn from_parts(kind: RoleKind, scope: Option<&str>) -> Result<Role, String> {
        let unit = scope
            .map(str::trim)
            .filter(|unit| !unit.is_empty())
            .map(|unit| UnitId(unit.to_string()));
        Ok(match kind {
            RoleKind::Administrator => Role::Administrator,
            RoleKind::Controller => Role::Controller,
            RoleKind::BoardController => match unit {
                Some(board) => Role::BoardController { board },
                None => return Err("en nämndcontroller behöver en nämnd (--scope)".into()),
            },
            RoleKind::BudgetHolder => match unit {
                Some(scope) => Role::BudgetHolder { scope },
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
            Role::BoardController { board } => Some(board),
            _ => None,
        }
    }
}
