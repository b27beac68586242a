//! The tables per nämnd: the driftbudget (each board's net cost, the central items and
//! verksamhetens nettokostnader), the kommunbidrag each frame gives, and the investeringsbudget.

use styr_domain::money::OverflowAt;
use styr_domain::municipal::MunicipalBudget;

use super::boards::BoardFigures;
use super::statements::{INVESTMENTS, OPERATING_NET};
use super::table::StatementTable;

pub const BOARDS_TOTAL: &str = "Summa nämnder";
pub const FRAMES_TOTAL: &str = "Summa kommunbidrag";

pub fn operating_per_board(
    budget: &MunicipalBudget,
    boards: &[BoardFigures],
) -> Result<StatementTable, OverflowAt> {
    let mut table = StatementTable::new("Driftbudget per nämnd", budget.columns().len());
    let mut rows = Vec::new();
    for board in boards {
        rows.push((table.line(board.name.as_str(), board.net.clone())?, false));
    }
    let total = table.sum(BOARDS_TOTAL, &rows)?;
    let mut terms = vec![(total, false)];
    for item in budget
        .central
        .iter()
        .filter(|item| item.group.statement_row().is_operating())
    {
        terms.push((table.line(item.name.as_str(), item.amounts.clone())?, false));
    }
    table.sum(OPERATING_NET, &terms)?;
    Ok(table)
}

pub fn frames_per_board(
    boards: &[BoardFigures],
    columns: usize,
) -> Result<StatementTable, OverflowAt> {
    let mut table = StatementTable::new("Kommunbidrag per nämnd", columns);
    let mut rows = Vec::new();
    for board in boards {
        rows.push((
            table.line(board.name.as_str(), board.kommunbidrag())?,
            false,
        ));
    }
    table.sum(FRAMES_TOTAL, &rows)?;
    Ok(table)
}

pub fn investments_per_board(
    boards: &[BoardFigures],
    columns: usize,
) -> Result<StatementTable, OverflowAt> {
    let mut table = StatementTable::new("Investeringsbudget per nämnd", columns);
    let mut rows = Vec::new();
    for board in boards {
        rows.push((
            table.line(board.name.as_str(), board.investments.clone())?,
            false,
        ));
    }
    table.sum(INVESTMENTS, &rows)?;
    Ok(table)
}
