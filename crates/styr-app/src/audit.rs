//! What the audit log records of a change: the entity it touches, named as a path
//! ("drift/ks/personnel/2025", "risk/valfardsbrott"), and its value before and after. Amounts
//! are written exactly, to the öre; records as JSON of the domain's own types.

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_domain::format;
use styr_domain::money::Amount;
use styr_store::{AuditEntry, BudgetId};

/// An amount as the log writes it: exact kronor and öre ("-47 652 000,00 kr").
pub fn kronor(amount: Amount) -> String {
    format!("{} kr", format::decimal(i128::from(amount.ore()), 2))
}

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
    }
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
    }
}

/// The version of what `change` would change, as the budget holds it now: what a form shows
/// beside a field and sends back, so a save based on a stale read is refused. A cell's version
/// is its exact amount in öre ("" when empty); a record's or a text's is a short digest of its
/// current value, which changes whenever anyone changes it.
pub fn version_of(before: &Budget, change: &Change) -> String {
    let lines = |unit| before.lines.iter().find(|lines| &lines.unit == unit);
    match change {
        Change::SetLine {
            unit, line, year, ..
        } => lines(unit)
            .and_then(|lines| lines.lines.get(line)?.get(year).copied())
            .map(|amount| amount.ore().to_string())
            .unwrap_or_default(),
        Change::SetFinancialNet { unit, year, .. } => lines(unit)
            .and_then(|lines| lines.financial_net.get(year).copied())
            .map(|amount| amount.ore().to_string())
            .unwrap_or_default(),
        _ => {
            use sha2::Digest;
            let current = describe(0, before, change).old_value.unwrap_or_default();
            let digest = sha2::Sha256::digest(current.as_bytes());
            digest[..8]
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect()
        }
    }
}

/// What the person who saved from a stale read is shown: the value as it is now.
pub fn current_text(before: &Budget, change: &Change) -> String {
    match change {
        Change::SetLine { .. } | Change::SetFinancialNet { .. } => {
            let version = version_of(before, change);
            version
                .parse::<i64>()
                .map(|ore| format::tkr(Amount::from_ore(ore)))
                .unwrap_or_else(|_| "tomt".to_string())
        }
        _ => match describe(0, before, change).old_value {
            Some(value) => readable(&value),
            None => "borttaget".to_string(),
        },
    }
}

/// A record's JSON as a person reads it: "name: Skred; probability: 2; …".
fn readable(value: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(value) {
        Ok(serde_json::Value::Object(fields)) => fields
            .iter()
            .filter(|(_, field)| !field.is_null())
            .map(|(key, field)| match field {
                serde_json::Value::String(text) => format!("{key}: {text}"),
                other => format!("{key}: {other}"),
            })
            .collect::<Vec<_>>()
            .join("; "),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_version_is_its_exact_amount_and_a_record_version_follows_its_content() {
        let mut budget =
            styr_import::parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml"))
                .expect("the example reads");
        let cell = Change::SetLine {
            unit: styr_domain::organisation::UnitId("ks".into()),
            line: styr_domain::operating::LineKind::Personnel,
            year: styr_domain::calendar::Year::new(2025).expect("a year"),
            amount: Amount::from_ore(1),
        };
        let before = version_of(&budget, &cell);
        assert!(before.parse::<i64>().is_ok(), "{before}");
        budget.apply(&cell).expect("applies");
        assert_eq!(version_of(&budget, &cell), "1");
        assert_eq!(current_text(&budget, &cell), "0");
        let mut risk = budget.risks[0].clone();
        let put = Change::PutRisk { risk: risk.clone() };
        let seen = version_of(&budget, &put);
        risk.name.push_str(" (ändrad)");
        budget.apply(&Change::PutRisk { risk }).expect("applies");
        assert_ne!(version_of(&budget, &put), seen);
    }

    #[test]
    fn amounts_are_logged_to_the_ore() {
        assert_eq!(
            kronor(Amount::from_ore(-4_765_200_012)),
            "-47 652 000,12 kr"
        );
    }
}
