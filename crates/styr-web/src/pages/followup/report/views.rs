//! What the follow-up pages show of a report, formatted: a group's (or an ansvar's) table
//! with the shown figures of `styr_reports::shown::followup` — the same as every file and the
//! delårsrapport —, the months of the period with "ej bokfört" where the books have nothing,
//! and the result sentence. Formatting only.

use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::format::tkr;
use styr_domain::money::Amount;
use styr_domain::operating::OperatingRow;
use styr_render::followup::NOT_BOOKED;
use styr_reports::followup::{ENTERED, FollowupReport, GroupFollowup};
use styr_reports::shown::followup::{months, result_sentence, table};

use crate::error::PageError;

pub struct RowView {
    pub label: &'static str,
    pub key: &'static str,
    pub emphasised: bool,
    pub year_budget: String,
    pub ytd_budget: String,
    pub ytd_actual: String,
    pub deviation: String,
    pub negative: bool,
    pub forecast: String,
    pub forecast_entered: bool,
    pub forecast_deviation: String,
    pub forecast_negative: bool,
    pub comment: String,
    pub explanation: String,
    pub significant: bool,
    /// The row takes a forecast and an explanation (an entered row).
    pub entered: bool,
}

pub struct GroupView {
    pub code: String,
    pub name: String,
    pub separately_reported: bool,
    pub rows: Vec<RowView>,
    /// A unit's table: it takes forecasts and opens per ansvar.
    pub is_unit: bool,
    /// A unit's table that this person may forecast for now (the page decides by role).
    pub can_forecast: bool,
    pub result: String,
}

pub struct MonthView {
    pub number: u8,
    pub name: &'static str,
    pub booked: bool,
    pub budget: String,
    pub actual: String,
    pub deviation: String,
    pub negative: bool,
    pub ytd_budget: String,
    pub ytd_actual: String,
    pub ytd_deviation: String,
}

fn overflow(error: styr_domain::money::AmountOverflow) -> PageError {
    PageError::invalid(error.to_string())
}

/// A group's table as the page shows it.
pub fn group_view(report: &FollowupReport, group: &GroupFollowup) -> Result<GroupView, PageError> {
    let shown = table(group).map_err(overflow)?;
    Ok(GroupView {
        code: group.code.clone(),
        name: group.name.clone(),
        separately_reported: group.separately_reported,
        is_unit: group.unit.is_some() && report.version.is_some(),
        can_forecast: group.unit.is_some() && report.version.is_some(),
        result: result_sentence(report, &group.name, &shown).unwrap_or_default(),
        rows: group
            .rows
            .iter()
            .zip(&shown.rows)
            .map(|(row, figures)| RowView {
                label: row.label,
                key: row.row.key(),
                emphasised: row.row.is_emphasised(),
                year_budget: tkr(figures.year_budget),
                ytd_budget: tkr(figures.budget),
                ytd_actual: tkr(figures.actual),
                deviation: tkr(figures.deviation),
                negative: figures.deviation.ore() < 0,
                forecast: tkr(figures.forecast),
                forecast_entered: row.forecast_entered,
                forecast_deviation: tkr(figures.forecast_deviation),
                forecast_negative: figures.forecast_deviation.ore() < 0,
                comment: row.forecast_comment.clone(),
                explanation: row.explanation.clone().unwrap_or_default(),
                significant: row.significant,
                entered: ENTERED.contains(&row.row),
            })
            .collect(),
    })
}

/// The net cost of `group` month by month over the period, with the running sums.
pub fn month_views(
    report: &FollowupReport,
    group: &GroupFollowup,
) -> Result<Vec<MonthView>, PageError> {
    let shown = table(group).map_err(overflow)?;
    let (Some(row), Some(shown_row)) = (
        group.row(OperatingRow::NetCost),
        shown.row(OperatingRow::NetCost),
    ) else {
        return Ok(Vec::new());
    };
    let text = |amount: Option<Amount>| amount.map_or_else(|| NOT_BOOKED.to_string(), tkr);
    Ok(months(report, row, shown_row)
        .map_err(overflow)?
        .into_iter()
        .map(|month| MonthView {
            number: month.number,
            name: MONTH_NAMES[usize::from(month.number - 1)],
            booked: month.actual.is_some(),
            budget: tkr(month.budget),
            actual: text(month.actual),
            deviation: text(month.deviation),
            negative: month.deviation.is_some_and(|deviation| deviation.ore() < 0),
            ytd_budget: tkr(month.budget_to_date),
            ytd_actual: text(month.actual_to_date),
            ytd_deviation: text(month.deviation_to_date),
        })
        .collect())
}
