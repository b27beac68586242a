//! The municipality's budget computed: every board's figures against its frame, the
//! statements (resultat-, kassaflödes- and balansbudget, the balanskravsutredning), the tables
//! per nämnd, the frame derivation, the financial goals per year, the findings and the
//! sentences of the KF document "Mål och budget". Exact in öre; each table also as shown in
//! whole tkr, adding up as printed (`table`).

mod boards;
mod findings;
mod frames;
mod goals;
mod history;
mod per_board;
mod sentences;
mod statements;
mod table;

use serde::Serialize;
use styr_domain::calendar::Year;
use styr_domain::frame::FrameError;
use styr_domain::money::OverflowAt;
use styr_domain::municipal::MunicipalBudget;

pub use boards::BoardFigures;
pub use frames::FrameChange;
pub use goals::{GoalEvaluation, GoalYear};
pub use history::{BoardOnDate, UnitOnDate, before_the_moves, organisation_on};
pub use per_board::{BOARDS_TOTAL, FRAMES_TOTAL};
pub use statements::{BALANCE_RESULT, INVESTMENTS, OPERATING_NET, RESULT};
pub use table::{StatementLine, StatementTable};

use crate::finding::Finding;

/// A figure that cannot be computed: a frame without a year or index value, or a sum too large.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MunicipalError {
    Frame(FrameError),
    Overflow(OverflowAt),
}

impl std::fmt::Display for MunicipalError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MunicipalError::Frame(error) => error.fmt(formatter),
            MunicipalError::Overflow(error) => error.fmt(formatter),
        }
    }
}

impl std::error::Error for MunicipalError {}

impl From<OverflowAt> for MunicipalError {
    fn from(error: OverflowAt) -> MunicipalError {
        MunicipalError::Overflow(error)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MunicipalReport {
    pub columns: Vec<Year>,
    pub boards: Vec<BoardFigures>,
    pub income: StatementTable,
    pub cash_flow: StatementTable,
    pub balance_sheet: StatementTable,
    pub balance_requirement: StatementTable,
    pub operating: StatementTable,
    pub frames: StatementTable,
    pub investments: StatementTable,
    /// The frames' change from the comparison year to the budget year.
    pub frame_changes: Vec<FrameChange>,
    pub frame_changes_total: FrameChange,
    pub goals: Vec<GoalEvaluation>,
    pub findings: Vec<Finding>,
    pub sentences: sentences::Sentences,
}

pub use sentences::Sentences;

pub fn municipal_report(budget: &MunicipalBudget) -> Result<MunicipalReport, MunicipalError> {
    let columns = budget.columns();
    let boards = budget
        .boards
        .iter()
        .map(|board| boards::board_figures(board, &columns, &budget.index))
        .collect::<Result<Vec<_>, _>>()?;
    let income = statements::income_statement(budget, &boards)?;
    let investments = per_board::investments_per_board(&boards, budget.columns().len())?;
    let cash_flow = statements::cash_flow(budget, &income, &investments)?;
    let balance_sheet = statements::balance_sheet(budget, &income, &investments, &cash_flow)?;
    let balance_requirement = statements::balance_requirement(budget, &income)?;
    let operating = per_board::operating_per_board(budget, &boards)?;
    let frames = per_board::frames_per_board(&boards, budget.columns().len())?;
    let budget_column = columns
        .iter()
        .position(|year| *year == budget.years.budget)
        .unwrap_or(0);
    let frame_changes = frames::frame_changes(&boards, &columns, 0, budget_column)?;
    let frame_changes_total = frames::total(&frame_changes)?;
    let sources = goals::Sources {
        income: &income,
        balance_sheet: &balance_sheet,
        investments: &investments,
    };
    let goals: Vec<GoalEvaluation> = budget
        .goals
        .iter()
        .map(|goal| goals::evaluate(goal, &sources))
        .collect();
    let mut findings = findings::board_findings(&boards, &columns);
    findings.extend(findings::balance_requirement_findings(
        &balance_requirement,
        &columns,
    ));
    let sentences = sentences::sentences(
        budget,
        &columns,
        &income,
        &operating,
        &frames,
        &investments,
        &balance_requirement,
        &goals,
    )?;
    Ok(MunicipalReport {
        columns,
        boards,
        income,
        cash_flow,
        balance_sheet,
        balance_requirement,
        operating,
        frames,
        investments,
        frame_changes,
        frame_changes_total,
        goals,
        findings,
        sentences,
    })
}

#[cfg(test)]
mod tests;
