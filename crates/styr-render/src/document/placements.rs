//! What a section places after its text (`shows`): a table, a register or a goal, with the
//! sentences generated from their figures. The sentences come first in a paragraph; the
//! explanation people wrote follows them, so nobody types a figure.
//!
//! `shows = "operating:ks"` places the board's operating table, its frame's sentences and each
//! line's change; `"investment"` the plan and its sentence; `"goal:arbetsmiljo"` one goal.

mod goals;
mod investment;
mod operating;
mod organisation;
mod registers;

use styr_reports::BudgetReport;
use styr_reports::operating::OperatingTableReport;
use styr_reports::shown::Shown;

use super::{Block, tables};

/// Every placement a budget has, in the reference's order: for a budget without prose.
pub fn every_placement(report: &BudgetReport) -> Vec<String> {
    let mut all = vec!["organisation".to_string()];
    all.extend(report.goals.iter().map(|goal| format!("goal:{}", goal.id)));
    all.push("efficiency".into());
    all.push("political_directions".into());
    all.extend(
        report
            .operating
            .iter()
            .map(|table| format!("operating:{}", table.unit)),
    );
    all.extend(["investment", "control_plan", "risk_analysis"].map(String::from));
    all
}

/// A heading for a placement that no section names.
pub fn heading(report: &BudgetReport, shows: &str) -> String {
    match shows.split_once(':') {
        Some(("goal", id)) => report
            .goals
            .iter()
            .find(|goal| goal.id == id)
            .map_or_else(|| id.to_string(), |goal| goal.title.clone()),
        Some(("operating", unit)) => operating_table(report, unit)
            .map_or_else(|| unit.to_string(), |table| table.heading.clone()),
        _ => match shows {
            "organisation" => format!("Organisation {}", report.organisation.on.year()),
            "efficiency" => "Effektiviseringsåtgärder och utredningar".into(),
            "political_directions" => "Politiska inriktningar".into(),
            "investment" => report.investment.heading.clone(),
            "control_plan" => "Internkontrollplan".into(),
            "risk_analysis" => "Risk- och väsentlighetsanalys".into(),
            other => other.to_string(),
        },
    }
}

/// The blocks a placement stands for; an unknown placement places nothing (the budget file's
/// reader already named it).
pub fn place(report: &BudgetReport, shown: &Shown, shows: &str) -> Vec<Block> {
    match shows.split_once(':') {
        Some(("goal", id)) => goals::goal(report, id),
        Some(("operating", unit)) => operating_table(report, unit)
            .map(|table| operating::operating(table, shown))
            .unwrap_or_default(),
        _ => match shows {
            "organisation" => organisation::organisation(report),
            "efficiency" => vec![Block::Table(registers::efficiency(report))],
            "political_directions" => goals::political_directions(report),
            "investment" => investment::investment(report, shown),
            "control_plan" => vec![Block::Table(tables::control_plan(&report.control_plan))],
            "risk_analysis" => registers::risk_analysis(report),
            _ => Vec::new(),
        },
    }
}

/// A placement split around the section's own text: a budget table stands first, as in the
/// reference, and the sentences about its figures follow the table (the investment plan) or the
/// text (an operating table, whose text introduces the unit before its frame is derived).
pub fn place_around_text(
    report: &BudgetReport,
    shown: &Shown,
    shows: &str,
) -> (Vec<Block>, Vec<Block>) {
    let mut blocks = place(report, shown, shows);
    match shows.split_once(':') {
        Some(("operating", _)) if !blocks.is_empty() => {
            let rest = blocks.split_off(1);
            (blocks, rest)
        }
        _ if shows == "investment" => (blocks, Vec::new()),
        _ => (Vec::new(), blocks),
    }
}

fn operating_table<'a>(report: &'a BudgetReport, unit: &str) -> Option<&'a OperatingTableReport> {
    report
        .operating
        .iter()
        .find(|table| table.unit.as_str() == unit)
}
