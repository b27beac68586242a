//! What every page shares: the navigation of a budget's pages, and figures formatted for people.

use styr_domain::format;
use styr_domain::money::{Amount, Precision};

/// The pages of one budget, in the order the budget document has them.
pub const PAGES: [(&str, &str); 12] = [
    ("", "Översikt"),
    ("drift", "Driftbudget"),
    ("ram", "Ramberäkning"),
    ("investeringar", "Investeringar"),
    ("mal", "Mål och nyckeltal"),
    ("inriktningar", "Politiska inriktningar"),
    ("effektivisering", "Effektiviseringsåtgärder"),
    ("risker", "Risker"),
    ("internkontroll", "Internkontrollplan"),
    ("uppfoljning", "Uppföljning"),
    ("organisation", "Organisation"),
    ("dokument", "Dokument"),
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

pub fn tkr(amount: Amount) -> String {
    format::tkr(amount)
}

pub fn mnkr(amount: Amount) -> String {
    format::with_unit(amount, Precision::MNKR_ONE_DECIMAL)
}

/// A change as a table shows it: "+8 060" or "-2 630" or "0".
pub fn signed_tkr(amount: Amount) -> String {
    let text = format::tkr(amount);
    if amount.round_to_tkr() > 0 {
        format!("+{text}")
    } else {
        text
    }
}
