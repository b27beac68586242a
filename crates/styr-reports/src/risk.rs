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

/// The plan's rows, highest riskvärde first (a stable sort keeps the plan's own order among
/// equal values, as the reference lists them).
pub fn control_plan(budget: &Budget) -> Vec<ControlRow> {
    let mut rows: Vec<ControlRow> = budget
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
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.value));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_budget::small_budget;

    #[test]
    fn the_matrix_places_each_risk_in_its_cell_with_its_band() {
        let report = risk_report(&small_budget());
        // Row 0 is probability 4; row 1 is probability 3. Column 3 is materiality 4.
        let cell = &report.matrix[1][3];
        assert_eq!((cell.probability, cell.materiality, cell.value), (3, 4, 12));
        assert_eq!(cell.band, "Hög");
        assert_eq!(cell.risks, ["Brand", "Översvämning"]);
        assert_eq!(report.matrix[3][1].risks, ["Dataintrång"]);
        assert_eq!(report.matrix[3][1].band, "Låg");
        assert_eq!(
            report
                .matrix
                .iter()
                .flatten()
                .map(|cell| cell.risks.len())
                .sum::<usize>(),
            3
        );
    }

    #[test]
    fn the_register_is_ordered_by_value_keeping_the_file_order_among_equals() {
        let report = risk_report(&small_budget());
        let names: Vec<&str> = report.risks.iter().map(|risk| risk.name.as_str()).collect();
        assert_eq!(names, ["Brand", "Översvämning", "Dataintrång"]);
    }

    #[test]
    fn the_control_plan_takes_the_value_and_name_from_the_risk_analysis() {
        let plan = control_plan(&small_budget());
        assert_eq!(plan.len(), 1);
        assert_eq!((plan[0].risk.as_str(), plan[0].value), ("Brand", 12));
    }
}
