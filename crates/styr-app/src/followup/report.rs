//! Reading the books against the budget: the follow-up report (budget, actual, deviation,
//! year to date and forecast per unit, ansvar, line and month) against a named version — the
//! latest adopted by default, any version on request —, the course of a deviation, and
//! drill-down from any figure to the booked rows behind it — chosen by the same rule the
//! report uses, so the rows always add up to the figure.

use std::collections::BTreeMap;

use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::followup::mapping::AccountUse;
use styr_domain::followup::{Forecast, Month, Outcome, forecast::latest};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use styr_domain::workflow::Status;
use styr_reports::followup::course::{CoursePoint, deviation_course};
use styr_reports::followup::{ComparedVersion, Decision, FollowupInput, FollowupReport, follow_up};
use styr_store::{BookedRow, BudgetId, ImportRecord};

use super::Figure;
use crate::{App, AppError};

/// Which follow-up to read: the year (the budget year by default), the last month of the
/// period (the last booked month by default), and the version to compare with (the latest
/// adopted by default, or the current version when none is adopted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FollowupRequest {
    pub year: Option<Year>,
    pub through: Option<u8>,
    pub version: Option<i64>,
}

/// Everything a follow-up is computed from, read once.
pub(crate) struct Basis {
    pub budget: Budget,
    pub version: ComparedVersion,
    pub outcome: Outcome,
    pub accounts: styr_domain::followup::AccountMapping,
    pub cost_centres: styr_domain::followup::CostCentreMapping,
    pub profiles: BTreeMap<styr_domain::operating::LineKind, styr_domain::followup::Profile>,
    pub forecasts: Vec<Forecast>,
    pub explanations: Vec<styr_domain::followup::DeviationExplanation>,
}

impl Basis {
    pub fn input(&self, request: &FollowupRequest) -> FollowupInput<'_> {
        FollowupInput {
            budget: Some(&self.budget),
            version: Some(self.version.clone()),
            outcome: &self.outcome,
            accounts: &self.accounts,
            cost_centres: &self.cost_centres,
            profiles: &self.profiles,
            forecasts: &self.forecasts,
            explanations: &self.explanations,
            year: request.year.unwrap_or(self.budget.years.budget),
            through: request.through,
            title: String::new(),
        }
    }
}

impl App {
    /// The cost centres' names as the accounting system gives them.
    pub async fn followup_names(
        &self,
        budget: BudgetId,
    ) -> Result<BTreeMap<String, String>, AppError> {
        Ok(self.store.outcome(budget).await?.cost_centre_names)
    }

    /// The names of the books' accounts.
    pub async fn account_names(&self, budget: BudgetId) -> Result<BTreeMap<u32, String>, AppError> {
        Ok(self.store.outcome(budget).await?.account_names)
    }

    pub async fn outcome_imports(&self, budget: BudgetId) -> Result<Vec<ImportRecord>, AppError> {
        Ok(self.store.outcome_imports(budget).await?)
    }

    /// The version a follow-up compares with: `number`, or the latest adopted, or — when no
    /// version is adopted — the current one; with its budget.
    pub async fn compared_version(
        &self,
        id: BudgetId,
        number: Option<i64>,
    ) -> Result<(Budget, ComparedVersion), AppError> {
        let current = self.snapshot(id).await?;
        let adopted = self.store.adopted_versions(id).await?;
        let wanted = number.or_else(|| adopted.last().map(|version| version.version_number));
        let frozen = wanted.and_then(|wanted| {
            adopted
                .iter()
                .find(|version| version.version_number == wanted)
        });
        match (wanted, frozen) {
            (Some(_), Some(frozen)) => Ok((
                styr_import::parse_budget_within(&frozen.content, self.limits())
                    .map_err(AppError::Unreadable)?,
                ComparedVersion {
                    number: frozen.version_number,
                    status: Status::Adopted.label().to_lowercase(),
                    adopted: Some(Decision {
                        decided_by: frozen.decided_by.clone(),
                        date: frozen.decision_date.clone(),
                        registry_number: frozen.registry_number.clone(),
                    }),
                },
            )),
            (Some(wanted), None) if wanted != current.version_number => Err(AppError::NotFound),
            _ => Ok((
                current.budget.clone(),
                ComparedVersion {
                    number: current.version_number,
                    status: current.status.label().to_lowercase(),
                    adopted: None,
                },
            )),
        }
    }

    /// What a follow-up of `budget` against `version` is computed from.
    pub(crate) async fn basis(
        &self,
        budget: BudgetId,
        version: Option<i64>,
    ) -> Result<Basis, AppError> {
        let (compared, version) = self.compared_version(budget, version).await?;
        let outcome = self.store.outcome(budget).await?;
        let accounts = self.account_mapping(budget).await?;
        // The default rules come from the same outcome: read it once.
        let cost_centres = styr_reports::followup::with_matching_units(
            self.store.cost_centre_rules(budget).await?,
            &compared,
            &outcome,
        );
        let history = self.store.forecast_history(budget).await?;
        let forecasts = latest(&history, |entry| {
            (
                entry.forecast.unit.clone(),
                entry.forecast.row,
                entry.forecast.year,
            )
        })
        .into_iter()
        .map(|entry| entry.forecast.clone())
        .collect();
        Ok(Basis {
            budget: compared,
            version,
            outcome,
            accounts,
            cost_centres,
            profiles: self.store.line_profiles(budget).await?,
            forecasts,
            explanations: self.store.deviation_explanations(budget).await?,
        })
    }

    /// Budget versus actual for `year` (the budget year by default) through month `through`
    /// (the last booked month by default), against the latest adopted version.
    pub async fn followup(
        &self,
        budget: BudgetId,
        year: Option<Year>,
        through: Option<u8>,
    ) -> Result<FollowupReport, AppError> {
        self.followup_of(
            budget,
            &FollowupRequest {
                year,
                through,
                version: None,
            },
        )
        .await
    }

    /// Budget versus actual as `request` asks.
    pub async fn followup_of(
        &self,
        budget: BudgetId,
        request: &FollowupRequest,
    ) -> Result<FollowupReport, AppError> {
        let basis = self.basis(budget, request.version).await?;
        follow_up(&basis.input(request)).map_err(AppError::DoesNotCompute)
    }

    /// The course over the year of `row`'s deviation in `unit`, with the report it is of.
    pub async fn deviation_course(
        &self,
        budget: BudgetId,
        request: &FollowupRequest,
        unit: &UnitId,
        row: OperatingRow,
    ) -> Result<(FollowupReport, Vec<CoursePoint>), AppError> {
        let basis = self.basis(budget, request.version).await?;
        let input = basis.input(request);
        let report = follow_up(&input).map_err(AppError::DoesNotCompute)?;
        let history = self.store.forecast_history(budget).await?;
        let course = deviation_course(&input, &report, &history, unit, row)
            .map_err(AppError::DoesNotCompute)?;
        Ok((report, course))
    }

    /// The booked rows behind one figure of the follow-up: the rows of that month whose account
    /// maps to the row and whose cost centre belongs to the group.
    pub async fn drill_down(
        &self,
        budget: BudgetId,
        figure: &Figure,
    ) -> Result<Vec<BookedRow>, AppError> {
        self.drill_down_months(budget, &figure.group, figure.row, &[figure.month])
            .await
    }

    /// The booked rows behind a group's or an ansvar's row over `months` ("" for the whole
    /// board without its separately reported units), with the mapping read once.
    pub async fn drill_down_months(
        &self,
        budget: BudgetId,
        group: &str,
        row: OperatingRow,
        months: &[Month],
    ) -> Result<Vec<BookedRow>, AppError> {
        let (compared, _) = self.compared_version(budget, None).await?;
        let accounts = self.account_mapping(budget).await?;
        let outcome = self.store.outcome(budget).await?;
        let cost_centres = styr_reports::followup::with_matching_units(
            self.store.cost_centre_rules(budget).await?,
            &compared,
            &outcome,
        );
        let parts = styr_reports::followup::entered_parts(row);
        let wanted = UnitId(group.to_string());
        let mut found = Vec::new();
        for month in months {
            let rows = self.store.booked_rows(budget, *month).await?;
            found.extend(rows.into_iter().filter(|booked| {
                let mapped = matches!(
                    accounts.use_of(booked.account),
                    AccountUse::Row(mapped) if parts.contains(&mapped)
                );
                if !mapped {
                    return false;
                }
                // The same rules the report uses, so the vouchers always add up to the figure.
                let unit = styr_reports::followup::booking_unit(
                    &compared,
                    &cost_centres,
                    month.year(),
                    booked.cost_centre.as_deref(),
                    *month,
                );
                let table = styr_reports::followup::table_unit_of(
                    &compared,
                    &cost_centres,
                    month.year(),
                    booked.cost_centre.as_deref(),
                    *month,
                );
                match (&unit, &table) {
                    // The total is the board's table and the unassigned, never a separately
                    // reported unit.
                    (_, Some(table)) if group.is_empty() => {
                        *table == compared.board
                            || compared
                                .organisation
                                .unit(table)
                                .is_none_or(|found| !found.separately_reported)
                    }
                    (_, None) => group.is_empty() || group == "ej fördelat",
                    (Some(unit), Some(_)) => compared.counts_towards(unit, &wanted),
                    (None, Some(_)) => false,
                }
            }));
        }
        Ok(found)
    }

    pub async fn voucher(
        &self,
        budget: BudgetId,
        voucher: i64,
    ) -> Result<Vec<BookedRow>, AppError> {
        let rows = self.store.voucher(budget, voucher).await?;
        if rows.is_empty() {
            return Err(AppError::NotFound);
        }
        Ok(rows)
    }
}
