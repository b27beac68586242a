//! Figures a source document states in prose, kept so they can be checked.
//!
//! "Personalkostnaderna ökar med 2,0 mnkr" is a [`Statement`] about the personnel line of
//! Kommunstyrelsen's operating table between 2024 and 2025, stated at 0,1 mnkr. styr never
//! uses a statement as input; it computes the figure and reports any disagreement.

use serde::Serialize;

use crate::calendar::Year;
pub use crate::direction::{Direction, StatedChange};
use crate::investment::InvestmentRow;
use crate::money::Stated;
use crate::operating::OperatingRow;
use crate::organisation::UnitId;

/// A series of figures that a statement is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "table")]
pub enum Figure {
    Operating { unit: UnitId, row: OperatingRow },
    Frame { unit: UnitId },
    Investment { row: InvestmentRow },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "claim")]
pub enum Claim {
    /// The figure changes between two years.
    Change {
        from: Year,
        to: Year,
        stated: StatedChange,
    },
    /// The figure's value in one year.
    Value { year: Year, stated: Stated },
    /// The figure's sum over years ("uppgår till sammanlagt").
    Sum { years: Vec<Year>, stated: Stated },
    /// The figure's mean over years ("i genomsnitt").
    Average { years: Vec<Year>, stated: Stated },
}

/// One figure stated in prose, with the sentence it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// The heading of the section the sentence stands in.
    pub section: String,
    /// The sentence as the document writes it.
    pub text: String,
    pub figure: Figure,
    pub claim: Claim,
    /// A person has since changed a figure the sentence speaks of: kept, no longer checked.
    pub superseded: bool,
}
