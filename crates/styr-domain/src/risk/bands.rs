//! The bands of the risk matrix: ranges of risk value (1–16) each shown in one colour with
//! the handling it suggests, covering every value once.

use serde::Serialize;

use super::{Handling, RiskError, RiskValue};

/// A range of risk values shown in one colour, with the handling it suggests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Band {
    pub name: String,
    pub from: u8,
    pub to: u8,
    /// A CSS colour, "#f4c542".
    pub colour: String,
    pub suggested_handling: Handling,
}

/// Bands that cover 1–16 exactly once, checked when built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Bands(Vec<Band>);

impl Bands {
    pub fn new(mut bands: Vec<Band>) -> Result<Bands, RiskError> {
        bands.sort_by_key(|band| band.from);
        for band in &bands {
            if band.from == 0 || band.to > 16 || band.from > band.to {
                return Err(RiskError::BandOutOfRange {
                    from: band.from,
                    to: band.to,
                });
            }
        }
        for value in 1..=16u8 {
            match bands
                .iter()
                .filter(|band| (band.from..=band.to).contains(&value))
                .count()
            {
                0 => return Err(RiskError::BandGap(value)),
                1 => {}
                _ => return Err(RiskError::BandOverlap(value)),
            }
        }
        Ok(Bands(bands))
    }

    /// The common default: 1–3 low (accept), 4–8 medium (action), 9–16 high (control).
    pub fn standard() -> Bands {
        let band = |name: &str, from, to, colour: &str, suggested_handling| Band {
            name: name.into(),
            from,
            to,
            colour: colour.into(),
            suggested_handling,
        };
        Bands(vec![
            band("Låg", 1, 3, "#7cc47f", Handling::Accept),
            band("Medel", 4, 8, "#f5d061", Handling::Action),
            band("Hög", 9, 16, "#e0685c", Handling::Control),
        ])
    }

    pub fn bands(&self) -> &[Band] {
        &self.0
    }

    pub fn band_of(&self, value: RiskValue) -> &Band {
        self.0
            .iter()
            .find(|band| (band.from..=band.to).contains(&value.0))
            .expect("bands cover 1–16 by construction and a risk value is 1–16")
    }
}
