//! The confirmation a deletion asks for: every "Ta bort" is a link to a page that names what
//! would be removed and holds the one form that removes it, with a way back. Without the
//! script and with it alike, nothing is deleted by a single click.
//!
//! ```text
//! GET  /budget/1/investeringar/Stadsskogen/ta-bort   → "Vill du ta bort projektet ”Stadsskogen”?"
//! POST /budget/1/investeringar/Stadsskogen/ta-bort   → removed, back to the list
//! ```
//!
//! The page is shown only to someone who may remove it: anyone else is refused (and the
//! refusal recorded) as the removal itself would be.

use askama::Template;
use styr_app::Snapshot;
use styr_domain::access::Action;

use super::{PageResult, html};
use crate::auth::Acting;
use crate::error::{Kind, PageError};
use crate::view::{NavItem, nav};

#[derive(Template)]
#[template(path = "confirm.html")]
pub struct ConfirmPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub heading: String,
    pub question: String,
    pub details: Vec<String>,
    pub action: String,
    pub button: String,
    pub back: String,
}

/// What is to be removed, and where the page sits.
pub struct Removal<'a> {
    /// The budget page it belongs to ("investeringar").
    pub page: &'a str,
    /// "projektet ”Stadsskogen”".
    pub what: String,
    pub details: Vec<String>,
    /// The removal's own address (the form posts to it).
    pub action: String,
    /// Where "Avbryt" leads.
    pub back: String,
    /// What removing it asks permission for.
    pub permission: Action,
}

/// The confirmation page for `removal`, or the refusal someone who may not remove it gets.
pub async fn removal(state: &Acting, snapshot: &Snapshot, removal: Removal<'_>) -> PageResult {
    if !crate::view::may(state, snapshot, &removal.permission) {
        // The role's refusal is recorded as the removal's would be; a status that freezes the
        // budget is said as the removal would say it.
        state
            .app
            .require(
                &state.actor,
                &removal.permission,
                Some(snapshot.id),
                Some(&snapshot.budget),
            )
            .await?;
        let reason = styr_domain::access::status_allows_change(snapshot.status, &state.actor.role)
            .err()
            .unwrap_or("budgeten kan inte ändras just nu");
        return Err(PageError::of(Kind::Frozen, reason));
    }
    html(&ConfirmPage {
        title: format!("Ta bort {}", removal.what),
        nav: nav(snapshot.id, removal.page),
        heading: format!("Ta bort {}", removal.what),
        question: format!("Vill du ta bort {}?", removal.what),
        details: removal.details,
        action: removal.action,
        button: format!("Ja, ta bort {}", removal.what),
        back: removal.back,
    })
}
