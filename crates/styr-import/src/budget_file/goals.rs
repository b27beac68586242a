//! Converting the budget file's goals and their KPIs, with each KPI's follow-up definition:
//! every value checked against the KPI's unit and range, every KPI id a key unique in the
//! budget, every political direction a goal links to one the file has.

use std::collections::BTreeSet;

use styr_domain::decimal::Decimal;
use styr_domain::goals::{Baseline, Direction, Goal, GoalKind, Kpi, KpiPurpose, KpiUnit, Period};
use toml::Spanned;

use super::raw::{RawDecimal, RawGoal, RawKpi};
use super::reader::Reader;

const GOAL_KINDS: [&str; 3] = ["overarching", "political_direction", "board"];
const DIRECTIONS: [&str; 2] = ["higher", "lower"];
const UNITS: [&str; 4] = ["procent", "kr_per_invanare", "antal", "index"];
const PURPOSES: [&str; 2] = ["quality", "net_cost_deviation"];

/// The goals of `raw_goals`; a direction a goal links to must be one of them or one of
/// `known_directions` (a budget's, when the goals are laid over it).
pub fn goals(reader: &mut Reader, raw_goals: &[RawGoal], known_directions: &[String]) -> Vec<Goal> {
    let mut kpi_ids = BTreeSet::new();
    let goals: Vec<Goal> = raw_goals
        .iter()
        .filter_map(|raw| {
            let kind = reader.choice(&raw.kind, "måltyp", &GOAL_KINDS, GoalKind::from_key);
            let kpis = raw
                .kpi
                .iter()
                .filter_map(|kpi| self::kpi(reader, kpi, &mut kpi_ids))
                .collect();
            let unit = raw.unit.as_ref().and_then(|unit| reader.unit(unit));
            Some(Goal {
                id: raw.id.clone(),
                kind: kind?,
                title: raw.title.clone(),
                statement: raw.statement.clone(),
                text: raw.text.clone(),
                kpis,
                unit,
                directions: raw
                    .directions
                    .iter()
                    .map(|direction| direction.get_ref().clone())
                    .collect(),
            })
        })
        .collect();
    let known: BTreeSet<&str> = goals
        .iter()
        .filter(|goal| goal.kind == GoalKind::PoliticalDirection)
        .map(|goal| goal.id.as_str())
        .chain(known_directions.iter().map(String::as_str))
        .collect();
    let links = raw_goals.iter().flat_map(|raw| {
        raw.directions
            .iter()
            .chain(raw.kpi.iter().flat_map(|kpi| &kpi.directions))
    });
    for link in links {
        if !known.contains(link.get_ref().as_str()) {
            reader.issue(
                link.span(),
                format!(
                    "”{}” är ingen politisk inriktning i filen (ett [[goal]] med kind = \"political_direction\")",
                    link.get_ref()
                ),
            );
        }
    }
    goals
}

fn decimal(reader: &mut Reader, value: &Spanned<RawDecimal>) -> Option<Decimal> {
    match Decimal::parse(&value.get_ref().0) {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            reader.issue(value.span(), error.to_string());
            None
        }
    }
}

fn kpi(reader: &mut Reader, raw: &RawKpi, ids: &mut BTreeSet<String>) -> Option<Kpi> {
    let times = *raw.measurements_per_year.get_ref();
    if !(1..=52).contains(&times) {
        reader.issue(
            raw.measurements_per_year.span(),
            format!("{times} mätningar per år går inte; ange 1–52"),
        );
        return None;
    }
    let name = raw.name.get_ref();
    let id = match &raw.id {
        Some(id) => {
            if let Err(error) = styr_domain::key::check(id.get_ref()) {
                reader.issue(id.span(), format!("nyckeltalets {error}"));
            }
            id.get_ref().clone()
        }
        None => styr_domain::key::slug(name),
    };
    let place = raw.id.as_ref().map_or(raw.name.span(), Spanned::span);
    if id.is_empty() {
        reader.issue(
            place.clone(),
            "nyckeltalet behöver ett id (eller ett namn med en bokstav)",
        );
    } else if !ids.insert(id.clone()) {
        reader.issue(
            place,
            format!(
                "nyckeltalet ”{id}” finns redan; ett nyckeltals id måste vara unikt i budgeten"
            ),
        );
    }
    let direction = raw
        .direction
        .as_ref()
        .map_or(Some(Direction::default()), |direction| {
            reader.choice(direction, "riktning", &DIRECTIONS, Direction::from_key)
        })?;
    let unit = raw.unit.as_ref().map_or(Some(KpiUnit::default()), |unit| {
        reader.choice(unit, "enhet", &UNITS, KpiUnit::from_key)
    })?;
    let purpose = match raw.purpose.as_ref() {
        None => KpiPurpose::Quality,
        Some(purpose) => reader.choice(purpose, "användning", &PURPOSES, |key| match key {
            "quality" => Some(KpiPurpose::Quality),
            "net_cost_deviation" => Some(KpiPurpose::NetCostDeviation {
                amount_kolada_id: raw.amount_kolada_id.clone(),
            }),
            _ => None,
        })?,
    };
    let mut kpi = Kpi {
        source: raw.source.clone(),
        measurements_per_year: u8::try_from(times).unwrap_or(u8::MAX),
        kolada_id: raw.kolada_id.clone(),
        direction,
        unit,
        minimum: raw
            .minimum
            .as_ref()
            .and_then(|value| decimal(reader, value)),
        maximum: raw
            .maximum
            .as_ref()
            .and_then(|value| decimal(reader, value)),
        tolerance: raw
            .tolerance
            .as_ref()
            .and_then(|value| decimal(reader, value)),
        purpose,
        directions: raw
            .directions
            .iter()
            .map(|direction| direction.get_ref().clone())
            .collect(),
        ..Kpi::named(&id, name)
    };
    if let (Some(minimum), Some(maximum)) = (kpi.minimum, kpi.maximum)
        && minimum > maximum
    {
        reader.issue(
            raw.name.span(),
            format!(
                "{name}: lägsta värdet {} är högre än högsta {}",
                minimum.to_swedish(),
                maximum.to_swedish()
            ),
        );
    }
    if let (Some(tolerance), Some(raw_tolerance)) = (kpi.tolerance, &raw.tolerance)
        && tolerance.is_negative()
    {
        reader.issue(raw_tolerance.span(), "toleransen kan inte vara negativ");
    }
    let checked = |reader: &mut Reader, kpi: &Kpi, value: &Spanned<RawDecimal>| {
        let parsed = decimal(reader, value)?;
        match kpi.check_value(parsed) {
            Ok(()) => Some(parsed),
            Err(error) => {
                reader.issue(value.span(), error.to_string());
                None
            }
        }
    };
    if let Some(baseline) = &raw.baseline {
        let period = match Period::parse(baseline.period.get_ref()) {
            Ok(period) => Some(period),
            Err(error) => {
                reader.issue(baseline.period.span(), error.to_string());
                None
            }
        };
        let value = checked(reader, &kpi, &baseline.value);
        if let (Some(period), Some(value)) = (period, value) {
            kpi.baseline = Some(Baseline { period, value });
        }
    }
    for (year, value) in &raw.targets {
        let year = reader.year_key(year);
        let value = checked(reader, &kpi, value);
        if let (Some(year), Some(value)) = (year, value) {
            kpi.set_target(year, Some(value));
        }
    }
    Some(kpi)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoalsFile {
    #[serde(default)]
    goal: Vec<RawGoal>,
}

/// A file of `[[goal]]` tables only, read as the budget file reads them, to be laid over
/// `budget`: its units and political directions are the ones a goal may name.
pub fn parse_goals(
    source: &str,
    budget: &styr_domain::budget::Budget,
) -> Result<Vec<Goal>, Vec<crate::Issue>> {
    let raw: RawGoalsFile = toml::from_str(source).map_err(|error| {
        vec![crate::Issue::error(
            source,
            error.span().unwrap_or(0..0),
            error.message().to_string(),
        )]
    })?;
    let mut reader = Reader::new(source);
    reader.unit_ids = budget
        .organisation
        .units()
        .iter()
        .map(|unit| unit.id.0.clone())
        .collect();
    let directions: Vec<String> = budget
        .goals
        .iter()
        .filter(|goal| goal.kind == GoalKind::PoliticalDirection)
        .map(|goal| goal.id.clone())
        .collect();
    let goals = goals(&mut reader, &raw.goal, &directions);
    if reader.issues.is_empty() {
        Ok(goals)
    } else {
        Err(reader.issues.into_vec())
    }
}
