//! What the council level finds in its boards and its statements: a board whose budget does
//! not fit its frame (on both levels: here and in the board's own check), an opening balance
//! that does not balance, a year that does not meet the balanskrav.

use styr_domain::calendar::Year;
use styr_domain::money::{Amount, Precision};

use super::boards::BoardFigures;
use super::statements::BALANCE_RESULT;
use super::table::StatementTable;
use crate::finding::{Finding, FindingKind, Severity, Shown};

pub fn board_findings(boards: &[BoardFigures], columns: &[Year]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for board in boards {
        for (column, year) in columns.iter().enumerate() {
            let result = board.result[column];
            if result.is_zero() {
                continue;
            }
            findings.push(Finding {
                severity: Severity::Error,
                kind: FindingKind::Balance,
                section: "Driftbudget per nämnd".to_string(),
                place: format!("{}, {year}", board.name),
                stated: Shown::amount(board.frame[column].kommunbidrag, Precision::TKR),
                computed: Shown::amount(board.net[column], Precision::TKR),
                note: format!(
                    "Nämndens budget ryms inte i ramen: kommunbidraget {} och nettokostnaden {} ger ett resultat på {}.",
                    styr_domain::format::with_unit(board.frame[column].kommunbidrag, Precision::TKR),
                    styr_domain::format::with_unit(board.net[column], Precision::TKR),
                    styr_domain::format::with_unit(result, Precision::TKR),
                ),
            });
        }
    }
    findings
}

pub fn balance_requirement_findings(table: &StatementTable, columns: &[Year]) -> Vec<Finding> {
    let Some(line) = table.row(BALANCE_RESULT) else {
        return Vec::new();
    };
    line.exact
        .iter()
        .zip(columns)
        .filter(|(amount, _)| **amount < Amount::ZERO)
        .map(|(amount, year)| Finding {
            severity: Severity::Warning,
            kind: FindingKind::Balance,
            section: "Balanskravsutredning".to_string(),
            place: format!("{BALANCE_RESULT}, {year}"),
            stated: Shown::amount(Amount::ZERO, Precision::TKR),
            computed: Shown::amount(*amount, Precision::TKR),
            note: format!(
                "Balanskravet uppfylls inte {year}: intäkterna ska överstiga kostnaderna (KL 11 kap. 12 §)."
            ),
        })
        .collect()
}
