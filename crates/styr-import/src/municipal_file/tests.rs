//! The municipality file read: the demo whole, and each kind of bad input refused with its
//! place and figures, nothing read.

use super::*;

const DEMO: &str = include_str!("../../../../examples/demo/exempelby-kommun.toml");

/// A small municipality: one board with two ansvar, tax and grants, a balanced opening.
pub(super) const SMALL: &str = r#"
format = 1
[municipality]
name = "Provby kommun"
invented = true
[document]
title = "Mål och budget 2026–2027"
[budget]
previous_year = 2025
year = 2026
plan_years = [2027]
[[index]]
name = "PKV"
vintage = "prov"
values = { 2026 = "2,0", 2027 = "3,0" }
[[board]]
id = "ks"
name = "Kommunstyrelsen"
investments = { 2026 = 500 }
[board.frame]
index = "PKV"
vintage = "prov"
[[board.frame.year]]
year = 2025
amount = 1000
[[board.frame.year]]
year = 2026
base = { frame = 2025 }
step = [{ uprating = 2026, share = "100" }]
[[board.frame.year]]
year = 2027
amount = 1050
[[board.ansvar]]
id = "kansli"
name = "Kansliet"
[[board.ansvar]]
id = "ekonomi"
name = "Ekonomi"
parent = "kansli"
[[board.line]]
ansvar = "ekonomi"
group = "50"
amounts = { 2025 = -1000, 2026 = -1020, 2027 = -1050 }
[[central]]
name = "Skatteintäkter"
group = "80"
amounts = { 2025 = 1100, 2026 = 1130, 2027 = 1160 }
source = "prognos"
[balance]
opening = { fixed_assets = 100, current_assets = 50, cash = 10, equity = 60, provisions = 20, long_term_liabilities = 50, current_liabilities = 30 }
[[financial_goal]]
name = "Resultat"
kind = "result_share"
minimum = "2"
"#;

pub(super) fn issues(source: &str) -> Vec<String> {
    match parse_municipal_budget(source) {
        Ok(_) => panic!("read although it should not be"),
        Err(issues) => issues
            .iter()
            .map(|issue| format!("rad {}: {}", issue.line, issue.message))
            .collect(),
    }
}

#[test]
fn the_demo_municipality_reads_with_its_boards_and_ansvar() {
    let budget = parse_municipal_budget(DEMO).unwrap_or_else(|issues| panic!("{issues:?}"));
    assert!(budget.invented);
    assert_eq!(budget.municipality.name, "Exempelby kommun");
    assert_eq!(budget.boards.len(), 9);
    let ansvar: usize = budget.boards.iter().map(|board| board.ansvar.len()).sum();
    assert!((250..=400).contains(&ansvar), "{ansvar} ansvar");
    assert_eq!(budget.columns().len(), 4);
    assert_eq!(budget.goals.len(), 3);
}

#[test]
fn a_small_municipality_reads() {
    let budget = parse_municipal_budget(SMALL).unwrap_or_else(|issues| panic!("{issues:?}"));
    let board = &budget.boards[0];
    assert_eq!(board.lines[0].ansvar, 1);
    assert_eq!(board.investments[0], styr_domain::money::Amount::ZERO);
    assert_eq!(board.subtree(0), vec![0, 1]);
}

#[test]
fn a_line_on_an_ansvar_of_no_board_is_refused_with_its_line() {
    let found = issues(&SMALL.replace("ansvar = \"ekonomi\"", "ansvar = \"skola\""));
    assert!(
        found
            .iter()
            .any(|issue| issue.contains("ansvaret ”skola” hör inte till Kommunstyrelsen")),
        "{found:?}"
    );
}

#[test]
fn tax_budgeted_by_a_board_is_refused() {
    let found = issues(&SMALL.replace("group = \"50\"", "group = \"80\""));
    assert!(
        found
            .iter()
            .any(|issue| issue.contains("budgeteras centralt")),
        "{found:?}"
    );
    let found = issues(&SMALL.replace("group = \"50\"", "group = \"81\""));
    assert!(
        found.iter().any(|issue| issue.contains("ingen kontogrupp")),
        "{found:?}"
    );
}

#[test]
fn an_ansvar_under_itself_is_a_cycle() {
    let source = SMALL.replace(
        "id = \"kansli\"\nname = \"Kansliet\"",
        "id = \"kansli\"\nname = \"Kansliet\"\nparent = \"ekonomi\"",
    );
    let found = issues(&source);
    assert!(
        found
            .iter()
            .any(|issue| issue.contains("hamnar under sig självt")),
        "{found:?}"
    );
}

#[test]
fn an_opening_balance_that_does_not_balance_names_both_sides() {
    let found = issues(&SMALL.replace("cash = 10", "cash = 11"));
    assert!(
        found.iter().any(|issue| issue.contains(
            "tillgångarna är 161 tkr men eget kapital, avsättningar och skulder 160 tkr"
        )),
        "{found:?}"
    );
}

#[test]
fn a_plan_year_out_of_order_and_a_missing_year_are_refused() {
    let found = issues(&SMALL.replace("plan_years = [2027]", "plan_years = [2026]"));
    assert!(
        found
            .iter()
            .any(|issue| issue.contains("planåret 2026 ska följa efter 2026")),
        "{found:?}"
    );
    let found = issues(&SMALL.replace(
        "amounts = { 2025 = -1000, 2026 = -1020, 2027 = -1050 }",
        "amounts = { 2025 = -1000, 2026 = -1020 }",
    ));
    assert!(
        found
            .iter()
            .any(|issue| issue.contains("belopp saknas för 2027")),
        "{found:?}"
    );
    let found = issues(&SMALL.replace(
        "amounts = { 2025 = -1000, 2026 = -1020, 2027 = -1050 }",
        "amounts = { 2025 = -1000, 2026 = -1020, 2027 = -1050, 2031 = 5 }",
    ));
    assert!(
        found
            .iter()
            .any(|issue| issue.contains("2031 är inget av budgetens år (2025–2027)")),
        "{found:?}"
    );
}

#[test]
fn a_frame_without_a_year_of_the_budget_is_refused() {
    let found = issues(&SMALL.replace("[[board.frame.year]]\nyear = 2027\namount = 1050\n", ""));
    assert!(
        found.iter().any(
            |issue| issue.contains("ramen för Kommunstyrelsen har inget kommunbidrag för 2027")
        ),
        "{found:?}"
    );
}
