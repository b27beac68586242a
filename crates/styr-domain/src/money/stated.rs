//! A figure as a source document states it ("113,3 mnkr"): its value and the precision it was
//! written at, checked against what styr computes and never used in its place.

use serde::Serialize;

use super::{Amount, Precision};

/// A figure as a source document states it: the value and the precision it was written at.
///
/// Stated figures are assertions: styr checks them against what it computes and never lets
/// them override a computation (like hledger's balance assertions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Stated {
    pub value: Amount,
    pub precision: Precision,
}

impl Stated {
    pub const fn new(value: Amount, precision: Precision) -> Stated {
        Stated { value, precision }
    }

    pub const fn tkr(tkr: i64) -> Stated {
        Stated::new(Amount::from_tkr(tkr), Precision::TKR)
    }

    /// Whether `computed`, shown at this figure's precision, is what the document states.
    pub fn agrees_with(self, computed: Amount) -> bool {
        computed.rounded_ore(self.precision) == i128::from(self.value.0)
    }
}
