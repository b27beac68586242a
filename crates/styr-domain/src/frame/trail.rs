//! A derivation carried out: each step's running figure exact to the öre beside what the
//! document states for it, the precision the result is good to, and the grundbudget (the
//! result without the year's temporary adjustments) that later years start from.

use serde::Serialize;

use crate::calendar::Year;
use crate::money::{Amount, Precision, Stated};
use crate::percent::Percent;

use super::derivation::Permanence;

/// A step of an evaluated derivation: the running figure exactly, and what the document says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TrailLine {
    pub kind: TrailKind,
    /// The figure after this step, exact to the öre.
    pub running: Amount,
    pub stated: Option<Stated>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TrailKind {
    Base {
        year: Year,
    },
    Uprating {
        index_year: Year,
        share: Percent,
        percent: Percent,
    },
    Adjustment {
        name: String,
        amount: Amount,
        permanence: Permanence,
    },
}

/// A derivation carried out: its lines and the precision its result is good to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Trail {
    pub lines: Vec<TrailLine>,
    /// The coarsest precision of the inputs: a base stated in 0,1 mnkr gives a result good to 0,1 mnkr.
    pub precision: Precision,
    /// The result before temporary adjustments: the grundbudget later years start from.
    pub grundbudget: Amount,
}

impl Trail {
    pub fn result(&self) -> Amount {
        self.lines
            .last()
            .map(|line| line.running)
            .unwrap_or_default()
    }
}
