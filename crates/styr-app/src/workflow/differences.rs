//! What differs between two versions of a budget, line by line: every entered amount by unit,
//! line and year; the investment projects by year; frames; risks, control activities and goals,
//! matched by their ids and named as people name them; and the decision in the document
//! metadata.
//!
//! ```text
//! Driftbudget  Kommunledningskontoret – Personalkostnader 2026   -52 100 → -53 000
//! Risker       Skred vid Mjörn                                   riskvärde 8 → (borttagen)
//! ```

use std::collections::BTreeMap;

use styr_domain::budget::Budget;

use super::Difference;

/// The entered figures and records of two budgets compared: every amount by unit, line and
/// year; the investment projects by year; risks, controls, goals and the document metadata.
pub fn differences(before: &Budget, after: &Budget) -> Vec<Difference> {
    let mut found = Vec::new();
    let unit_name = |unit: &styr_domain::organisation::UnitId| {
        after
            .organisation
            .unit(unit)
            .or_else(|| before.organisation.unit(unit))
            .map_or_else(|| unit.to_string(), |found| found.name.clone())
    };
    let amounts = |budget: &Budget| {
        let mut map = BTreeMap::new();
        for lines in &budget.lines {
            for (line, years) in &lines.lines {
                for (year, amount) in years {
                    map.insert(
                        (
                            lines.unit.clone(),
                            styr_domain::operating::OperatingRow::Line(*line)
                                .label()
                                .to_string(),
                            *year,
                        ),
                        *amount,
                    );
                }
            }
            for (year, amount) in &lines.financial_net {
                map.insert(
                    (lines.unit.clone(), "Finansnetto".to_string(), *year),
                    *amount,
                );
            }
        }
        map
    };
    let (old, new) = (amounts(before), amounts(after));
    let keys: std::collections::BTreeSet<_> = old.keys().chain(new.keys()).cloned().collect();
    for key in keys {
        let (was, is) = (old.get(&key), new.get(&key));
        if was != is {
            let (unit, line, year) = &key;
            found.push(Difference {
                part: "Driftbudget".into(),
                item: format!("{} – {line} {year}", unit_name(unit)),
                from: was.map(|amount| tkr(*amount)).unwrap_or_default(),
                to: is.map(|amount| tkr(*amount)).unwrap_or_default(),
            });
        }
    }
    let projects = |budget: &Budget| {
        let mut map = BTreeMap::new();
        for project in &budget.investment.projects {
            for (year, amount) in &project.amounts {
                map.insert((project.name.clone(), *year), *amount);
            }
        }
        map
    };
    let (old, new) = (projects(before), projects(after));
    let keys: std::collections::BTreeSet<_> = old.keys().chain(new.keys()).cloned().collect();
    for key in keys {
        let (was, is) = (old.get(&key), new.get(&key));
        if was != is {
            found.push(Difference {
                part: "Investeringar".into(),
                item: format!("{} {}", key.0, key.1),
                from: was.map(|amount| tkr(*amount)).unwrap_or_default(),
                to: is.map(|amount| tkr(*amount)).unwrap_or_default(),
            });
        }
    }
    for frame in after.frames.iter().chain(&before.frames) {
        let was = before.frame(&frame.unit).map(|frame| &frame.years);
        let is = after.frame(&frame.unit).map(|frame| &frame.years);
        if was != is
            && !found.iter().any(|difference| {
                difference.part == "Ram" && difference.item == unit_name(&frame.unit)
            })
        {
            found.push(Difference {
                part: "Ram".into(),
                item: unit_name(&frame.unit),
                from: "tidigare ram".into(),
                to: "ändrad ram".into(),
            });
        }
    }
    records(
        &mut found,
        "Risker",
        (&before.risks, &after.risks),
        |risk| risk.id.clone(),
        |risk| risk.name.clone(),
        |risk| {
            let mut text = format!(
                "riskvärde {} ({} × {}), {}",
                risk.value().value(),
                risk.probability.value(),
                risk.materiality.value(),
                risk.handling.swedish().to_lowercase()
            );
            if let Some(residual) = risk.residual {
                text.push_str(&format!(", kvarstående {}", residual.value().value()));
            }
            if !risk.owner.is_empty() {
                text.push_str(&format!(", riskägare {}", risk.owner));
            }
            text
        },
    );
    let risk_name = |id: &str| {
        after
            .risk(id)
            .or_else(|| before.risk(id))
            .map_or_else(|| id.to_string(), |risk| risk.name.clone())
    };
    records(
        &mut found,
        "Internkontroll",
        (&before.controls, &after.controls),
        |control| control.id.clone(),
        |control| format!("Kontroll av {}", risk_name(&control.risk)),
        |control| {
            format!(
                "{} ({}, {} resultat)",
                control.method,
                control.status.label().to_lowercase(),
                control.results.len()
            )
        },
    );
    records(
        &mut found,
        "Mål",
        (&before.goals, &after.goals),
        |goal| goal.id.clone(),
        |goal| goal.title.clone(),
        |goal| goal.statement.clone(),
    );
    if before.document != after.document {
        let describe = |budget: &Budget| {
            format!(
                "{}, {}, {}",
                budget.document.decided_by,
                budget
                    .document
                    .decision_date
                    .map(|date| date.to_string())
                    .unwrap_or_default(),
                budget.document.registry_number
            )
        };
        found.push(Difference {
            part: "Dokument".into(),
            item: "Beslut".into(),
            from: describe(before),
            to: describe(after),
        });
    }
    found
}

/// The records of `part` in two versions, matched by `key` and named by `name` (a risk by its
/// name, never its id); a record whose description is the same but that differs otherwise is
/// still listed, as "ändrad".
fn records<T: PartialEq>(
    found: &mut Vec<Difference>,
    part: &str,
    (before, after): (&[T], &[T]),
    key: impl Fn(&T) -> String,
    name: impl Fn(&T) -> String,
    describe: impl Fn(&T) -> String,
) {
    for old in before {
        match after.iter().find(|new| key(new) == key(old)) {
            None => found.push(Difference {
                part: part.into(),
                item: name(old),
                from: describe(old),
                to: "(borttagen)".into(),
            }),
            Some(new) if new != old => {
                let (from, to) = (describe(old), describe(new));
                let to = if from == to {
                    format!("{to} (ändrad)")
                } else {
                    to
                };
                found.push(Difference {
                    part: part.into(),
                    item: name(new),
                    from,
                    to,
                });
            }
            Some(_) => {}
        }
    }
    for new in after {
        if !before.iter().any(|old| key(old) == key(new)) {
            found.push(Difference {
                part: part.into(),
                item: name(new),
                from: "(ny)".into(),
                to: describe(new),
            });
        }
    }
}

use styr_domain::format::tkr;
