//! The municipality's budget years in the database: a municipality file imported as a year
//! (all or nothing — it must read and compute before it is kept), read back and computed, and
//! the next year opened from it. Opening is [`next_year`], the same for a file on disk and for
//! a year in the database; in the database the year opened from is kept as it was, and is
//! opened from once.

mod council;
mod edit;
mod reorganise;

pub use council::{FrameAgainstCouncil, YearAgainstCouncil};
pub use edit::{MOST_EDITS, actions_for, board_organisation, line_amount, may_in_board};
pub use reorganise::Destination;

use std::collections::BTreeMap;

use styr_domain::access::Action;
use styr_domain::municipal::{MunicipalBudget, OpeningBalance};
use styr_reports::municipal::{MunicipalReport, municipal_report};
use styr_store::{AuditEntry, MunicipalBudgetRow, NewMunicipalBudget, Stamp, StoreError};

use crate::{Actor, App, AppError};

/// A budget year as kept, read and computed.
pub struct MunicipalYear {
    pub row: MunicipalBudgetRow,
    pub budget: MunicipalBudget,
    pub report: MunicipalReport,
}

/// The next year opened from this one: its municipality file, read and computed.
pub struct NextYear {
    pub source: String,
    pub budget: MunicipalBudget,
    pub report: MunicipalReport,
}

/// Reads and computes a municipality file, or says why it cannot be kept.
fn computed(
    source: &str,
    limits: &styr_import::Limits,
) -> Result<(MunicipalBudget, MunicipalReport), AppError> {
    let budget = styr_import::municipal_file::parse_municipal_budget_within(source, limits)
        .map_err(AppError::Unreadable)?;
    let report = municipal_report(&budget).map_err(|error| {
        AppError::Rejected(format!("kommunens budget kan inte räknas fram: {error}"))
    })?;
    Ok((budget, report))
}

/// The balance at the end of the report's first column (the comparison year), item by item.
fn closing(report: &MunicipalReport) -> OpeningBalance {
    let end = |label: &str| {
        report
            .balance_sheet
            .row(label)
            .and_then(|line| line.exact.first().copied())
            .unwrap_or_default()
    };
    OpeningBalance {
        fixed_assets: end("Anläggningstillgångar"),
        current_assets: end("Omsättningstillgångar"),
        cash: end("Likvida medel"),
        equity: end("Eget kapital"),
        provisions: end("Avsättningar"),
        long_term_liabilities: end("Långfristiga skulder"),
        current_liabilities: end("Kortfristiga skulder"),
    }
}

/// Opens the year after `source`'s: the years move one step, each board's kommunbidrag this
/// year becomes its comparison frame, the later frames are uprated by `vintage` (its values
/// from `values` when the file has none), the opening balance is the one this budget leaves.
/// The new year is read back and computed before it is given.
pub fn next_year(
    source: &str,
    vintage: &str,
    values: &BTreeMap<String, String>,
) -> Result<NextYear, String> {
    let (budget, report) = computed(source, &styr_import::Limits::default())
        .map_err(|error| format!("årets budget kan inte räknas fram: {}", describe(&error)))?;
    let column = report
        .columns
        .iter()
        .position(|year| *year == budget.years.budget)
        .ok_or_else(|| "budgetåret saknas bland kolumnerna".to_string())?;
    let kommunbidrag: BTreeMap<String, _> = report
        .boards
        .iter()
        .map(|board| (board.id.clone(), board.frame[column].kommunbidrag))
        .collect();
    let carried = styr_import::municipal_file::Carried {
        kommunbidrag: &kommunbidrag,
        opening: &closing(&report),
        vintage,
        values,
    };
    let written = styr_import::municipal_file::next_year(source, &carried).map_err(|issues| {
        let problems: Vec<String> = issues.iter().map(|issue| issue.message.clone()).collect();
        format!("nästa år kan inte öppnas: {}", problems.join("; "))
    })?;
    let next = styr_import::parse_municipal_budget(&written)
        .map_err(|_| "nästa års fil kan inte läsas".to_string())?;
    let next_report = municipal_report(&next).map_err(|error| {
        format!(
            "nästa års ramar kan inte räknas fram ({error}); ange årgången {vintage} med värden för varje nytt år (--pkv)"
        )
    })?;
    Ok(NextYear {
        source: written,
        budget: next,
        report: next_report,
    })
}

fn describe(error: &AppError) -> String {
    match error {
        AppError::Unreadable(issues) => issues
            .iter()
            .map(|issue| issue.message.clone())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

impl App {
    /// Keeps a municipality file as a budget year; its id. The council's controllers' (the
    /// frames are theirs), asked before the file is read.
    pub async fn import_municipality(&self, actor: &Actor, source: &str) -> Result<i64, AppError> {
        self.require(actor, &Action::EditFrames, None, None).await?;
        let (budget, _) = computed(source, self.limits())?;
        self.keep(actor, source, &budget, None, "kommunbudget inläst")
            .await
    }

    async fn keep(
        &self,
        actor: &Actor,
        source: &str,
        budget: &MunicipalBudget,
        opened_from: Option<i64>,
        label: &str,
    ) -> Result<i64, AppError> {
        let year = i32::from(budget.years.budget.number());
        let entity = format!("kommun/{}/{year}", budget.municipality.code);
        let summary = format!(
            "{} budget {year}, {} nämnder",
            budget.municipality.name,
            budget.boards.len()
        );
        let stamp = Stamp::now(&actor.name)
            .with(AuditEntry::new(label, None, entity).values(None, Some(summary)));
        let new = NewMunicipalBudget {
            municipality_name: &budget.municipality.name,
            municipality_code: &budget.municipality.code,
            budget_year: year,
            source,
            opened_from,
        };
        match self.store.insert_municipal_budget(&new, &stamp).await {
            Ok(id) => Ok(id),
            Err(StoreError::Conflict { actual, .. }) => Err(AppError::Rejected(format!(
                "nästa år är redan öppnat från den här budgeten, som nr {actual}; det året är det som ändras"
            ))),
            Err(error) => Err(error.into()),
        }
    }

    /// Keeps a new municipality's first budget year, made from `new` (no board yet); its id.
    /// The council's controllers', like a municipality file.
    pub async fn create_municipality(
        &self,
        actor: &Actor,
        new: &styr_import::municipal_file::NewMunicipality<'_>,
    ) -> Result<i64, AppError> {
        self.require(actor, &Action::EditFrames, None, None).await?;
        let source =
            styr_import::municipal_file::new_municipality(new).map_err(AppError::Unreadable)?;
        let (budget, _) = computed(&source, self.limits())?;
        self.keep(actor, &source, &budget, None, "kommunbudget skapad")
            .await
    }

    /// Archives budget year `id` (`archived`), or brings it back: an archived year is kept and
    /// read, and changed or opened from by no one. The council's controllers'.
    pub async fn archive_municipal_year(
        &self,
        actor: &Actor,
        id: i64,
        archived: bool,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditFrames, None, None).await?;
        let row = self.stored_year(id).await?;
        let entity = format!("kommun/{}/{}", row.municipality_code, row.budget_year);
        let (label, after) = if archived {
            ("kommunbudget arkiverad", "arkiverad")
        } else {
            ("kommunbudget återställd", "i arbete")
        };
        let before = if row.archived_at.is_some() {
            "arkiverad"
        } else {
            "i arbete"
        };
        let stamp = Stamp::now(&actor.name).with(
            AuditEntry::new(label, None, entity)
                .values(Some(before.to_string()), Some(after.to_string())),
        );
        Ok(self
            .store
            .set_municipal_archived(id, archived, &stamp)
            .await?)
    }

    /// Budget year `id` as kept, or not found.
    pub(crate) async fn stored_year(&self, id: i64) -> Result<MunicipalBudgetRow, AppError> {
        self.store
            .municipal_budget(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Every budget year kept, by municipality and year.
    pub async fn municipal_years(
        &self,
        actor: &Actor,
    ) -> Result<Vec<MunicipalBudgetRow>, AppError> {
        self.require(actor, &Action::Read, None, None).await?;
        Ok(self.store.municipal_budgets().await?)
    }

    /// Budget year `id`, read and computed.
    pub async fn municipal_year(&self, actor: &Actor, id: i64) -> Result<MunicipalYear, AppError> {
        self.require(actor, &Action::Read, None, None).await?;
        let row = self.stored_year(id).await?;
        let (budget, report) = computed(&row.source, self.limits())?;
        Ok(MunicipalYear {
            row,
            budget,
            report,
        })
    }

    /// Opens the year after `id` as a new budget year; the new year's id and what it holds.
    /// `id` is kept as it was, and cannot be opened from again.
    pub async fn open_next_municipal_year(
        &self,
        actor: &Actor,
        id: i64,
        vintage: &str,
        values: &BTreeMap<String, String>,
    ) -> Result<(i64, NextYear), AppError> {
        self.require(actor, &Action::EditFrames, None, None).await?;
        let row = self.stored_year(id).await?;
        if let Some(opened) = row.opened_as {
            return Err(AppError::Rejected(format!(
                "nästa år är redan öppnat från den här budgeten, som nr {opened}; det året är det som ändras"
            )));
        }
        if row.archived_at.is_some() {
            return Err(edit::archived());
        }
        let next = next_year(&row.source, vintage, values).map_err(AppError::Rejected)?;
        let new_id = self
            .keep(
                actor,
                &next.source,
                &next.budget,
                Some(id),
                "nästa budgetår öppnat",
            )
            .await?;
        Ok((new_id, next))
    }
}
