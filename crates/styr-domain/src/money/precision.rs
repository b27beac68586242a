//! How an amount is written: its unit (kr, tkr, mnkr) and precision — decimals shown, or a
//! coarser step ("omkring 90 mnkr" is good to 10 mnkr). A precision is never a second money
//! type: it is how an [`Amount`](super::Amount) is shown, or how precisely a document states one.

use std::fmt;

use serde::Serialize;

use super::{ORE_PER_KR, ORE_PER_MNKR, ORE_PER_TKR};

/// The unit an amount is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Kr,
    Tkr,
    Mnkr,
}

impl Unit {
    pub const fn ore(self) -> i64 {
        match self {
            Unit::Kr => ORE_PER_KR,
            Unit::Tkr => ORE_PER_TKR,
            Unit::Mnkr => ORE_PER_MNKR,
        }
    }

    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
            Unit::Mnkr => "mnkr",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.symbol())
    }
}

/// How precisely an amount is shown: a unit and a number of decimals, or a coarser
/// "about" step such as the whole tens of mnkr in "omkring 90 mnkr".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Precision {
    pub unit: Unit,
    /// Decimals shown (0 for "100 548 tkr", 1 for "118,5 mnkr").
    pub decimals: u8,
    /// Whole units per step when coarser than one unit: 10 for "omkring 90 mnkr", else 1.
    pub tens: u8,
}

impl Precision {
    pub const TKR: Precision = Precision::new(Unit::Tkr, 0);
    pub const MNKR_ONE_DECIMAL: Precision = Precision::new(Unit::Mnkr, 1);

    pub const fn new(unit: Unit, decimals: u8) -> Precision {
        Precision {
            unit,
            decimals,
            tens: 1,
        }
    }

    /// A step of `tens` whole units: `Precision::about(Unit::Mnkr, 10)` for "omkring 90 mnkr".
    pub const fn about(unit: Unit, tens: u8) -> Precision {
        Precision {
            unit,
            decimals: 0,
            tens,
        }
    }

    /// The size of one step in öre; never zero.
    pub const fn step_ore(self) -> i64 {
        let mut step = self.unit.ore() * self.tens as i64;
        let mut decimals = self.decimals;
        while decimals > 0 && step >= 10 {
            step /= 10;
            decimals -= 1;
        }
        step
    }

    /// The coarser of two precisions: the one with the larger step.
    pub fn coarser(self, other: Precision) -> Precision {
        if other.step_ore() > self.step_ore() {
            other
        } else {
            self
        }
    }
}
