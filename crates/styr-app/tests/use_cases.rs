//! The use cases through a real store: import, read, change, refuse, export.

use styr_app::{Actor, App, AppError};
use styr_domain::calendar::Year;
use styr_domain::change::{Change, ChangeError};
use styr_domain::investment::{InvestmentCategory, InvestmentProject};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

const EXAMPLE: &str = include_str!("../../../examples/alingsas-ks-2025.toml");

async fn app(name: &str) -> App {
    let path = std::env::temp_dir().join(format!("styr-app-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    App::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("the store opens")
}

fn controller() -> Actor {
    Actor::named("controller")
}

fn year(number: i64) -> Year {
    Year::new(number).expect("a year in range")
}

#[tokio::test]
async fn changing_a_cost_line_moves_costs_net_cost_and_result() {
    let app = app("cost-line").await;
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let change = Change::SetLine {
        unit: UnitId("ks".into()),
        line: LineKind::OtherCosts,
        year: year(2025),
        amount: Amount::from_tkr(-47_752),
    };
    let snapshot = app
        .change(&controller(), id, None, &change)
        .await
        .expect("the change is made");
    let table = &snapshot.report().operating[0];
    assert_eq!(
        table.value(OperatingRow::Costs, year(2025)),
        Some(Amount::from_tkr(-227_342))
    );
    assert_eq!(
        table.value(OperatingRow::NetCost, year(2025)),
        Some(Amount::from_tkr(-118_734))
    );
    assert_eq!(
        table.value(OperatingRow::Result, year(2025)),
        Some(Amount::from_tkr(-99))
    );
    assert_eq!(snapshot.revision, 2);
    let reread = app.snapshot(id).await.expect("it reads");
    assert_eq!(
        reread.report().operating[0].value(OperatingRow::Result, year(2025)),
        Some(Amount::from_tkr(-99))
    );
}

#[tokio::test]
async fn a_change_from_a_stale_revision_is_refused() {
    let app = app("stale").await;
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let change = Change::SetFinancialNet {
        unit: UnitId("ks".into()),
        year: year(2025),
        amount: Amount::from_tkr(90),
    };
    app.change(&controller(), id, Some(1), &change)
        .await
        .expect("the first change");
    let stale = app.change(&controller(), id, Some(1), &change).await;
    assert!(
        matches!(
            stale,
            Err(AppError::Conflict {
                current_revision: 2
            })
        ),
        "{stale:?}"
    );
}

#[tokio::test]
async fn an_invalid_change_is_refused_and_changes_nothing() {
    let app = app("invalid").await;
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let project = InvestmentProject::new(
        "Stadsskogen",
        InvestmentCategory::Expansion,
        Default::default(),
    );
    let refused = app
        .change(
            &controller(),
            id,
            None,
            &Change::PutProject {
                replacing: None,
                project,
            },
        )
        .await;
    assert!(
        matches!(
            refused,
            Err(AppError::Invalid(ChangeError::DuplicateProject(_)))
        ),
        "{refused:?}"
    );
    let refused = app
        .change(
            &controller(),
            id,
            None,
            &Change::RemoveRisk {
                id: "valfardsbrottslighet".into(),
            },
        )
        .await;
    assert!(
        matches!(
            refused,
            Err(AppError::Invalid(ChangeError::RiskInUse { .. }))
        ),
        "{refused:?}"
    );
    let refused = app
        .change(
            &controller(),
            id,
            None,
            &Change::SetFrameAmount {
                unit: UnitId("ks".into()),
                year: year(2026),
                amount: Amount::from_tkr(1),
            },
        )
        .await;
    assert!(
        matches!(
            refused,
            Err(AppError::Invalid(ChangeError::DerivedFrameYear { .. }))
        ),
        "{refused:?}"
    );
    assert_eq!(
        app.snapshot(id).await.expect("it reads").revision,
        1,
        "nothing was written"
    );
}

#[tokio::test]
async fn adding_and_removing_a_project_moves_the_plan_sum() {
    let app = app("project").await;
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let before = app
        .snapshot(id)
        .await
        .expect("it reads")
        .report()
        .investment
        .plan_sum;
    let project = InvestmentProject::new(
        "Ny brandstation",
        InvestmentCategory::Expansion,
        [(year(2026), Amount::from_tkr(12_000))]
            .into_iter()
            .collect(),
    );
    let added = app
        .change(
            &controller(),
            id,
            None,
            &Change::PutProject {
                replacing: None,
                project,
            },
        )
        .await
        .expect("added");
    assert_eq!(
        Ok(added.report().investment.plan_sum),
        before.checked_add(Amount::from_tkr(12_000))
    );
    let removed = app
        .change(
            &controller(),
            id,
            None,
            &Change::RemoveProject {
                name: "Ny brandstation".into(),
            },
        )
        .await
        .expect("removed");
    assert_eq!(removed.report().investment.plan_sum, before);
}

#[tokio::test]
async fn an_unreadable_file_is_refused_with_its_issues_and_stores_nothing() {
    let app = app("unreadable").await;
    let broken = EXAMPLE.replacen(
        "revenue = { 2024 = 100548",
        "revenue = { 2024 = \"hundra\"",
        1,
    );
    match app.import(&controller(), &broken).await {
        Err(AppError::Unreadable(issues)) => assert_eq!(issues.len(), 1),
        other => panic!("expected the issues, got {other:?}"),
    }
    assert!(app.budgets().await.expect("it lists").is_empty());
}

#[tokio::test]
async fn the_export_reads_back_as_the_same_budget() {
    let app = app("export").await;
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let exported = app.export(id).await.expect("it exports");
    assert_eq!(
        styr_import::parse_budget(&exported).expect("it reads"),
        styr_import::parse_budget(EXAMPLE).expect("it reads")
    );
    let replaced = app
        .replace(&controller(), id, 1, &exported)
        .await
        .expect("a re-import");
    assert_eq!(replaced.revision, 2);
}

#[tokio::test]
async fn the_demo_is_loaded_only_into_an_empty_database() {
    let app = app("demo").await;
    assert!(
        app.import_if_empty(&controller(), EXAMPLE)
            .await
            .expect("loaded")
            .is_some()
    );
    assert!(
        app.import_if_empty(&controller(), EXAMPLE)
            .await
            .expect("not loaded")
            .is_none()
    );
    assert_eq!(app.budgets().await.expect("it lists").len(), 1);
}

#[tokio::test]
async fn many_people_writing_at_once_all_land() {
    let app = std::sync::Arc::new(app("concurrent").await);
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let lines = [
        LineKind::Revenue,
        LineKind::Personnel,
        LineKind::PremisesRent,
        LineKind::PurchasedServices,
        LineKind::OtherCosts,
    ];
    let mut tasks = Vec::new();
    for writer in 0..60i64 {
        let app = std::sync::Arc::clone(&app);
        let line = lines[(writer % 5) as usize];
        // The budget year and the plan years: 2024, the comparison year, is not written.
        let column = year(2025 + writer % 3);
        tasks.push(tokio::spawn(async move {
            let change = Change::SetLine {
                unit: UnitId("ks".into()),
                line,
                year: column,
                amount: Amount::from_tkr(-1_000 - writer),
            };
            app.change(&Actor::named(format!("person {writer}")), id, None, &change)
                .await
                .map(|snapshot| snapshot.revision)
        }));
    }
    for task in tasks {
        task.await
            .expect("the task runs")
            .expect("every write lands");
    }
    let snapshot = app.snapshot(id).await.expect("it reads");
    assert_eq!(snapshot.revision, 61, "one revision per change");
    // The last writer of each cell wins: writers 40–59 wrote every (line, year) pair last.
    for writer in 40..60i64 {
        let line = lines[(writer % 5) as usize];
        let column = year(2025 + writer % 3);
        let stored = snapshot.budget.lines[0].lines[&line][&column];
        assert!(
            stored.ore() <= Amount::from_tkr(-1_000).ore(),
            "{line:?} {column}: a written value"
        );
    }
}

#[tokio::test]
async fn of_writers_who_all_read_revision_one_only_the_first_lands() {
    let app = std::sync::Arc::new(app("concurrent-stale").await);
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let mut tasks = Vec::new();
    for writer in 0..10i64 {
        let app = std::sync::Arc::clone(&app);
        tasks.push(tokio::spawn(async move {
            let change = Change::SetFinancialNet {
                unit: UnitId("ks".into()),
                year: year(2025),
                amount: Amount::from_tkr(writer),
            };
            app.change(&controller(), id, Some(1), &change)
                .await
                .map(|snapshot| snapshot.revision)
        }));
    }
    let mut landed = 0;
    for task in tasks {
        match task.await.expect("the task runs") {
            Ok(revision) => {
                landed += 1;
                assert_eq!(revision, 2);
            }
            Err(AppError::Conflict { current_revision }) => assert_eq!(current_revision, 2),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        landed, 1,
        "no lost update: the others are told the budget changed"
    );
}

#[tokio::test]
async fn a_unit_without_lines_gets_its_first_cell() {
    let app = app("first-cell").await;
    let id = app
        .import(&controller(), EXAMPLE)
        .await
        .expect("the example imports");
    let unit = UnitId("ekonomiavdelningen".into());
    let change = Change::SetLine {
        unit: unit.clone(),
        line: LineKind::Personnel,
        year: year(2025),
        amount: Amount::from_tkr(-1_200),
    };
    app.change(&controller(), id, None, &change)
        .await
        .expect("the change is made");
    let again = App::open(&format!(
        "sqlite://{}",
        std::env::temp_dir()
            .join(format!("styr-app-first-cell-{}.db", std::process::id()))
            .display()
    ))
    .await
    .expect("the store opens again");
    let stored = again
        .snapshot(id)
        .await
        .expect("it reads from the database");
    let lines = stored
        .budget
        .lines
        .iter()
        .find(|lines| lines.unit == unit)
        .expect("the unit has lines");
    assert_eq!(
        lines.lines[&LineKind::Personnel][&year(2025)],
        Amount::from_tkr(-1_200)
    );
}
