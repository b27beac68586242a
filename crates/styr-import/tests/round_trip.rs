//! Export and import are inverses: a budget written as a budget file reads back equal, so no
//! figure, text or stated assertion is lost on the way through `styr export`.

use styr_import::{parse_budget, write_budget};

fn round_trip(source: &str) {
    let budget = parse_budget(source).expect("the original reads");
    let written = write_budget(&budget);
    let again = match parse_budget(&written) {
        Ok(again) => again,
        Err(issues) => panic!("the written file reads back: {}\n{written}", issues[0]),
    };
    assert_eq!(again, budget);
    assert_eq!(write_budget(&again), written, "writing is stable");
}

#[test]
fn the_reference_budget_survives_a_round_trip() {
    round_trip(include_str!("../../../examples/alingsas-ks-2025.toml"));
}

#[test]
fn the_consistent_fixture_survives_a_round_trip() {
    round_trip(include_str!(
        "../../styr-cli/tests/fixtures/consistent.toml"
    ));
}

#[test]
fn control_results_and_odd_text_survive_a_round_trip() {
    let source = include_str!("../../styr-cli/tests/fixtures/consistent.toml").replace(
        "responsible = \"Bibliotekschef\"",
        "responsible = \"Bibliotekschef \\\"tf\\\" \\\\ vikarie\"\n\n[[control.result]]\nperformed_on = 2025-05-12\nsample = \"Två protokoll\"\ndeviations_found = 1\ndeviations = '''\nEtt protokoll saknade underskrift.\n'''\nactions = \"Rutinen ''' förtydligas.\"\n",
    );
    round_trip(&source);
}

#[test]
fn every_detail_of_projects_risks_and_controls_survives_a_round_trip() {
    let source = include_str!("../../styr-cli/tests/fixtures/consistent.toml")
        .replace(
            "amounts = { 2025 = 4000, 2026 = 2000, 2027 = 0 }",
            "amounts = { 2025 = 4000, 2026 = 2000, 2027 = 0 }\ntotal_budget = 6500\nstart = 2025-03-01\nend = 2026-10-31\nowner = \"Fritidschef\"\nstatus = \"ongoing\"\ncapital_costs = { 2026 = -310, 2027 = \"-305,50 kr\" }\noperating_effects = { 2026 = -120 }",
        )
        .replace(
            "handling_text = \"Brandskyddsrond två gånger per år.\"",
            "handling_text = \"Brandskyddsrond två gånger per år.\"\nowner = \"Bibliotekschef\"\ncategory = \"Egendom\"\nresidual_probability = 1\nresidual_materiality = 2",
        )
        .replace(
            "responsible = \"Bibliotekschef\"",
            "responsible = \"Bibliotekschef\"\nfrequency = \"tertial\"\nplanned_on = 2025-04-30\nreport_by = 2025-09-30\nstatus = \"done\"\nconclusion = '''\nRonderna hålls enligt plan.\n'''",
        );
    let budget = parse_budget(&source).expect("reads");
    let project = &budget.investment.projects[0];
    assert_eq!(project.owner, "Fritidschef");
    assert_eq!(project.operating_effects.len(), 2);
    assert_eq!(
        budget.controls[0].schedule.frequency,
        styr_domain::internal_control::Frequency::Tertial
    );
    assert!(budget.risks[0].residual.is_some());
    round_trip(&source);
}

#[test]
fn superseded_figures_survive_a_round_trip() {
    use styr_domain::change::Change;
    use styr_domain::money::Amount;
    use styr_domain::operating::LineKind;
    let mut budget =
        parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml")).expect("reads");
    budget
        .apply(&Change::SetLine {
            unit: styr_domain::organisation::UnitId("ks".into()),
            line: LineKind::OtherCosts,
            year: budget.years.budget,
            amount: Amount::from_tkr(-47_752),
        })
        .expect("applies");
    let mut project = budget.investment.projects[6].clone();
    project
        .amounts
        .insert(budget.years.plan[0], Amount::from_tkr(6_000));
    budget
        .apply(&Change::PutProject {
            replacing: Some(project.name.clone()),
            project,
        })
        .expect("applies");
    assert!(!budget.operating_tables[0].superseded.is_empty());
    assert!(!budget.investment.superseded.is_empty());
    assert!(
        budget
            .statements
            .iter()
            .any(|statement| statement.superseded)
    );
    let written = write_budget(&budget);
    assert!(written.contains("[operating.superseded]"), "{written}");
    round_trip(&written);
    assert_eq!(parse_budget(&written), Ok(budget));
}
