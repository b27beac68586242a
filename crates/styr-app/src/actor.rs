//! Who is acting: a person with an account and a role, or the operator of the command line.
//! Every use case takes the actor and asks its role (see `authorization`); the audit log
//! records the actor's name beside every change and every refusal.
//!
//! ```text
//! Actor { user_id: Some(3), name: "anna", role: Role::BudgetHolder { scope: ks } }
//! Actor::named("kommandorad")   // the operator: no account, an administrator's rights
//! ```

use styr_domain::access::Role;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The account; `None` for the operator.
    pub user_id: Option<i64>,
    pub name: String,
    pub role: Role,
}

impl Actor {
    /// The operator: whoever runs `styr` on the machine that holds the database, with an
    /// administrator's rights (they could open the database file anyway). The command line,
    /// `serve --demo`'s loading and tests act as this; the web app never does.
    pub fn named(name: impl Into<String>) -> Actor {
        Actor {
            user_id: None,
            name: name.into(),
            role: Role::Administrator,
        }
    }

    /// Whether this is the operator rather than a person with an account.
    pub fn is_operator(&self) -> bool {
        self.user_id.is_none()
    }
}
