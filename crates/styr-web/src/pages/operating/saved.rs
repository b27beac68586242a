//! What a save without the script saved, said on the page it leads back to. The save's
//! redirect names the fields it changed (`?sparat=ks/other_costs:2025,ks/explanation:personnel`);
//! the page reads them against the budget — a field it does not know is left out, so nothing
//! from the address is shown as it came — and says each with its value now:
//!
//! ```text
//! Sparat i Kommunstyrelsen: Övriga kostnader, Budget 2025 (-47 752 tkr); förklaringen till Personalkostnader.
//! ```

use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::format;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

use super::form::{current_amount, entered, field_of};

/// The query value of a save that changed nothing.
pub const NOTHING: &str = "inget";

/// At most this many fields are named; a save of more says how many.
const NAMED: usize = 12;

/// The query value naming what `changes` to `unit` changed.
pub fn query(unit: &UnitId, changes: &[Change]) -> String {
    changes
        .iter()
        .filter_map(field_of)
        .map(|field| format!("{unit}/{field}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The sentence for the page's status line, or "" when the query names nothing it knows.
pub fn said(budget: &Budget, query: &str) -> String {
    if query == NOTHING {
        return "Inget sparades: inget värde var ändrat.".to_string();
    }
    let mut unit_name = None;
    let mut parts = Vec::new();
    let mut count = 0;
    for entry in query.split(',') {
        let Some((unit, field)) = entry.split_once('/') else {
            continue;
        };
        let unit = UnitId(unit.to_string());
        let Some(found) = budget.organisation.unit(&unit) else {
            continue;
        };
        let Some(part) = part(budget, &unit, field) else {
            continue;
        };
        count += 1;
        unit_name.get_or_insert_with(|| found.name.clone());
        if parts.len() < NAMED {
            parts.push(part);
        }
    }
    let Some(name) = unit_name else {
        return String::new();
    };
    let more = if count > parts.len() {
        format!(" och {} till", count - parts.len())
    } else {
        String::new()
    };
    format!("Sparat i {name}: {}{more}.", parts.join("; "))
}

/// One saved field as the sentence names it.
fn part(budget: &Budget, unit: &UnitId, field: &str) -> Option<String> {
    if let Some(line) = field.strip_prefix("explanation:") {
        let line = LineKind::from_key(line)?;
        return Some(format!(
            "förklaringen till {}",
            OperatingRow::Line(line).label()
        ));
    }
    let (key, year) = field.split_once(':')?;
    let row = entered(key)?;
    let year = Year::new(year.parse::<i64>().ok()?).ok()?;
    if !budget.years.columns().contains(&year) {
        return None;
    }
    let now = current_amount(budget, unit, key, year).unwrap_or_default();
    Some(format!(
        "{}, {} ({} tkr)",
        row.label(),
        budget.years.column_label(year),
        format::tkr(now)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::money::Amount;

    fn budget() -> Budget {
        styr_import::parse_budget(include_str!(
            "../../../../../examples/alingsas-ks-2025.toml"
        ))
        .expect("the example reads")
    }

    #[test]
    fn a_save_says_each_field_it_saved_with_its_value() {
        let budget = budget();
        let ks = UnitId("ks".into());
        let year = budget.years.budget;
        let changes = [
            Change::SetLine {
                unit: ks.clone(),
                line: LineKind::OtherCosts,
                year,
                amount: Amount::from_tkr(-47_652),
            },
            Change::SetExplanation {
                unit: ks.clone(),
                line: LineKind::Personnel,
                text: String::new(),
            },
        ];
        let query = query(&ks, &changes);
        assert_eq!(query, "ks/other_costs:2025,ks/explanation:personnel");
        assert_eq!(
            said(&budget, &query),
            "Sparat i Kommunstyrelsen: Övriga kostnader, Budget 2025 (-47 652 tkr); förklaringen till Personalkostnader."
        );
    }

    #[test]
    fn what_the_address_names_but_the_budget_lacks_is_left_out() {
        let budget = budget();
        assert_eq!(said(&budget, "<script>/x"), "");
        assert_eq!(said(&budget, "ks/<b>:2025"), "");
        assert_eq!(said(&budget, "ks/other_costs:1999"), "");
        assert_eq!(
            said(&budget, NOTHING),
            "Inget sparades: inget värde var ändrat."
        );
    }
}
