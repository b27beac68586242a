//! The risk analysis report: the register with values and colour bands, the scale
//! definitions, and the 4×4 matrix with the risks placed in it.

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::risk::{Band, Grade, Handling, RiskValue, ScaleStep};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RiskRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub probability: u8,
    pub materiality: u8,
    pub value: u8,
    pub band: String,
    pub colour: String,
    pub handling: Handling,
    pub handling_text: String,
}

/// One cell of the matrix: a probability and materiality, its value and colour, and its risks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MatrixCell {
    pub probability: u8,
    pub materiality: u8,
    pub value: u8,
    pub band: String,
    pub colour: String,
    pub risks: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RiskReport {
    pub probability_scale: Vec<ScaleStep>,
    pub materiality_scale: Vec<ScaleStep>,
    pub bands: Vec<Band>,
    /// Highest value first, as the reference orders its register.
    pub risks: Vec<RiskRow>,
    /// Rows from probability 4 down to 1, each with materiality 1 to 4: the matrix as drawn.
    pub matrix: Vec<Vec<MatrixCell>>,
}

pub fn risk_report(budget: &Budget) -> RiskReport {
    let mut risks: Vec<RiskRow> = budget
        .risks
        .iter()
        .map(|risk| {
            let band = budget.bands.band_of(risk.value());
            RiskRow {
                id: risk.id.clone(),
                name: risk.name.clone(),
                description: risk.description.clone(),
                probability: risk.probability.value(),
                materiality: risk.materiality.value(),
                value: risk.value().value(),
                band: band.name.clone(),
                colour: band.colour.clone(),
                handling: risk.handling,
                handling_text: risk.handling_text.clone(),
            }
        })
        .collect();
    // A stable sort keeps the register's own order among equal values.
    risks.sort_by_key(|risk| std::cmp::Reverse(risk.value));
    let matrix = Grade::ALL
        .iter()
        .rev()
        .map(|probability| {
            Grade::ALL
                .iter()
                .map(|materiality| {
                    let value = RiskValue::of(*probability, *materiality);
                    let band = budget.bands.band_of(value);
                    MatrixCell {
                        probability: probability.value(),
                        materiality: materiality.value(),
                        value: value.value(),
                        band: band.name.clone(),
                        colour: band.colour.clone(),
                        risks: budget
                            .risks
                            .iter()
                            .filter(|risk| {
                                risk.probability == *probability && risk.materiality == *materiality
                            })
                            .map(|risk| risk.name.clone())
                            .collect(),
                    }
                })
                .collect()
        })
        .collect();
    RiskReport {
        probability_scale: budget.scales.probability.clone(),
        materiality_scale: budget.scales.materiality.clone(),
        bands: budget.bands.bands().to_vec(),
        risks,
        matrix,
    }
}

/// A row of the internal control plan, with the risk's value from the risk analysis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ControlRow {
    pub risk: String,
    pub description: String,
    pub value: u8,
    pub method: String,
    pub responsible: String,
}

pub fn control_plan(budget: &Budget) -> Vec<ControlRow> {
    budget
        .controls
        .iter()
        .filter_map(|control| {
            let risk = budget.risk(&control.risk)?;
            Some(ControlRow {
                risk: risk.name.clone(),
                description: control.description.clone(),
                value: risk.value().value(),
                method: control.method.clone(),
                responsible: control.responsible.clone(),
            })
        })
        .collect()
}
