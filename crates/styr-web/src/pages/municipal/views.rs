//! What the municipality's budget pages share: their navigation, the figures of an ansvar's
//! subtree, the kontogrupper a board budgets, and what an edit's outcome leads to.

use std::future::Future;

use styr_app::AppError;
use styr_app::municipal::MunicipalYear;
use styr_domain::format;
use styr_domain::money::Amount;
use styr_domain::municipal::{AccountGroup, Board, MunicipalBudget};

use crate::error::PageError;
use crate::pages::{PageResult, see, shown_again};
use crate::view::NavItem;

/// The navigation of budget year `id`: its document, its frames and its organisation by day.
pub fn nav(id: i64, current: &str) -> Vec<NavItem> {
    [
        ("dokument", format!("/kommun/{id}"), "Mål och budget"),
        ("ramar", format!("/kommun/{id}/ramar"), "Ramar och nämnder"),
        (
            "organisation",
            format!("/kommun/{id}/organisation"),
            "Organisation per dag",
        ),
    ]
    .into_iter()
    .map(|(key, href, label)| NavItem {
        href,
        label,
        current: key == current,
    })
    .collect()
}

/// Board `id` of `budget`, or the page is not there.
pub fn board<'a>(budget: &'a MunicipalBudget, id: &str) -> Result<&'a Board, PageError> {
    budget
        .boards
        .iter()
        .find(|found| found.id.0 == id)
        .ok_or_else(PageError::not_found)
}

/// The year's column headings: "2025 (jämförelse)", "2026 (budget)", "2027 (plan)".
pub fn columns(year: &MunicipalYear) -> Vec<String> {
    let years = &year.budget.years;
    year.report
        .columns
        .iter()
        .map(|column| {
            let kind = if *column == years.previous {
                "jämförelseår"
            } else if *column == years.budget {
                "budget"
            } else {
                "plan"
            };
            format!("{column} ({kind})")
        })
        .collect()
}

/// The net of every line of the ansvar at `position` and below it, per column, in tkr.
pub fn subtree_net(
    board: &Board,
    position: usize,
    columns: usize,
) -> Result<Vec<Amount>, PageError> {
    let subtree = board.subtree(position);
    let mut sums = vec![Amount::ZERO; columns];
    for line in board
        .lines
        .iter()
        .filter(|line| subtree.contains(&line.ansvar))
    {
        for (sum, amount) in sums.iter_mut().zip(&line.amounts) {
            *sum = sum
                .checked_add(*amount)
                .map_err(|error| PageError::internal(error.into()))?;
        }
    }
    Ok(sums)
}

/// An amount as a field holds it: whole tkr grouped ("-1 234"), anything finer exactly in
/// kronor with its unit ("-1 234 567,89 kr"), so a form sent back untouched changes nothing.
pub fn field_figure(amount: Amount) -> String {
    if amount.ore() % styr_domain::money::ORE_PER_TKR == 0 {
        format::tkr(amount)
    } else {
        format::kronor(amount)
    }
}

pub fn figures(amounts: &[Amount]) -> Vec<String> {
    amounts.iter().map(|amount| format::tkr(*amount)).collect()
}

/// How deep the ansvar at `position` lies under its board (0 directly under it).
pub fn depth(board: &Board, position: usize) -> usize {
    let mut depth = 0;
    let mut parent = board.ansvar[position].parent.as_ref();
    while let Some(id) = parent {
        depth += 1;
        if depth > board.ansvar.len() {
            break;
        }
        parent = board
            .ansvar
            .iter()
            .find(|ansvar| &ansvar.id == id)
            .and_then(|ansvar| ansvar.parent.as_ref());
    }
    depth
}

/// The kontogrupper a board budgets (its operations, 30–79): "50", with the row it adds to.
pub fn operating_groups() -> Vec<(String, String)> {
    (30..=79)
        .filter_map(|number: u8| {
            let digits = format!("{number:02}");
            let group = AccountGroup::new(&digits)?;
            let row = group.statement_row();
            row.is_operating().then(|| {
                (
                    digits.clone(),
                    format!("{digits} – {}", row.label().to_lowercase()),
                )
            })
        })
        .collect()
}

/// What a refused edit says, as a sentence: the reader's words for an edit that would
/// break the year.
pub fn message(error: &AppError) -> String {
    let text = match error {
        AppError::Unreadable(issues) => issues
            .iter()
            .map(|issue| issue.message.clone())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    if text.ends_with('.') {
        text
    } else {
        format!("{text}.")
    }
}

/// What an edit's form post leads to: the page anew on success (post/redirect/get); a stale,
/// frozen or refused edit shows the page again with its message and the refusal's status.
pub async fn after_edit<T, Page>(
    result: Result<i64, AppError>,
    location: String,
    page: impl FnOnce(String) -> Page,
) -> PageResult
where
    T: askama::Template,
    Page: Future<Output = Result<T, PageError>>,
{
    match result {
        Ok(_) => see(location),
        Err(
            error @ (AppError::Conflict { .. }
            | AppError::Frozen(_)
            | AppError::Unreadable(_)
            | AppError::Rejected(_)
            | AppError::Invalid(_)),
        ) => {
            let kind = crate::error::kind_of(&error);
            let text = format!("{} Inget ändrades.", message(&error));
            shown_again(kind, &page(text).await?)
        }
        Err(error) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_holds_its_figure_exactly() {
        assert_eq!(field_figure(Amount::from_tkr(-1_234)), "-1 234");
        let fine = Amount::from_ore(-123_456_789);
        assert_eq!(field_figure(fine), "-1 234 567,89 kr");
        assert_eq!(
            crate::input::amount(&field_figure(fine)),
            Ok(fine),
            "reads back as it was"
        );
    }
}
