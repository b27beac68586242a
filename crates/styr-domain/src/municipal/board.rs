//! A nämnd at the council level: its frame, its organisation of ansvar (kostnadsställen under
//! förvaltningar and avdelningar) and its lines per ansvar × kontogrupp, which add up to the
//! board's driftbudget and, with the other boards and the central items, to the resultatbudget.

use serde::Serialize;

use super::account_group::AccountGroup;
use crate::frame::Frame;
use crate::money::Amount;
use crate::organisation::UnitId;

/// An ansvar (or the förvaltning or avdelning above ansvar) within a board. `parent` is
/// another ansvar of the same board; none for one directly under the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ansvar {
    pub id: UnitId,
    pub name: String,
    pub parent: Option<UnitId>,
}

/// One budgeted line: an ansvar's figures on one kontogrupp, one per column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The position of the ansvar in its board's `ansvar`.
    pub ansvar: usize,
    pub group: AccountGroup,
    pub amounts: Vec<Amount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Board {
    pub id: UnitId,
    pub name: String,
    pub frame: Frame,
    pub ansvar: Vec<Ansvar>,
    pub lines: Vec<Line>,
    /// Nettoinvesteringar per column, as an expenditure (positive).
    pub investments: Vec<Amount>,
}

impl Board {
    /// The ansvar at `position` and every ansvar below it, as positions.
    pub fn subtree(&self, position: usize) -> Vec<usize> {
        let mut found = vec![position];
        let mut next = 0;
        while let Some(&current) = found.get(next) {
            let id = &self.ansvar[current].id;
            found.extend(
                self.ansvar
                    .iter()
                    .enumerate()
                    .filter(|(_, ansvar)| ansvar.parent.as_ref() == Some(id))
                    .map(|(child, _)| child),
            );
            next += 1;
        }
        found
    }
}
