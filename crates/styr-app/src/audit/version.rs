//! Versions of what people read: a cell's version is its exact amount in öre ("" when empty);
//! a record's or a text's is a short digest of its current value, which changes whenever
//! anyone changes it. A form shows the version beside each field and sends it back; a save
//! whose version is no longer current is refused, with the value as it is now
//! ([`current_text`]) for the person to compare with their own.

use styr_domain::budget::Budget;
use styr_domain::change::Change;
use styr_domain::format;
use styr_domain::money::Amount;

use super::describe;

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
            styr_import::parse_budget(include_str!("../../../../examples/alingsas-ks-2025.toml"))
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
}
