//! The organisation report: the tree as it stands on the first day of the budget year, and
//! the reorganisation into it (units that end the day before and continue elsewhere).

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::Date;
use styr_domain::organisation::{OrganisationUnit, UnitId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganisationNode {
    pub id: UnitId,
    pub name: String,
    /// "nämnd", "förvaltning" …
    pub kind: &'static str,
    /// 0 for the root.
    pub depth: usize,
    pub separately_reported: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Move {
    pub name: String,
    pub from_parent: String,
    pub to_parent: String,
    pub on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganisationReport {
    pub on: Date,
    pub tree: Vec<OrganisationNode>,
    pub moves: Vec<Move>,
}

pub fn organisation_report(budget: &Budget) -> OrganisationReport {
    let on = Date::first_of(budget.years.budget);
    let organisation = &budget.organisation;
    let mut tree = Vec::new();
    let mut stack: Vec<(&OrganisationUnit, usize)> = organisation
        .roots()
        .filter(|unit| unit.is_valid_on(on))
        .map(|unit| (unit, 0))
        .collect();
    stack.reverse();
    while let Some((unit, depth)) = stack.pop() {
        tree.push(OrganisationNode {
            id: unit.id.clone(),
            name: unit.name.clone(),
            kind: unit.kind.swedish(),
            depth,
            separately_reported: unit.separately_reported,
        });
        let children: Vec<_> = organisation.children_on(&unit.id, on).collect();
        stack.extend(children.into_iter().rev().map(|child| (child, depth + 1)));
    }
    // "Tillväxtavdelningen, Kommunledningskontoret": a parent named with its own parent, since
    // a moved department keeps its name and only its place tells the two apart.
    let name_of = |id: Option<&UnitId>| {
        let Some(parent) = id.and_then(|id| organisation.unit(id)) else {
            return String::new();
        };
        match parent.parent.as_ref().and_then(|id| organisation.unit(id)) {
            Some(grandparent) if parent.kind != styr_domain::organisation::UnitKind::Board => {
                format!("{}, {}", parent.name, grandparent.name)
            }
            _ => parent.name.clone(),
        }
    };
    let moves = organisation
        .units()
        .iter()
        .filter(|unit| unit.valid_from == Some(on))
        .filter_map(|unit| {
            let predecessor = organisation.unit(unit.predecessor.as_ref()?)?;
            Some(Move {
                name: unit.name.clone(),
                from_parent: name_of(predecessor.parent.as_ref()),
                to_parent: name_of(unit.parent.as_ref()),
                on,
            })
        })
        .collect();
    OrganisationReport { on, tree, moves }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;

    #[test]
    fn the_tree_is_read_on_the_first_day_of_the_budget_year() {
        let report = organisation_report(&small_budget());
        let tree: Vec<(&str, usize)> = report
            .tree
            .iter()
            .map(|node| (node.name.as_str(), node.depth))
            .collect();
        assert_eq!(
            tree,
            [
                ("Provkommun", 0),
                ("Provnämnden", 1),
                ("Hamnen", 2),
                ("Annan förvaltning", 1),
                ("Kontoret", 2)
            ]
        );
    }

    #[test]
    fn a_move_names_both_places() {
        let report = organisation_report(&small_budget());
        assert_eq!(report.moves.len(), 1);
        assert_eq!(report.moves[0].from_parent, "Provnämnden");
        assert_eq!(report.moves[0].to_parent, "Annan förvaltning, Provkommun");
    }
}
