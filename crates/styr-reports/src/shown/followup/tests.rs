use super::*;
use crate::followup::{BudgetSource, KommunbidragSource};
use styr_domain::calendar::Year;
use styr_domain::followup::Month;

/// A row whose twelve months are `budget` and `actual` kronor each, booked through `booked`.
fn row(row: OperatingRow, budget: i64, actual: i64, booked: u8) -> RowFollowup {
    let year_budget = Amount::from_kr(budget * 12);
    let through = i64::from(booked);
    RowFollowup {
        row,
        label: row.label(),
        budget: [Amount::from_kr(budget); 12],
        actual: std::array::from_fn(|index| {
            (index < usize::from(booked)).then_some(Amount::from_kr(actual))
        }),
        year_budget,
        ytd_budget: Amount::from_kr(budget * through),
        ytd_actual: Amount::from_kr(actual * through),
        ytd_deviation: Amount::from_kr((actual - budget) * through),
        forecast: year_budget,
        forecast_entered: false,
        forecast_comment: String::new(),
        forecast_deviation: Amount::ZERO,
        explanation: None,
        significant: false,
    }
}

/// A table of five lines whose kronor do not round to tkr one by one, with its sums.
fn group(booked: u8) -> GroupFollowup {
    let lines = [
        (LineKind::Revenue, 9_050_733, 9_120_401),
        (LineKind::Personnel, -9_683_750, -9_601_333),
        (LineKind::PremisesRent, -688_333, -690_500),
        (LineKind::PurchasedServices, -4_593_750, -4_700_250),
        (LineKind::OtherCosts, -3_971_000, -3_802_700),
    ];
    let mut rows: Vec<RowFollowup> = lines
        .iter()
        .map(|(kind, budget, actual)| row(OperatingRow::Line(*kind), *budget, *actual, booked))
        .collect();
    let sum = |kinds: &[LineKind], pick: fn(&(LineKind, i64, i64)) -> i64| -> i64 {
        lines
            .iter()
            .filter(|line| kinds.contains(&line.0))
            .map(pick)
            .sum()
    };
    let costs_budget = sum(&LineKind::COSTS, |line| line.1);
    let costs_actual = sum(&LineKind::COSTS, |line| line.2);
    rows.push(row(OperatingRow::Costs, costs_budget, costs_actual, booked));
    let net_budget = sum(&LineKind::ALL, |line| line.1);
    let net_actual = sum(&LineKind::ALL, |line| line.2);
    rows.push(row(OperatingRow::NetCost, net_budget, net_actual, booked));
    rows.push(row(
        OperatingRow::Kommunbidrag,
        9_877_917,
        9_877_917,
        booked,
    ));
    rows.push(row(OperatingRow::FinancialNet, 8_333, 9_100, booked));
    rows.push(row(
        OperatingRow::Result,
        net_budget + 9_877_917 + 8_333,
        net_actual + 9_877_917 + 9_100,
        booked,
    ));
    GroupFollowup {
        code: "ks".into(),
        unit: None,
        name: "Kommunstyrelsen".into(),
        separately_reported: false,
        rows,
    }
}

fn report(group: &GroupFollowup, booked: u8) -> FollowupReport {
    FollowupReport {
        title: "Kommunstyrelsen".into(),
        year: Year::new(2025).expect("a year"),
        version: None,
        period: 8,
        through: booked,
        booked: std::array::from_fn(|index| index < usize::from(booked)),
        budget_source: BudgetSource::Budget,
        kommunbidrag: KommunbidragSource::Allocated,
        groups: Vec::new(),
        total: group.clone(),
        units: Vec::new(),
        unmapped_accounts: Vec::new(),
        unmapped_cost_centres: Vec::new(),
        excluded: Amount::ZERO,
    }
}

#[test]
fn a_shown_table_adds_up_and_subtracts_as_printed() {
    let group = group(8);
    let shown = table(&group).expect("in range");
    let value =
        |row: OperatingRow, pick: fn(&ShownRow) -> Amount| pick(shown.row(row).expect("a row"));
    let picks: [fn(&ShownRow) -> Amount; 7] = [
        |row| row.year_budget,
        |row| row.budget,
        |row| row.actual,
        |row| row.deviation,
        |row| row.forecast,
        |row| row.forecast_deviation,
        |row| row.actual,
    ];
    for pick in picks {
        let costs =
            Amount::try_sum(LineKind::COSTS.map(|kind| value(OperatingRow::Line(kind), pick)))
                .expect("in range");
        assert_eq!(value(OperatingRow::Costs, pick), costs);
        let net = value(OperatingRow::Line(LineKind::Revenue), pick)
            .checked_add(costs)
            .expect("in range");
        assert_eq!(value(OperatingRow::NetCost, pick), net);
        let result = Amount::try_sum([
            net,
            value(OperatingRow::Kommunbidrag, pick),
            value(OperatingRow::FinancialNet, pick),
        ])
        .expect("in range");
        assert_eq!(value(OperatingRow::Result, pick), result);
    }
    for shown_row in &shown.rows {
        assert_eq!(shown_row.year_budget.ore() % 100_000, 0, "whole tkr");
        assert_eq!(
            Ok(shown_row.deviation),
            shown_row.actual.checked_sub(shown_row.budget)
        );
        let exact = group
            .rows
            .iter()
            .find(|row| row.row == shown_row.row)
            .expect("a row");
        let off = shown_row
            .actual
            .checked_sub(exact.ytd_actual)
            .expect("in range");
        assert!(
            off.unsigned_abs() < 200_000,
            "within two steps of the exact {exact:?}"
        );
    }
}

#[test]
fn the_months_run_up_to_the_table_and_unbooked_months_have_no_outcome() {
    let group = group(6);
    let report = report(&group, 6);
    let shown = table(&group).expect("in range");
    let net = group.row(OperatingRow::NetCost).expect("net cost");
    let shown_net = shown.row(OperatingRow::NetCost).expect("net cost");
    let months = months(&report, net, shown_net).expect("in range");
    assert_eq!(months.len(), 8, "the period runs to August");
    assert_eq!(months[5].actual_to_date, Some(shown_net.actual));
    assert_eq!(months[5].budget_to_date, shown_net.budget);
    assert_eq!(months[6].actual, None, "July is not booked");
    assert_eq!(months[6].deviation_to_date, None);
    let month = Month::new(report.year, 7).expect("July");
    assert_eq!(month.name(), "juli");
}

#[test]
fn a_result_reads_as_a_deficit_a_surplus_or_a_balance() {
    assert_eq!(
        result_words(Amount::from_tkr(-1_234)),
        "ett underskott om 1,2 mnkr"
    );
    assert_eq!(
        result_words(Amount::from_tkr(233)),
        "ett överskott om 233 tkr"
    );
    assert_eq!(result_words(Amount::ZERO), "ett resultat i balans");
    let group = group(8);
    let report = report(&group, 8);
    let shown = table(&group).expect("in range");
    let sentence = result_sentence(&report, "Kommunstyrelsen", &shown).expect("a result row");
    assert!(
        sentence.starts_with("Kommunstyrelsen prognostiserar ett "),
        "{sentence}"
    );
    assert!(sentence.ends_with(" för helåret 2025."), "{sentence}");
}
