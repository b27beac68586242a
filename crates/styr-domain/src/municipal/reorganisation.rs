//! A reorganisation: an ansvar, with everything under it, moved from a date under another
//! ansvar of its board or to another board. The move restates the budget: the ansvar's lines go
//! with it in every column, the comparison year too, so the figures are shown in the new
//! structure; a move between boards also gives both frames the technical adjustment that keeps
//! their results as they were. Where the ansvar lay before is kept, so the structure of any
//! earlier day stays readable (`styr_reports::municipal::organisation_on`).

use serde::Serialize;

use crate::calendar::Date;
use crate::organisation::UnitId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reorganisation {
    /// From when the ansvar lies in its new place.
    pub date: Date,
    pub ansvar: UnitId,
    /// The ansvar's name when it moved.
    pub name: String,
    pub from_board: UnitId,
    /// Where it lay before: under this ansvar, or directly under the board.
    pub from_parent: Option<UnitId>,
    pub to_board: UnitId,
    pub to_parent: Option<UnitId>,
}
