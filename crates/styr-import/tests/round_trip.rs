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
