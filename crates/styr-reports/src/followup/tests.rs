use super::*;
use styr_domain::followup::{Month, OutcomeKey};

/// A board with a förvaltning of two avdelningar that budget their own lines, and a
/// separately reported harbour within it, with a frame each.
const BUDGET: &str = r#"
format = 1
[municipality]
name = "Provkommun"
code = "0000"
[document]
title = "Provnämnden budget 2025"
[budget]
board = "ks"
previous_year = 2024
year = 2025
plan_years = [2026]

[[unit]]
id = "kommun"
name = "Provkommun"
kind = "kommun"
[[unit]]
id = "ks"
name = "Kommunstyrelsen"
kind = "nämnd"
parent = "kommun"
[[unit]]
id = "klk"
name = "Kommunledningskontoret"
kind = "förvaltning"
parent = "ks"
[[unit]]
id = "ekonomi"
name = "Ekonomiavdelningen"
kind = "avdelning"
parent = "klk"
[[unit]]
id = "it"
name = "IT-avdelningen"
kind = "avdelning"
parent = "klk"
[[unit]]
id = "hamn"
name = "Hamnen"
kind = "enhet"
parent = "ks"
separately_reported = true

[[index]]
name = "PKV"
vintage = "test"
values = { 2025 = "2,5" }

[[frame]]
unit = "ks"
heading = "Kommunbidrag"
index = "PKV"
vintage = "test"
[[frame.year]]
year = 2025
amount = 1200

[[frame]]
unit = "hamn"
heading = "Kommunbidrag, hamnen"
index = "PKV"
vintage = "test"
[[frame.year]]
year = 2025
amount = 120

[[operating]]
unit = "ks"
heading = "Driftbudget"
financial_net = { 2025 = 12 }

[[operating]]
unit = "ekonomi"
revenue = { 2025 = 240 }
personnel = { 2025 = -960 }

[[operating]]
unit = "it"
personnel = { 2025 = -480 }
other_costs = { 2025 = -12 }

[[operating]]
unit = "hamn"
heading = "Hamnen"
revenue = { 2025 = 120 }
personnel = { 2025 = -240 }
"#;

fn budget() -> Budget {
    styr_import::parse_budget(BUDGET).expect("the test budget reads")
}

fn month(number: u8) -> Month {
    Month::new(Year::new(2025).expect("a year"), number).expect("a month")
}

/// Personnel booked on a cost centre in each of the first `months` months, debit positive.
fn personnel(cost_centre: &str, tkr: i64, months: u8) -> Vec<(OutcomeKey, Amount)> {
    (1..=months)
        .map(|number| {
            (
                OutcomeKey {
                    account: 5011,
                    cost_centre: Some(cost_centre.into()),
                    month: month(number),
                },
                Amount::from_tkr(tkr),
            )
        })
        .collect()
}

fn outcome(booked: u8) -> Outcome {
    let mut actual = BTreeMap::new();
    for (code, tkr) in [("ekonomi", 90), ("it", 40), ("hamn", 30), ("okänt", 5)] {
        actual.extend(personnel(code, tkr, booked));
    }
    Outcome {
        actual,
        covered: (1..=booked).map(month).collect(),
        ..Outcome::default()
    }
}

fn follow(
    budget: &Budget,
    outcome: &Outcome,
    forecasts: &[Forecast],
    through: Option<u8>,
) -> FollowupReport {
    let cost_centres = with_matching_units(CostCentreMapping::default(), budget, outcome);
    follow_up(&FollowupInput {
        budget: Some(budget),
        version: None,
        outcome,
        accounts: &AccountMapping::kommun_bas(),
        cost_centres: &cost_centres,
        profiles: &BTreeMap::new(),
        forecasts,
        explanations: &[],
        year: Year::new(2025).expect("a year"),
        through,
        title: String::new(),
    })
    .expect("the figures compute")
}

fn personnel_row(group: &GroupFollowup) -> &RowFollowup {
    group
        .row(OperatingRow::Line(LineKind::Personnel))
        .expect("personnel")
}

#[test]
fn a_separately_reported_unit_stands_apart_from_the_boards_total() {
    let budget = budget();
    let report = follow(&budget, &outcome(8), &[], None);
    let harbour = report.group("hamn").expect("the harbour's table");
    assert!(harbour.separately_reported);
    assert_eq!(personnel_row(harbour).ytd_actual, Amount::from_tkr(-240));
    assert_eq!(report.total.name, "Kommunstyrelsen, totalt (exkl. Hamnen)");
    // The board (90 + 40 a month) and the cost centre no unit has (5), not the harbour (30).
    assert_eq!(
        personnel_row(&report.total).ytd_actual,
        Amount::from_tkr(-(90 + 40 + 5) * 8)
    );
    assert_eq!(
        personnel_row(&report.total).year_budget,
        Amount::from_tkr(-1_440)
    );
    let kommunbidrag = report
        .total
        .row(OperatingRow::Kommunbidrag)
        .expect("kommunbidrag");
    assert_eq!(
        kommunbidrag.year_budget,
        Amount::from_tkr(1_200),
        "the board's frame alone"
    );
}

#[test]
fn kommunbidrag_and_the_result_are_rows_and_unbooked_months_have_no_outcome() {
    let budget = budget();
    let report = follow(&budget, &outcome(8), &[], Some(12));
    assert_eq!((report.period, report.through), (12, 8));
    assert!(!report.is_closed());
    assert_eq!(report.unbooked_in_period(), [9, 10, 11, 12]);
    let board = report.group("ks").expect("the board");
    let kommunbidrag = board.row(OperatingRow::Kommunbidrag).expect("kommunbidrag");
    assert_eq!(kommunbidrag.budget[0], Amount::from_tkr(100));
    assert_eq!(
        kommunbidrag.actual[7],
        Some(Amount::from_tkr(100)),
        "allocated"
    );
    assert_eq!(kommunbidrag.actual[8], None, "September is not booked");
    assert_eq!(report.kommunbidrag, KommunbidragSource::Allocated);
    let personnel = personnel_row(board);
    assert_eq!(personnel.actual[8], None);
    assert_eq!(
        personnel.ytd_budget,
        Amount::from_tkr(-960),
        "January–August"
    );
    let result = board.row(OperatingRow::Result).expect("the result");
    // Net cost 240 - 960 - 480 - 12 = -1 212, kommunbidrag 1 200, finansnetto 12: 0.
    assert_eq!(result.year_budget, Amount::ZERO);
    let net = board.row(OperatingRow::NetCost).expect("net cost");
    let financial = board
        .row(OperatingRow::FinancialNet)
        .expect("financial net");
    assert_eq!(
        Ok(result.ytd_actual),
        Amount::try_sum([
            net.ytd_actual,
            kommunbidrag.ytd_actual,
            financial.ytd_actual
        ])
    );
    assert_eq!(
        Ok(result.forecast),
        Amount::try_sum([net.forecast, kommunbidrag.forecast, financial.forecast])
    );
}

#[test]
fn a_forecast_of_an_avdelning_moves_its_forvaltning_and_the_board() {
    let budget = budget();
    let forecast = Forecast {
        unit: UnitId("ekonomi".into()),
        row: OperatingRow::Line(LineKind::Personnel),
        year: Year::new(2025).expect("a year"),
        amount: Amount::from_tkr(-1_080),
        comment: "Två vikarier".into(),
    };
    let report = follow(&budget, &outcome(8), &[forecast], None);
    let unit = |id: &str| report.unit(&UnitId(id.into())).expect("a unit");
    let economy = personnel_row(&unit("ekonomi").group);
    assert_eq!(economy.forecast, Amount::from_tkr(-1_080));
    assert_eq!(economy.forecast_comment, "Två vikarier");
    assert_eq!(economy.forecast_deviation, Amount::from_tkr(-120));
    assert!(economy.significant, "120 tkr and 12,5 %");
    let office = personnel_row(&unit("klk").group);
    assert_eq!(office.forecast, Amount::from_tkr(-1_080 - 480));
    assert!(office.forecast_entered);
    let board = personnel_row(report.group("ks").expect("the board"));
    assert_eq!(board.forecast, Amount::from_tkr(-1_080 - 480));
    assert_eq!(
        personnel_row(&report.total).forecast,
        Amount::from_tkr(-1_080 - 480),
        "the unassigned cost centre has no budget to forecast"
    );
    let it = personnel_row(&unit("it").group);
    assert!(!it.forecast_entered);
    assert_eq!(it.forecast, it.year_budget);
}

#[test]
fn the_tree_opens_from_the_board_to_each_ansvar_with_its_cost_centres() {
    let budget = budget();
    let report = follow(&budget, &outcome(8), &[], None);
    let order: Vec<(&str, u8)> = report
        .units
        .iter()
        .map(|unit| (unit.group.code.as_str(), unit.depth))
        .collect();
    assert_eq!(
        order,
        [
            ("ks", 0),
            ("klk", 1),
            ("ekonomi", 2),
            ("it", 2),
            ("hamn", 0)
        ]
    );
    let office = report.unit(&UnitId("klk".into())).expect("the förvaltning");
    assert_eq!(office.kind, "förvaltning");
    assert_eq!(
        office.children,
        [UnitId("ekonomi".into()), UnitId("it".into())]
    );
    assert_eq!(
        personnel_row(&office.group).ytd_actual,
        Amount::from_tkr(-(90 + 40) * 8)
    );
    assert!(
        office.group.row(OperatingRow::Kommunbidrag).is_none(),
        "no frame of its own"
    );
    let economy = report
        .unit(&UnitId("ekonomi".into()))
        .expect("an avdelning");
    assert_eq!(
        economy.cost_centres,
        [("ekonomi".to_string(), String::new())]
    );
    assert!(economy.has_budget);
    let board = report.unit(&UnitId("ks".into())).expect("the board");
    assert_eq!(
        board.group.rows,
        report.group("ks").expect("the board's table").rows,
        "the board's tree and its table agree"
    );
}

#[test]
fn books_too_large_to_add_up_are_refused_with_the_figure_named() {
    let half = Amount::from_ore(i64::MAX / 2 + 1);
    let booked = |cost_centre: &str| {
        (
            OutcomeKey {
                account: 5011,
                cost_centre: Some(cost_centre.into()),
                month: month(3),
            },
            half,
        )
    };
    let report = |actual: Vec<(OutcomeKey, Amount)>| {
        let outcome = Outcome {
            actual: actual.into_iter().collect(),
            cost_centre_names: [("10".to_string(), "Kansliet".to_string())].into(),
            ..Outcome::default()
        };
        follow_up(&FollowupInput {
            budget: None,
            version: None,
            outcome: &outcome,
            accounts: &AccountMapping::for_chart(None),
            cost_centres: &CostCentreMapping::default(),
            profiles: &BTreeMap::new(),
            forecasts: &[],
            explanations: &[],
            year: Year::new(2025).expect("a year"),
            through: None,
            title: "Provbolaget".into(),
        })
    };
    let each = report(vec![booked("10")]).expect("one booking computes");
    assert_eq!(
        personnel_row(&each.groups[0]).actual[2],
        Some(half.checked_neg().expect("in range"))
    );
    let error = report(vec![booked("10"), booked("11")]).expect_err("the total is too large");
    assert_eq!(
        error.to_string(),
        "Uppföljning 2025, Provbolaget, totalt, Personalkostnader, mars: beloppet blir för stort för att räknas exakt"
    );
}

mod beside {
    //! The investment follow-up, the course of a deviation and what an import changed.

    use super::*;
    use crate::followup::changes::import_changes;
    use crate::followup::course::deviation_course;
    use crate::followup::investments::{InvestmentInput, follow_up_investments};
    use styr_domain::followup::{
        Entered, ForecastEntry, InvestmentKey, ProjectForecast, ProjectMapping, ProjectRule,
    };

    const PLAN: &str = r#"
[investment]
years = [2024, 2025, 2026]
[[investment.project]]
name = "Kaj"
category = "reinvestment"
amounts = { 2024 = 100, 2025 = 1000, 2026 = 2000 }
[[investment.project]]
name = "Skola"
category = "expansion"
amounts = { 2025 = 500, 2026 = 0 }
"#;

    fn invested(
        account: u32,
        project: Option<&str>,
        cost_centre: Option<&str>,
        month_of: Month,
        tkr: i64,
    ) -> (InvestmentKey, Amount) {
        (
            InvestmentKey {
                account,
                cost_centre: cost_centre.map(String::from),
                project: project.map(String::from),
                month: month_of,
            },
            Amount::from_tkr(tkr),
        )
    }

    #[test]
    fn projects_are_followed_up_by_object_and_by_rule_against_the_years_budget() {
        let budget = styr_import::parse_budget(&format!("{BUDGET}{PLAN}")).expect("reads");
        let earlier = Month::new(Year::new(2024).expect("a year"), 11).expect("a month");
        let outcome = Outcome {
            investment: [
                invested(1229, Some("P1"), None, month(2), 300),
                invested(4010, Some("P1"), None, month(3), 50),
                invested(1930, Some("P1"), None, month(3), -350),
                invested(1229, Some("P1"), None, earlier, 80),
                invested(1110, None, Some("it"), month(4), 200),
                invested(1110, Some("P9"), None, month(5), 40),
                invested(1110, Some("P1"), None, month(10), 999),
            ]
            .into_iter()
            .collect(),
            project_names: [
                ("P1".to_string(), "kaj".to_string()),
                ("P9".to_string(), "Okänt".to_string()),
            ]
            .into(),
            covered: (1..=8).map(month).collect(),
            ..Outcome::default()
        };
        let mapping = ProjectMapping::new(
            vec![ProjectRule {
                project: "Skola".into(),
                object: None,
                account_prefix: Some("11".into()),
                cost_centre: Some("it".into()),
            }],
            styr_domain::followup::projects::DEFAULT_INVESTMENT_ACCOUNTS
                .map(String::from)
                .to_vec(),
        )
        .expect("valid rules");
        let booked = std::array::from_fn(|index| index < 8);
        let forecasts = [ProjectForecast {
            project: "Kaj".into(),
            year: Year::new(2025).expect("a year"),
            amount: Amount::from_tkr(700),
            comment: "Upphandlingen drog ut på tiden".into(),
        }];
        let followed = follow_up_investments(&InvestmentInput {
            budget: &budget,
            outcome: &outcome,
            mapping: &mapping,
            forecasts: &forecasts,
            year: Year::new(2025).expect("a year"),
            through: 8,
            booked: &booked,
        })
        .expect("computes");
        let quay = &followed.projects[0];
        assert_eq!(quay.name, "Kaj");
        assert_eq!(
            quay.actual,
            Amount::from_tkr(350),
            "bank is no investment account"
        );
        assert_eq!(quay.months[9], None, "October is not booked");
        assert_eq!(quay.year_budget, Amount::from_tkr(1_000));
        assert_eq!(
            quay.deviation,
            Amount::from_tkr(300),
            "less spent than budgeted"
        );
        assert!(quay.significant);
        assert_eq!(quay.total_budget, Amount::from_tkr(3_100));
        assert_eq!(quay.total_actual, Amount::from_tkr(80 + 350 + 999));
        let school = &followed.projects[1];
        assert_eq!(
            school.actual,
            Amount::from_tkr(200),
            "by account and cost centre"
        );
        assert!(!school.forecast_entered);
        assert_eq!(followed.total.actual, Amount::from_tkr(550));
        assert_eq!(followed.total.forecast, Amount::from_tkr(1_200));
        assert_eq!(followed.categories.len(), 2);
        assert_eq!(followed.unplaced.len(), 1);
        assert_eq!(
            (
                followed.unplaced[0].code.as_str(),
                followed.unplaced[0].name.as_str()
            ),
            ("P9", "Okänt")
        );
    }

    fn entry(tkr: i64, based_on: u8) -> ForecastEntry {
        ForecastEntry {
            forecast: Forecast {
                unit: UnitId("ekonomi".into()),
                row: OperatingRow::Line(LineKind::Personnel),
                year: Year::new(2025).expect("a year"),
                amount: Amount::from_tkr(tkr),
                comment: String::new(),
            },
            entered: Entered {
                by: "anna".into(),
                at: "2025-04-10T08:00:00Z".into(),
                based_on: Some(month(based_on)),
            },
        }
    }

    #[test]
    fn the_course_shows_each_months_deviation_and_the_forecast_then_in_force() {
        let budget = budget();
        let outcome = outcome(8);
        let cost_centres = with_matching_units(CostCentreMapping::default(), &budget, &outcome);
        let entries = [entry(-1_000, 3), entry(-1_080, 6)];
        let current = [entries[1].forecast.clone()];
        let input = FollowupInput {
            budget: Some(&budget),
            version: None,
            outcome: &outcome,
            accounts: &AccountMapping::kommun_bas(),
            cost_centres: &cost_centres,
            profiles: &BTreeMap::new(),
            forecasts: &current,
            explanations: &[],
            year: Year::new(2025).expect("a year"),
            through: None,
            title: String::new(),
        };
        let report = follow_up(&input).expect("computes");
        let course = deviation_course(
            &input,
            &report,
            &entries,
            &UnitId("ks".into()),
            OperatingRow::Result,
        )
        .expect("computes");
        assert_eq!(course.len(), 8);
        assert_eq!(
            course[1].forecast, None,
            "nothing entered before March's outcome"
        );
        assert_eq!(course[2].forecast, Some(Amount::from_tkr(-40)));
        assert_eq!(course[7].forecast, Some(Amount::from_tkr(-120)));
        let result = report
            .group("ks")
            .and_then(|group| group.row(OperatingRow::Result));
        assert_eq!(Some(course[7].to_date), result.map(|row| row.ytd_deviation));
    }

    #[test]
    fn an_import_says_which_months_are_new_and_what_changed() {
        let budget = budget();
        let before = follow(&budget, &outcome(7), &[], None);
        let after = follow(&budget, &outcome(8), &[], None);
        let changes = import_changes(&before, &after, 1, 8).expect("computes");
        assert_eq!(changes.new_months, [8]);
        assert_eq!(changes.replaced_months, [1, 2, 3, 4, 5, 6, 7]);
        let personnel = changes
            .rows
            .iter()
            .find(|change| change.row == OperatingRow::Line(LineKind::Personnel))
            .expect("personnel changed");
        assert_eq!(personnel.before, Some(Amount::from_tkr(-(90 + 40 + 5) * 7)));
        assert_eq!(personnel.after, Amount::from_tkr(-(90 + 40 + 5) * 8));
        let again = import_changes(&after, &after, 1, 8).expect("computes");
        assert!(again.rows.is_empty(), "the same file again changes nothing");
    }
}
