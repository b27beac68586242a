//! The municipality's report on the demo: every statement holds together as shown, the boards
//! fit their frames, and a board that does not is found on the council level.

use styr_domain::money::Amount;
use styr_domain::municipal::MunicipalBudget;

use super::*;

fn demo() -> MunicipalBudget {
    styr_import::parse_municipal_budget(include_str!(
        "../../../../examples/demo/exempelby-kommun.toml"
    ))
    .unwrap_or_else(|issues| panic!("{issues:?}"))
}

fn shown(table: &StatementTable, label: &str) -> Vec<Amount> {
    table
        .row(label)
        .unwrap_or_else(|| panic!("{label} saknas i {}", table.heading))
        .shown
        .clone()
}

#[test]
fn the_demo_boards_fit_their_frames_and_nothing_is_found() {
    let report = municipal_report(&demo()).expect("as expected");
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    for board in &report.boards {
        assert!(
            board.result.iter().all(|result| result.is_zero()),
            "{}",
            board.name
        );
    }
}

#[test]
fn the_statements_tie_to_each_other_as_shown() {
    let report = municipal_report(&demo()).expect("as expected");
    // The driftbudget per nämnd ends in the resultatbudget's net costs.
    assert_eq!(
        shown(&report.operating, OPERATING_NET),
        shown(&report.income, OPERATING_NET)
    );
    // The balance sheet balances in every column.
    assert_eq!(
        shown(&report.balance_sheet, "Summa tillgångar"),
        shown(
            &report.balance_sheet,
            "Summa eget kapital, avsättningar och skulder"
        )
    );
    // The cash flow's closing cash is the balance sheet's.
    assert_eq!(
        shown(&report.cash_flow, "Likvida medel vid årets slut"),
        shown(&report.balance_sheet, "Likvida medel")
    );
    // Each year's opening cash is the year before's closing cash.
    let opening = shown(&report.cash_flow, "Likvida medel vid årets början");
    let closing = shown(&report.cash_flow, "Likvida medel vid årets slut");
    assert_eq!(opening[1..], closing[..closing.len() - 1]);
    // Equity grows by the year's result.
    let equity = shown(&report.balance_sheet, "Eget kapital");
    let result = shown(&report.income, RESULT);
    for column in 1..equity.len() {
        assert_eq!(
            equity[column].checked_sub(equity[column - 1]),
            Ok(result[column])
        );
    }
    // The frames' sum is the boards' kommunbidrag; the derivation table adds up as printed.
    let total = &report.frame_changes_total;
    assert_eq!(
        total
            .previous
            .checked_add(total.uprating)
            .and_then(|sum| sum.checked_add(total.changes)),
        Ok(total.frame)
    );
    assert_eq!(shown(&report.frames, FRAMES_TOTAL)[1], total.frame);
}

#[test]
fn a_board_outside_its_frame_is_found_with_its_figures() {
    let mut budget = demo();
    let line = &mut budget.boards[2].lines[0];
    line.amounts[1] = line.amounts[1]
        .checked_sub(Amount::from_tkr(1_200))
        .expect("as expected");
    let report = municipal_report(&budget).expect("as expected");
    assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
    let finding = &report.findings[0];
    assert_eq!(finding.place, "Socialnämnden, 2026");
    assert!(
        finding.note.contains("ger ett resultat på -1 200 tkr"),
        "{}",
        finding.note
    );
}

#[test]
fn the_result_goal_follows_the_result() {
    let mut budget = demo();
    let report = municipal_report(&budget).expect("as expected");
    let goal = &report.goals[0];
    assert_eq!(goal.years[1].met, Some(true));
    assert_eq!(goal.years[1].shown(), "2,1 %");
    // Taxes 100 mnkr lower in 2026 take the result below 2 % of tax and grants.
    let tax = budget
        .central
        .iter_mut()
        .find(|item| item.name == "Skatteintäkter")
        .expect("as expected");
    tax.amounts[1] = tax.amounts[1]
        .checked_sub(Amount::from_tkr(100_000))
        .expect("as expected");
    let report = municipal_report(&budget).expect("as expected");
    assert_eq!(report.goals[0].years[1].met, Some(false));
    assert!(
        report.sentences.goals[0].contains("uppfylls inte 2026"),
        "{}",
        report.sentences.goals[0]
    );
    // And the balanskrav with it: the result is negative.
    assert!(
        report
            .findings
            .iter()
            .any(|finding| finding.section == "Balanskravsutredning")
    );
}

#[test]
fn a_municipality_without_a_board_computes_to_zeros() {
    let values = [("2027", "3,0"), ("2028", "3,1")]
        .map(|(year, percent)| (year.to_string(), percent.to_string()))
        .into();
    let source = styr_import::municipal_file::new_municipality(
        &styr_import::municipal_file::NewMunicipality {
            name: "Nyby kommun",
            code: "9998",
            year: 2027,
            plan_years: 1,
            vintage: "prov",
            values: &values,
            invented: true,
        },
    )
    .expect("made");
    let budget = styr_import::parse_municipal_budget(&source).expect("reads");
    let report = municipal_report(&budget).expect("computes without a board");
    assert_eq!(
        shown(
            &report.cash_flow,
            "Investeringar i materiella anläggningstillgångar"
        )
        .len(),
        3
    );
    assert!(
        report
            .investments
            .lines
            .iter()
            .all(|line| line.exact.len() == 3)
    );
}
