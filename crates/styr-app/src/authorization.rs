//! Who may do what, asked before every change, import and read of the log: deny unless the
//! actor's role allows the action (`styr_domain::access`, the role × action matrix), and for a
//! change also unless the budget's status lets the role change it (a submitted budget is the
//! controllers', an adopted one is frozen). A budgetansvarig's permission depends on the unit:
//! their subtree of the budget's organisation.
//!
//! ```text
//! app.require(&anna, &Action::SetLine { unit: "ks" }, Some(budget), None).await?;
//!   // Ok for ks-chef; Err(Forbidden("ändra driftrad för exploateringsenheten")) otherwise,
//!   // and the refusal is in the audit log (refusals.rs).
//! ```

mod refusals;

pub(crate) use refusals::RefusalCounts;
pub use refusals::{REFUSAL_KINDS, REFUSAL_WINDOW};

use styr_domain::access::{Action, ActionKind};
use styr_domain::change::Change;
use styr_domain::organisation::{Organisation, UnitId};
use styr_store::BudgetId;

use crate::{Actor, App, AppError, Snapshot};

/// Whether `actor` may make `changes` to a budget in `snapshot`'s state: the role must allow
/// each change, and the status must allow changes by the role at all.
pub(crate) fn permitted(
    actor: &Actor,
    snapshot: &Snapshot,
    changes: &[Change],
) -> Result<(), AppError> {
    for change in changes {
        let action = Action::for_change(change);
        if !actor.role.allows(
            &action,
            &snapshot.budget.organisation,
            &snapshot.budget.board,
        ) {
            return Err(AppError::Forbidden(forbidden_text(&action)));
        }
    }
    // The municipality's look is no part of a version (an adopted version keeps the profile
    // it was frozen with), so it may change whatever the budget's status.
    if changes
        .iter()
        .all(|change| matches!(change, Change::SetProfile { .. }))
    {
        return Ok(());
    }
    styr_domain::access::status_allows_change(snapshot.status, &actor.role)
        .map_err(|reason| AppError::Frozen(reason.to_string()))
}

/// Whether `actor` may take `action` in the budget of `snapshot` as it now is: the role must
/// allow it and, for anything but reading, the status must let the role change the budget.
/// The pages ask it to show only what the person may do (a läsare gets no field to type in);
/// it records nothing — the change itself is asked again, and a refusal recorded, when made.
pub fn may(actor: &Actor, snapshot: &Snapshot, action: &Action) -> bool {
    let reads = matches!(action.kind(), ActionKind::Read | ActionKind::ReadAudit);
    actor.role.allows(
        action,
        &snapshot.budget.organisation,
        &snapshot.budget.board,
    ) && (reads || styr_domain::access::status_allows_change(snapshot.status, &actor.role).is_ok())
}

fn forbidden_text(action: &Action) -> String {
    let text = action.kind().label().to_lowercase();
    match action.unit() {
        Some(unit) => format!("{text} för {unit}"),
        None => text,
    }
}

impl App {
    /// Asks whether `actor` may do `action`; a refusal is recorded in the audit log.
    ///
    /// A budgetansvarig's permission depends on the budget's organisation and board: `known`
    /// gives the budget when the caller has it, else it is read when needed.
    pub async fn require(
        &self,
        actor: &Actor,
        action: &Action,
        budget: Option<BudgetId>,
        known: Option<&styr_domain::budget::Budget>,
    ) -> Result<(), AppError> {
        let allowed = match (actor.role.scope(), known, budget) {
            // Only a budgetansvarig's permission depends on the budget.
            (None, _, _) => {
                actor
                    .role
                    .allows(action, &Organisation::default(), &UnitId(String::new()))
            }
            (Some(_), Some(known), _) => {
                actor.role.allows(action, &known.organisation, &known.board)
            }
            (Some(_), None, Some(id)) => {
                let snapshot = self.snapshot(id).await?;
                actor.role.allows(
                    action,
                    &snapshot.budget.organisation,
                    &snapshot.budget.board,
                )
            }
            (Some(_), None, None) => action.kind() == ActionKind::Read,
        };
        if allowed {
            return Ok(());
        }
        let error = AppError::Forbidden(forbidden_text(action));
        self.record_refusal(actor, budget, "behorighet", &error)
            .await;
        Err(error)
    }

    /// Asks whether `actor` is the operator of the command line, who alone may do `what` (a
    /// backup, a restore): no role of a person with an account allows it, so the web app,
    /// which always acts for a person, cannot.
    pub async fn require_operator(&self, actor: &Actor, what: &str) -> Result<(), AppError> {
        if actor.is_operator() {
            return Ok(());
        }
        let error = AppError::Forbidden(what.to_string());
        self.record_refusal(actor, None, "behorighet", &error).await;
        Err(error)
    }
}
