//! A board of the municipality (`/kommun/NR/namnd/ID`): its kommunbidrag, net cost and what
//! is left to distribute per year, and its ansvar as a tree with the net of each subtree, each
//! opening its lines. The board's controllers (the council's, and the board's own
//! nämndcontroller) keep its organisation here: an ansvar added, renamed or moved under
//! another; a move that would make a circle is refused and nothing changes.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::municipal::may_in_board;
use styr_domain::access::Action;
use styr_domain::organisation::UnitId;
use styr_import::municipal_file::MunicipalEdit;

use super::views::{self, after_edit, columns, depth, figures, subtree_net};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::Key;
use crate::pages::{PageResult, html, invalid};
use crate::view::NavItem;

pub struct AnsvarRow {
    pub id: String,
    pub name: String,
    /// Its depth under the board, for the indent.
    pub depth: usize,
    pub net: Vec<String>,
}

#[derive(Template)]
#[template(path = "municipal_board.html")]
pub struct BoardPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub board: String,
    pub name: String,
    pub columns: Vec<String>,
    pub kommunbidrag: Vec<String>,
    pub net: Vec<String>,
    pub result: Vec<String>,
    pub fits: Vec<bool>,
    pub ansvar: Vec<AnsvarRow>,
    pub may_organise: bool,
    /// Whether this person may move an ansvar to another board (the council's controllers).
    pub may_move: bool,
    pub other_boards: Vec<(String, String)>,
    /// The moves within, to or from this board, each as the document's sentence.
    pub moves: Vec<String>,
    /// The day before the first move, where the organisation page shows the old structure.
    pub before_moves: String,
    pub frozen: bool,
    pub message: String,
    pub values: BTreeMap<String, String>,
}

impl BoardPage {
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
}

/// The ansvar in tree order: each followed by those under it.
fn tree_order(board: &styr_domain::municipal::Board) -> Vec<usize> {
    let mut order = Vec::new();
    let mut stack: Vec<usize> = (0..board.ansvar.len())
        .rev()
        .filter(|position| board.ansvar[*position].parent.is_none())
        .collect();
    while let Some(position) = stack.pop() {
        order.push(position);
        let id = &board.ansvar[position].id;
        stack.extend(
            (0..board.ansvar.len())
                .rev()
                .filter(|child| board.ansvar[*child].parent.as_ref() == Some(id)),
        );
    }
    order
}

pub(super) async fn page(
    state: &Acting,
    id: i64,
    board: &str,
    message: String,
    values: BTreeMap<String, String>,
) -> Result<BoardPage, PageError> {
    let year = state.app.municipal_year(&state.actor, id).await?;
    let found = views::board(&year.budget, board)?;
    let figures_of = year
        .report
        .boards
        .iter()
        .find(|figures| figures.id == board)
        .ok_or_else(PageError::not_found)?;
    let width = year.report.columns.len();
    let ansvar = tree_order(found)
        .into_iter()
        .map(|position| {
            Ok(AnsvarRow {
                id: found.ansvar[position].id.0.clone(),
                name: found.ansvar[position].name.clone(),
                depth: depth(found, position).min(6),
                net: figures(&subtree_net(found, position, width)?),
            })
        })
        .collect::<Result<Vec<_>, PageError>>()?;
    let may_organise = may_in_board(
        &state.actor,
        &year.budget,
        board,
        &Action::EditOrganisation {
            unit: UnitId(board.to_string()),
        },
    );
    let moves = year
        .budget
        .reorganisations
        .iter()
        .zip(&year.report.sentences.moves)
        .filter(|(moved, _)| moved.from_board.0 == board || moved.to_board.0 == board)
        .map(|(_, sentence)| sentence.clone())
        .collect();
    Ok(BoardPage {
        may_move: may_organise
            && state.actor.role.allows(
                &Action::EditFrames,
                &Default::default(),
                &Default::default(),
            ),
        other_boards: year
            .budget
            .boards
            .iter()
            .filter(|other| other.id.0 != board)
            .map(|other| (other.id.0.clone(), other.name.clone()))
            .collect(),
        moves,
        before_moves: styr_reports::municipal::before_the_moves(&year.budget).to_string(),
        title: format!(
            "{} – {} {}",
            found.name, year.row.municipality_name, year.row.budget_year
        ),
        nav: views::nav(id, "ramar"),
        id,
        revision: year.row.revision,
        board: board.to_string(),
        name: found.name.clone(),
        columns: columns(&year),
        kommunbidrag: figures(&figures_of.kommunbidrag()),
        net: figures(&figures_of.net),
        result: figures(&figures_of.result),
        fits: figures_of
            .result
            .iter()
            .map(|result| result.ore() == 0)
            .collect(),
        ansvar,
        may_organise,
        frozen: year.row.opened_as.is_some() || year.row.archived_at.is_some(),
        message,
        values,
    })
}

pub async fn show_board(state: Acting, PagePath((id, board)): PagePath<(i64, Key)>) -> PageResult {
    let board = board.into_inner();
    html(&page(&state, id, &board, String::new(), BTreeMap::new()).await?)
}

async fn refused(
    state: &Acting,
    id: i64,
    board: &str,
    message: String,
    values: BTreeMap<String, String>,
) -> PageResult {
    invalid(&page(state, id, board, message, values).await?)
}

/// Moves an ansvar to another board: fields `id`, `to_board`, `to_parent` ("" for directly
/// under it) and `date`.
pub async fn move_to_board(
    state: Acting,
    PagePath((id, board)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let board = board.into_inner();
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("").trim();
    let parent = Some(get("to_parent")).filter(|parent| !parent.is_empty());
    for key in [Some(get("id")), Some(get("to_board")), parent]
        .into_iter()
        .flatten()
    {
        if let Err(message) = crate::input::key(key) {
            return refused(&state, id, &board, format!("{message}."), values.clone()).await;
        }
    }
    let revision = get("revision").parse::<i64>().unwrap_or_default();
    let destination = styr_app::municipal::Destination {
        board: get("to_board"),
        parent,
        date: get("date"),
    };
    let result = state
        .app
        .move_ansvar_to_board(
            &state.actor,
            (id, revision),
            (&board, get("id")),
            &destination,
        )
        .await;
    let location = format!(
        "/kommun/{id}/namnd/{}",
        crate::input::path_segment(get("to_board"))
    );
    after_edit(result, location, |message| {
        page(&state, id, &board, message, values.clone())
    })
    .await
}

/// An edit of the board's organisation: field `what` (`add`, `rename`, `close`, `move`) with `id`,
/// `name` and `parent` ("" for directly under the board); a move also `date`, from when.
pub async fn save_organisation(
    state: Acting,
    PagePath((id, board)): PagePath<(i64, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let board = board.into_inner();
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("").trim();
    let parent = Some(get("parent").to_string()).filter(|parent| !parent.is_empty());
    let ansvar = get("id").to_string();
    if let Err(message) = crate::input::key(&ansvar) {
        return refused(
            &state,
            id,
            &board,
            format!("Ansvarets id: {message}"),
            values,
        )
        .await;
    }
    let name = match crate::input::line(get("name")) {
        Ok(name) => name,
        Err(message) => {
            return refused(&state, id, &board, format!("{message}."), values.clone()).await;
        }
    };
    let edit = match get("what") {
        "add" | "rename" if name.is_empty() => {
            return refused(
                &state,
                id,
                &board,
                "Ansvaret behöver ett namn.".into(),
                values.clone(),
            )
            .await;
        }
        "add" => MunicipalEdit::AddAnsvar {
            board: board.clone(),
            id: ansvar,
            name: name.clone(),
            parent,
        },
        "rename" => MunicipalEdit::RenameAnsvar {
            board: board.clone(),
            id: ansvar,
            name: name.clone(),
        },
        "close" => MunicipalEdit::CloseAnsvar {
            board: board.clone(),
            id: ansvar,
        },
        // In the web a move is a reorganisation from a day, so the structure before it stays
        // readable on the organisation page; the date, missing too, is checked where the move
        // is made, after the permission.
        "move" => MunicipalEdit::MoveAnsvar {
            board: board.clone(),
            id: ansvar,
            parent,
            date: Some(get("date").to_string()),
        },
        _ => {
            return refused(
                &state,
                id,
                &board,
                "Okänd ändring av organisationen.".into(),
                values.clone(),
            )
            .await;
        }
    };
    let revision = get("revision").parse::<i64>().unwrap_or_default();
    let result = state
        .app
        .edit_municipal_year(&state.actor, id, revision, &[edit])
        .await;
    let location = format!("/kommun/{id}/namnd/{}", crate::input::path_segment(&board));
    after_edit(result, location, |message| {
        page(&state, id, &board, message, values.clone())
    })
    .await
}
