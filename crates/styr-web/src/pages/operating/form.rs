//! A posted table read back into changes: every amount typed ("-47 652", "-47,7 mnkr")
//! and every explanation, each with the version its field was read at; a cell left as it
//! was read is no change.

use std::collections::BTreeMap;

use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_reports::followup::ENTERED;

use super::Typed;
use crate::input;

/// A row a person may edit (a line or finansnetto), by its key in forms and the API
/// (`OperatingRow::key`: "personnel", "financial_net").
pub fn entered(key: &str) -> Option<OperatingRow> {
    OperatingRow::from_key(key).filter(|row| ENTERED.contains(row))
}

/// The changes a table's form asks for, or the message for every field that does not read.
pub fn changes_from_form(
    budget: &Budget,
    unit: &UnitId,
    typed: &Typed,
) -> (Vec<Change>, Vec<Option<String>>, BTreeMap<String, String>) {
    let mut changes = Vec::new();
    let mut seen = Vec::new();
    let mut errors = BTreeMap::new();
    for (field, text) in typed {
        if let Some(line_key) = field.strip_prefix("explanation:") {
            let Some(line) = LineKind::from_key(line_key) else {
                continue;
            };
            let current = budget
                .lines
                .iter()
                .find(|lines| &lines.unit == unit)
                .and_then(|lines| {
                    lines.explanations.iter().find(|explanation| {
                        explanation.line == line && explanation.to == budget.years.budget
                    })
                })
                .map(|explanation| explanation.text.as_str())
                .unwrap_or("");
            let text = match input::text(text) {
                Ok(text) => text,
                Err(message) => {
                    errors.insert(field.clone(), message);
                    continue;
                }
            };
            if current.trim() != text {
                changes.push(Change::SetExplanation {
                    unit: unit.clone(),
                    line,
                    text,
                });
                seen.push(typed.get(&format!("version:{field}")).cloned());
            }
            continue;
        }
        let Some((key, year_text)) = field.split_once(':') else {
            continue;
        };
        if entered(key).is_none() {
            continue;
        }
        let Some(year) = year_text
            .parse::<i64>()
            .ok()
            .and_then(|year| styr_domain::calendar::Year::new(year).ok())
        else {
            errors.insert(field.clone(), "okänt år".into());
            continue;
        };
        let amount = match input::amount(text) {
            Ok(amount) => amount,
            Err(message) => {
                errors.insert(field.clone(), message);
                continue;
            }
        };
        let current = current_amount(budget, unit, key, year);
        // A cell counts as changed when the typed amount differs from the value it was read
        // as (its version), so a save after someone else's change is caught, not skipped.
        let version = typed.get(&format!("version:{field}")).cloned();
        let read_as = version
            .as_deref()
            .map(|version| version.parse::<i64>().ok().map(Amount::from_ore));
        let unchanged = match read_as {
            Some(read_as) => read_as == Some(amount) || (read_as.is_none() && amount.is_zero()),
            None => current == Some(amount) || (current.is_none() && amount.is_zero()),
        };
        if !unchanged && let Some(change) = cell_change(unit, key, year, amount) {
            changes.push(change);
            seen.push(version);
        }
    }
    (changes, seen, errors)
}

/// The change that writes `amount` into a unit's entered row `key` ("personnel",
/// "financial_net") for `year`.
pub fn cell_change(
    unit: &UnitId,
    key: &str,
    year: styr_domain::calendar::Year,
    amount: Amount,
) -> Option<Change> {
    Some(match entered(key)? {
        OperatingRow::Line(line) => Change::SetLine {
            unit: unit.clone(),
            line,
            year,
            amount,
        },
        _ => Change::SetFinancialNet {
            unit: unit.clone(),
            year,
            amount,
        },
    })
}

/// The form field a cell change came from.
pub fn field_of(change: &Change) -> Option<String> {
    match change {
        Change::SetLine { line, year, .. } => Some(format!("{}:{year}", line.key())),
        Change::SetFinancialNet { year, .. } => Some(format!("financial_net:{year}")),
        Change::SetExplanation { line, .. } => Some(format!("explanation:{}", line.key())),
        _ => None,
    }
}

pub fn current_amount(
    budget: &Budget,
    unit: &UnitId,
    key: &str,
    year: styr_domain::calendar::Year,
) -> Option<Amount> {
    let lines = budget.lines.iter().find(|lines| &lines.unit == unit)?;
    match LineKind::from_key(key) {
        Some(line) => lines.lines.get(&line)?.get(&year).copied(),
        None => lines.financial_net.get(&year).copied(),
    }
}
