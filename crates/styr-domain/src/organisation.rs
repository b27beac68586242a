//! The organisation tree: kommun → nämnd → förvaltning → avdelning → enhet.
//!
//! Every unit has validity dates, so a reorganisation is data rather than an edit that loses
//! history. When the reference's tillväxtavdelningen moves from kommunledningskontoret to
//! samhällsbyggnadsförvaltningen on 2025-01-01, the old unit ends on 2024-12-31 and a new unit,
//! which names the old one as its predecessor, starts the next day. A unit can be reported
//! separately from its board (särredovisning), as exploateringsenheten is.

use serde::Serialize;

use crate::calendar::Date;

/// A unit's identifier in the budget file, such as `"ks"` or `"exploateringsenheten"`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct UnitId(pub String);

impl UnitId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for UnitId {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Municipality,
    Board,
    Administration,
    Department,
    Unit,
}

impl UnitKind {
    /// The Swedish word, as the file format and every page write it.
    pub const fn swedish(self) -> &'static str {
        match self {
            UnitKind::Municipality => "kommun",
            UnitKind::Board => "nämnd",
            UnitKind::Administration => "förvaltning",
            UnitKind::Department => "avdelning",
            UnitKind::Unit => "enhet",
        }
    }

    pub fn from_swedish(word: &str) -> Option<UnitKind> {
        [
            UnitKind::Municipality,
            UnitKind::Board,
            UnitKind::Administration,
            UnitKind::Department,
            UnitKind::Unit,
        ]
        .into_iter()
        .find(|kind| kind.swedish() == word)
    }
}

/// One organisational unit over the period it exists in one place of the tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganisationUnit {
    pub id: UnitId,
    pub name: String,
    pub kind: UnitKind,
    pub parent: Option<UnitId>,
    /// First day the unit exists here; `None` means since before the budget's years.
    pub valid_from: Option<Date>,
    /// Last day the unit exists here; `None` means until further notice.
    pub valid_to: Option<Date>,
    /// The unit this one continues after a reorganisation, so its history follows it.
    pub predecessor: Option<UnitId>,
    /// Reported apart from its board's operating budget (särredovisning).
    pub separately_reported: bool,
    /// What the unit does, in the document's words (Markdown).
    pub description: String,
}

impl OrganisationUnit {
    pub fn is_valid_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// The whole tree, as a list whose parent links have been checked to form a tree.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Organisation {
    units: Vec<OrganisationUnit>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OrganisationError {
    #[error("enheten ”{0}” finns två gånger")]
    DuplicateUnit(UnitId),
    #[error("enheten ”{unit}” har en överordnad ”{parent}” som inte finns")]
    UnknownParent { unit: UnitId, parent: UnitId },
    #[error("enheten ”{unit}” har en föregångare ”{predecessor}” som inte finns")]
    UnknownPredecessor { unit: UnitId, predecessor: UnitId },
    #[error("enheten ”{0}” ligger under sig själv")]
    Cycle(UnitId),
    #[error("enheten ”{unit}” slutar {to} innan den börjar {from}")]
    EndsBeforeItStarts { unit: UnitId, from: Date, to: Date },
}

impl Organisation {
    /// Builds the tree, refusing duplicates, dangling links, cycles and reversed validity.
    pub fn new(units: Vec<OrganisationUnit>) -> Result<Organisation, OrganisationError> {
        let organisation = Organisation { units };
        for (index, unit) in organisation.units.iter().enumerate() {
            if organisation.units[..index]
                .iter()
                .any(|other| other.id == unit.id)
            {
                return Err(OrganisationError::DuplicateUnit(unit.id.clone()));
            }
            if let (Some(from), Some(to)) = (unit.valid_from, unit.valid_to)
                && to < from
            {
                return Err(OrganisationError::EndsBeforeItStarts {
                    unit: unit.id.clone(),
                    from,
                    to,
                });
            }
        }
        for unit in &organisation.units {
            if let Some(parent) = &unit.parent
                && organisation.unit(parent).is_none()
            {
                return Err(OrganisationError::UnknownParent {
                    unit: unit.id.clone(),
                    parent: parent.clone(),
                });
            }
            if let Some(predecessor) = &unit.predecessor
                && organisation.unit(predecessor).is_none()
            {
                return Err(OrganisationError::UnknownPredecessor {
                    unit: unit.id.clone(),
                    predecessor: predecessor.clone(),
                });
            }
            let mut ancestor = unit.parent.as_ref();
            let mut steps = 0;
            while let Some(id) = ancestor {
                steps += 1;
                if id == &unit.id || steps > organisation.units.len() {
                    return Err(OrganisationError::Cycle(unit.id.clone()));
                }
                ancestor = organisation
                    .unit(id)
                    .and_then(|parent| parent.parent.as_ref());
            }
        }
        Ok(organisation)
    }

    pub fn units(&self) -> &[OrganisationUnit] {
        &self.units
    }

    pub fn unit(&self, id: &UnitId) -> Option<&OrganisationUnit> {
        self.units.iter().find(|unit| &unit.id == id)
    }

    /// The units directly under `parent` that exist on `date`, in file order.
    pub fn children_on<'a>(
        &'a self,
        parent: &'a UnitId,
        date: Date,
    ) -> impl Iterator<Item = &'a OrganisationUnit> {
        self.units
            .iter()
            .filter(move |unit| unit.parent.as_ref() == Some(parent) && unit.is_valid_on(date))
    }

    /// The roots of the tree (normally the one kommun).
    pub fn roots(&self) -> impl Iterator<Item = &OrganisationUnit> {
        self.units.iter().filter(|unit| unit.parent.is_none())
    }

    /// Whether `unit` is `ancestor` or lies anywhere below it, at any date.
    pub fn is_within(&self, unit: &UnitId, ancestor: &UnitId) -> bool {
        let mut current = Some(unit);
        while let Some(id) = current {
            if id == ancestor {
                return true;
            }
            current = self.unit(id).and_then(|found| found.parent.as_ref());
        }
        false
    }

    /// `unit` and every unit above it, nearest first: the tables its figures count towards.
    pub fn ancestry<'a>(&'a self, unit: &'a UnitId) -> impl Iterator<Item = &'a UnitId> {
        std::iter::successors(Some(unit), |id| {
            self.unit(id).and_then(|found| found.parent.as_ref())
        })
    }

    /// The chain of predecessors of `unit`, nearest first: whose history this unit continues.
    pub fn history(&self, unit: &UnitId) -> Vec<&OrganisationUnit> {
        let mut chain = Vec::new();
        let mut current = self.unit(unit).and_then(|found| found.predecessor.as_ref());
        while let Some(id) = current {
            let Some(found) = self.unit(id) else { break };
            if chain
                .iter()
                .any(|seen: &&OrganisationUnit| seen.id == found.id)
            {
                break;
            }
            chain.push(found);
            current = found.predecessor.as_ref();
        }
        chain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(
        id: &str,
        parent: Option<&str>,
        valid_from: Option<Date>,
        valid_to: Option<Date>,
    ) -> OrganisationUnit {
        OrganisationUnit {
            id: UnitId(id.into()),
            name: id.into(),
            kind: UnitKind::Unit,
            parent: parent.map(|parent| UnitId(parent.into())),
            valid_from,
            valid_to,
            predecessor: None,
            separately_reported: false,
            description: String::new(),
        }
    }

    fn date(year: i64, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("test dates are real")
    }

    #[test]
    fn a_moved_unit_is_under_its_old_parent_until_the_move_and_under_the_new_one_after() {
        let mut moved = unit("tillvaxt-2025", Some("sbf"), Some(date(2025, 1, 1)), None);
        moved.predecessor = Some(UnitId("tillvaxt".into()));
        let organisation = Organisation::new(vec![
            unit("ks", None, None, None),
            unit("klk", Some("ks"), None, None),
            unit("sbf", Some("ks"), Some(date(2025, 1, 1)), None),
            unit("tillvaxt", Some("klk"), None, Some(date(2024, 12, 31))),
            moved,
        ])
        .expect("a valid tree");
        let klk = UnitId("klk".into());
        let sbf = UnitId("sbf".into());
        let names = |parent, on| {
            organisation
                .children_on(parent, on)
                .map(|unit| unit.id.0.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&klk, date(2024, 12, 31)), ["tillvaxt"]);
        assert!(names(&klk, date(2025, 1, 1)).is_empty());
        assert_eq!(names(&sbf, date(2025, 1, 1)), ["tillvaxt-2025"]);
        let history = organisation.history(&UnitId("tillvaxt-2025".into()));
        assert_eq!(
            history
                .iter()
                .map(|unit| unit.id.as_str())
                .collect::<Vec<_>>(),
            ["tillvaxt"]
        );
    }

    #[test]
    fn a_tree_with_a_cycle_is_refused() {
        let result = Organisation::new(vec![
            unit("a", Some("b"), None, None),
            unit("b", Some("a"), None, None),
        ]);
        assert_eq!(result, Err(OrganisationError::Cycle(UnitId("a".into()))));
    }

    #[test]
    fn a_unknown_parent_is_refused() {
        let result = Organisation::new(vec![unit("a", Some("x"), None, None)]);
        assert!(matches!(
            result,
            Err(OrganisationError::UnknownParent { .. })
        ));
    }

    #[test]
    fn a_unit_that_ends_before_it_starts_is_refused() {
        let result = Organisation::new(vec![unit(
            "a",
            None,
            Some(date(2025, 1, 1)),
            Some(date(2024, 1, 1)),
        )]);
        assert!(matches!(
            result,
            Err(OrganisationError::EndsBeforeItStarts { .. })
        ));
    }

    #[test]
    fn within_follows_parents_up_the_tree() {
        let organisation = Organisation::new(vec![
            unit("ks", None, None, None),
            unit("klk", Some("ks"), None, None),
            unit("eko", Some("klk"), None, None),
        ])
        .expect("a valid tree");
        assert!(organisation.is_within(&UnitId("eko".into()), &UnitId("ks".into())));
        assert!(!organisation.is_within(&UnitId("ks".into()), &UnitId("eko".into())));
    }
}
