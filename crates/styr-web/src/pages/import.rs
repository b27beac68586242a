//! Import and export of budget files in the browser, and the whole report as one page.

use axum::extract::Request;
use axum::http::header;
use axum::response::{Html, IntoResponse};
use styr_app::AppError;

use super::overview::index_page;
use super::{PageResult, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::upload;

/// Reads the uploaded file as a new budget; on any issue the overview shows them all. Who may
/// import is asked before the file is read.
pub async fn import(state: Acting, request: Request) -> PageResult {
    upload::permission::budget_file(&state).await?;
    let form = upload::form(request, upload::BUDGET_FILE).await?;
    let Some((_, file)) = form.file.filter(|(_, file)| !file.is_empty()) else {
        return invalid(&index_page(&state, vec!["Välj en fil att läsa in.".into()]).await?);
    };
    let source = String::from_utf8(file.bytes().await?)
        .map_err(|_| PageError::invalid("filen är inte UTF-8"))?;
    match state.app.import(&state.actor, &source).await {
        Ok(id) => see(format!("/budget/{id}")),
        Err(AppError::Unreadable(issues)) => {
            invalid(&index_page(&state, issues.iter().map(ToString::to_string).collect()).await?)
        }
        Err(AppError::DoesNotCompute(message)) => {
            invalid(&index_page(&state, vec![message.to_string()]).await?)
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn export(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    let text = state.app.export(id).await?;
    let name = format!("budget-{id}.toml");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/toml; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        text,
    )
        .into_response())
}

/// The whole computed report, as `styr report --format html` writes it.
pub async fn report(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    let report = state.app.report_with_goals(id).await?;
    Ok(Html(crate::downloads::report_page(&report)?).into_response())
}
