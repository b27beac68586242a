//! The organisation as it was on a day (`/kommun/NR/organisation?datum=2026-12-31`): every
//! board's ansvar placed as they lay that day, each with the net of it and everything under
//! it per column, and the year's reorganisations in words. A reorganisation restates the
//! figures into the new structure; this page is where the old structure stays readable, with
//! the same figures summed as it was. Without a day it shows the day before the first move.

use askama::Template;
use serde::Deserialize;
use styr_domain::calendar::Date;
use styr_reports::municipal::{before_the_moves, organisation_on};

use super::views::{self, columns, figures};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PagePath, PageQuery};
use crate::pages::{PageResult, html, invalid};
use crate::view::NavItem;

pub struct UnitRow {
    pub id: String,
    pub name: String,
    pub depth: usize,
    pub net: Vec<String>,
}

pub struct BoardTable {
    pub id: String,
    pub name: String,
    pub ansvar: Vec<UnitRow>,
    pub net: Vec<String>,
}

/// A reorganisation as its sentence, and whether it was made by the day shown.
pub struct MoveRow {
    pub sentence: String,
    pub made: bool,
}

#[derive(Template)]
#[template(path = "municipal_organisation.html")]
pub struct OrganisationPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub municipality: String,
    pub invented: bool,
    pub date: String,
    pub columns: Vec<String>,
    pub boards: Vec<BoardTable>,
    pub moves: Vec<MoveRow>,
    pub message: String,
}

#[derive(Debug, Deserialize)]
pub struct OrganisationQuery {
    /// The day (ÅÅÅÅ-MM-DD); the parameter keeps its Swedish name, as the page's form sends it.
    #[serde(default)]
    pub datum: Option<String>,
}

pub async fn show_organisation(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<OrganisationQuery>,
) -> PageResult {
    let year = state.app.municipal_year(&state.actor, id).await?;
    let asked = query
        .datum
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty());
    let (on, message) = match asked.map(str::parse::<Date>) {
        None => (before_the_moves(&year.budget), String::new()),
        Some(Ok(on)) => (on, String::new()),
        Some(Err(error)) => (before_the_moves(&year.budget), format!("{error}.")),
    };
    let boards = organisation_on(&year.budget, on)
        .map_err(|error| PageError::internal(error.into()))?
        .into_iter()
        .map(|board| BoardTable {
            id: board.id.0,
            name: board.name,
            ansvar: board
                .ansvar
                .into_iter()
                .map(|unit| UnitRow {
                    id: unit.id.0,
                    name: unit.name,
                    depth: unit.depth.min(6),
                    net: figures(&unit.net),
                })
                .collect(),
            net: figures(&board.net),
        })
        .collect();
    let moves = year
        .budget
        .reorganisations
        .iter()
        .zip(&year.report.sentences.moves)
        .map(|(moved, sentence)| MoveRow {
            sentence: sentence.clone(),
            made: moved.date <= on,
        })
        .collect();
    let page = OrganisationPage {
        title: format!(
            "Organisationen {on} – {} {}",
            year.row.municipality_name, year.row.budget_year
        ),
        nav: views::nav(id, "organisation"),
        id,
        municipality: year.row.municipality_name.clone(),
        invented: year.budget.invented,
        date: on.to_string(),
        columns: columns(&year),
        boards,
        moves,
        message,
    };
    if page.message.is_empty() {
        html(&page)
    } else {
        invalid(&page)
    }
}
