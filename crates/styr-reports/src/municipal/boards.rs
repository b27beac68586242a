//! Each board's figures per column: its lines added up per row of the resultaträkning, its net
//! cost, its kommunbidrag from the council's frame and the result against it — which is zero
//! when the board's budget fits its frame — and its investments.

use serde::Serialize;
use styr_domain::calendar::Year;
use styr_domain::frame::{FrameError, FrameFigure, IndexTable};
use styr_domain::money::{Amount, OverflowAt};
use styr_domain::municipal::{Board, StatementRow};

use super::MunicipalError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoardFigures {
    pub id: String,
    pub name: String,
    pub revenue: Vec<Amount>,
    pub costs: Vec<Amount>,
    pub depreciation: Vec<Amount>,
    /// Revenue + costs + depreciation: negative for a board that costs more than it earns.
    pub net: Vec<Amount>,
    pub frame: Vec<FrameFigure>,
    /// Kommunbidrag + net: zero when the budget fits the frame.
    pub result: Vec<Amount>,
    pub investments: Vec<Amount>,
}

impl BoardFigures {
    pub fn kommunbidrag(&self) -> Vec<Amount> {
        self.frame
            .iter()
            .map(|figure| figure.kommunbidrag)
            .collect()
    }
}

pub fn board_figures(
    board: &Board,
    columns: &[Year],
    index: &IndexTable,
) -> Result<BoardFigures, MunicipalError> {
    let width = columns.len();
    let mut rows = [
        vec![Amount::ZERO; width],
        vec![Amount::ZERO; width],
        vec![Amount::ZERO; width],
    ];
    let place = |row: StatementRow, column: usize| {
        format!("{} {}, {}", board.name, columns[column], row.label())
    };
    for line in &board.lines {
        let row = line.group.statement_row();
        let slot = match row {
            StatementRow::Revenue => 0,
            StatementRow::Depreciation => 2,
            _ => 1,
        };
        for (column, amount) in line.amounts.iter().enumerate() {
            rows[slot][column] = rows[slot][column]
                .checked_add(*amount)
                .map_err(|overflow| overflow.at(place(row, column)))?;
        }
    }
    let [revenue, costs, depreciation] = rows;
    let mut net = Vec::with_capacity(width);
    let mut frame = Vec::with_capacity(width);
    let mut result = Vec::with_capacity(width);
    for (column, year) in columns.iter().enumerate() {
        let overflow = |_| OverflowAt {
            place: format!("{} {year}, Nettokostnad", board.name),
        };
        let cost = revenue[column]
            .checked_add(costs[column])
            .and_then(|sum| sum.checked_add(depreciation[column]))
            .map_err(overflow)?;
        let figure = board.frame.figure(*year, index)?;
        result.push(
            figure
                .kommunbidrag
                .checked_add(cost)
                .map_err(|_| OverflowAt {
                    place: format!("{} {year}, Resultat mot ramen", board.name),
                })?,
        );
        net.push(cost);
        frame.push(figure);
    }
    Ok(BoardFigures {
        id: board.id.to_string(),
        name: board.name.clone(),
        revenue,
        costs,
        depreciation,
        net,
        frame,
        result,
        investments: board.investments.clone(),
    })
}

impl From<FrameError> for MunicipalError {
    fn from(error: FrameError) -> MunicipalError {
        MunicipalError::Frame(error)
    }
}
