//! Which group a booking belongs to. With a budget the groups are its operating tables (the
//! board, and each separately reported unit); a cost centre reaches one through the mapping
//! rules, valid by date, and a unit replaced since counts as its successor. Without a budget
//! the groups are the file's own cost centres. What no rule places goes to "Ej fördelat", so
//! the totals still agree with the books.

use std::collections::HashMap;

use styr_domain::budget::Budget;
use styr_domain::calendar::{Date, Year};
use styr_domain::followup::mapping::CostCentreIndex;
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
        // A set, not a list searched per sum: a year has hundreds of thousands of sums.
        let mut codes: std::collections::BTreeSet<&String> =
            input.outcome.cost_centre_names.keys().collect();
        codes.extend(
            input
                .outcome
                .actual
                .keys()
                .chain(input.outcome.budget.keys())
                .filter_map(|key| key.cost_centre.as_ref()),
        );
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

/// Where a booking is placed: its group, whether a rule assigned it, the unit it is booked on.
pub(super) type Placed = (usize, bool, Option<UnitId>);

/// Where each group is, by cost centre and by unit: built once per report, because a year of
/// a large municipality has hundreds of thousands of sums over tens of thousands of cost
/// centres, and looking each sum's group up by walking the groups made the report quadratic.
pub(super) struct GroupIndex<'a> {
    by_code: HashMap<String, usize>,
    by_unit: HashMap<UnitId, usize>,
    unassigned: usize,
    rules: CostCentreIndex<'a>,
    /// Every cost centre's group in a month, once found: the sums of one cost centre and
    /// month are many (one per account), and finding its table walks the organisation.
    found: HashMap<(Option<String>, Month), Placed>,
}

impl<'a> GroupIndex<'a> {
    pub(super) fn of(input: &FollowupInput<'a>, groups: &[Group]) -> GroupIndex<'a> {
        let mut by_code = HashMap::new();
        let mut by_unit = HashMap::new();
        // The first group of a code or unit wins, as the walk it replaces found the first.
        for (index, group) in groups.iter().enumerate() {
            by_code.entry(group.code.clone()).or_insert(index);
            if let Some(unit) = &group.unit {
                by_unit.entry(unit.clone()).or_insert(index);
            }
        }
        GroupIndex {
            by_code,
            by_unit,
            unassigned: groups.len() - 1,
            rules: input.cost_centres.index(),
            found: HashMap::new(),
        }
    }
}

/// Where a booking belongs: its group, whether a rule assigned it (false: the unassigned
/// group), and — with a budget — the unit it is booked on.
pub(super) fn group_of(
    input: &FollowupInput<'_>,
    index: &mut GroupIndex<'_>,
    cost_centre: Option<&str>,
    month: Month,
) -> Placed {
    let Some(budget) = input.budget else {
        let found = cost_centre.and_then(|code| index.by_code.get(code).copied());
        return (found.unwrap_or(index.unassigned), true, None);
    };
    let key = (cost_centre.map(str::to_string), month);
    if let Some(found) = index.found.get(&key) {
        return found.clone();
    }
    let first = Date::first_of(input.year);
    let (unit, table) = match cost_centre {
        None => (
            Some(budget.board.clone()),
            table_of(budget, None, input.year),
        ),
        Some(code) => {
            let unit = index
                .rules
                .unit_for(code, month)
                .map(|unit| successor_on(budget, unit, first).clone());
            let table = unit
                .as_ref()
                .and_then(|unit| table_of(budget, Some(unit), input.year));
            (unit, table)
        }
    };
    let found = match table.and_then(|table| index.by_unit.get(&table).copied()) {
        Some(group) => (group, true, unit),
        None => (index.unassigned, false, None),
    };
    index.found.insert(key, found.clone());
    found
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
    match cost_centre {
        None => table_of(budget, None, year),
        Some(code) => table_of(budget, Some(cost_centres.unit_for(code, month)?), year),
    }
}

/// The operating table `unit` counts towards when following up `year` (the board's for a
/// booking without a cost centre).
fn table_of(budget: &Budget, unit: Option<&UnitId>, year: Year) -> Option<UnitId> {
    let tables = table_units(budget);
    let Some(unit) = unit else {
        return tables
            .into_iter()
            .find(|unit| *unit == budget.board)
            .or_else(|| Some(budget.board.clone()));
    };
    // A unit that has since been replaced counts as its successor, so its history follows it.
    let unit = successor_on(budget, unit, Date::first_of(year));
    tables
        .into_iter()
        .find(|table| budget.counts_towards(unit, table))
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
