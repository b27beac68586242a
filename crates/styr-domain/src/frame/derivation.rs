//! A derivation as the budget file states it: where it starts (a stated grundbudget, or
//! another year of the same frame) and its steps — uprating by a share of an index year's
//! value ("100 procent av PKV 2025"), and named adjustments, permanent or for one year only.
//!
//! ```text
//! base: grundbudget 2024, 113,3 mnkr
//! step: uprating by 100 % of PKV 2024            → "till 113,5 mnkr"
//! step: Omställningsfond, +5,0 mnkr, permanent
//! ```

use serde::Serialize;

use crate::calendar::Year;
use crate::money::Stated;
use crate::percent::Percent;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permanence {
    /// Stays in the grundbudget for later years.
    Permanent,
    /// For this year only.
    Temporary,
}

impl Permanence {
    pub const fn swedish(self) -> &'static str {
        match self {
            Permanence::Permanent => "permanent",
            Permanence::Temporary => "tillfällig",
        }
    }
}

/// Where a derivation starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Base {
    /// A stated grundbudget, at the precision the document gives it.
    Amount { year: Year, amount: Stated },
    /// Another year's grundbudget of the same frame, unrounded (its temporary adjustments left out).
    Frame { year: Year },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum StepKind {
    /// Uprating by `share` of the index's value for `index_year` ("100 procent av PKV").
    Uprating { index_year: Year, share: Percent },
    /// A named increase (positive) or decrease (negative).
    Adjustment {
        name: String,
        amount: Stated,
        permanence: Permanence,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub kind: StepKind,
    /// The running figure after this step as the document states it ("till 113,5 mnkr").
    pub stated_result: Option<Stated>,
    /// The document's own sentence for the step, if any.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Derivation {
    pub base: Base,
    pub steps: Vec<Step>,
}
