//! The organisation as it was on a day, and each reorganisation in words. The budget year's
//! file holds the organisation as it is now, with every move from a date recorded with where
//! the ansvar lay before; undoing the moves dated after the day, the latest first, gives the
//! structure of that day. The figures are the year's own (restated, as the moves restate
//! them) summed in that structure, so the old structure is readable with the same figures.
//!
//! ```text
//! now:    bun ─ Förskola 1            moved 2027-01-01 from ks, under Kansliet
//! on 2026-12-31: ks ─ Kansliet ─ Förskola 1 (with its lines in every column)
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use styr_domain::calendar::Date;
use styr_domain::money::{Amount, OverflowAt};
use styr_domain::municipal::{MunicipalBudget, Reorganisation};
use styr_domain::organisation::UnitId;

/// One ansvar in a board's organisation on a day: its depth under the board and the net of it
/// and everything under it per column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitOnDate {
    pub id: UnitId,
    pub name: String,
    pub depth: usize,
    pub net: Vec<Amount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoardOnDate {
    pub id: UnitId,
    pub name: String,
    /// In tree order: each ansvar followed by those under it.
    pub ansvar: Vec<UnitOnDate>,
    /// The net of all its ansvar per column.
    pub net: Vec<Amount>,
}

/// Where an ansvar lies: its board and the ansvar over it (none: directly under the board).
struct Place {
    board: UnitId,
    parent: Option<UnitId>,
    name: String,
}

/// The day before the earliest move, where the structure before every move is read; the
/// first day of the budget year when nothing has moved.
pub fn before_the_moves(budget: &MunicipalBudget) -> Date {
    budget
        .reorganisations
        .iter()
        .map(|moved| moved.date)
        .min()
        .and_then(Date::day_before)
        .unwrap_or_else(|| Date::first_of(budget.years.budget))
}

/// The municipality's boards with their ansvar placed as they were on `on`. Ansvar added,
/// renamed or closed are shown as they are now: only moves carry a date.
pub fn organisation_on(budget: &MunicipalBudget, on: Date) -> Result<Vec<BoardOnDate>, OverflowAt> {
    let mut order: Vec<UnitId> = Vec::new();
    let mut places: BTreeMap<UnitId, Place> = BTreeMap::new();
    for board in &budget.boards {
        for ansvar in &board.ansvar {
            order.push(ansvar.id.clone());
            let place = Place {
                board: board.id.clone(),
                parent: ansvar.parent.clone(),
                name: ansvar.name.clone(),
            };
            places.insert(ansvar.id.clone(), place);
        }
    }
    let mut later: Vec<&Reorganisation> = budget
        .reorganisations
        .iter()
        .filter(|moved| moved.date > on)
        .collect();
    // Stable, so two moves of one day are undone in the reverse of the order they were made.
    later.sort_by_key(|moved| moved.date);
    for moved in later.into_iter().rev() {
        undo(&mut places, &mut order, moved);
    }
    let columns = budget.columns().len();
    let mut own: BTreeMap<&UnitId, Vec<Amount>> = BTreeMap::new();
    for board in &budget.boards {
        for line in &board.lines {
            let Some(ansvar) = board.ansvar.get(line.ansvar) else {
                continue;
            };
            let sums = own
                .entry(&ansvar.id)
                .or_insert_with(|| vec![Amount::ZERO; columns]);
            add_into(sums, &line.amounts, &ansvar.id)?;
        }
    }
    budget
        .boards
        .iter()
        .map(|board| board_on(board, &order, &places, &own, columns))
        .collect()
}

/// Puts the moved ansvar back where it lay, everything under it following to the old board.
fn undo(places: &mut BTreeMap<UnitId, Place>, order: &mut Vec<UnitId>, moved: &Reorganisation) {
    let mut under = vec![moved.ansvar.clone()];
    let mut next = 0;
    while let Some(current) = under.get(next).cloned() {
        for (id, place) in places.iter() {
            if place.board == moved.to_board
                && place.parent.as_ref() == Some(&current)
                && !under.contains(id)
            {
                under.push(id.clone());
            }
        }
        next += 1;
    }
    for id in under.iter().skip(1) {
        if let Some(place) = places.get_mut(id) {
            place.board = moved.from_board.clone();
        }
    }
    if !places.contains_key(&moved.ansvar) {
        order.push(moved.ansvar.clone());
    }
    let place = places.entry(moved.ansvar.clone()).or_insert(Place {
        board: moved.from_board.clone(),
        parent: None,
        name: moved.name.clone(),
    });
    place.board = moved.from_board.clone();
    place.parent = moved.from_parent.clone();
}

fn add_into(sums: &mut [Amount], amounts: &[Amount], at: &UnitId) -> Result<(), OverflowAt> {
    for (sum, amount) in sums.iter_mut().zip(amounts) {
        *sum = sum
            .checked_add(*amount)
            .map_err(|error| error.at(format!("organisationen, ansvar {}", at.0)))?;
    }
    Ok(())
}

fn board_on(
    board: &styr_domain::municipal::Board,
    order: &[UnitId],
    places: &BTreeMap<UnitId, Place>,
    own: &BTreeMap<&UnitId, Vec<Amount>>,
    columns: usize,
) -> Result<BoardOnDate, OverflowAt> {
    let members: Vec<&UnitId> = order
        .iter()
        .filter(|id| places.get(*id).is_some_and(|place| place.board == board.id))
        .collect();
    let member_set: BTreeSet<&UnitId> = members.iter().copied().collect();
    let parent_in_board = |id: &UnitId, cut: &BTreeSet<&UnitId>| {
        places
            .get(id)
            .and_then(|place| place.parent.as_ref())
            .filter(|parent| member_set.contains(parent) && !cut.contains(id))
    };
    // Tree order from the roots: an ansvar whose parent is not in the board is a root. One not
    // reached from a root lies in a circle, which moves in date order cannot make; it is cut
    // from its parent and made a root, so each ansvar is shown and counted once.
    let mut cut: BTreeSet<&UnitId> = BTreeSet::new();
    let mut tree: Vec<(&UnitId, usize)> = Vec::new();
    let mut seen: BTreeSet<&UnitId> = BTreeSet::new();
    let roots: Vec<&UnitId> = members
        .iter()
        .copied()
        .filter(|id| parent_in_board(id, &cut).is_none())
        .collect();
    for start in roots.into_iter().chain(members.iter().copied()) {
        if seen.contains(start) {
            continue;
        }
        if parent_in_board(start, &cut).is_some() {
            cut.insert(start);
        }
        let mut stack = vec![(start, 0usize)];
        while let Some((id, depth)) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            tree.push((id, depth));
            let children = members.iter().rev().filter(|child| {
                parent_in_board(child, &cut) == Some(id) && !seen.contains(**child)
            });
            stack.extend(children.map(|child| (*child, depth + 1)));
        }
    }
    let mut nets: BTreeMap<&UnitId, Vec<Amount>> = BTreeMap::new();
    // Children come after their parent in tree order, so from the end each subtree is whole
    // before it is added to the ansvar over it.
    for (id, _) in tree.iter().rev() {
        let mut sum = own
            .get(id)
            .cloned()
            .unwrap_or_else(|| vec![Amount::ZERO; columns]);
        if let Some(children) = nets.get(id) {
            add_into(&mut sum, children, id)?;
        }
        nets.insert(id, sum.clone());
        if let Some(parent) = parent_in_board(id, &cut) {
            let over = nets
                .entry(parent)
                .or_insert_with(|| vec![Amount::ZERO; columns]);
            add_into(over, &sum, parent)?;
        }
    }
    let mut total = vec![Amount::ZERO; columns];
    let ansvar = tree
        .iter()
        .map(|(id, depth)| {
            let net = nets.get(id).cloned().unwrap_or_default();
            if parent_in_board(id, &cut).is_none() {
                add_into(&mut total, &net, &board.id)?;
            }
            Ok(UnitOnDate {
                id: (*id).clone(),
                name: places
                    .get(*id)
                    .map(|place| place.name.clone())
                    .unwrap_or_default(),
                depth: *depth,
                net,
            })
        })
        .collect::<Result<Vec<_>, OverflowAt>>()?;
    Ok(BoardOnDate {
        id: board.id.clone(),
        name: board.name.clone(),
        ansvar,
        net: total,
    })
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
