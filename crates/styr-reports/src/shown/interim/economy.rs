//! The economic outcome: the board's table (with "Ej fördelat", never a separately reported
//! unit) and each separately reported unit's, each with the sentences on its outcome to date
//! and its result; and the net cost per ansvar below the board.

use styr_domain::money::{Amount, AmountOverflow};
use styr_domain::operating::OperatingRow;

use super::period_words;
use crate::followup::{FollowupReport, GroupFollowup};
use crate::sentences::in_prose;
use crate::shown::followup::{ShownRow, ShownTable, result_sentence, table};

/// One follow-up table of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownInterimTable {
    pub heading: String,
    /// The sentences before the table.
    pub sentences: Vec<String>,
    /// Each row's label, whether it is a sum, and its shown figures.
    pub rows: Vec<(&'static str, bool, ShownRow)>,
}

/// One ansvar's net cost, for the table per ansvar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownAnsvar {
    pub depth: u8,
    pub name: String,
    pub net_cost: ShownRow,
    /// Whether the unit or one below it has a budget: else only its outcome means anything.
    pub has_budget: bool,
}

/// "bättre än", "sämre än", "i nivå med".
fn against(deviation: Amount) -> String {
    match deviation.ore() {
        0 => "i nivå med budget".into(),
        ore if ore > 0 => format!("{} bättre än budget", in_prose(deviation)),
        _ => format!(
            "{} sämre än budget",
            in_prose(deviation.checked_abs().unwrap_or(Amount::MAX))
        ),
    }
}

fn sentences(
    report: &FollowupReport,
    group: &GroupFollowup,
    name: &str,
    shown: &ShownTable,
) -> Vec<String> {
    let mut sentences = Vec::new();
    let period = period_words(report.through);
    if report.through > 0 {
        if let Some(result) = shown.row(OperatingRow::Result) {
            sentences.push(format!(
                "Utfallet för {period} är {} för perioden.",
                against(result.deviation)
            ));
        }
        if let Some(net) = shown.row(OperatingRow::NetCost) {
            let size = |amount: Amount| in_prose(amount.checked_abs().unwrap_or(Amount::MAX));
            sentences.push(format!(
                "Verksamhetens nettokostnader för {period} uppgår till {} mot budgeterade {}.",
                size(net.actual),
                size(net.budget)
            ));
        }
    }
    if let Some(sentence) = result_sentence(report, name, shown) {
        sentences.push(sentence);
    }
    if group.code.is_empty()
        && let Some(unassigned) = report.group("ej fördelat")
        && let Some(net) = unassigned.row(OperatingRow::NetCost)
        && !net.ytd_actual.is_zero()
    {
        sentences.push(format!(
            "I totalen ingår {} som är bokförda på kostnadsställen utan enhet.",
            in_prose(net.ytd_actual.checked_abs().unwrap_or(Amount::MAX))
        ));
    }
    sentences
}

fn interim_table(
    report: &FollowupReport,
    group: &GroupFollowup,
    heading: String,
    name: &str,
) -> Result<ShownInterimTable, AmountOverflow> {
    let shown = table(group)?;
    Ok(ShownInterimTable {
        heading,
        sentences: sentences(report, group, name, &shown),
        rows: group
            .rows
            .iter()
            .zip(&shown.rows)
            .map(|(row, shown)| (row.label, row.row.is_emphasised(), *shown))
            .collect(),
    })
}

/// The board's table and each separately reported unit's.
pub(super) fn tables(report: &FollowupReport) -> Result<Vec<ShownInterimTable>, AmountOverflow> {
    let mut tables = vec![interim_table(
        report,
        &report.total,
        format!("Driftredovisning, {}", report.total.name),
        &report.title,
    )?];
    for group in report
        .groups
        .iter()
        .filter(|group| group.separately_reported)
    {
        tables.push(interim_table(
            report,
            group,
            format!("Driftredovisning, {} (särredovisas)", group.name),
            &group.name,
        )?);
    }
    Ok(tables)
}

/// The net cost of every ansvar below the board and below each separately reported unit, to
/// the depth of avdelning.
pub(super) fn ansvar(report: &FollowupReport) -> Result<Vec<ShownAnsvar>, AmountOverflow> {
    let mut rows = Vec::new();
    for unit in report
        .units
        .iter()
        .filter(|unit| (1..=2).contains(&unit.depth))
    {
        let shown = table(&unit.group)?;
        if let Some(net) = shown.row(OperatingRow::NetCost) {
            rows.push(ShownAnsvar {
                depth: unit.depth,
                name: unit.group.name.clone(),
                net_cost: *net,
                has_budget: unit.has_budget,
            });
        }
    }
    Ok(rows)
}
