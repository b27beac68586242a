//! Ramar och nämnder (`/kommun/NR/ramar`): every board's kommunbidrag, net cost and result
//! against the frame per year, each board opening its own page; for the council's controllers
//! a ramförändring (a named decision on a board's frame for a year, permanent or for the
//! year) and the next budget year opened from this one with the PKV vintage it is uprated by.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::municipal::MunicipalYear;
use styr_domain::access::Action;
use styr_import::municipal_file::MunicipalEdit;

use super::views::{self, after_edit, columns, figures};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::pages::{PageResult, html, invalid, see};
use crate::view::NavItem;

pub struct BoardRow {
    pub id: String,
    pub name: String,
    pub kommunbidrag: Vec<String>,
    pub net: Vec<String>,
    pub result: Vec<String>,
    /// Per column: whether the board's budget fits its frame.
    pub fits: Vec<bool>,
    /// The board's own budget document, when one is kept for the year: its page and what its
    /// frames give beside the council's ("" when they agree every year).
    pub own_budget: String,
    pub own_differs: String,
}

#[derive(Template)]
#[template(path = "municipal_frames.html")]
pub struct FramesPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub municipality: String,
    pub invented: bool,
    pub budget_year: i32,
    pub columns: Vec<String>,
    pub boards: Vec<BoardRow>,
    /// The years a decision can be made on: the budget year and the plan years.
    pub decision_years: Vec<u16>,
    pub opened_as: Option<i64>,
    /// "controller, 2026-12-03 08:20" when the year is archived, else "".
    pub archived: String,
    pub may_decide: bool,
    pub message: String,
    pub values: BTreeMap<String, String>,
}

impl FramesPage {
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
}

fn rows(year: &MunicipalYear, own: &[styr_app::municipal::FrameAgainstCouncil]) -> Vec<BoardRow> {
    year.report
        .boards
        .iter()
        .map(|board| {
            let mine = own.iter().find(|comparison| comparison.board == board.id);
            let differs: Vec<String> = mine
                .map(|comparison| {
                    comparison
                        .years
                        .iter()
                        .filter(|year| !year.agrees())
                        .map(|year| {
                            format!(
                                "{}: nämndens ramar {} tkr",
                                year.year,
                                styr_domain::format::tkr(year.board)
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (board, mine, differs)
        })
        .map(|(board, mine, differs)| BoardRow {
            own_budget: mine
                .map(|comparison| format!("/budget/{}/ram", comparison.board_budget))
                .unwrap_or_default(),
            own_differs: differs.join("; "),
            id: board.id.clone(),
            name: board.name.clone(),
            kommunbidrag: figures(&board.kommunbidrag()),
            net: figures(&board.net),
            result: figures(&board.result),
            fits: board
                .result
                .iter()
                .map(|result| result.ore() == 0)
                .collect(),
        })
        .collect()
}

async fn page(
    state: &Acting,
    id: i64,
    message: String,
    values: BTreeMap<String, String>,
) -> Result<FramesPage, PageError> {
    let year = state.app.municipal_year(&state.actor, id).await?;
    let own = state.app.board_budgets_against(&state.actor, &year).await?;
    let may_decide = state.actor.role.allows(
        &Action::EditFrames,
        &Default::default(),
        &Default::default(),
    );
    Ok(FramesPage {
        title: format!(
            "Ramar och nämnder – {} {}",
            year.row.municipality_name, year.row.budget_year
        ),
        nav: views::nav(id, "ramar"),
        id,
        revision: year.row.revision,
        municipality: year.budget.municipality.name.clone(),
        invented: year.budget.invented,
        budget_year: year.row.budget_year,
        columns: columns(&year),
        boards: rows(&year, &own),
        decision_years: std::iter::once(year.budget.years.budget)
            .chain(year.budget.years.plan.iter().copied())
            .map(|year| year.number())
            .collect(),
        opened_as: year.row.opened_as,
        archived: match (&year.row.archived_by, &year.row.archived_at) {
            (Some(by), Some(at)) => format!("{by}, {}", crate::view::local_time(at)),
            _ => String::new(),
        },
        may_decide,
        message,
        values,
    })
}

/// Makes `edit` on the revision the form was read at, then shows the frames anew.
async fn edited(
    state: &Acting,
    id: i64,
    values: &BTreeMap<String, String>,
    edit: MunicipalEdit,
) -> PageResult {
    let revision = values
        .get("revision")
        .and_then(|revision| revision.trim().parse::<i64>().ok())
        .unwrap_or_default();
    let result = state
        .app
        .edit_municipal_year(&state.actor, id, revision, &[edit])
        .await;
    after_edit(result, format!("/kommun/{id}/ramar"), |message| {
        page(state, id, message, values.clone())
    })
    .await
}

pub async fn show_frames(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, String::new(), BTreeMap::new()).await?)
}

/// A ramförändring: fields `board`, `year`, `name`, `amount` (tkr), `permanent`, `text`.
pub async fn save_decision(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("").trim();
    let amount = crate::input::amount(get("amount"));
    let year = get("year").parse::<i64>();
    let (Ok(amount), Ok(year)) = (amount.clone(), year) else {
        let message = match amount {
            Err(message) => format!("Beloppet: {message}"),
            Ok(_) => "Välj ett år.".to_string(),
        };
        return invalid(&page(&state, id, message, values.clone()).await?);
    };
    let (name, text) = match (
        crate::input::line(get("name")),
        crate::input::line(get("text")),
    ) {
        (Ok(name), Ok(text)) => (name, text),
        (Err(message), _) | (_, Err(message)) => {
            return invalid(&page(&state, id, format!("{message}."), values.clone()).await?);
        }
    };
    let edit = MunicipalEdit::FrameDecision {
        board: get("board").to_string(),
        year,
        name,
        amount,
        permanent: !get("permanent").is_empty(),
        text,
    };
    edited(&state, id, &values, edit).await
}

/// A new board: fields `id`, `name` and `frame`, its kommunbidrag in the comparison year.
pub async fn add_board(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("").trim();
    let checked = crate::input::key(get("id"))
        .map_err(|message| format!("Nämndens id: {message}."))
        .and_then(|board| {
            let name = crate::input::line(get("name")).map_err(|message| format!("{message}."))?;
            let frame = crate::input::amount(get("frame"))
                .map_err(|message| format!("Kommunbidraget: {message}"))?;
            Ok((board, name, frame))
        });
    let (board, name, comparison_frame) = match checked {
        Ok(checked) => checked,
        Err(message) => return invalid(&page(&state, id, message, values.clone()).await?),
    };
    let edit = MunicipalEdit::AddBoard {
        board,
        name,
        comparison_frame,
    };
    edited(&state, id, &values, edit).await
}

/// Archives the year (`archived` = "1") or brings it back (`archived` = "0").
pub async fn archive(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let archived = values.get("archived").map(String::as_str) == Some("1");
    state
        .app
        .archive_municipal_year(&state.actor, id, archived)
        .await?;
    see(format!("/kommun/{id}/ramar"))
}

/// Opens the next budget year: fields `vintage` and `pkv` ("2029=3,0 2030=3,1").
pub async fn open_next_year(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("").trim();
    let vintage = get("vintage");
    let pkv = match super::create::pkv_values(get("pkv")) {
        Ok(pkv) => pkv,
        Err(message) => return invalid(&page(&state, id, message, values.clone()).await?),
    };
    if vintage.is_empty() {
        let message = "Ange vilken PKV-årgång ramarna räknas upp med.".to_string();
        return invalid(&page(&state, id, message, values.clone()).await?);
    }
    match state
        .app
        .open_next_municipal_year(&state.actor, id, vintage, &pkv)
        .await
    {
        Ok((next, _)) => see(format!("/kommun/{next}/ramar")),
        Err(error @ (styr_app::AppError::Rejected(_) | styr_app::AppError::Conflict { .. })) => {
            let kind = crate::error::kind_of(&error);
            let message = format!("{} Inget öppnades.", views::message(&error));
            crate::pages::shown_again(kind, &page(&state, id, message, values.clone()).await?)
        }
        Err(error) => Err(error.into()),
    }
}
