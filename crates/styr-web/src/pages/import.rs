//! Import and export of budget files in the browser, and the whole report as one page.

use axum::extract::{Multipart, Path};
use axum::http::header;
use axum::response::{Html, IntoResponse};
use styr_app::AppError;

use super::overview::index_page;
use super::{PageResult, invalid, see, uploaded_file};
use crate::auth::Acting;
use crate::error::PageError;

/// Reads the uploaded file as a new budget; on any issue the overview shows them all.
pub async fn import(state: Acting, mut form: Multipart) -> PageResult {
    let Some(bytes) = uploaded_file(&mut form).await? else {
        return invalid(&index_page(&state, vec!["Välj en fil att läsa in.".into()]).await?);
    };
    let source = String::from_utf8(bytes.to_vec())
        .map_err(|_| PageError::Invalid("filen är inte UTF-8".into()))?;
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

pub async fn export(state: Acting, Path(id): Path<i64>) -> PageResult {
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
pub async fn report(state: Acting, Path(id): Path<i64>) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    Ok(Html(crate::downloads::report_page(snapshot.report())?).into_response())
}
