//! Importing the books from the page: the file is streamed to disk under the route's limit
//! once the application layer has said the actor may import, then read — SIE as it is
//! imported, CSV (with a profile) whole. On any problem nothing is stored and the page lists
//! every one; after an import the page confirms what it read and what it changed: which
//! months are new and which replaced, and each row of the total whose outcome moved.

use axum::extract::Request;
use styr_app::{AppError, ImportRecord};
use styr_domain::followup::Month;
use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::tkr;
use styr_render::followup::NOT_BOOKED;
use styr_reports::followup::FollowupReport;
use styr_reports::followup::changes::import_changes;

use super::report::{Confirmation, page};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::pages::{PageResult, html, invalid};
use crate::upload;

/// "augusti", "januari–juli": a run of months in words.
fn months_words(months: &[u8]) -> String {
    match (months.first(), months.last()) {
        (Some(first), Some(last)) if first == last => MONTH_NAMES[usize::from(first - 1)].into(),
        (Some(first), Some(last)) => format!(
            "{}–{}",
            MONTH_NAMES[usize::from(first - 1)],
            MONTH_NAMES[usize::from(last - 1)]
        ),
        _ => String::new(),
    }
}

/// What the import did to the follow-up, from the report before it and after.
fn confirmation(
    record: &ImportRecord,
    before: &FollowupReport,
    after: &FollowupReport,
) -> Result<Confirmation, PageError> {
    let within = |text: &str, fallback: u8| {
        Month::parse(text)
            .map(|month| {
                if month.year() < after.year {
                    1
                } else if month.year() > after.year {
                    12
                } else {
                    month.number()
                }
            })
            .unwrap_or(fallback)
    };
    let changes = import_changes(
        before,
        after,
        within(&record.first_month, 1),
        within(&record.last_month, 12),
    )
    .map_err(|error| PageError::invalid(error.to_string()))?;
    let mut said = Vec::new();
    if !changes.new_months.is_empty() {
        said.push(format!(
            "Nytt bokfört: {} {}.",
            months_words(&changes.new_months),
            after.year
        ));
    }
    if !changes.replaced_months.is_empty() {
        said.push(format!(
            "Ersatt: {} {}.",
            months_words(&changes.replaced_months),
            after.year
        ));
    }
    Ok(Confirmation {
        file_name: record.file_name.clone(),
        months: format!("{} – {}", record.first_month, record.last_month),
        vouchers: record.vouchers,
        rows: record.rows,
        replaced: record.replaced_rows,
        months_said: said.join(" "),
        changes: changes
            .rows
            .iter()
            .map(|change| {
                (
                    change.label,
                    change.before.map_or_else(|| NOT_BOOKED.to_string(), tkr),
                    tkr(change.after),
                )
            })
            .collect(),
    })
}

pub async fn import(state: Acting, PagePath(id): PagePath<i64>, request: Request) -> PageResult {
    upload::permission::outcome(&state, id).await?;
    let form = upload::form(request, upload::OUTCOME_SIE).await?;
    let profile = form
        .field("profil")
        .map(str::trim)
        .filter(|profile| !profile.is_empty())
        .map(str::to_string);
    let Some((name, file)) = form.file.filter(|(_, file)| !file.is_empty()) else {
        return invalid(&page(&state, id, vec!["Välj en fil att läsa in.".into()], None).await?);
    };
    let name = crate::input::line(&name).unwrap_or_else(|_| "utfall".into());
    let before = state.app.followup(id, None, None).await?;
    let result = match &profile {
        Some(profile) => {
            if file.len() > upload::OUTCOME_CSV.bytes {
                return Err(upload::Refusal::TooLarge(upload::OUTCOME_CSV).into());
            }
            let bytes = file.bytes().await?;
            state
                .app
                .import_outcome(&state.actor, id, &name, &bytes, Some(profile))
                .await
        }
        None => {
            state
                .app
                .import_sie(&state.actor, id, &name, file.reader()?, |_| {})
                .await
        }
    };
    match result {
        Ok(record) => {
            let after = state.app.followup(id, None, None).await?;
            let done = confirmation(&record, &before, &after)?;
            html(&page(&state, id, Vec::new(), Some(done)).await?)
        }
        Err(AppError::Unreadable(issues)) => {
            let mut messages: Vec<String> = issues.iter().map(ToString::to_string).collect();
            messages.push(format!("{name} lästes inte in: ingenting har ändrats."));
            invalid(&page(&state, id, messages, None).await?)
        }
        Err(error) => Err(error.into()),
    }
}
