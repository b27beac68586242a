//! An ansvar of a board (`/kommun/NR/namnd/ID/ansvar/ANSVAR`): its own lines per kontogrupp
//! and year with their sum, the ansvar under it, and — for whoever may budget it (the
//! budgetansvarig of it or a unit above it, the board's and the council's controllers) — the
//! figures of the budget and plan years to change and a line to add. The comparison year is
//! the budget decided before and is shown, not changed.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::municipal::{line_amount, may_in_board};
use styr_domain::access::Action;
use styr_domain::money::Amount;
use styr_domain::organisation::UnitId;
use styr_import::municipal_file::MunicipalEdit;

use super::views::{self, after_edit, columns, figures, operating_groups, subtree_net};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::Key;
use crate::pages::{PageResult, html, invalid};
use crate::view::NavItem;

pub struct Cell {
    pub figure: String,
    /// The field's name (`amount:GROUP:YEAR`) and its element id.
    pub field: String,
    pub element: String,
    pub editable: bool,
}

pub struct LineRow {
    pub group: String,
    pub label: String,
    pub cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "municipal_ansvar.html")]
pub struct AnsvarPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub board: String,
    pub board_name: String,
    pub ansvar: String,
    pub name: String,
    pub columns: Vec<String>,
    pub lines: Vec<LineRow>,
    pub own_sum: Vec<String>,
    pub subtree_sum: Vec<String>,
    /// The ansvar right under this one: id and name.
    pub children: Vec<(String, String)>,
    pub new_groups: Vec<(String, String)>,
    pub editable_years: Vec<u16>,
    pub may_edit: bool,
    pub message: String,
    pub values: BTreeMap<String, String>,
}

impl AnsvarPage {
    /// What a field shows: what was typed when the form is shown again, else `current`.
    pub fn value(&self, field: &str, current: &str) -> String {
        self.values
            .get(field)
            .cloned()
            .unwrap_or_else(|| current.to_string())
    }
}

async fn page(
    state: &Acting,
    id: i64,
    (board, ansvar): (&str, &str),
    message: String,
    values: BTreeMap<String, String>,
) -> Result<AnsvarPage, PageError> {
    let year = state.app.municipal_year(&state.actor, id).await?;
    let found = views::board(&year.budget, board)?;
    let position = found
        .ansvar
        .iter()
        .position(|found| found.id.0 == ansvar)
        .ok_or_else(PageError::not_found)?;
    let frozen = year.row.opened_as.is_some() || year.row.archived_at.is_some();
    let may_edit = !frozen
        && may_in_board(
            &state.actor,
            &year.budget,
            board,
            &Action::EditLines {
                unit: UnitId(ansvar.to_string()),
            },
        );
    let years = &year.report.columns;
    let editable = |column: usize| column > 0;
    let mut own = vec![Amount::ZERO; years.len()];
    let mut lines = Vec::new();
    for line in found.lines.iter().filter(|line| line.ansvar == position) {
        let group = line.group.to_string();
        for (sum, amount) in own.iter_mut().zip(&line.amounts) {
            *sum = sum
                .checked_add(*amount)
                .map_err(|error| PageError::internal(error.into()))?;
        }
        lines.push(LineRow {
            label: format!(
                "{group} – {}",
                line.group.statement_row().label().to_lowercase()
            ),
            cells: line
                .amounts
                .iter()
                .zip(years)
                .enumerate()
                .map(|(column, (amount, year))| Cell {
                    figure: if editable(column) {
                        views::field_figure(*amount)
                    } else {
                        styr_domain::format::tkr(*amount)
                    },
                    field: format!("amount:{group}:{year}"),
                    element: format!("rad-{group}-{year}"),
                    editable: editable(column),
                })
                .collect(),
            group,
        });
    }
    let taken: Vec<String> = lines.iter().map(|line| line.group.clone()).collect();
    Ok(AnsvarPage {
        title: format!("{} – {}", found.ansvar[position].name, found.name),
        nav: views::nav(id, "ramar"),
        id,
        revision: year.row.revision,
        board: board.to_string(),
        board_name: found.name.clone(),
        ansvar: ansvar.to_string(),
        name: found.ansvar[position].name.clone(),
        columns: columns(&year),
        own_sum: figures(&own),
        subtree_sum: figures(&subtree_net(found, position, years.len())?),
        children: found
            .ansvar
            .iter()
            .filter(|child| {
                child
                    .parent
                    .as_ref()
                    .is_some_and(|parent| parent.0 == ansvar)
            })
            .map(|child| (child.id.0.clone(), child.name.clone()))
            .collect(),
        lines,
        new_groups: operating_groups()
            .into_iter()
            .filter(|(group, _)| !taken.contains(group))
            .collect(),
        editable_years: years.iter().skip(1).map(|year| year.number()).collect(),
        may_edit,
        message,
        values,
    })
}

pub async fn show_ansvar(
    state: Acting,
    PagePath((id, board, ansvar)): PagePath<(i64, Key, Key)>,
) -> PageResult {
    let (board, ansvar) = (board.into_inner(), ansvar.into_inner());
    html(
        &page(
            &state,
            id,
            (&board, &ansvar),
            String::new(),
            BTreeMap::new(),
        )
        .await?,
    )
}

/// Saves the ansvar's lines: fields `amount:GROUP:YEAR` (a figure left as it was is no
/// change), and a new line from `new_group`, `new_year` and `new_amount`.
pub async fn save_lines(
    state: Acting,
    PagePath((id, board, ansvar)): PagePath<(i64, Key, Key)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let (board, ansvar) = (board.into_inner(), ansvar.into_inner());
    // Asked before the form is read: a läsare's post is refused, and recorded, as it is.
    state
        .app
        .require_municipal(
            &state.actor,
            id,
            &board,
            &Action::EditLines {
                unit: UnitId(ansvar.clone()),
            },
        )
        .await?;
    let fields = values
        .keys()
        .filter(|field| field.starts_with("amount:"))
        .count();
    if fields > styr_app::municipal::MOST_EDITS {
        let message = format!(
            "{fields} belopp på en gång är fler än de {} som sparas i en sparning.",
            styr_app::municipal::MOST_EDITS
        );
        return invalid(&page(&state, id, (&board, &ansvar), message, BTreeMap::new()).await?);
    }
    let year = state.app.municipal_year(&state.actor, id).await?;
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("").trim();
    let mut problems = Vec::new();
    let mut cells: Vec<(String, i64, String)> = Vec::new();
    for (field, text) in &values {
        let Some((group, column)) = field
            .strip_prefix("amount:")
            .and_then(|rest| rest.split_once(':'))
        else {
            continue;
        };
        match column.parse::<i64>() {
            Ok(column) => cells.push((group.to_string(), column, text.clone())),
            Err(_) => problems.push(format!("fältet {field} går inte att läsa")),
        }
    }
    if !get("new_amount").is_empty() {
        match get("new_year").parse::<i64>() {
            Ok(column) => cells.push((
                get("new_group").to_string(),
                column,
                get("new_amount").to_string(),
            )),
            Err(_) => problems.push("välj ett år för den nya raden".to_string()),
        }
    }
    let mut edits = Vec::new();
    for (group, column, text) in cells {
        match crate::input::amount(&text) {
            Ok(amount) => {
                if line_amount(&year.budget, &board, &ansvar, &group, column) != Some(amount) {
                    edits.push(MunicipalEdit::SetLine {
                        board: board.clone(),
                        ansvar: ansvar.clone(),
                        group,
                        year: column,
                        amount,
                    });
                }
            }
            Err(message) => problems.push(format!("{group} {column}: {message}")),
        }
    }
    if !problems.is_empty() {
        let message = format!("Inget sparades: {}.", problems.join("; "));
        return invalid(&page(&state, id, (&board, &ansvar), message, values.clone()).await?);
    }
    let revision = get("revision").parse::<i64>().unwrap_or_default();
    let result = state
        .app
        .edit_municipal_year(&state.actor, id, revision, &edits)
        .await;
    let location = format!(
        "/kommun/{id}/namnd/{}/ansvar/{}",
        crate::input::path_segment(&board),
        crate::input::path_segment(&ansvar)
    );
    after_edit(result, location, |message| {
        page(&state, id, (&board, &ansvar), message, values.clone())
    })
    .await
}
