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

/// The changes that give the board budget `snapshot` the council's kommunbidrag in every year
/// after the comparison year (which was decided before and is not changed): from the first
/// year that differs, the board's own frame takes what the council gives less its separately
/// reported units' frames, as a decided figure.
pub fn council_changes(
    snapshot: &Snapshot,
    comparison: &FrameAgainstCouncil,
) -> Result<Vec<styr_domain::change::Change>, AppError> {
    use styr_domain::change::Change;
    use styr_domain::frame::FrameYear;
    let budget = &snapshot.budget;
    let own = budget
        .frames
        .iter()
        .find(|frame| frame.unit == budget.board)
        .ok_or_else(|| {
            AppError::Rejected(format!(
                "budgeten har ingen ram för nämnden {} att ta kommunbidraget till",
                budget.board
            ))
        })?;
    let own_report = snapshot
        .report()
        .frames
        .iter()
        .find(|frame| frame.unit == budget.board);
    let mut changes = Vec::new();
    // A year derived from one that changes would change with it: from the first year that
    // differs on, every year takes the council's figure.
    let mut changed = false;
    for year in comparison
        .years
        .iter()
        .filter(|year| year.year != budget.years.previous)
    {
        changed |= !year.agrees();
        if !changed {
            continue;
        }
        let own_now = own_report
            .and_then(|frame| frame.years.iter().find(|found| found.year == year.year))
            .map(|found| found.kommunbidrag)
            .ok_or_else(|| {
                AppError::Rejected(format!(
                    "nämndens egen ram har inget kommunbidrag {}; lägg till året i ramen först",
                    year.year
                ))
            })?;
        // What the board's other frames give this year stays; its own frame takes the rest.
        let others = year.board.checked_sub(own_now).map_err(overflow)?;
        let amount = year.council.checked_sub(others).map_err(overflow)?;
        changes.push(match own.years.get(&year.year) {
            Some(FrameYear::Derived { .. }) => Change::PutFrameYear {
                unit: budget.board.clone(),
                year: year.year,
                frame_year: FrameYear::Entered {
                    amount,
                    trail: None,
                },
            },
            _ => Change::SetFrameAmount {
                unit: budget.board.clone(),
                year: year.year,
                amount,
            },
        });
    }
    Ok(changes)
}

fn overflow(error: AmountOverflow) -> AppError {
    AppError::Rejected(format!("kommunbidraget kan inte räknas fram: {error}"))
}

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

    /// Gives the board budget `id` (made on `revision`) the council's kommunbidrag: its own
    /// frame set, in every year after the comparison year that differs, to what the council
    /// gives less its other frames. Asked and recorded as every frame change is.
    pub async fn take_council_frame(
        &self,
        actor: &Actor,
        id: BudgetId,
        revision: Option<i64>,
    ) -> Result<std::sync::Arc<Snapshot>, AppError> {
        let snapshot = self.snapshot(id).await?;
        let comparison = self.council_frame(actor, &snapshot).await?.ok_or_else(|| {
            AppError::Rejected(
                "kommunens budget för året med den här nämnden finns inte i styr".to_string(),
            )
        })?;
        let changes = council_changes(&snapshot, &comparison)?;
        let revision = revision.ok_or_else(|| {
            AppError::Rejected("formuläret saknar budgetens version; läs in sidan igen".to_string())
        })?;
        self.change_all(actor, id, Some(revision), &changes).await
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
