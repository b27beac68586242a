//! The follow-up's figures as its tables and sentences show them, for the page, every file
//! and the delårsrapport alike. A table is rounded to whole tkr as a whole, column by column:
//! the net cost, the kommunbidrag and the finansnetto together (so the shown result is their
//! sum), then the lines to the shown net cost; Verksamhetens kostnader, nettokostnader and
//! Årets resultat are the sums of the shown rows, and every deviation is the difference of the
//! two shown figures it compares — a table that adds up and subtracts as printed.
//!
//! ```text
//!                      Budget helår  Budget jan–aug  Utfall jan–aug  Avvikelse
//! Personalkostnader        -116 205         -77 470         -75 002     +2 468
//! ```
//!
//! The month table runs over the period; its months are apportioned to the table's shown
//! figures to date, so "Ack. utfall" in the last booked month is the table's "Utfall".

use styr_domain::money::{Amount, AmountOverflow, Precision};
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::rounding::{apportion, largest_remainder};

use crate::followup::{FollowupReport, GroupFollowup, RowFollowup};
use crate::sentences::in_prose;

/// One row of a follow-up table as shown, in whole tkr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShownRow {
    pub row: OperatingRow,
    pub year_budget: Amount,
    /// The budget and outcome of the months to date.
    pub budget: Amount,
    pub actual: Amount,
    /// `actual` minus `budget`: positive is in the board's favour.
    pub deviation: Amount,
    pub forecast: Amount,
    /// `forecast` minus `year_budget`.
    pub forecast_deviation: Amount,
}

/// A group's table as shown, row for row as the group's rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownTable {
    pub rows: Vec<ShownRow>,
}

impl ShownTable {
    pub fn row(&self, row: OperatingRow) -> Option<&ShownRow> {
        self.rows.iter().find(|shown| shown.row == row)
    }
}

/// One column of a group, exact, rounded as the table rounds it.
fn column(
    rows: &[RowFollowup],
    value: impl Fn(&RowFollowup) -> Amount,
) -> Result<Vec<Amount>, AmountOverflow> {
    let exact = |wanted: OperatingRow| rows.iter().find(|row| row.row == wanted).map(&value);
    let mut shown: Vec<Amount> = rows.iter().map(&value).collect();
    let position = |wanted: OperatingRow| rows.iter().position(|row| row.row == wanted);
    // The net cost with the kommunbidrag and the finansnetto, rounded to their rounded sum.
    let tops: Vec<OperatingRow> = [
        OperatingRow::NetCost,
        OperatingRow::Kommunbidrag,
        OperatingRow::FinancialNet,
    ]
    .into_iter()
    .filter(|row| exact(*row).is_some())
    .collect();
    let top_values: Vec<Amount> = tops.iter().filter_map(|row| exact(*row)).collect();
    let rounded = largest_remainder(&top_values, Precision::TKR)?;
    for (row, amount) in tops.iter().zip(&rounded) {
        if let Some(index) = position(*row) {
            shown[index] = *amount;
        }
    }
    let net = position(OperatingRow::NetCost).map_or(Amount::ZERO, |index| shown[index]);
    let lines: Vec<usize> = LineKind::ALL
        .iter()
        .filter_map(|kind| position(OperatingRow::Line(*kind)))
        .collect();
    let line_values: Vec<Amount> = lines.iter().map(|index| value(&rows[*index])).collect();
    for (index, amount) in lines
        .iter()
        .zip(apportion(&line_values, net, Precision::TKR)?)
    {
        shown[*index] = amount;
    }
    let of = |shown: &[Amount], wanted: OperatingRow| {
        position(wanted).map_or(Amount::ZERO, |index| shown[index])
    };
    let costs = Amount::try_sum(
        LineKind::COSTS
            .iter()
            .map(|kind| of(&shown, OperatingRow::Line(*kind))),
    )?;
    let result = Amount::try_sum([
        net,
        of(&shown, OperatingRow::Kommunbidrag),
        of(&shown, OperatingRow::FinancialNet),
    ])?;
    if let Some(index) = position(OperatingRow::Costs) {
        shown[index] = costs;
    }
    if let Some(index) = position(OperatingRow::Result) {
        shown[index] = result;
    }
    Ok(shown)
}

/// `group`'s table as shown.
pub fn table(group: &GroupFollowup) -> Result<ShownTable, AmountOverflow> {
    let rows = &group.rows;
    let year_budget = column(rows, |row| row.year_budget)?;
    let budget = column(rows, |row| row.ytd_budget)?;
    let actual = column(rows, |row| row.ytd_actual)?;
    let forecast = column(rows, |row| row.forecast)?;
    rows.iter()
        .enumerate()
        .map(|(index, row)| {
            Ok(ShownRow {
                row: row.row,
                year_budget: year_budget[index],
                budget: budget[index],
                actual: actual[index],
                deviation: actual[index].checked_sub(budget[index])?,
                forecast: forecast[index],
                forecast_deviation: forecast[index].checked_sub(year_budget[index])?,
            })
        })
        .collect::<Result<Vec<_>, AmountOverflow>>()
        .map(|rows| ShownTable { rows })
}

/// One month of a row as shown: its own figures and the running sums from January; the
/// outcome `None` where the month is not booked or lies past the booked months from January.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShownMonth {
    /// 1 for January.
    pub number: u8,
    pub budget: Amount,
    pub actual: Option<Amount>,
    pub deviation: Option<Amount>,
    pub budget_to_date: Amount,
    pub actual_to_date: Option<Amount>,
    pub deviation_to_date: Option<Amount>,
}

/// The months 1 to `report.period` of `row` in `group`, apportioned to the group's shown
/// figures to date (`shown`).
pub fn months(
    report: &FollowupReport,
    row: &RowFollowup,
    shown: &ShownRow,
) -> Result<Vec<ShownMonth>, AmountOverflow> {
    let through = usize::from(report.through.min(12));
    let period = usize::from(report.period.clamp(report.through, 12));
    let mut budget = apportion(&row.budget[..through], shown.budget, Precision::TKR)?;
    budget.extend(largest_remainder(
        &row.budget[through..period],
        Precision::TKR,
    )?);
    let booked: Vec<Amount> = row.actual_months(report.through).collect();
    let actual = apportion(&booked, shown.actual, Precision::TKR)?;
    let (mut budget_sum, mut actual_sum) = (Amount::ZERO, Amount::ZERO);
    let mut months = Vec::new();
    for (index, month_budget) in budget.iter().enumerate() {
        budget_sum = budget_sum.checked_add(*month_budget)?;
        let month_actual = actual.get(index).copied();
        if let Some(amount) = month_actual {
            actual_sum = actual_sum.checked_add(amount)?;
        }
        let deviation = month_actual
            .map(|amount| amount.checked_sub(*month_budget))
            .transpose()?;
        let to_date = month_actual.map(|_| actual_sum);
        months.push(ShownMonth {
            number: index as u8 + 1,
            budget: *month_budget,
            actual: month_actual,
            deviation,
            budget_to_date: budget_sum,
            actual_to_date: to_date,
            deviation_to_date: to_date
                .map(|amount| amount.checked_sub(budget_sum))
                .transpose()?,
        });
    }
    Ok(months)
}

/// Running sums of monthly figures from January: what a chart of the year so far draws.
pub fn accumulated(values: &[Amount]) -> Result<Vec<Amount>, AmountOverflow> {
    let mut sum = Amount::ZERO;
    values
        .iter()
        .map(|value| {
            sum = sum.checked_add(*value)?;
            Ok(sum)
        })
        .collect()
}

/// "ett underskott om 1,2 mnkr", "ett överskott om 233 tkr", "ett resultat i balans".
pub fn result_words(result: Amount) -> String {
    if result.is_zero() {
        return "ett resultat i balans".into();
    }
    let size = result.checked_abs().unwrap_or(Amount::MAX);
    let kind = if result.ore() < 0 {
        "underskott"
    } else {
        "överskott"
    };
    format!("ett {kind} om {}", in_prose(size))
}

/// The result sentence of a table: "Kommunstyrelsen prognostiserar ett underskott om
/// 1,2 mnkr för helåret 2025." before the year is closed, "… redovisar ett överskott om
/// 0,4 mnkr för 2025." after; from the shown Årets resultat.
pub fn result_sentence(report: &FollowupReport, name: &str, table: &ShownTable) -> Option<String> {
    let result = table.row(OperatingRow::Result)?;
    Some(if report.is_closed() {
        format!(
            "{name} redovisar {} för {}.",
            result_words(result.actual),
            report.year
        )
    } else {
        format!(
            "{name} prognostiserar {} för helåret {}.",
            result_words(result.forecast),
            report.year
        )
    })
}

#[cfg(test)]
mod tests;
