//! The risk and materiality analysis (risk- och väsentlighetsanalys).
//!
//! Each risk is graded 1–4 for sannolikhet (probability) and väsentlighet (materiality, the
//! consequence); riskvärde is their product, 1–16. Colour bands over the risk values are
//! configurable, since municipalities differ (a common default: 1–3 low, 4–8 medium, 9–16 high),
//! and each band suggests a handling: accept the risk, act on it, or control it in the
//! internal control plan. A risk has an owner and a category, and may be judged again as
//! it stands once its measures are taken: the residual risk (kvarstående risk).

use serde::Serialize;
use thiserror::Error;

mod bands;

pub use bands::{Band, Bands};

/// A grade 1–4 on one of the two scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Grade(u8);

#[derive(Debug, Error, PartialEq, Eq)]
pub enum RiskError {
    #[error("{0} är inget värde på skalan 1–4")]
    GradeOutOfRange(i64),
    #[error("färgbanden täcker inte riskvärdet {0}")]
    BandGap(u8),
    #[error("färgbanden överlappar vid riskvärdet {0}")]
    BandOverlap(u8),
    #[error(
        "ett färgband går från {from} till {to}, som inte är riskvärden 1–16 i stigande ordning"
    )]
    BandOutOfRange { from: u8, to: u8 },
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade(1), Grade(2), Grade(3), Grade(4)];

    pub fn new(grade: i64) -> Result<Grade, RiskError> {
        if (1..=4).contains(&grade) {
            Ok(Grade(grade as u8))
        } else {
            Err(RiskError::GradeOutOfRange(grade))
        }
    }

    pub const fn value(self) -> u8 {
        self.0
    }
}

/// Riskvärde: sannolikhet × väsentlighet, 1–16.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RiskValue(u8);

impl RiskValue {
    pub const fn of(probability: Grade, materiality: Grade) -> RiskValue {
        RiskValue(probability.0 * materiality.0)
    }

    pub const fn value(self) -> u8 {
        self.0
    }
}

/// The meaning of one grade on a scale, as the document defines it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScaleStep {
    pub grade: Grade,
    /// "Osannolik", "Försumbar" …
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Scales {
    pub probability: Vec<ScaleStep>,
    pub materiality: Vec<ScaleStep>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Handling {
    /// Risken accepteras.
    Accept,
    /// Åtgärd: the risk is reduced by actions.
    Action,
    /// Kontroll: the risk is controlled in the internal control plan.
    Control,
}

impl Handling {
    pub const fn swedish(self) -> &'static str {
        match self {
            Handling::Accept => "Accepteras",
            Handling::Action => "Åtgärd",
            Handling::Control => "Kontroll",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            Handling::Accept => "accept",
            Handling::Action => "action",
            Handling::Control => "control",
        }
    }

    pub fn from_key(key: &str) -> Option<Handling> {
        [Handling::Accept, Handling::Action, Handling::Control]
            .into_iter()
            .find(|handling| handling.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Risk {
    pub id: String,
    pub name: String,
    pub description: String,
    pub probability: Grade,
    pub materiality: Grade,
    /// The risk value the document states, checked against the product.
    pub stated_value: Option<u8>,
    pub handling: Handling,
    /// What is done about it, in Markdown.
    pub handling_text: String,
    /// Riskägare: who answers for the risk.
    pub owner: String,
    /// What kind of risk it is ("Ekonomi", "IT och informationssäkerhet" …), as the board sorts them.
    pub category: String,
    /// The risk as it is judged once its measures are taken (kvarstående risk).
    pub residual: Option<Residual>,
}

impl Risk {
    pub fn value(&self) -> RiskValue {
        RiskValue::of(self.probability, self.materiality)
    }
}

/// Kvarstående risk: the grades a risk is judged at after its measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Residual {
    pub probability: Grade,
    pub materiality: Grade,
}

impl Residual {
    pub fn value(self) -> RiskValue {
        RiskValue::of(self.probability, self.materiality)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grade(value: i64) -> Grade {
        Grade::new(value).expect("test grades are 1–4")
    }

    #[test]
    fn the_risk_value_is_probability_times_materiality() {
        assert_eq!(RiskValue::of(grade(3), grade(4)).value(), 12);
        assert_eq!(RiskValue::of(grade(1), grade(1)).value(), 1);
        assert_eq!(RiskValue::of(grade(4), grade(4)).value(), 16);
    }

    #[test]
    fn grades_outside_one_to_four_are_refused() {
        assert_eq!(Grade::new(0), Err(RiskError::GradeOutOfRange(0)));
        assert_eq!(Grade::new(5), Err(RiskError::GradeOutOfRange(5)));
    }

    #[test]
    fn the_standard_bands_colour_each_value_once() {
        let bands = Bands::standard();
        assert_eq!(bands.band_of(RiskValue::of(grade(1), grade(3))).name, "Låg");
        assert_eq!(
            bands.band_of(RiskValue::of(grade(2), grade(2))).name,
            "Medel"
        );
        assert_eq!(
            bands.band_of(RiskValue::of(grade(2), grade(4))).name,
            "Medel"
        );
        assert_eq!(bands.band_of(RiskValue::of(grade(3), grade(3))).name, "Hög");
        assert!(Bands::new(Bands::standard().bands().to_vec()).is_ok());
    }

    #[test]
    fn bands_with_a_gap_or_an_overlap_are_refused() {
        let band = |from, to| Band {
            name: format!("{from}–{to}"),
            from,
            to,
            colour: "#fff".into(),
            suggested_handling: Handling::Accept,
        };
        assert_eq!(
            Bands::new(vec![band(1, 3), band(5, 16)]),
            Err(RiskError::BandGap(4))
        );
        assert_eq!(
            Bands::new(vec![band(1, 4), band(4, 16)]),
            Err(RiskError::BandOverlap(4))
        );
        assert_eq!(
            Bands::new(vec![band(1, 17)]),
            Err(RiskError::BandOutOfRange { from: 1, to: 17 })
        );
    }

    #[test]
    fn a_band_can_be_configured_differently() {
        let bands = Bands::new(vec![
            Band {
                name: "Grön".into(),
                from: 1,
                to: 5,
                colour: "green".into(),
                suggested_handling: Handling::Accept,
            },
            Band {
                name: "Röd".into(),
                from: 6,
                to: 16,
                colour: "red".into(),
                suggested_handling: Handling::Control,
            },
        ])
        .expect("two bands that cover 1–16");
        assert_eq!(bands.band_of(RiskValue::of(grade(2), grade(3))).name, "Röd");
    }
}
