//! Which group a booking belongs to. With a budget the groups are its operating tables (the
//! board, and each separately reported unit); a cost centre reaches one through the mapping
//! rules, valid by date, and a unit replaced since counts as its successor. Without a budget
//! the groups are the file's own cost centres. What no rule places goes to "Ej fördelat", so
//! the totals still agree with the books.

use styr_domain::budget::Budget;
use styr_domain::calendar::{Date, Year};
use styr_domain::followup::{CostCentreMapping, CostCentreRule, Month, Outcome};
use styr_domain::organisation::UnitId;

use super::FollowupInput;
use super::figures::Figures;

/// One table of the follow-up while it is added up.
pub(super) struct Group {
    pub code: String,
    pub unit: Option<UnitId>,
    pub name: String,
    pub separately_reported: bool,
    pub figures: Figures,
}

/// The code of the group of bookings no rule places.
pub(super) const UNASSIGNED: &str = "ej fördelat";

/// `mapping` completed with a rule for every cost centre that has none, to the unit whose id
/// or name is the cost centre's code or name: the default until a controller says otherwise.
pub fn with_matching_units(
    mut mapping: CostCentreMapping,
    budget: &Budget,
    outcome: &Outcome,
) -> CostCentreMapping {
    let mut codes: Vec<(String, String)> = outcome
        .cost_centre_names
        .iter()
        .map(|(code, name)| (code.clone(), name.clone()))
        .collect();
    for key in outcome.actual.keys() {
        if let Some(code) = &key.cost_centre
            && !codes.iter().any(|(known, _)| known == code)
        {
            codes.push((code.clone(), String::new()));
        }
    }
    for (code, name) in codes {
        if mapping.rules.iter().any(|rule| rule.object == code) {
            continue;
        }
        let unit = budget.organisation.units().iter().find(|unit| {
            unit.id.0 == code || (!name.is_empty() && unit.name.eq_ignore_ascii_case(&name))
        });
        if let Some(unit) = unit {
            mapping.rules.push(CostCentreRule {
                object: code,
                unit: unit.id.clone(),
                valid_from: None,
                valid_to: None,
            });
        }
    }
    mapping
}

/// The groups: the budget's operating tables, or the file's cost centres; and the unassigned.
pub(super) fn initial_groups(input: &FollowupInput<'_>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    if let Some(budget) = input.budget {
        for unit in table_units(budget) {
            let found = budget.organisation.unit(&unit);
            groups.push(Group {
                code: unit.0.clone(),
                separately_reported: unit != budget.board
                    && found.is_some_and(|found| found.separately_reported),
                name: found.map_or_else(|| unit.0.clone(), |found| found.name.clone()),
                unit: Some(unit),
                figures: Figures::default(),
            });
        }
    } else {
        let mut codes: Vec<&String> = input.outcome.cost_centre_names.keys().collect();
        for key in input
            .outcome
            .actual
            .keys()
            .chain(input.outcome.budget.keys())
        {
            if let Some(code) = &key.cost_centre
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes.sort();
        for code in codes {
            let name = input
                .outcome
                .cost_centre_names
                .get(code)
                .cloned()
                .unwrap_or_default();
            groups.push(Group {
                code: code.clone(),
                unit: Some(UnitId(code.clone())),
                name: if name.is_empty() { code.clone() } else { name },
                separately_reported: false,
                figures: Figures::default(),
            });
        }
    }
    groups.push(Group {
        code: UNASSIGNED.into(),
        unit: None,
        name: if input.budget.is_some() {
            "Ej fördelat (kostnadsställe utan enhet)".into()
        } else {
            "Utan kostnadsställe".into()
        },
        separately_reported: false,
        figures: Figures::default(),
    });
    groups
}

/// The units with an operating table of their own: the board and its separately reported units.
pub(super) fn table_units(budget: &Budget) -> Vec<UnitId> {
    let mut units: Vec<UnitId> = budget
        .operating_tables
        .iter()
        .map(|table| table.unit.clone())
        .collect();
    if units.is_empty() {
        units.push(budget.board.clone());
    }
    units
}

/// Where a booking belongs: its group, whether a rule assigned it (false: the unassigned
/// group), and — with a budget — the unit it is booked on.
pub(super) fn group_of(
    input: &FollowupInput<'_>,
    groups: &[Group],
    cost_centre: Option<&str>,
    month: Month,
) -> (usize, bool, Option<UnitId>) {
    let unassigned = groups.len() - 1;
    let Some(budget) = input.budget else {
        let found = cost_centre.and_then(|code| groups.iter().position(|group| group.code == code));
        return (found.unwrap_or(unassigned), true, None);
    };
    let Some(unit) = booking_unit(budget, input.cost_centres, input.year, cost_centre, month)
    else {
        return (unassigned, false, None);
    };
    let table = table_units(budget)
        .into_iter()
        .find(|table| budget.counts_towards(&unit, table));
    match table.and_then(|table| {
        groups
            .iter()
            .position(|group| group.unit.as_ref() == Some(&table))
    }) {
        Some(group) => (group, true, Some(unit)),
        None => (unassigned, false, None),
    }
}

/// The unit a booking on `cost_centre` in `month` is booked on when following up `year`: the
/// unit its rule names, or that unit's successor when it has since been replaced; the board
/// for a booking without a cost centre; `None` when no rule places the cost centre.
pub fn booking_unit(
    budget: &Budget,
    cost_centres: &CostCentreMapping,
    year: Year,
    cost_centre: Option<&str>,
    month: Month,
) -> Option<UnitId> {
    let Some(code) = cost_centre else {
        return Some(budget.board.clone());
    };
    let unit = cost_centres.unit_for(code, month)?;
    // A unit that has since been replaced counts as its successor, so its history follows it.
    Some(successor_on(budget, unit, Date::first_of(year)).clone())
}

/// The operating table (the board, or a separately reported unit) a booking on `cost_centre`
/// in `month` belongs to when following up `year`; `None` when no rule places it in this
/// board. A booking without a cost centre belongs to the board as a whole.
pub fn table_unit_of(
    budget: &Budget,
    cost_centres: &CostCentreMapping,
    year: Year,
    cost_centre: Option<&str>,
    month: Month,
) -> Option<UnitId> {
    let unit = booking_unit(budget, cost_centres, year, cost_centre, month)?;
    table_units(budget)
        .into_iter()
        .find(|table| budget.counts_towards(&unit, table))
}

/// The unit that carries `unit` on `date`: itself while valid, else the successor that names
/// it as predecessor, followed as far as it goes.
fn successor_on<'a>(budget: &'a Budget, unit: &'a UnitId, date: Date) -> &'a UnitId {
    let mut current = unit;
    for _ in 0..budget.organisation.units().len() {
        let valid = budget
            .organisation
            .unit(current)
            .is_none_or(|found| found.is_valid_on(date));
        if valid {
            return current;
        }
        match budget
            .organisation
            .units()
            .iter()
            .find(|candidate| candidate.predecessor.as_ref() == Some(current))
        {
            Some(next) => current = &next.id,
            None => return current,
        }
    }
    current
}
