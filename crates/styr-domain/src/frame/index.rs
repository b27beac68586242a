//! Price indexes as SKR publishes them: PKV (prisindex för kommunal verksamhet) is
//! re-estimated several times a year, so each estimate is a vintage of its own ("SKR cirkulär
//! 24:29": 2025 → 2,5 %, 2026 → 3,2 %) and a frame names the vintage it is uprated by.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Year;
use crate::percent::Percent;

/// One published estimate of a price index: SKR re-estimates PKV several times a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndexVintage {
    /// The index's name, "PKV".
    pub name: String,
    /// Which estimate, e.g. "SKR cirkulär 24:29".
    pub vintage: String,
    pub values: BTreeMap<Year, Percent>,
}

/// Every vintage of every index the budget refers to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IndexTable {
    pub vintages: Vec<IndexVintage>,
}

impl IndexTable {
    pub fn value(&self, index: &IndexChoice, year: Year) -> Option<Percent> {
        self.vintages
            .iter()
            .find(|vintage| vintage.name == index.name && vintage.vintage == index.vintage)
            .and_then(|vintage| vintage.values.get(&year).copied())
    }
}

/// Which index and which vintage of it a frame is uprated by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndexChoice {
    pub name: String,
    pub vintage: String,
}
