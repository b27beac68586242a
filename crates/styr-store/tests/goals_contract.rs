//! The store's contract for goals followed up and the Kolada cache, on SQLite always and on
//! PostgreSQL when STYR_TEST_POSTGRES_URL names a server: a KPI's follow-up definition reads
//! back with the budget, values and assessments are kept per municipality and board with
//! their audit entries, and a Kolada refresh rewrites only what changed.

mod backends;

use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::goals::{
    Assessment, Baseline, Direction, Fulfilment, KpiUnit, Measurement, Period, Source,
};
use styr_domain::kolada::{Gender, GroupMember, KoladaValue, MunicipalityGroup};
use styr_store::{AuditFilter, GoalScope, KoladaRefresh, KoladaScope, RefreshCounts, Stamp, Store};

/// A fresh store on each backend, named apart from the other contract tests' databases.
async fn stores(name: &str) -> Vec<(String, Store)> {
    backends::stores(&format!("goals-{name}")).await
}

fn value(text: &str) -> Decimal {
    Decimal::parse(text).expect("a decimal")
}

fn year(number: i64) -> Year {
    Year::new(number).expect("a year")
}

fn example() -> Budget {
    let mut budget =
        styr_import::parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml"))
            .expect("the example reads");
    let goal = budget
        .goals
        .iter_mut()
        .find(|goal| goal.id == "arbetsmiljomal")
        .expect("the work-environment goal");
    goal.directions = vec!["social-hallbarhet".into()];
    let kpi = &mut goal.kpis[0];
    kpi.direction = Direction::HigherIsBetter;
    kpi.unit = KpiUnit::Index;
    kpi.minimum = Some(value("1"));
    kpi.maximum = Some(value("5"));
    kpi.tolerance = Some(value("0.2"));
    kpi.baseline = Some(Baseline {
        period: Period::parse("2024-O3").expect("a period"),
        value: value("3.4"),
    });
    kpi.set_target(year(2025), Some(value("3.8")));
    kpi.set_target(year(2026), Some(value("4")));
    budget
}

fn measurement(period: &str, figure: &str) -> Measurement {
    Measurement {
        kpi: "arbetsbelastningen".into(),
        period: Period::parse(period).expect("a period"),
        value: value(figure),
        source: Source::Entered,
        entered_by: "anna".into(),
        entered_at: "2025-05-02T10:00:00Z".into(),
        comment: String::new(),
    }
}

#[tokio::test]
async fn a_kpis_follow_up_definition_reads_back_with_the_budget() {
    for (backend, store) in stores("definition").await {
        let budget = example();
        let id = store
            .insert(&budget, &Stamp::now("test"))
            .await
            .expect("it stores");
        let read = store.load(id).await.expect("it reads").budget;
        assert_eq!(read.goals, budget.goals, "{backend}");
    }
}

#[tokio::test]
async fn values_are_kept_per_board_replaced_when_entered_again_and_recorded() {
    for (backend, store) in stores("values").await {
        let ks = GoalScope {
            municipality: "1489".into(),
            board: "ks".into(),
        };
        let other = GoalScope {
            municipality: "1489".into(),
            board: "sn".into(),
        };
        let mut third = measurement("2025-O3", "3.9");
        third.comment = "Efter omorganisationen".into();
        store
            .set_measurements(
                &ks,
                &[
                    measurement("2025-O1", "3.6"),
                    measurement("2025-O2", "3.7"),
                    third,
                ],
                "ange nyckeltalsvärde",
                &Stamp::now("anna"),
            )
            .await
            .expect("three values");
        store
            .set_measurements(
                &ks,
                &[measurement("2025-O1", "3.5")],
                "ange nyckeltalsvärde",
                &Stamp::now("bo"),
            )
            .await
            .expect("a correction");
        let values = store.measurements(&ks).await.expect("values");
        assert_eq!(values.len(), 3, "{backend}");
        assert_eq!(values[0].value, value("3.5"), "{backend}");
        assert_eq!(values[2].comment, "Efter omorganisationen", "{backend}");
        assert!(
            store.measurements(&other).await.expect("none").is_empty(),
            "{backend}: another board's goals are its own"
        );
        let log = store
            .audit_log(&AuditFilter {
                entity: Some("mal/1489/ks/nyckeltal/arbetsbelastningen/2025-O1".into()),
                ..AuditFilter::default()
            })
            .await
            .expect("the log");
        assert_eq!(log.len(), 2, "{backend}");
        assert_eq!(
            log[1].entry.old_value.as_deref(),
            Some("3.6 (entered)"),
            "{backend}"
        );
        assert_eq!(
            log[1].entry.new_value.as_deref(),
            Some("3.5 (entered)"),
            "{backend}"
        );
        let removed = store
            .remove_measurement(
                &ks,
                "arbetsbelastningen",
                Period::parse("2025-O2").expect("a period"),
                &Stamp::now("anna"),
            )
            .await
            .expect("removed");
        assert!(removed.is_some(), "{backend}");
        assert_eq!(
            store.measurements(&ks).await.expect("values").len(),
            2,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn an_assessment_keeps_the_computed_fulfilment_beside_the_chosen_one() {
    for (backend, store) in stores("assessments").await {
        let ks = GoalScope {
            municipality: "1489".into(),
            board: "ks".into(),
        };
        let assessment = Assessment {
            goal: "arbetsmiljomal".into(),
            period: Period::parse("2025").expect("a period"),
            chosen: Fulfilment::PartlyFulfilled,
            reason: "Mätningen gjordes före omorganisationen".into(),
            computed: Fulfilment::Fulfilled,
            by: "anna".into(),
            at: "2025-12-01T10:00:00Z".into(),
        };
        store
            .set_assessment(&ks, &assessment, &Stamp::now("anna"))
            .await
            .expect("assessed");
        let again = Assessment {
            chosen: Fulfilment::Fulfilled,
            reason: "Omprövat".into(),
            ..assessment.clone()
        };
        store
            .set_assessment(&ks, &again, &Stamp::now("anna"))
            .await
            .expect("assessed again");
        let read = store.assessments(&ks).await.expect("assessments");
        assert_eq!(read, vec![again], "{backend}");
    }
}

fn kolada(municipality: &str, year_number: i64, figure: Option<&str>) -> KoladaValue {
    KoladaValue {
        kpi: "N00097".into(),
        municipality: municipality.into(),
        year: year(year_number),
        gender: Gender::T,
        value: figure.map(value),
        count: Some(1),
        status: String::new(),
    }
}

#[tokio::test]
async fn a_kolada_refresh_rewrites_only_what_changed_and_removes_what_kolada_dropped() {
    for (backend, store) in stores("kolada").await {
        let scope = KoladaScope {
            kpis: vec!["N00097".into()],
            municipalities: vec!["1489".into(), "1441".into()],
            years: vec![year(2023), year(2024)],
        };
        let first = KoladaRefresh {
            origin: "http://127.0.0.1/v3/data/kpi/N00097/municipality/1489,1441/year/2023,2024"
                .into(),
            pages: 2,
            scope: Some(scope.clone()),
            values: vec![
                kolada("1489", 2023, Some("-0.5")),
                kolada("1489", 2024, Some("-1.2")),
                kolada("1441", 2023, Some("2.1")),
                kolada("1441", 2024, None),
            ],
            groups: vec![MunicipalityGroup {
                id: "G37411".into(),
                title: "Liknande kommuner".into(),
                members: vec![GroupMember {
                    id: "1441".into(),
                    title: "Lerum".into(),
                }],
                own: false,
            }],
            ..KoladaRefresh::default()
        };
        let counts = store
            .refresh_kolada(&first, "hämta från Kolada", &Stamp::now("anna"))
            .await
            .expect("the first fetch");
        assert_eq!(
            counts,
            RefreshCounts {
                inserted: 4,
                ..RefreshCounts::default()
            },
            "{backend}"
        );
        let first_times: Vec<String> = store
            .kolada_values(&["N00097".into()])
            .await
            .expect("values")
            .into_iter()
            .map(|(_, at)| at)
            .collect();
        let second = KoladaRefresh {
            values: vec![
                kolada("1489", 2023, Some("-0.5")),
                kolada("1489", 2024, Some("-1.3")),
                kolada("1441", 2024, None),
            ],
            ..first.clone()
        };
        let mut later = Stamp::now("anna");
        later.at = "2999-01-01T00:00:00Z".into();
        let counts = store
            .refresh_kolada(&second, "hämta från Kolada", &later)
            .await
            .expect("a refresh");
        assert_eq!(
            counts,
            RefreshCounts {
                inserted: 0,
                changed: 1,
                removed: 1,
                unchanged: 2
            },
            "{backend}"
        );
        let values = store
            .kolada_values(&["N00097".into()])
            .await
            .expect("values");
        assert_eq!(values.len(), 3, "{backend}");
        let changed = values
            .iter()
            .find(|(value, _)| value.municipality == "1489" && value.year == year(2024))
            .expect("the changed row");
        assert_eq!(changed.0.value, Some(value("-1.3")), "{backend}");
        assert_eq!(
            changed.1, "2999-01-01T00:00:00Z",
            "{backend}: the changed row is rewritten"
        );
        let kept = values
            .iter()
            .find(|(value, _)| value.municipality == "1489" && value.year == year(2023))
            .expect("an unchanged row");
        assert!(
            first_times.contains(&kept.1),
            "{backend}: an unchanged row keeps its fetch time"
        );
        assert!(
            values
                .iter()
                .any(|(value, _)| value.municipality == "1441" && value.value.is_none()),
            "{backend}: a null stays null"
        );
        let imported = KoladaRefresh {
            origin: "kolada.csv".into(),
            scope: None,
            values: vec![kolada("1482", 2024, Some("0.4"))],
            ..KoladaRefresh::default()
        };
        let counts = store
            .refresh_kolada(&imported, "importera Kolada-fil", &Stamp::now("anna"))
            .await
            .expect("an import");
        assert_eq!(
            (counts.inserted, counts.removed),
            (1, 0),
            "{backend}: an import removes nothing"
        );
        let fetches = store.kolada_fetches(10).await.expect("the log");
        assert_eq!(fetches.len(), 3, "{backend}");
        assert_eq!(fetches[1].counts.changed, 1, "{backend}");
        let groups = store.kolada_groups().await.expect("groups");
        assert_eq!(groups[0].members[0].title, "Lerum", "{backend}");
        store
            .set_peer_choice("1489", "G37411", &Stamp::now("anna"))
            .await
            .expect("chosen");
        assert_eq!(
            store
                .peer_choice("1489")
                .await
                .expect("the choice")
                .as_deref(),
            Some("G37411"),
            "{backend}"
        );
        let own = MunicipalityGroup {
            id: "Gegen1".into(),
            title: "Våra grannar".into(),
            members: vec![GroupMember {
                id: "1441".into(),
                title: String::new(),
            }],
            own: true,
        };
        store
            .put_own_group(&own, &Stamp::now("anna"))
            .await
            .expect("an own group");
        assert!(
            store
                .kolada_groups()
                .await
                .expect("groups")
                .iter()
                .any(|group| group.own && group.id == "Gegen1"),
            "{backend}"
        );
    }
}
