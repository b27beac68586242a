//! A board's own budget against the council's frame (issue 15): the board's kommunbidrag in
//! its budget document — every frame of it summed, the board's own and its separately
//! reported units' — beside the kommunbidrag kommunfullmäktige's Mål och budget gives the
//! board, year by year. The council's year is the municipality's latest budget year kept for
//! the same municipality code and budget year (archived years left out) that has a board of
//! the board budget's id. Both levels show the comparison: the board's Ramberäkning and the
//! council's Ramar och nämnder.
//!
//! ```text
//! Kommunstyrelsen 2025: council 118 768 tkr, board 118 535 + 233 = 118 768 tkr → agrees
//! Kommunstyrelsen 2026: council 122 000 tkr, board 121 741 tkr → differs by 259 tkr
//! ```

use std::collections::BTreeMap;

use styr_domain::access::Action;
use styr_domain::calendar::Year;
use styr_domain::money::{Amount, AmountOverflow};
use styr_reports::report::BudgetReport;
use styr_store::{BudgetId, MunicipalBudgetRow};

use super::{MunicipalYear, computed};
use crate::{Actor, App, AppError, Snapshot};

/// One year of a board's kommunbidrag on both levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearAgainstCouncil {
    pub year: Year,
    pub council: Amount,
    pub board: Amount,
}

impl YearAgainstCouncil {
    pub fn agrees(&self) -> bool {
        self.council == self.board
    }
}

/// A board budget beside the council's frame for the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameAgainstCouncil {
    pub municipal_year: i64,
    /// "Exempelby kommun – Mål och budget 2026".
    pub council_title: String,
    pub board_budget: BudgetId,
    /// The board's id, on both levels.
    pub board: String,
    pub board_name: String,
    /// The years both have, in order.
    pub years: Vec<YearAgainstCouncil>,
}

impl FrameAgainstCouncil {
    pub fn agrees(&self) -> bool {
        self.years.iter().all(YearAgainstCouncil::agrees)
    }
}

/// The board's kommunbidrag per year in its own budget: every frame summed.
fn board_kommunbidrag(report: &BudgetReport) -> Result<BTreeMap<Year, Amount>, AmountOverflow> {
    let mut sums: BTreeMap<Year, Amount> = BTreeMap::new();
    for frame in &report.frames {
        for year in &frame.years {
            let sum = sums.entry(year.year).or_default();
            *sum = sum.checked_add(year.kommunbidrag)?;
        }
    }
    Ok(sums)
}

/// `snapshot`'s board in the council's `year`, if the council has that board.
fn compare(
    year: &MunicipalYear,
    snapshot: &Snapshot,
) -> Result<Option<FrameAgainstCouncil>, AppError> {
    let Some(board) = year
        .report
        .boards
        .iter()
        .find(|board| board.id == snapshot.budget.board.0)
    else {
        return Ok(None);
    };
    let own = board_kommunbidrag(snapshot.report()).map_err(|overflow| {
        AppError::Rejected(format!(
            "nämndens kommunbidrag kan inte summeras: {overflow}"
        ))
    })?;
    let years = year
        .report
        .columns
        .iter()
        .zip(board.kommunbidrag())
        .filter_map(|(column, council)| {
            own.get(column).map(|board| YearAgainstCouncil {
                year: *column,
                council,
                board: *board,
            })
        })
        .collect();
    Ok(Some(FrameAgainstCouncil {
        municipal_year: year.row.id,
        council_title: format!(
            "{} – Mål och budget {}",
            year.row.municipality_name, year.row.budget_year
        ),
        board_budget: snapshot.id,
        board: board.id.clone(),
        board_name: board.name.clone(),
        years,
    }))
}

/// The council's year for a board budget in `code` and `budget_year`: the latest kept.
fn council_row<'a>(
    rows: &'a [MunicipalBudgetRow],
    code: &str,
    budget_year: i32,
) -> Option<&'a MunicipalBudgetRow> {
    rows.iter()
        .filter(|row| {
            row.municipality_code == code
                && row.budget_year == budget_year
                && row.archived_at.is_none()
        })
        .max_by_key(|row| row.id)
}

impl App {
    /// The council's frame beside the board budget of `snapshot`, when the municipality's
    /// budget for its year is kept and has its board.
    pub async fn council_frame(
        &self,
        actor: &Actor,
        snapshot: &Snapshot,
    ) -> Result<Option<FrameAgainstCouncil>, AppError> {
        self.require(actor, &Action::Read, None, None).await?;
        let rows = self.store.municipal_budgets().await?;
        let budget_year = i32::from(snapshot.budget.years.budget.number());
        let Some(row) = council_row(&rows, &snapshot.budget.municipality.code, budget_year) else {
            return Ok(None);
        };
        let (budget, report) = computed(&row.source, self.limits())?;
        let year = MunicipalYear {
            row: row.clone(),
            budget,
            report,
        };
        compare(&year, snapshot)
    }

    /// Every board budget the council's `year` is the frame of, beside it: the budgets of the
    /// same municipality and budget year whose board the year has, and for which it is the
    /// latest year kept.
    pub async fn board_budgets_against(
        &self,
        actor: &Actor,
        year: &MunicipalYear,
    ) -> Result<Vec<FrameAgainstCouncil>, AppError> {
        self.require(actor, &Action::Read, None, None).await?;
        let rows = self.store.municipal_budgets().await?;
        let current = council_row(&rows, &year.row.municipality_code, year.row.budget_year);
        if current.map(|row| row.id) != Some(year.row.id) {
            return Ok(Vec::new());
        }
        let mut found = Vec::new();
        for summary in self.budgets().await? {
            if summary.budget_year != i64::from(year.row.budget_year) {
                continue;
            }
            let snapshot = self.snapshot(summary.id).await?;
            if snapshot.budget.municipality.code != year.row.municipality_code {
                continue;
            }
            if let Some(comparison) = compare(year, &snapshot)? {
                found.push(comparison);
            }
        }
        Ok(found)
    }
}
