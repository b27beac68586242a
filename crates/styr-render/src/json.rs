//! The budget report as JSON: the same values the other formats show, exact (amounts in öre).

use styr_reports::BudgetReport;

pub fn json(report: &BudgetReport) -> String {
    // Serialising plain data structs to a String cannot fail: no maps with non-string keys.
    serde_json::to_string_pretty(report).expect("report values serialise to JSON")
}

/// The municipality's report as JSON: every table exact in öre and as shown, the goals, the
/// findings and the sentences.
pub fn municipal_json(report: &styr_reports::municipal::MunicipalReport) -> String {
    // As above: plain data structs with string keys only.
    serde_json::to_string_pretty(report).expect("report values serialise to JSON")
}
