//! Hela kommunens budget: a budget year of the municipality kept in the database, its Mål och
//! budget as kommunfullmäktige's document (`styr report --municipality NR --format html`), and
//! the same as PDF to download; and the year's budget work (issue 15): the frames of every
//! board with the council's decisions and the next year (`frames`), a board with its ansvar
//! and its organisation (`board`), an ansvar's lines per kontogrupp (`ansvar`), the
//! organisation as it was on a day (`organisation`). `views` holds what they share.

mod ansvar;
mod board;
mod create;
mod frames;
mod organisation;
mod views;

pub use ansvar::{save_lines, show_ansvar};
pub use board::{move_to_board, save_organisation, show_board};
pub use create::{create, show_new};
pub use frames::{add_board, archive, open_next_year, save_decision, show_frames};
pub use organisation::show_organisation;

use axum::http::header;
use axum::response::{Html, IntoResponse};
use styr_output::Format;

use super::PageResult;
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::PagePath;

fn document(year: &styr_app::municipal::MunicipalYear) -> styr_output::Document {
    styr_render::document::municipal_document(&year.budget, &year.report)
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    let year = state.app.municipal_year(&state.actor, id).await?;
    let page = styr_output::render(&document(&year), Format::Html)
        .map_err(|error| PageError::internal(error.into()))?;
    Ok(Html(page).into_response())
}

pub async fn pdf(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    let year = state.app.municipal_year(&state.actor, id).await?;
    let pdf = styr_output::render(&document(&year), Format::Pdf)
        .map_err(|error| PageError::internal(error.into()))?;
    let name = format!(
        "mal-och-budget-{}-{}.pdf",
        crate::downloads::file_stem(&year.row.municipality_name),
        year.row.budget_year
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        pdf,
    )
        .into_response())
}
