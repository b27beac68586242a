//! `styr kolada fetch` against a server shaped like Kolada v3 fills the cache across several
//! pages (a null value kept as missing), and `styr goals --format json` then shows the
//! kommun's value, the peers' median and the assessment; a failing server writes nothing;
//! `styr kolada import` reads a saved answer or refuses it whole.

#[path = "kolada/server.rs"]
mod server;
mod support;

use std::collections::BTreeMap;

use support::{example, styr, text};

const KPI: &str = r#"{"count": 1, "values": [{"id": "N00097", "title": "Nettokostnadsavvikelse totalt (exkl. LSS), %", "is_divided_by_gender": 0}]}"#;
const ALINGSAS: &str =
    r#"{"count": 1, "values": [{"id": "1489", "title": "Alingsås", "type": "K"}]}"#;
const GROUP: &str = r#"{"count": 1, "values": [{"id": "G37411", "title": "Liknande kommuner, Alingsås", "members": [{"member_id": "1441", "member_title": "Lerum"}, {"member_id": "1482", "member_title": "Kungälv"}, {"member_id": "1463", "member_title": "Mark"}]}]}"#;
const DATA: &str = "/v3/data/kpi/N00097/municipality/1489,1441,1482,1463/year/2024?per_page=5000";
const PAGE_ONE: &str = r#"{"count": 4, "next_url": "{base}/data/kpi/N00097/municipality/1489,1441,1482,1463/year/2024?per_page=5000&page=2", "values": [
 {"kpi": "N00097", "municipality": "1489", "period": 2024, "values": [{"gender": "T", "count": 1, "status": "", "value": -1.2}]},
 {"kpi": "N00097", "municipality": "1441", "period": 2024, "values": [{"gender": "T", "count": 1, "status": "", "value": 0.8}]}]}"#;
const PAGE_TWO: &str = r#"{"count": 4, "values": [
 {"kpi": "N00097", "municipality": "1482", "period": 2024, "values": [{"gender": "T", "count": 1, "status": "", "value": 2.4}]},
 {"kpi": "N00097", "municipality": "1463", "period": 2024, "values": [{"gender": "T", "count": 0, "status": "", "value": null}]}]}"#;
const GOALS: &str = r#"
[[goal]]
id = "sveriges-mest-effektiva-kommun"
kind = "overarching"
title = "Sveriges mest effektiva kommun"

[[goal.kpi]]
id = "nettokostnadsavvikelse"
name = "Nettokostnadsavvikelse totalt (exkl. LSS)"
measurements_per_year = 1
kolada_id = "N00097"
direction = "lower"
unit = "procent"
targets = { 2024 = 0 }
purpose = "net_cost_deviation"
"#;

fn answers(data: (u16, &str)) -> BTreeMap<String, (u16, String)> {
    [
        ("/v3/kpi/N00097".to_string(), (200, KPI.to_string())),
        (
            "/v3/municipality/1489".to_string(),
            (200, ALINGSAS.to_string()),
        ),
        (
            "/v3/municipality_groups/G37411".to_string(),
            (200, GROUP.to_string()),
        ),
        (DATA.to_string(), (data.0, data.1.to_string())),
        (format!("{DATA}&page=2"), (200, PAGE_TWO.to_string())),
    ]
    .into_iter()
    .collect()
}

fn database(name: &str) -> String {
    let path =
        std::env::temp_dir().join(format!("styr-cli-kolada-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let url = format!("sqlite://{}", path.display());
    let imported = styr(&[
        "import",
        example().to_str().expect("a path"),
        "--database",
        &url,
    ]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    url
}

fn fetch(base: &str, url: &str) -> std::process::Output {
    styr(&[
        "kolada",
        "fetch",
        "--kpi",
        "N00097",
        "--municipality",
        "1489",
        "--peers",
        "G37411",
        "--year",
        "2024",
        "--base-url",
        base,
        "--database",
        url,
    ])
}

#[test]
fn a_fetch_fills_the_cache_across_pages_and_goals_shows_the_value_the_median_and_the_assessment() {
    let base = server::serve(answers((200, PAGE_ONE)));
    let url = database("fetch");
    let fetched = fetch(&base, &url);
    assert!(fetched.status.success(), "{}", text(&fetched.stderr));
    assert!(
        text(&fetched.stdout).contains("hämtade 4 värden på 5 sidor"),
        "{}",
        text(&fetched.stdout)
    );
    // The overarching goal's KPI, laid over the budget as the demo lays its goals.
    let goals_file =
        std::env::temp_dir().join(format!("styr-cli-kolada-goals-{}.toml", std::process::id()));
    std::fs::write(&goals_file, GOALS).expect("a goals file");
    let app_url = url.clone();
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let app = styr_app::App::open(&app_url)
            .await
            .expect("the database opens");
        let snapshot = app.snapshot(1).await.expect("the budget");
        let laid = styr_import::parse_goals(GOALS, &snapshot.budget).expect("the goals read");
        let mut goal = snapshot
            .budget
            .goals
            .iter()
            .find(|goal| goal.id == laid[0].id)
            .cloned()
            .expect("the goal");
        goal.kpis = laid[0].kpis.clone();
        app.change(
            &styr_app::Actor::named("test"),
            1,
            None,
            &styr_domain::change::Change::PutGoal { goal },
        )
        .await
        .expect("the KPI");
    });
    let shown = styr(&[
        "goals",
        "--database",
        &url,
        "--period",
        "2024",
        "--format",
        "json",
    ]);
    assert!(shown.status.success(), "{}", text(&shown.stderr));
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("JSON");
    let goal = json["goals"]
        .as_array()
        .expect("goals")
        .iter()
        .find(|goal| goal["id"] == "sveriges-mest-effektiva-kommun")
        .expect("the goal");
    let peer = &goal["kpis"][0]["peer"];
    assert_eq!(peer["own"], "-1.2", "the kommun's value, exact");
    assert_eq!(
        peer["median"], "1.6",
        "the median of 0,8 and 2,4; Mark's null is not a zero"
    );
    assert_eq!(peer["missing"][0], "1463");
    assert_eq!(
        json["judgement"]["verdict"], "cannot_judge",
        "no quality KPI to compare"
    );
    assert_eq!(json["judgement"]["cost_within"], true);
    assert_eq!(
        goal["computed"]["computed"], "fulfilled",
        "without a judgement, its KPI at its target decides"
    );
    let as_text = styr(&["goals", "--database", &url, "--period", "2024"]);
    assert!(
        text(&as_text.stdout).contains("Källa: Kolada"),
        "{}",
        text(&as_text.stdout)
    );
}

#[test]
fn a_failing_server_stops_the_fetch_and_writes_nothing() {
    let base = server::serve(answers((500, "Internt fel")));
    let url = database("failing");
    let fetched = fetch(&base, &url);
    assert_eq!(fetched.status.code(), Some(1));
    let message = text(&fetched.stderr);
    assert!(message.contains("Kolada svarade 500"), "{message}");
    assert!(message.contains("inget sparades"), "{message}");
    let shown = styr(&["goals", "--database", &url, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("JSON");
    assert!(json["peer_group"].is_null(), "no group was chosen");
}

#[test]
fn a_saved_answer_imports_and_a_truncated_one_is_refused_whole() {
    let url = database("import");
    let dir = std::env::temp_dir();
    let good = dir.join(format!("styr-kolada-good-{}.json", std::process::id()));
    std::fs::write(&good, PAGE_TWO).expect("a file");
    let imported = styr(&[
        "kolada",
        "import",
        good.to_str().expect("a path"),
        "--database",
        &url,
    ]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(
        text(&imported.stdout).contains("2 nya"),
        "{}",
        text(&imported.stdout)
    );
    let bad = dir.join(format!("styr-kolada-bad-{}.json", std::process::id()));
    std::fs::write(&bad, &PAGE_ONE[..40]).expect("a file");
    let refused = styr(&[
        "kolada",
        "import",
        bad.to_str().expect("a path"),
        "--database",
        &url,
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("inget lästes in"),
        "{}",
        text(&refused.stderr)
    );
}

#[test]
fn configured_limits_hold_for_a_fetch_and_an_import_and_name_their_key() {
    let dir = std::env::temp_dir();
    let limits = dir.join(format!("styr-kolada-limits-{}.toml", std::process::id()));
    std::fs::write(&limits, "[limits]\nvalue_rows = 1\nfile_bytes = 300\n").expect("a file");
    let limits = limits.to_str().expect("a path");
    // The first page (two rows, over 300 bytes) reads within the defaults: the fetch test.
    let base = server::serve(answers((200, PAGE_ONE)));
    let url = database("limits");
    let refused = styr(&[
        "--limits",
        limits,
        "kolada",
        "fetch",
        "--kpi",
        "N00097",
        "--municipality",
        "1489",
        "--peers",
        "G37411",
        "--year",
        "2024",
        "--base-url",
        &base,
        "--database",
        &url,
    ]);
    assert_ne!(refused.status.code(), Some(0));
    let message = text(&refused.stderr);
    assert!(
        message.contains("(gränsen file_bytes = 300 byte)") && message.contains("inget sparades"),
        "{message}"
    );

    // A download of two rows, under 300 bytes: past the rows, read within the defaults.
    let download = dir.join(format!("styr-kolada-rows-{}.csv", std::process::id()));
    std::fs::write(
        &download,
        "kpi;municipality;period;value\nN00097;1489;2024;-1,2\nN00097;1441;2024;0,8\n",
    )
    .expect("a file");
    let download = download.to_str().expect("a path");
    let import = |extra: &[&str]| {
        let mut arguments = extra.to_vec();
        arguments.extend(["kolada", "import", download, "--database", &url]);
        styr(&arguments)
    };
    let refused = import(&["--limits", limits]);
    assert_eq!(refused.status.code(), Some(2));
    let message = text(&refused.stderr);
    assert!(
        message.contains("filen har fler rader än 1 (gränsen value_rows = 1)"),
        "{message}"
    );
    let imported = import(&[]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(
        text(&imported.stdout).contains("2 nya"),
        "{}",
        text(&imported.stdout)
    );

    // A file past the configured bytes is not read at all.
    let large = dir.join(format!("styr-kolada-large-{}.json", std::process::id()));
    std::fs::write(&large, PAGE_ONE).expect("a file");
    let refused = styr(&[
        "--limits",
        limits,
        "kolada",
        "import",
        large.to_str().expect("a path"),
        "--database",
        &url,
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr)
            .contains("filen är större än 300 byte (gränsen file_bytes = 300 byte)"),
        "{}",
        text(&refused.stderr)
    );
}
