//! A consistent budget with one figure changed: the check reports exactly that place, and
//! nothing else. Each mutation is the kind of slip a budget document goes to the council with.

use std::path::PathBuf;

use styr_reports::check::{Severity, check};

fn consistent() -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/consistent.toml"),
    )
    .expect("the consistent fixture exists")
}

/// The findings of the consistent budget with `from` replaced by `to` (once, and it must occur).
fn findings_after(from: &str, to: &str) -> Vec<(Severity, String, String)> {
    let source = consistent();
    assert_eq!(
        source.matches(from).count(),
        1,
        "the mutation ”{from}” is unambiguous"
    );
    let budget =
        styr_import::parse_budget(&source.replacen(from, to, 1)).expect("the mutated budget reads");
    check(&budget)
        .into_iter()
        .map(|finding| (finding.severity, finding.section, finding.place))
        .collect()
}

#[test]
fn the_unmutated_budget_is_consistent() {
    let budget = styr_import::parse_budget(&consistent()).expect("it reads");
    assert!(check(&budget).is_empty());
}

#[test]
fn a_changed_subtotal_is_reported_at_its_row_and_year() {
    assert_eq!(
        findings_after(
            "costs = { 2024 = -10700, 2025 = -11421",
            "costs = { 2024 = -10700, 2025 = -11521"
        ),
        [(
            Severity::Error,
            "Ekonomiska ramar, kultur- och fritidsnämnden".into(),
            "Verksamhetens kostnader, Budget 2025".into()
        )]
    );
}

#[test]
fn a_subtotal_one_tkr_off_is_rounding() {
    assert_eq!(
        findings_after("net_cost = { 2024 = -10000", "net_cost = { 2024 = -10001"),
        [(
            Severity::Rounding,
            "Ekonomiska ramar, kultur- och fritidsnämnden".into(),
            "Verksamhetens nettokostnader, Budget 2024".into()
        )]
    );
}

#[test]
fn a_changed_line_shows_in_every_row_that_adds_it_up() {
    let findings = findings_after(
        "premises_rent = { 2024 = -1500, 2025 = -1540",
        "premises_rent = { 2024 = -1500, 2025 = -1640",
    );
    let places: Vec<&str> = findings
        .iter()
        .map(|(_, _, place)| place.as_str())
        .collect();
    assert_eq!(
        places,
        [
            "Verksamhetens kostnader, Budget 2025",
            "Verksamhetens nettokostnader, Budget 2025",
            // 100 tkr more rent against the same kommunbidrag: the budget no longer balances.
            "Årets resultat, Budget 2025: underskott mot ramen",
        ]
    );
}

#[test]
fn a_changed_sentence_figure_is_reported_with_the_sentence() {
    let findings = findings_after("sum = \"8,4 mnkr\"", "sum = \"8,6 mnkr\"");
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].2,
        "”Investeringarna uppgår till sammanlagt 8,4 mnkr åren 2025–2027.”"
    );
}

#[test]
fn a_swapped_unit_is_reported() {
    let findings = findings_after("result = \"10,2 mnkr\"", "result = \"10,2 tkr\"");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].0, Severity::Error);
}

#[test]
fn a_wrong_year_is_reported() {
    let findings = findings_after(
        "years = [2024, 2025]\n\n[[risk]]",
        "years = [2023, 2024]\n\n[[risk]]",
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].2, "”Kommunbidraget ökar med 0,5 mnkr.”");
}

#[test]
fn a_wrong_direction_is_reported() {
    let findings = findings_after(
        "change = \"ökar med 0,3 mnkr\"",
        "change = \"minskar med 0,3 mnkr\"",
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].0, Severity::Error);
}

#[test]
fn a_wrong_risk_value_is_reported_in_both_tables() {
    assert_eq!(
        findings_after("value = 4\nhandling", "value = 6\nhandling").len(),
        1
    );
    assert_eq!(
        findings_after(
            "risk_name = \"Brand i biblioteket\"\nvalue = 4",
            "risk_name = \"Brand i biblioteket\"\nvalue = 8"
        )
        .len(),
        1
    );
}

#[test]
fn a_misspelled_risk_in_the_control_plan_is_a_warning() {
    let findings = findings_after(
        "risk_name = \"Brand i biblioteket\"",
        "risk_name = \"Brand i bibloteket\"",
    );
    assert_eq!(
        findings,
        [(
            Severity::Warning,
            "Internkontrollplan".into(),
            "Brand i bibloteket".into()
        )]
    );
}

#[test]
fn a_changed_kommunbidrag_disagrees_with_the_frame() {
    let findings = findings_after(
        "kommunbidrag = { 2024 = 10000, 2025 = 10500",
        "kommunbidrag = { 2024 = 10000, 2025 = 10600",
    );
    assert_eq!(
        findings,
        [(
            Severity::Error,
            "Ekonomiska ramar, kultur- och fritidsnämnden".into(),
            "Kommunbidrag, Budget 2025".into()
        )]
    );
}

#[test]
fn a_changed_pkv_moves_every_derived_year() {
    let findings = findings_after("2025 = \"2,5\"", "2025 = \"2,6\"");
    let places: Vec<&str> = findings
        .iter()
        .map(|(_, _, place)| place.as_str())
        .collect();
    assert_eq!(
        places,
        ["Kommunbidrag, Plan 2026", "Kommunbidrag, Plan 2027"]
    );
}
