//! What every page shares: the navigation of a budget's pages, figures and times formatted for
//! people, and what the acting person may do (`may`), so that a page shows a field or a button
//! only to someone who may use it.

/// The pages of one budget, in the order the budget document has them.
pub const PAGES: [(&str, &str); 16] = [
    ("", "Översikt"),
    ("drift", "Driftbudget"),
    ("ram", "Ramberäkning"),
    ("investeringar", "Investeringar"),
    ("mal", "Mål och nyckeltal"),
    ("inriktningar", "Politiska inriktningar"),
    ("maluppfyllelse", "Måluppfyllelse"),
    ("effektivisering", "Effektiviseringsåtgärder"),
    ("risker", "Risker"),
    ("internkontroll", "Internkontrollplan"),
    ("uppfoljning", "Uppföljning"),
    ("organisation", "Organisation"),
    ("dokument", "Dokument"),
    ("versioner", "Versioner och beslut"),
    ("avsnitt", "Texter"),
    ("profil", "Grafisk profil"),
];

pub struct NavItem {
    pub href: String,
    pub label: &'static str,
    pub current: bool,
}

/// The navigation for budget `id`, with `current` (a key of [`PAGES`]) marked.
pub fn nav(id: i64, current: &str) -> Vec<NavItem> {
    PAGES
        .iter()
        .map(|(key, label)| NavItem {
            href: if key.is_empty() {
                format!("/budget/{id}")
            } else {
                format!("/budget/{id}/{key}")
            },
            label,
            current: *key == current,
        })
        .collect()
}

// The pages show amounts in the domain's one writer per form: "-114 196", "118,5 mnkr" and
// "+8 060" for a change.
pub use styr_domain::format::{mnkr, signed_tkr, tkr};

/// The current request's CSRF token, for every form's hidden `_csrf` field (empty outside a
/// session, where no form can be posted anyway).
pub fn csrf() -> String {
    crate::auth::CURRENT
        .try_with(|current| current.csrf.clone().unwrap_or_default())
        .unwrap_or_default()
}

/// Who is logged in, and their role, for the page header ("" when nobody is).
pub fn signed_in() -> String {
    crate::auth::CURRENT
        .try_with(|current| {
            let role = &current.actor.role;
            match role.scope() {
                Some(scope) => format!("{} ({}, {scope})", current.actor.name, role.kind().label()),
                None => format!("{} ({})", current.actor.name, role.kind().label()),
            }
        })
        .unwrap_or_default()
}

/// Whether the current actor may read the audit log (the header links to it).
pub fn may_read_audit() -> bool {
    crate::auth::CURRENT
        .try_with(|current| {
            styr_domain::access::ActionKind::ReadAudit.allowed_for(current.actor.role.kind())
        })
        .unwrap_or(false)
}

/// Whether the current actor may have documents reviewed (the header links to Granskning).
pub fn may_review() -> bool {
    crate::auth::CURRENT
        .try_with(|current| {
            styr_domain::access::ActionKind::ReviewDocument.allowed_for(current.actor.role.kind())
        })
        .unwrap_or(false)
}

/// Whether the current actor administers users.
pub fn may_manage_users() -> bool {
    crate::auth::CURRENT
        .try_with(|current| {
            styr_domain::access::ActionKind::ManageUsers.allowed_for(current.actor.role.kind())
        })
        .unwrap_or(false)
}

/// Whether the acting person may take `action` in `snapshot`'s budget as it now is (the role,
/// and for a change the status): a page renders its fields and buttons only then.
pub fn may(
    state: &crate::auth::Acting,
    snapshot: &styr_app::Snapshot,
    action: &styr_domain::access::Action,
) -> bool {
    styr_app::may(&state.actor, snapshot, action)
}

/// Whether the acting person's role allows `action` in `snapshot`'s budget, whatever the
/// budget's status: the follow-up (the books, forecasts, explanations, mappings, the interim
/// report's texts) is kept beside the budget and goes on once the budget is adopted, as the
/// application layer allows it.
pub fn may_follow_up(
    state: &crate::auth::Acting,
    snapshot: &styr_app::Snapshot,
    action: &styr_domain::access::Action,
) -> bool {
    state.actor.role.allows(
        action,
        &snapshot.budget.organisation,
        &snapshot.budget.board,
    )
}

/// A time the store wrote in UTC ("2026-12-01T20:10:58Z") as a Swedish clock shows it:
/// "2026-12-01 21:10" (CET, or CEST in summer). Text that is no such time is shown as it is.
pub fn local_time(utc: &str) -> String {
    styr_domain::calendar::Instant::parse_utc(utc)
        .and_then(styr_domain::calendar::Instant::in_sweden)
        .map_or_else(|| utc.to_string(), |local| local.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stored_time_is_shown_in_swedish_time() {
        assert_eq!(
            super::local_time("2026-12-01T20:10:58Z"),
            "2026-12-01 21:10"
        );
        assert_eq!(
            super::local_time("2026-06-01T20:10:58Z"),
            "2026-06-01 22:10"
        );
        assert_eq!(super::local_time(""), "");
    }
}
