//! Importing the books from the page: the file is streamed to disk under the route's limit
//! once the application layer has said the actor may import, then read — SIE as it is
//! imported, CSV (with a profile) whole. On any problem nothing is stored and the page lists
//! every one.

use axum::extract::Request;
use styr_app::AppError;

use super::report::page;
use crate::auth::Acting;
use crate::extract::PagePath;
use crate::pages::{PageResult, invalid, see};
use crate::upload;

pub async fn import(state: Acting, PagePath(id): PagePath<i64>, request: Request) -> PageResult {
    upload::permission::outcome(&state, id).await?;
    let form = upload::form(request, upload::OUTCOME_SIE).await?;
    let profile = form
        .field("profil")
        .map(str::trim)
        .filter(|profile| !profile.is_empty())
        .map(str::to_string);
    let Some((name, file)) = form.file.filter(|(_, file)| !file.is_empty()) else {
        return invalid(&page(&state, id, vec!["Välj en fil att läsa in.".into()]).await?);
    };
    let name = crate::input::line(&name).unwrap_or_else(|_| "utfall".into());
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
        Ok(_) => see(format!("/budget/{id}/uppfoljning")),
        Err(AppError::Unreadable(issues)) => {
            let mut messages: Vec<String> = issues.iter().map(ToString::to_string).collect();
            messages.push(format!("{name} lästes inte in: ingenting har ändrats."));
            invalid(&page(&state, id, messages).await?)
        }
        Err(error) => Err(error.into()),
    }
}
