//! The municipality's budget as kommunfullmäktige decides it ("Mål och budget"): every nämnd's
//! frame (kommunbidrag) and its budget per ansvar, the central items, the opening balance and
//! the financing, and the financial goals of god ekonomisk hushållning.
//!
//! This is the council level above the board document of [`crate::budget::Budget`]: a board
//! here is its frame and its lines per ansvar × kontogrupp (Kommun-Bas), enough to compute the
//! municipality's resultat-, balans- and kassaflödesbudget exactly; the statements themselves
//! are computed in `styr_reports::municipal`. Every figure is held for each of
//! [`MunicipalBudget::columns`]: the comparison year, the budget year and the plan years.
//!
//! The kontogrupp says which row of the resultaträkning (LKBR 4 kap.) a line belongs to
//! (`account_group`); the balance sheet is chained from an opening balance by the year's
//! result, investments, depreciation, the change of provisions and the loans (`balance`).

mod account_group;
mod balance;
mod board;
mod goals;
mod reorganisation;

pub use account_group::{AccountGroup, StatementRow};
pub use balance::{Balance, OpeningBalance};
pub use board::{Ansvar, Board, Line};
pub use goals::{FinancialGoal, GoalKind};
pub use reorganisation::Reorganisation;

use serde::Serialize;

use crate::budget::{BudgetYears, Municipality};
use crate::calendar::Year;
use crate::document::DocumentMetadata;
use crate::frame::IndexTable;
use crate::money::Amount;

/// An item the council budgets itself rather than through a board: skatteintäkter, generella
/// statsbidrag och utjämning, finansnetto, pensions, internal items. An entered figure, with
/// where it comes from ("SKR:s skatteunderlagsprognos 2025-10-02, cirkulär 25:41").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CentralItem {
    pub name: String,
    pub group: AccountGroup,
    /// One figure per column, revenue positive and cost negative.
    pub amounts: Vec<Amount>,
    pub source: String,
}

/// A heading with its text, in the order the document places them before its tables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub heading: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MunicipalBudget {
    pub municipality: Municipality,
    /// A made-up municipality (the demo's): every document says so.
    pub invented: bool,
    pub document: DocumentMetadata,
    pub years: BudgetYears,
    pub index: IndexTable,
    pub boards: Vec<Board>,
    pub central: Vec<CentralItem>,
    pub balance: Balance,
    pub goals: Vec<FinancialGoal>,
    pub passages: Vec<Passage>,
    /// The moves of ansvar between boards, in the order they were made.
    pub reorganisations: Vec<Reorganisation>,
}

impl MunicipalBudget {
    /// The years every figure is held for, in order: the comparison year, the budget year and
    /// the plan years.
    pub fn columns(&self) -> Vec<Year> {
        self.years.columns()
    }

    pub fn board(&self, id: &str) -> Option<&Board> {
        self.boards.iter().find(|board| board.id.as_str() == id)
    }
}
