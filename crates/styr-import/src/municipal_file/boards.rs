//! `[[board]]`: a nämnd with its frame (the budget file's frame years), its ansvar under one
//! another, and its lines per ansvar × kontogrupp. A line on an ansvar the board does not have,
//! a kontogrupp the council budgets (tax, grants, financial items), an ansvar whose parents
//! go round in a circle and a frame without a year of the budget are each an issue.

use std::collections::{BTreeMap, BTreeSet};

use styr_domain::frame::{Frame, IndexTable};
use styr_domain::municipal::{Ansvar, Board, Line};
use styr_domain::organisation::UnitId;

use super::raw::{RawAnsvar, RawBoard};
use super::series::Columns;
use crate::budget_file::figures::{frame_year, index_choice};
use crate::budget_file::reader::Reader;

pub fn boards(
    reader: &mut Reader,
    raw: &[RawBoard],
    columns: &Columns,
    index: &IndexTable,
) -> Vec<Board> {
    unique_across_boards(reader, raw);
    let mut ids = BTreeSet::new();
    raw.iter()
        .filter_map(|board| {
            if let Err(message) = styr_domain::key::check(board.id.get_ref()) {
                reader.issue(board.id.span(), message.to_string());
            }
            if !ids.insert(board.id.get_ref().as_str()) {
                reader.issue(
                    board.id.span(),
                    format!("nämnden ”{}” finns redan", board.id.get_ref()),
                );
            }
            let frame = frame(reader, board, columns, index);
            let ansvar = ansvar(reader, board);
            let positions: BTreeMap<&str, usize> = ansvar
                .iter()
                .enumerate()
                .map(|(position, ansvar)| (ansvar.id.as_str(), position))
                .collect();
            let lines = lines(reader, board, columns, &positions);
            let investments = columns.sparse(
                reader,
                &board.investments,
                board.id.span(),
                &format!("{} investeringar", board.name),
            );
            Some(Board {
                id: UnitId(board.id.get_ref().clone()),
                name: board.name.clone(),
                frame: frame?,
                ansvar,
                lines: lines?,
                investments: investments?,
            })
        })
        .collect()
}

fn frame(
    reader: &mut Reader,
    board: &RawBoard,
    columns: &Columns,
    index: &IndexTable,
) -> Option<Frame> {
    let raw = &board.frame;
    let choice = index_choice(reader, &raw.index, &raw.vintage, index);
    let mut years = BTreeMap::new();
    for raw_year in &raw.year {
        if let (Some(year), Some(figure)) =
            (reader.year(&raw_year.year), frame_year(reader, raw_year))
            && years.insert(year, figure).is_some()
        {
            reader.issue(
                raw_year.year.span(),
                format!("året {year} finns redan i ramen"),
            );
        }
    }
    let missing: Vec<String> = columns
        .years()
        .iter()
        .filter(|year| !years.contains_key(year))
        .map(ToString::to_string)
        .collect();
    if !missing.is_empty() {
        reader.issue(
            board.id.span(),
            format!(
                "ramen för {} har inget kommunbidrag för {}",
                board.name,
                missing.join(", ")
            ),
        );
        return None;
    }
    Some(Frame {
        unit: UnitId(board.id.get_ref().clone()),
        heading: format!("Kommunbidrag, {}", board.name),
        index: choice,
        years,
    })
}

/// An ansvar's id names it in the whole municipality, as the ansvar dimension of the
/// accounts does: a budgetansvarig's role names it alone, so no other board, and no board,
/// may have it too.
fn unique_across_boards(reader: &mut Reader, raw: &[RawBoard]) {
    let names: BTreeMap<&str, &str> = raw
        .iter()
        .map(|board| (board.id.get_ref().as_str(), board.name.as_str()))
        .collect();
    // Each id's owner, by the owning board's id (two boards may share a name).
    let mut owners: BTreeMap<&str, &str> = names.keys().map(|id| (*id, *id)).collect();
    for board in raw {
        let own = board.id.get_ref().as_str();
        for ansvar in &board.ansvar {
            let id = ansvar.id.get_ref().as_str();
            match owners.get(id) {
                Some(owner) if names.contains_key(id) || *owner != own => {
                    let owner = names.get(owner).copied().unwrap_or(owner).to_string();
                    reader.issue(
                        ansvar.id.span(),
                        format!("ansvaret ”{id}” finns redan i {owner}; ett ansvar har ett eget id i hela kommunen"),
                    );
                }
                Some(_) => {}
                None => {
                    owners.insert(id, own);
                }
            }
        }
    }
}

fn ansvar(reader: &mut Reader, board: &RawBoard) -> Vec<Ansvar> {
    let mut seen = BTreeSet::new();
    for raw in &board.ansvar {
        if let Err(message) = styr_domain::key::check(raw.id.get_ref()) {
            reader.issue(raw.id.span(), message.to_string());
        }
        if !seen.insert(raw.id.get_ref().as_str()) {
            reader.issue(
                raw.id.span(),
                format!(
                    "ansvaret ”{}” finns redan i {}",
                    raw.id.get_ref(),
                    board.name
                ),
            );
        }
    }
    let parents: BTreeMap<&str, Option<&str>> = board
        .ansvar
        .iter()
        .map(|raw| {
            (
                raw.id.get_ref().as_str(),
                raw.parent.as_ref().map(|parent| parent.get_ref().as_str()),
            )
        })
        .collect();
    for raw in &board.ansvar {
        check_parent(reader, board, raw, &parents);
    }
    board
        .ansvar
        .iter()
        .map(|raw| Ansvar {
            id: UnitId(raw.id.get_ref().clone()),
            name: raw.name.clone(),
            parent: raw
                .parent
                .as_ref()
                .map(|parent| UnitId(parent.get_ref().clone())),
        })
        .collect()
}

/// The parent is an ansvar of the same board, and following parents ends at the board.
fn check_parent(
    reader: &mut Reader,
    board: &RawBoard,
    raw: &RawAnsvar,
    parents: &BTreeMap<&str, Option<&str>>,
) {
    let Some(parent) = &raw.parent else { return };
    if !parents.contains_key(parent.get_ref().as_str()) {
        reader.issue(
            parent.span(),
            format!("ansvaret ”{}” finns inte i {}; ett ansvar ligger under ett annat ansvar i samma nämnd", parent.get_ref(), board.name),
        );
        return;
    }
    let mut current = Some(parent.get_ref().as_str());
    for _ in 0..=parents.len() {
        match current {
            None => return,
            Some(id) if id == raw.id.get_ref() => break,
            Some(id) => current = parents.get(id).copied().flatten(),
        }
    }
    reader.issue(
        parent.span(),
        format!(
            "ansvaret ”{}” hamnar under sig självt: organisationen får inte gå runt",
            raw.id.get_ref()
        ),
    );
}

fn lines(
    reader: &mut Reader,
    board: &RawBoard,
    columns: &Columns,
    positions: &BTreeMap<&str, usize>,
) -> Option<Vec<Line>> {
    let mut lines = Vec::with_capacity(board.line.len());
    let mut complete = true;
    let mut seen = BTreeSet::new();
    for raw in &board.line {
        let ansvar = positions.get(raw.ansvar.get_ref().as_str()).copied();
        if ansvar.is_none() {
            reader.issue(
                raw.ansvar.span(),
                format!(
                    "ansvaret ”{}” hör inte till {}",
                    raw.ansvar.get_ref(),
                    board.name
                ),
            );
        }
        let group = super::account_group(reader, &raw.group);
        if let Some(group) = group
            && !group.statement_row().is_operating()
        {
            reader.issue(
                raw.group.span(),
                format!(
                    "kontogrupp {group} ({}) budgeteras centralt av fullmäktige, inte av en nämnd",
                    group.statement_row().label()
                ),
            );
        }
        if !seen.insert((raw.ansvar.get_ref().as_str(), raw.group.get_ref().as_str())) {
            reader.issue(
                raw.group.span(),
                format!(
                    "ansvaret ”{}” har redan en rad för kontogrupp {}",
                    raw.ansvar.get_ref(),
                    raw.group.get_ref()
                ),
            );
        }
        let amounts = columns.required(
            reader,
            &raw.amounts,
            &format!(
                "{} {} {}",
                board.name,
                raw.ansvar.get_ref(),
                raw.group.get_ref()
            ),
        );
        match (ansvar, group, amounts) {
            (Some(ansvar), Some(group), Some(amounts)) => lines.push(Line {
                ansvar,
                group,
                amounts,
            }),
            _ => complete = false,
        }
    }
    complete.then_some(lines)
}
