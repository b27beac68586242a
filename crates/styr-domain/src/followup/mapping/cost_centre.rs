//! Which unit a cost centre's bookings belong to, and from when: a cost centre may move
//! between units on a date, so each rule has its validity; the index answers per booking.

use std::collections::HashMap;

use serde::Serialize;

use crate::calendar::Date;
use crate::followup::month::Month;
use crate::organisation::UnitId;

/// Bookings on cost centre `object` belong to `unit` between the two dates (both included;
/// open when absent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostCentreRule {
    pub object: String,
    pub unit: UnitId,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
}

impl CostCentreRule {
    fn covers(&self, month: Month) -> bool {
        self.valid_from.is_none_or(|from| Month::of(from) <= month)
            && self.valid_to.is_none_or(|to| month <= Month::of(to))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CostCentreMapping {
    pub rules: Vec<CostCentreRule>,
}

impl CostCentreMapping {
    /// The unit a booking on `object` in `month` belongs to.
    pub fn unit_for(&self, object: &str, month: Month) -> Option<&UnitId> {
        self.rules
            .iter()
            .find(|rule| rule.object == object && rule.covers(month))
            .map(|rule| &rule.unit)
    }

    /// The rules by object, for looking many bookings up: [`CostCentreIndex::unit_for`]
    /// answers as [`CostCentreMapping::unit_for`] does, without walking every rule.
    pub fn index(&self) -> CostCentreIndex<'_> {
        let mut by_object: HashMap<&str, Vec<&CostCentreRule>> = HashMap::new();
        for rule in &self.rules {
            by_object
                .entry(rule.object.as_str())
                .or_default()
                .push(rule);
        }
        CostCentreIndex { by_object }
    }
}

/// A cost-centre mapping's rules grouped by object, in their order.
pub struct CostCentreIndex<'a> {
    by_object: HashMap<&'a str, Vec<&'a CostCentreRule>>,
}

impl<'a> CostCentreIndex<'a> {
    /// The unit a booking on `object` in `month` belongs to: the first rule that covers it.
    pub fn unit_for(&self, object: &str, month: Month) -> Option<&'a UnitId> {
        self.by_object
            .get(object)?
            .iter()
            .find(|rule| rule.covers(month))
            .map(|rule| &rule.unit)
    }
}
