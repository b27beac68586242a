//! A reorganisation between boards: an ansvar, with everything under it, moved from one board
//! to another from a date. The move restates the budget: the ansvar's lines go with it in every
//! column, the comparison year too, so both boards' figures are shown in the new structure,
//! and both boards' frames get the technical adjustment that keeps their results as they were.
//! The structure before the move stays readable in the year the move's year was opened from.

use serde::Serialize;

use crate::calendar::Date;
use crate::organisation::UnitId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reorganisation {
    /// From when the ansvar belongs to its new board.
    pub date: Date,
    pub ansvar: UnitId,
    /// The ansvar's name when it moved.
    pub name: String,
    pub from_board: UnitId,
    /// Where it lay in its old board: under this ansvar, or directly under the board.
    pub from_parent: Option<UnitId>,
    pub to_board: UnitId,
    pub to_parent: Option<UnitId>,
}
