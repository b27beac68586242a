//! A goal with its statement in italics, its text and its key figures ("Nyckeltal:
//! *Hållbart medarbetarengagemang*, Kolada, årligen."), then its follow-up — the values table
//! and the assessment — or, from a budget file alone, its targets (`followup`); and the
//! political directions, each title in bold with its text as a bullet.

mod followup;

use styr_reports::BudgetReport;

use crate::document::prose::{inline, prose};
use crate::document::{Block, Span};
use crate::text::one_line;

pub fn goal(report: &BudgetReport, id: &str) -> Vec<Block> {
    let Some(goal) = report
        .goals
        .iter()
        .chain(&report.political_directions)
        .find(|goal| goal.id == id)
    else {
        return Vec::new();
    };
    let mut blocks = Vec::new();
    if !goal.statement.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::italic(goal.statement.trim())]));
    }
    blocks.extend(prose(&goal.text));
    if !goal.kpis.is_empty() {
        blocks.push(Block::Bullets(
            goal.kpis
                .iter()
                .map(|kpi| {
                    vec![
                        Span::plain("Nyckeltal: "),
                        Span::italic(&kpi.name),
                        Span::plain(format!(", {}, {}.", kpi.source, kpi.schedule())),
                    ]
                })
                .collect(),
        ));
    }
    let followed = report.goal_followup.as_ref().and_then(|followup| {
        followup
            .goals
            .iter()
            .find(|row| row.id == id)
            .map(|row| followup::values(row, &followup.period.swedish()))
    });
    blocks.extend(followed.unwrap_or_else(|| followup::targets(goal)));
    blocks
}

pub fn political_directions(report: &BudgetReport) -> Vec<Block> {
    report
        .political_directions
        .iter()
        .flat_map(|direction| {
            let mut blocks = vec![Block::Paragraph(vec![Span::bold(&direction.title)])];
            let text = one_line(&direction.text);
            if !text.is_empty() {
                blocks.push(Block::Bullets(vec![inline(&text)]));
            }
            blocks
        })
        .collect()
}
