//! A goal or political direction with its KPIs.

use styr_domain::goals::{Direction, Goal, GoalKind, Kpi, KpiUnit};

use super::record_id;
use crate::input::{Errors, FieldErrors};

/// A KPI as typed: name, source and measurements per year, and optionally its id, which
/// way is better and its unit (left empty: made from the name, or kept as they were).
pub struct KpiInput<'a> {
    pub name: &'a str,
    pub source: &'a str,
    pub measurements_per_year: &'a str,
    pub kolada_id: &'a str,
    pub id: &'a str,
    pub direction: &'a str,
    pub unit: &'a str,
}

/// A goal as typed, and for each KPI whether its direction and unit were given (see
/// [`keep_follow_up`]).
pub type TypedGoal = (Goal, Vec<(bool, bool)>);

pub fn goal(
    id: Option<&str>,
    kind: &str,
    title: &str,
    statement: &str,
    text: &str,
    kpis: &[KpiInput<'_>],
) -> Result<TypedGoal, FieldErrors> {
    let mut errors = Errors::default();
    let title = errors.required("title", title, "Rubriken");
    let statement = errors.text("statement", statement);
    let text = errors.text("text", text);
    let kind = GoalKind::from_key(kind);
    if kind.is_none() {
        errors.add(
            "kind",
            "välj typ: overarching, political_direction eller board",
        );
    }
    let mut parsed = Vec::new();
    for (index, kpi) in kpis
        .iter()
        .enumerate()
        .filter(|(_, kpi)| !kpi.name.trim().is_empty())
    {
        let field = |part: &str| format!("kpi:{index}:{part}");
        let name = errors.text(&field("name"), kpi.name);
        let source = errors.text(&field("source"), kpi.source);
        let kolada_id = errors.text(&field("kolada_id"), kpi.kolada_id);
        let kpi_id = if kpi.id.trim().is_empty() {
            crate::input::slug(&name)
        } else {
            crate::input::key(kpi.id).unwrap_or_else(|message| {
                errors.add(&field("id"), message);
                String::new()
            })
        };
        let direction = match kpi.direction.trim() {
            "" => None,
            key => {
                let found = Direction::from_key(key);
                if found.is_none() {
                    errors.add(&field("direction"), "välj riktning: higher eller lower");
                }
                found
            }
        };
        let unit = match kpi.unit.trim() {
            "" => None,
            key => {
                let found = KpiUnit::from_key(key);
                if found.is_none() {
                    errors.add(
                        &field("unit"),
                        "välj enhet: procent, kr_per_invanare, antal eller index",
                    );
                }
                found
            }
        };
        match kpi
            .measurements_per_year
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|times| (1..=52).contains(times))
        {
            Some(times) => parsed.push((
                Kpi {
                    source,
                    measurements_per_year: times,
                    kolada_id: Some(kolada_id).filter(|id| !id.is_empty()),
                    direction: direction.unwrap_or_default(),
                    unit: unit.unwrap_or_default(),
                    ..Kpi::named(&kpi_id, &name)
                },
                direction.is_some(),
                unit.is_some(),
            )),
            None => errors.add(
                &field("measurements_per_year"),
                "ange hur många gånger per år, 1–52",
            ),
        }
    }
    let id = record_id(&mut errors, id, &title, "title");
    let given: Vec<(bool, bool)> = parsed
        .iter()
        .map(|(_, direction, unit)| (*direction, *unit))
        .collect();
    let Some(kind) = kind else {
        return Err(errors.into_inner());
    };
    errors
        .finish(|| Goal {
            id,
            kind,
            title,
            statement,
            text,
            kpis: parsed.into_iter().map(|(kpi, _, _)| kpi).collect(),
            unit: None,
            directions: Vec::new(),
        })
        .map(|goal| (goal, given))
}

/// The goal as typed, with what the form does not edit kept from the goal as it is: the
/// responsible unit, the directions it follows up, and of each KPI with the same id its
/// targets, baseline, range, tolerance and purpose — and its direction and unit where the
/// form left them empty. Without this a save from the list would erase the follow-up.
pub fn keep_follow_up(typed: (Goal, Vec<(bool, bool)>), existing: Option<&Goal>) -> Goal {
    let (mut goal, given) = typed;
    let Some(existing) = existing else {
        return goal;
    };
    goal.unit = existing.unit.clone();
    goal.directions = existing.directions.clone();
    for (kpi, (direction_given, unit_given)) in goal.kpis.iter_mut().zip(given) {
        let Some(before) = existing.kpi(&kpi.id) else {
            continue;
        };
        *kpi = Kpi {
            id: kpi.id.clone(),
            name: kpi.name.clone(),
            source: kpi.source.clone(),
            measurements_per_year: kpi.measurements_per_year,
            kolada_id: kpi.kolada_id.clone(),
            direction: if direction_given {
                kpi.direction
            } else {
                before.direction
            },
            unit: if unit_given { kpi.unit } else { before.unit },
            ..before.clone()
        };
    }
    goal
}
