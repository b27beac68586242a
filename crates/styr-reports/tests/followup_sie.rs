//! Budget versus actual straight from a SIE file: `54_transaktioner_ovnbolag.se` has the
//! accounting system's monthly budget (#PBUDGET) and its vouchers carry result units (Nord,
//! Syd) in dimension 1. The expected figures below were summed by hand from the file's lines
//! (results accounts 3000–8799 under the BAS mapping; budget sign, revenue positive).

use std::collections::BTreeMap;
use std::path::PathBuf;

use styr_domain::calendar::Year;
use styr_domain::followup::{AccountMapping, CostCentreMapping};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_import::sie::{OutcomeSink, read_sie};
use styr_reports::followup::{
    BudgetSource, FollowupInput, FollowupReport, GroupFollowup, follow_up,
};

fn report() -> Option<FollowupReport> {
    // ../shared beside the project, or STYR_SHARED where the checkout sits elsewhere.
    let path = std::env::var_os("STYR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join("fixtures/sie/54_transaktioner_ovnbolag.se");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "skipped: {} is not here (../shared is absent)",
            path.display()
        );
        return None;
    };
    let mut sink = OutcomeSink::default();
    let file = read_sie(bytes.as_slice(), &mut sink).expect("the file reads");
    let outcome = sink.into_outcome(&file);
    let accounts = AccountMapping::for_chart(file.header.chart_type.as_deref());
    Some(
        follow_up(&FollowupInput {
            budget: None,
            version: None,
            outcome: &outcome,
            accounts: &accounts,
            cost_centres: &CostCentreMapping::default(),
            profiles: &BTreeMap::new(),
            forecasts: &[],
            explanations: &[],
            year: Year::new(2011).expect("a year"),
            through: None,
            title: file.header.company_name.clone().unwrap_or_default(),
        })
        .expect("the figures are in range"),
    )
}

/// Two amounts added, as the tests add them.
fn plus(one: Amount, other: Amount) -> Amount {
    one.checked_add(other).expect("in range")
}

/// Net cost plus financial items: the result the company's budget is set for.
fn result_to_date(group: &GroupFollowup) -> (Amount, Amount) {
    let net = group.row(OperatingRow::NetCost).expect("net cost");
    let financial = group
        .row(OperatingRow::FinancialNet)
        .expect("financial net");
    (
        plus(net.ytd_budget, financial.ytd_budget),
        plus(net.ytd_actual, financial.ytd_actual),
    )
}

fn kr(kronor: i64, ore: i64) -> Amount {
    Amount::from_ore(kronor * 100 + kronor.signum() * ore)
}

#[test]
fn pbudget_against_the_vouchers_per_result_unit() {
    let Some(report) = report() else { return };
    assert_eq!(report.title, "Övningsbolaget AB (Ekonomi 60)");
    assert_eq!(report.budget_source, BudgetSource::PeriodBudget);
    // Vouchers run January to March.
    assert_eq!(report.through, 3);

    // The whole company: 66 653 kr a month budgeted, 800 000 kr for the year.
    let (budget, actual) = result_to_date(&report.total);
    assert_eq!(budget, Amount::from_kr(199_959));
    assert_eq!(actual, kr(277_798, 46));
    let net = report.total.row(OperatingRow::NetCost).expect("net cost");
    let financial = report
        .total
        .row(OperatingRow::FinancialNet)
        .expect("financial net");
    assert_eq!(
        plus(net.year_budget, financial.year_budget),
        Amount::from_kr(800_000)
    );
    assert_eq!(
        (
            plus(net.budget[0], financial.budget[0]),
            plus(net.budget[4], financial.budget[4])
        ),
        (Amount::from_kr(66_653), Amount::from_kr(66_666))
    );

    // Per result unit: the #PBUDGET lines carry no object, so the budget is the company's;
    // the outcome splits over Nord, Syd and the rows without a result unit.
    let group = |code: &str| {
        report
            .groups
            .iter()
            .find(|group| group.code == code)
            .unwrap_or_else(|| panic!("a group {code}"))
    };
    assert_eq!(group("Nord").name, "Kontor Nord");
    assert_eq!(result_to_date(group("Nord")).1, kr(40_356, 48));
    assert_eq!(result_to_date(group("Syd")).1, kr(-273_975, 2));
    assert_eq!(
        result_to_date(group("ej fördelat")).1,
        Amount::from_kr(511_417)
    );
    assert_eq!(
        result_to_date(group("ej fördelat")).0,
        Amount::from_kr(199_959)
    );
    let revenue = |code: &str| {
        group(code)
            .row(OperatingRow::Line(LineKind::Revenue))
            .expect("revenue")
            .ytd_actual
    };
    assert_eq!(revenue("Nord"), kr(214_180, 40));
    assert_eq!(revenue("Syd"), kr(139_310, 50));
    assert!(report.unmapped_accounts.is_empty());
    assert_eq!(report.excluded, Amount::ZERO);
}
