//! An amount too large to hold, and where. A checked operation gives [`AmountOverflow`]; the
//! caller, who knows which figure it was computing, names it with [`AmountOverflow::at`], and
//! the message a person reads says where to look:
//!
//! ```text
//! Investeringsbudget 2026, Totala utgifter: beloppet blir för stort för att räknas exakt
//! ```

/// An amount too large for styr to hold: a sum, difference or product left the range of
/// `Amount` (about ±92 biljarder kronor). Never silent: the caller names the place with
/// [`AmountOverflow::at`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("beloppet blir för stort för att räknas exakt")]
pub struct AmountOverflow;

impl AmountOverflow {
    /// The overflow at a named figure: "Investeringsplan 2026, Totala utgifter".
    pub fn at(self, place: impl Into<String>) -> OverflowAt {
        OverflowAt {
            place: place.into(),
        }
    }
}

/// A figure that cannot be computed exactly because a sum leaves the range of `Amount`,
/// with the figure named as a person finds it in the budget.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {AmountOverflow}")]
pub struct OverflowAt {
    /// "Driftbudget Kommunstyrelsen 2025, Verksamhetens nettokostnader".
    pub place: String,
}
