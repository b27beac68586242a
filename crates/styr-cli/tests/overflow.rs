//! Issue 19: amounts so large that a sum leaves the range of an amount. A revenue of
//! -92 233 720 368 547 tkr once showed a net cost of +92 233 720 153 609 tkr; now every way in
//! refuses it with the figure named, and nothing is stored.

mod support;

use std::path::PathBuf;

use styr_app::{Actor, App, AppError};
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::money::Amount;
use styr_domain::operating::LineKind;
use styr_domain::organisation::UnitId;
use support::{example, styr, text};

const TOO_LARGE: &str = "Driftbudget Kommunstyrelsen 2025, Verksamhetens nettokostnader: beloppet blir för stort för att räknas exakt";

/// The reference budget with Kommunstyrelsen's revenue 2025 at -92 233 720 368 547 tkr.
fn too_large_budget() -> PathBuf {
    let source = std::fs::read_to_string(example()).expect("the example reads");
    let edited = source.replacen("2025 = 108608,", "2025 = -92233720368547,", 1);
    assert_ne!(source, edited, "the example has the revenue to edit");
    let path = std::env::temp_dir().join(format!("styr-overflow-{}.toml", std::process::id()));
    std::fs::write(&path, edited).expect("the edited budget is written");
    path
}

#[test]
fn a_budget_file_whose_net_cost_is_too_large_is_refused_by_every_command() {
    let path = too_large_budget();
    let file = path.display().to_string();

    let report = styr(&["report", &file]);
    assert_eq!(report.status.code(), Some(2));
    assert!(report.stdout.is_empty(), "no document is written");
    assert!(
        text(&report.stderr).contains(TOO_LARGE),
        "{}",
        text(&report.stderr)
    );

    let check = styr(&["check", &file]);
    assert_eq!(
        check.status.code(),
        Some(1),
        "a figure that cannot be computed is an error"
    );
    let found = text(&check.stdout);
    assert!(
        found.contains("kan inte beräknas") && found.contains(TOO_LARGE),
        "{found}"
    );

    let database = std::env::temp_dir().join(format!("styr-overflow-{}.db", std::process::id()));
    let database = database.display().to_string();
    let import = styr(&["import", &file, "--database", &database]);
    assert_eq!(import.status.code(), Some(1));
    let said = text(&import.stderr);
    assert!(
        said.contains(TOO_LARGE) && said.contains("ingenting är inläst"),
        "{said}"
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{database}{suffix}"));
    }
    let _ = std::fs::remove_file(path);
}

#[tokio::test]
async fn a_change_that_makes_the_net_cost_too_large_is_refused_before_it_is_stored() {
    let path = std::env::temp_dir().join(format!("styr-overflow-app-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let app = App::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("a store");
    let actor = Actor::named("controller");
    let source = std::fs::read_to_string(example()).expect("the example reads");
    let id = app
        .import(&actor, &source)
        .await
        .expect("the example imports");
    let before = app.snapshot(id).await.expect("the budget");
    let change = Change::SetLine {
        unit: UnitId("ks".into()),
        line: LineKind::Revenue,
        year: Year::new(2025).expect("a year"),
        amount: Amount::from_tkr(-92_233_720_368_547),
    };
    let refused = app
        .change(&actor, id, Some(before.revision), &change)
        .await
        .expect_err("too large");
    assert!(matches!(refused, AppError::Invalid(_)), "{refused:?}");
    assert_eq!(refused.to_string(), TOO_LARGE);
    let after = app.snapshot(id).await.expect("the budget");
    assert_eq!(after.revision, before.revision, "nothing is stored");
    assert_eq!(after.budget, before.budget);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
