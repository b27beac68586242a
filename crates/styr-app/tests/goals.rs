//! Goals followed up through a real store: a controller enters the pulse survey's three
//! rounds and sets a target and the goal is fulfilled with its trail; values outside the
//! KPI's range or a budgetansvarig's scope are refused and nothing is stored; a CSV of values
//! is all or nothing; an assessment keeps the computed fulfilment beside the chosen one; and
//! the demo's Kolada cache judges the overarching goal against its peers.

use styr_app::{Actor, App, AppError, GoalsDemo, ValueEntry};
use styr_domain::access::Role;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::decimal::Decimal;
use styr_domain::goals::{Fulfilment, Period, Source};
use styr_domain::organisation::UnitId;
use styr_reports::goals::Verdict;

const EXAMPLE: &str = include_str!("../../../examples/alingsas-ks-2025.toml");

async fn app(name: &str) -> (App, i64) {
    let path = std::env::temp_dir().join(format!("styr-goals-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let app = App::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("the store opens");
    let id = app
        .import(&Actor::named("controller"), EXAMPLE)
        .await
        .expect("the example imports");
    (app, id)
}

fn person(name: &str, role: Role) -> Actor {
    Actor {
        user_id: Some(7),
        name: name.into(),
        role,
    }
}

fn entry(period: &str, value: &str) -> ValueEntry {
    ValueEntry {
        kpi: "arbetsbelastningen".into(),
        period: Period::parse(period).expect("a period"),
        value: Decimal::parse(value).expect("a value"),
        comment: String::new(),
    }
}

fn year(number: i64) -> Year {
    Year::new(number).expect("a year")
}

#[tokio::test]
async fn a_controller_enters_three_rounds_sets_a_target_and_sees_the_goal_fulfilled() {
    let (app, id) = app("three-rounds").await;
    let controller = person("carin", Role::Controller);
    app.set_kpi_values(
        &controller,
        id,
        &[
            entry("2025-O1", "3,6"),
            entry("2025-O2", "3,7"),
            entry("2025-O3", "3,9"),
        ],
        Source::Entered,
    )
    .await
    .expect("three rounds");
    let before = app.goals_followup(id, None).await.expect("a follow-up");
    let goal = before
        .goals
        .iter()
        .find(|goal| goal.id == "arbetsmiljomal")
        .expect("the goal");
    assert_eq!(
        goal.computed.computed,
        Fulfilment::NotAssessed,
        "no target yet"
    );
    let target = Change::SetKpiTarget {
        goal: "arbetsmiljomal".into(),
        kpi: "arbetsbelastningen".into(),
        year: year(2025),
        value: Decimal::parse("3,8").ok(),
    };
    app.change(&controller, id, None, &target)
        .await
        .expect("a target");
    let after = app.goals_followup(id, None).await.expect("a follow-up");
    let goal = after
        .goals
        .iter()
        .find(|goal| goal.id == "arbetsmiljomal")
        .expect("the goal");
    assert_eq!(goal.computed.computed, Fulfilment::Fulfilled);
    assert_eq!(goal.computed.trail, "1 av 1 nyckeltal når sitt målvärde");
    assert!(
        goal.kpis[0]
            .fulfilment
            .trail
            .contains("3,9 (omgång 3 2025) mot målvärdet 3,8"),
        "{}",
        goal.kpis[0].fulfilment.trail
    );
    let log = app
        .audit_log(
            &controller,
            &styr_app::AuditFilter {
                entity: Some("nyckeltal/arbetsbelastningen".into()),
                ..Default::default()
            },
        )
        .await
        .expect("the log");
    assert_eq!(
        log.len(),
        4,
        "the three values and the target, each on record"
    );
}

#[tokio::test]
async fn a_value_the_kpi_cannot_take_or_the_actor_may_not_enter_is_refused_whole() {
    let (app, id) = app("refused").await;
    let controller = person("carin", Role::Controller);
    let kpi_goal = app
        .snapshot(id)
        .await
        .expect("a budget")
        .budget
        .goals
        .iter()
        .find(|goal| goal.id == "arbetsmiljomal")
        .cloned()
        .expect("the goal");
    let mut ranged = kpi_goal.clone();
    ranged.kpis[0].minimum = Decimal::parse("1").ok();
    ranged.kpis[0].maximum = Decimal::parse("5").ok();
    ranged.kpis[0].measurements_per_year = 3;
    app.change(&controller, id, None, &Change::PutGoal { goal: ranged })
        .await
        .expect("a range");
    let refused = app
        .set_kpi_values(
            &controller,
            id,
            &[entry("2025-O1", "3,6"), entry("2025-O2", "7")],
            Source::Entered,
        )
        .await;
    assert!(matches!(&refused, Err(AppError::Invalid(_))), "{refused:?}");
    assert_eq!(
        refused.expect_err("refused").to_string(),
        "Arbetsbelastningen kan som högst vara 5, inte 7"
    );
    let fourth = app
        .set_kpi_values(&controller, id, &[entry("2025-O4", "3")], Source::Entered)
        .await;
    assert!(fourth.is_err(), "a fourth round of three");
    let elsewhere = person(
        "erik",
        Role::BudgetHolder {
            scope: UnitId("ekonomiavdelningen".into()),
        },
    );
    let forbidden = app
        .set_kpi_values(&elsewhere, id, &[entry("2025-O1", "3,6")], Source::Entered)
        .await;
    assert!(
        matches!(forbidden, Err(AppError::Forbidden(_))),
        "the board's goal is not ekonomiavdelningen's"
    );
    let board_holder = person(
        "kim",
        Role::BudgetHolder {
            scope: UnitId("ks".into()),
        },
    );
    app.set_kpi_values(
        &board_holder,
        id,
        &[entry("2025-O1", "3,6")],
        Source::Entered,
    )
    .await
    .expect("the board's budgetansvarig may");
    let followup = app.goals_followup(id, None).await.expect("a follow-up");
    let values = &followup
        .goals
        .iter()
        .find(|goal| goal.id == "arbetsmiljomal")
        .expect("the goal")
        .kpis[0]
        .values;
    assert_eq!(values.len(), 1, "nothing of the refused batches was stored");
    let reader = person("lisa", Role::Reader);
    assert!(
        matches!(
            app.import_kpi_values(&reader, id, b"nyckeltal;period;v\xc3\xa4rde\n")
                .await,
            Err(AppError::Forbidden(_))
        ),
        "refused before the file is read"
    );
}

#[tokio::test]
async fn a_csv_of_values_is_all_or_nothing_and_an_assessment_keeps_both() {
    let (app, id) = app("csv").await;
    let controller = person("carin", Role::Controller);
    let bad = "nyckeltal;period;värde\narbetsbelastningen;2025-O1;3,6\nokänt;2025-O2;3\n";
    let refused = app.import_kpi_values(&controller, id, bad.as_bytes()).await;
    let Err(AppError::Unreadable(issues)) = refused else {
        panic!("refused: {refused:?}")
    };
    assert_eq!(issues[0].line, 3);
    let good = "nyckeltal;period;värde;kommentar\narbetsbelastningen;2025-O1;3,6;mars\narbetsbelastningen;2025-O2;3,7;\n";
    assert_eq!(
        app.import_kpi_values(&controller, id, good.as_bytes())
            .await
            .expect("imported"),
        2
    );
    let period = Period::parse("2025").expect("a period");
    let missing = app
        .assess_goal(
            &controller,
            id,
            "arbetsmiljomal",
            period,
            Fulfilment::PartlyFulfilled,
            " ",
        )
        .await;
    assert!(missing.is_err(), "a reason is required");
    let assessment = app
        .assess_goal(
            &controller,
            id,
            "arbetsmiljomal",
            period,
            Fulfilment::PartlyFulfilled,
            "Tredje mätningen återstår",
        )
        .await
        .expect("assessed");
    assert_eq!(assessment.computed, Fulfilment::NotAssessed);
    let followup = app
        .goals_followup(id, Some(period))
        .await
        .expect("a follow-up");
    let goal = followup
        .goals
        .iter()
        .find(|goal| goal.id == "arbetsmiljomal")
        .expect("the goal");
    assert_eq!(goal.shown(), Fulfilment::PartlyFulfilled);
    assert_eq!(
        goal.computed.computed,
        Fulfilment::NotAssessed,
        "the computed one is kept"
    );
}

#[tokio::test]
async fn the_demo_judges_the_overarching_goal_against_its_peers_with_every_figure() {
    let (app, id) = app("demo").await;
    let operator = Actor::named("demo");
    let kolada: [(&str, &[u8]); 3] = [
        (
            "kolada-nyckeltal.json",
            include_bytes!("../../../examples/demo/kolada-nyckeltal.json"),
        ),
        (
            "kolada-grupp.json",
            include_bytes!("../../../examples/demo/kolada-grupp.json"),
        ),
        (
            "kolada-varden.json",
            include_bytes!("../../../examples/demo/kolada-varden.json"),
        ),
    ];
    app.load_goals_demo(
        &operator,
        id,
        &GoalsDemo {
            goals: include_str!("../../../examples/demo/mal.toml"),
            values: include_bytes!("../../../examples/demo/matvarden.csv"),
            kolada: &kolada,
            peer_group: "G1489EX",
        },
    )
    .await
    .expect("the demo loads");
    let followup = app
        .goals_followup(id, Some(Period::year(year(2024))))
        .await
        .expect("a follow-up");
    let judgement = followup.judgement.as_ref().expect("a judgement");
    assert_ne!(
        judgement.verdict,
        Verdict::CannotJudge,
        "{:?}",
        judgement.trail
    );
    assert_eq!(judgement.compared, 3, "three quality KPIs compared");
    assert!(judgement.cost[0].percent.is_some() && judgement.cost[0].mnkr.is_some());
    assert!(
        judgement
            .trail
            .iter()
            .any(|line| line.starts_with("Kvalitet: ")),
        "{:?}",
        judgement.trail
    );
    let overarching = followup
        .goals
        .iter()
        .find(|goal| goal.id == "sveriges-mest-effektiva-kommun")
        .expect("the goal");
    assert!(
        overarching
            .computed
            .trail
            .starts_with("bedömt mot liknande kommuner"),
        "{}",
        overarching.computed.trail
    );
    let peer = overarching.kpis[0]
        .peer
        .as_ref()
        .expect("a peer comparison");
    assert_eq!(peer.peers.len() + peer.missing.len(), 7);
    assert!(
        followup
            .directions
            .iter()
            .any(|direction| direction.id == "social-hallbarhet" && !direction.goals.is_empty())
    );
    let work = followup
        .goals
        .iter()
        .find(|goal| goal.id == "arbetsmiljomal")
        .expect("the goal");
    assert_eq!(
        work.kpis[0].values.len(),
        5,
        "the demo's pulse survey results"
    );
}
