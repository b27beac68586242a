//! What the audit log records of a change: the entity it touches, named as a path
//! ("drift/ks/personnel/2025", "risk/valfardsbrott"), and its value before and after. Amounts
//! are written exactly, to the öre; records as JSON of the domain's own types:
//!
//! ```text
//! ändra driftrad  drift/ks/other_costs/2025  -47 652 000,00 kr → -47 700 000,00 kr
//! spara risk      risk/skred                 {"id":"skred",…,"probability":2} → {…,3}
//! ```
//!
//! The same description gives each cell and record its version (version.rs): what a form
//! sends back, so that a save based on a stale read is refused.

mod version;

pub use version::{current_text, version_of};

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_store::{AuditEntry, BudgetId};

/// An amount as the log writes it: exact kronor and öre ("-47 652 000,00 kr").
pub use styr_domain::format::kronor;

fn json(value: &impl Serialize) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// The entry for `change` made to `before` (the budget as it was just before it).
pub fn describe(id: BudgetId, before: &Budget, change: &Change) -> AuditEntry {
    let entry = |entity: String| AuditEntry::new(change_label(change), Some(id), entity);
    let lines = |unit| before.lines.iter().find(|lines| &lines.unit == unit);
    match change {
        Change::SetLine {
            unit,
            line,
            year,
            amount,
        } => entry(format!("drift/{unit}/{}/{year}", line.key())).values(
            lines(unit)
                .and_then(|lines| lines.lines.get(line)?.get(year).copied())
                .map(kronor),
            Some(kronor(*amount)),
        ),
        Change::SetFinancialNet { unit, year, amount } => {
            entry(format!("drift/{unit}/financial_net/{year}")).values(
                lines(unit)
                    .and_then(|lines| lines.financial_net.get(year).copied())
                    .map(kronor),
                Some(kronor(*amount)),
            )
        }
        Change::SetExplanation { unit, line, text } => {
            entry(format!("drift/{unit}/forklaring/{}", line.key())).values(
                lines(unit).and_then(|lines| {
                    lines
                        .explanations
                        .iter()
                        .find(|explanation| {
                            explanation.line == *line && explanation.to == before.years.budget
                        })
                        .map(|explanation| explanation.text.clone())
                }),
                Some(text.clone()),
            )
        }
        Change::SetFrameAmount { unit, year, amount } => entry(format!("ram/{unit}/{year}"))
            .values(
                before
                    .frame(unit)
                    .and_then(|frame| frame.years.get(year))
                    .and_then(json),
                Some(kronor(*amount)),
            ),
        Change::PutProject { replacing, project } => {
            let name = replacing.as_deref().unwrap_or(&project.name);
            entry(format!("investering/{name}")).values(
                before
                    .investment
                    .projects
                    .iter()
                    .find(|existing| replacing.as_deref() == Some(existing.name.as_str()))
                    .and_then(json),
                json(project),
            )
        }
        Change::RemoveProject { name } => entry(format!("investering/{name}")).values(
            before
                .investment
                .projects
                .iter()
                .find(|existing| existing.name == *name)
                .and_then(json),
            None,
        ),
        Change::PutRisk { risk } => entry(format!("risk/{}", risk.id))
            .values(before.risk(&risk.id).and_then(json), json(risk)),
        Change::RemoveRisk { id } => {
            entry(format!("risk/{id}")).values(before.risk(id).and_then(json), None)
        }
        Change::PutControl { control } => entry(format!("internkontroll/{}", control.id)).values(
            before
                .controls
                .iter()
                .find(|existing| existing.id == control.id)
                .and_then(json),
            json(control),
        ),
        Change::RemoveControl { id } => entry(format!("internkontroll/{id}")).values(
            before
                .controls
                .iter()
                .find(|existing| existing.id == *id)
                .and_then(json),
            None,
        ),
        Change::AddControlResult { control, result } => {
            entry(format!("internkontroll/{control}/resultat")).values(None, json(result))
        }
        Change::PutGoal { goal } => entry(format!("mal/{}", goal.id)).values(
            before
                .goals
                .iter()
                .find(|existing| existing.id == goal.id)
                .and_then(json),
            json(goal),
        ),
        Change::RemoveGoal { id } => entry(format!("mal/{id}")).values(
            before
                .goals
                .iter()
                .find(|existing| existing.id == *id)
                .and_then(json),
            None,
        ),
        Change::PutEfficiency {
            position,
            investigation,
        } => entry(format!(
            "effektivisering/{}",
            position.map_or_else(|| "ny".to_string(), |position| (position + 1).to_string())
        ))
        .values(
            position
                .and_then(|position| before.efficiency.get(position))
                .and_then(json),
            json(investigation),
        ),
        Change::RemoveEfficiency { position } => entry(format!("effektivisering/{}", position + 1))
            .values(before.efficiency.get(*position).and_then(json), None),
        Change::SetDocument { document } => {
            entry("dokument".to_string()).values(json(&before.document), json(document))
        }
        Change::PutSection { position, section } => entry(format!(
            "avsnitt/{}",
            position.map_or_else(|| "nytt".to_string(), |position| (position + 1).to_string())
        ))
        .values(
            position
                .and_then(|position| before.sections.get(position))
                .and_then(json),
            json(section),
        ),
        Change::RemoveSection { position } => entry(format!("avsnitt/{}", position + 1))
            .values(before.sections.get(*position).and_then(json), None),
        Change::MoveSection { from, to } => entry(format!("avsnitt/{}", from + 1)).values(
            before
                .sections
                .get(*from)
                .map(|section| format!("{}: {}", from + 1, section.heading)),
            Some(format!("{}", to + 1)),
        ),
        Change::SetProfile { profile } => {
            entry(format!("grafisk-profil/{}", before.municipality.code))
                .values(before.profile.as_ref().and_then(json), json(profile))
        }
        Change::SetKpiTarget {
            goal,
            kpi,
            year,
            value,
        } => entry(format!("mal/{goal}/nyckeltal/{kpi}/malvarde/{year}")).values(
            before
                .goals
                .iter()
                .find(|existing| existing.id == *goal)
                .and_then(|existing| existing.kpi(kpi))
                .and_then(|existing| existing.target(*year))
                .map(|target| target.to_string()),
            value.map(|value| value.to_string()),
        ),
        Change::PutFrameYear {
            unit,
            year,
            frame_year,
        } => entry(format!("ram/{unit}/{year}/harledning")).values(
            before
                .frame(unit)
                .and_then(|frame| frame.years.get(year))
                .and_then(json),
            json(frame_year),
        ),
        Change::SetFrameIndex { unit, index } => entry(format!("ram/{unit}/index")).values(
            before.frame(unit).and_then(|frame| json(&frame.index)),
            json(index),
        ),
        Change::PutIndexVintage { replacing, vintage } => {
            let named = replacing.as_ref().map_or_else(
                || format!("{}/{}", vintage.name, vintage.vintage),
                |replaced| format!("{}/{}", replaced.name, replaced.vintage),
            );
            entry(format!("index/{named}")).values(
                replacing
                    .as_ref()
                    .and_then(|replaced| index_vintage(before, replaced))
                    .and_then(json),
                json(vintage),
            )
        }
        Change::RemoveIndexVintage { index } => {
            entry(format!("index/{}/{}", index.name, index.vintage))
                .values(index_vintage(before, index).and_then(json), None)
        }
    }
}

fn index_vintage<'a>(
    budget: &'a Budget,
    index: &styr_domain::frame::IndexChoice,
) -> Option<&'a styr_domain::frame::IndexVintage> {
    budget
        .index
        .vintages
        .iter()
        .find(|vintage| vintage.name == index.name && vintage.vintage == index.vintage)
}

/// The change's name in the log.
pub fn change_label(change: &Change) -> &'static str {
    match change {
        Change::SetLine { .. } => "ändra driftrad",
        Change::SetFinancialNet { .. } => "ändra finansnetto",
        Change::SetExplanation { .. } => "ändra förklaring",
        Change::SetFrameAmount { .. } => "ändra kommunbidrag",
        Change::PutProject {
            replacing: None, ..
        } => "lägg till investering",
        Change::PutProject { .. } => "ändra investering",
        Change::RemoveProject { .. } => "ta bort investering",
        Change::PutRisk { .. } => "spara risk",
        Change::RemoveRisk { .. } => "ta bort risk",
        Change::PutControl { .. } => "spara kontrollaktivitet",
        Change::RemoveControl { .. } => "ta bort kontrollaktivitet",
        Change::AddControlResult { .. } => "registrera kontrollresultat",
        Change::PutGoal { .. } => "spara mål",
        Change::RemoveGoal { .. } => "ta bort mål",
        Change::PutEfficiency { .. } => "spara effektivisering",
        Change::RemoveEfficiency { .. } => "ta bort effektivisering",
        Change::SetDocument { .. } => "ändra dokumentuppgifter",
        Change::PutSection { position: None, .. } => "lägg till avsnitt",
        Change::PutSection { .. } => "ändra avsnitt",
        Change::RemoveSection { .. } => "ta bort avsnitt",
        Change::MoveSection { .. } => "flytta avsnitt",
        Change::SetProfile { .. } => "ändra grafisk profil",
        Change::SetKpiTarget { .. } => "ändra målvärde",
        Change::PutFrameYear { .. } => "ändra ramens härledning",
        Change::SetFrameIndex { .. } => "byt indexårgång",
        Change::PutIndexVintage {
            replacing: None, ..
        } => "lägg till indexårgång",
        Change::PutIndexVintage { .. } => "ändra indexårgång",
        Change::RemoveIndexVintage { .. } => "ta bort indexårgång",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::money::Amount;

    #[test]
    fn amounts_are_logged_to_the_ore() {
        assert_eq!(
            kronor(Amount::from_ore(-4_765_200_012)),
            "-47 652 000,12 kr"
        );
    }
}
