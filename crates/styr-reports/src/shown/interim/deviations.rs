//! Every significant deviation (`crate::followup::is_significant`: 1 procent of the row's
//! budget and 100 tkr) of the board's and each separately reported unit's table and of every
//! ansvar below them, with a sentence that states it and the explanation the responsible
//! person wrote.

use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::{LineKind, OperatingRow};

use crate::followup::{ENTERED, FollowupReport, GroupFollowup};
use crate::sentences::{in_prose, line_subject};
use crate::shown::followup::table;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownDeviation {
    /// The unit's name: "Kommunstyrelsen", "Ekonomiavdelningen".
    pub unit: String,
    pub row: &'static str,
    /// "Personalkostnaderna beräknas bli 1,8 mnkr högre än budget för helåret."
    pub sentence: String,
    /// What the responsible person wrote; `None` when nothing is written yet.
    pub explanation: Option<String>,
}

fn subject(row: OperatingRow) -> &'static str {
    match row {
        OperatingRow::Line(line) => line_subject(line),
        OperatingRow::FinancialNet => "Finansnettot",
        other => other.label(),
    }
}

/// "1,8 mnkr högre än budget": a cost line is higher when its deviation is negative (more
/// cost), revenue and finansnetto when it is positive.
fn size(row: OperatingRow, deviation: Amount) -> String {
    let cost = matches!(row, OperatingRow::Line(line) if line != LineKind::Revenue);
    let higher = (deviation.ore() > 0) != cost;
    let magnitude = in_prose(deviation.checked_abs().unwrap_or(Amount::MAX));
    let word = if higher { "högre" } else { "lägre" };
    format!("{magnitude} {word} än budget")
}

fn of_group(
    report: &FollowupReport,
    group: &GroupFollowup,
    found: &mut Vec<ShownDeviation>,
) -> Result<(), AmountOverflow> {
    let shown = table(group)?;
    for (row, shown_row) in group.rows.iter().zip(&shown.rows) {
        if !row.significant || !ENTERED.contains(&row.row) {
            continue;
        }
        let sentence = if report.is_closed() {
            format!(
                "{} blev {}.",
                subject(row.row),
                size(row.row, shown_row.deviation)
            )
        } else {
            format!(
                "{} beräknas bli {} för helåret.",
                subject(row.row),
                size(row.row, shown_row.forecast_deviation)
            )
        };
        found.push(ShownDeviation {
            unit: group.name.clone(),
            row: row.label,
            sentence,
            explanation: row.explanation.clone(),
        });
    }
    Ok(())
}

pub(super) fn deviations(report: &FollowupReport) -> Result<Vec<ShownDeviation>, AmountOverflow> {
    let mut found = Vec::new();
    for unit in &report.units {
        of_group(report, &unit.group, &mut found)?;
    }
    if report.units.is_empty() {
        for group in &report.groups {
            of_group(report, group, &mut found)?;
        }
    }
    Ok(found)
}
