//! The client against a local server shaped like Kolada v3: several pages, nulls, peers, the
//! id chunks, and every way an answer goes wrong — an HTTP error, a timeout, a page loop, an
//! unknown id, a truncated answer, an answer past the configured limits. No test needs the
//! internet.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use styr_domain::calendar::Year;
use styr_import::Limits;
use styr_kolada::{Client, FetchError, Http, Request};
use support::{Answer, ok, serve};

const KPI: &str = r#"{"count": 1, "values": [{"id": "N00097", "title": "Nettokostnadsavvikelse totalt (exkl. LSS), %", "is_divided_by_gender": 0}]}"#;
const ALINGSAS: &str =
    r#"{"count": 1, "values": [{"id": "1489", "title": "Alingsås", "type": "K"}]}"#;
const GROUP: &str = r#"{"count": 1, "values": [{"id": "G37411", "title": "Liknande kommuner, Alingsås", "members": [{"member_id": "1441", "member_title": "Lerum"}, {"member_id": "1482", "member_title": "Kungälv"}]}]}"#;
const DATA: &str = "/v3/data/kpi/N00097/municipality/1489,1441,1482/year/2023,2024?per_page=5000";
const PAGE_ONE: &str = r#"{"count": 3, "next_url": "{base}/data/kpi/N00097/municipality/1489,1441,1482/year/2023,2024?per_page=5000&page=2", "values": [
 {"kpi": "N00097", "municipality": "1489", "period": 2024, "values": [{"gender": "T", "count": 1, "status": "", "value": -1.2}]},
 {"kpi": "N00097", "municipality": "1441", "period": 2024, "values": [{"gender": "T", "count": 1, "status": "", "value": 0.8}]}]}"#;
const PAGE_TWO: &str = r#"{"count": 3, "values": [
 {"kpi": "N00097", "municipality": "1482", "period": 2024, "values": [{"gender": "T", "count": 0, "status": "", "value": null}]}]}"#;

fn years() -> Vec<Year> {
    vec![
        Year::new(2023).expect("a year"),
        Year::new(2024).expect("a year"),
    ]
}

fn request() -> Request {
    Request {
        kpis: vec!["N00097".into()],
        municipalities: vec!["1489".into()],
        peers: Some("G37411".into()),
        years: years(),
    }
}

fn answers(data: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    let mut answers: BTreeMap<String, Answer> = [
        ("/v3/kpi/N00097", ok(KPI)),
        ("/v3/municipality/1489", ok(ALINGSAS)),
        ("/v3/municipality_groups/G37411", ok(GROUP)),
    ]
    .into_iter()
    .map(|(path, answer)| (path.to_string(), answer))
    .collect();
    for (path, answer) in data {
        answers.insert(path.to_string(), answer.clone());
    }
    answers
}

fn client(base: &str, seconds: u64) -> Client<Http> {
    Client::new(base, Http::new(Duration::from_secs(seconds)))
}

#[test]
fn a_fetch_follows_every_page_and_keeps_the_nulls_and_the_peers() {
    let second = format!("{DATA}&page=2");
    let server = serve(answers(&[
        (DATA, ok(PAGE_ONE)),
        (second.as_str(), ok(PAGE_TWO)),
    ]));
    let fetched = client(&server.base, 10).fetch(&request()).expect("a fetch");
    assert_eq!(fetched.values.len(), 3);
    assert_eq!(fetched.values[2].value, None, "a null stays missing");
    assert_eq!(fetched.groups[0].members.len(), 2);
    assert_eq!(fetched.asked, ["1489", "1441", "1482"]);
    assert_eq!(
        fetched.pages, 5,
        "metadata, name, group and two pages of values"
    );
    assert_eq!(
        fetched.kpis[0].title,
        "Nettokostnadsavvikelse totalt (exkl. LSS), %"
    );
}

#[test]
fn a_failing_server_is_named_with_its_status_and_address() {
    let server = serve(answers(&[(
        DATA,
        Answer {
            status: 503,
            body: "Tjänsten är nere".into(),
            delay: Duration::ZERO,
        },
    )]));
    let error = client(&server.base, 10)
        .fetch(&request())
        .expect_err("a server error");
    assert!(
        matches!(error, FetchError::Status { status: 503, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("/data/kpi/N00097"), "{error}");
    assert!(error.to_string().contains("Tjänsten är nere"), "{error}");
}

#[test]
fn a_server_that_does_not_answer_in_time_is_a_timeout() {
    let server = serve(answers(&[(
        DATA,
        Answer {
            status: 200,
            body: PAGE_TWO.into(),
            delay: Duration::from_secs(3),
        },
    )]));
    let error = client(&server.base, 1)
        .fetch(&request())
        .expect_err("too slow");
    assert!(matches!(error, FetchError::Timeout { .. }), "{error}");
}

#[test]
fn a_page_that_links_back_is_a_loop_and_a_foreign_page_is_refused() {
    let looping = PAGE_TWO.replacen(
        "{\"count\": 3,",
        &format!("{{\"count\": 3, \"next_url\": \"{{base}}{}\",", &DATA[3..]),
        1,
    );
    let server = serve(answers(&[(DATA, ok(&looping))]));
    let error = client(&server.base, 10)
        .fetch(&request())
        .expect_err("a loop");
    assert!(matches!(error, FetchError::Loop { .. }), "{error}");
    let foreign = PAGE_TWO.replacen(
        "{\"count\": 3,",
        "{\"count\": 3, \"next_url\": \"http://elsewhere.invalid/v3/data\",",
        1,
    );
    let server = serve(answers(&[(DATA, ok(&foreign))]));
    let error = client(&server.base, 10)
        .fetch(&request())
        .expect_err("a page elsewhere");
    assert!(matches!(error, FetchError::ForeignPage { .. }), "{error}");
}

#[test]
fn an_unknown_kpi_or_municipality_is_named_before_any_value_is_asked_for() {
    let server = serve(answers(&[]));
    let unknown = Request {
        kpis: vec!["N99999".into()],
        ..request()
    };
    let error = client(&server.base, 10)
        .fetch(&unknown)
        .expect_err("unknown");
    assert_eq!(error.to_string(), "Kolada känner inte nyckeltalet N99999");
    let nowhere = Request {
        municipalities: vec!["9999".into()],
        ..request()
    };
    let error = client(&server.base, 10)
        .fetch(&nowhere)
        .expect_err("unknown");
    assert_eq!(error.to_string(), "Kolada känner inte kommunen 9999");
    assert!(
        !server
            .log
            .lock()
            .expect("the log")
            .iter()
            .any(|path| path.contains("/data/"))
    );
    let bad = Request {
        kpis: vec!["N00097/../x".into()],
        ..request()
    };
    assert!(matches!(
        client(&server.base, 10).fetch(&bad),
        Err(FetchError::Invalid(_))
    ));
}

#[test]
fn a_truncated_answer_is_unreadable_and_names_the_address() {
    let server = serve(answers(&[(DATA, ok(&PAGE_ONE[..PAGE_ONE.len() / 2]))]));
    let error = client(&server.base, 10)
        .fetch(&request())
        .expect_err("truncated");
    assert!(matches!(error, FetchError::Unreadable { .. }), "{error}");
    assert!(error.to_string().contains("tar slut"), "{error}");
}

#[test]
fn long_id_lists_are_cut_into_chunks() {
    let municipalities: Vec<String> = (1..=10)
        .map(|number| format!("{:04}", 1400 + number))
        .collect();
    let names = format!(
        r#"{{"values": [{}]}}"#,
        municipalities
            .iter()
            .map(|id| format!(r#"{{"id": "{id}", "title": "K{id}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut all = answers(&[]);
    all.insert(
        format!("/v3/municipality/{}", municipalities.join(",")),
        ok(&names),
    );
    let server = serve(all);
    let request = Request {
        municipalities: municipalities.clone(),
        peers: None,
        ..request()
    };
    let fetched = client(&server.base, 10)
        .fetch(&request)
        .expect("empty answers are fine");
    assert!(fetched.values.is_empty());
    let log = server.log.lock().expect("the log");
    let data: Vec<&String> = log.iter().filter(|path| path.contains("/data/")).collect();
    assert_eq!(
        data.len(),
        2,
        "ten municipalities in chunks of eight: {data:?}"
    );
    assert!(data[0].contains(&municipalities[..8].join(",")));
}

#[test]
fn configured_limits_smaller_than_the_defaults_refuse_an_answer_the_defaults_read() {
    let second = format!("{DATA}&page=2");
    let server = serve(answers(&[
        (DATA, ok(PAGE_ONE)),
        (second.as_str(), ok(PAGE_TWO)),
    ]));
    client(&server.base, 10)
        .fetch(&request())
        .expect("within the defaults");

    // The first page has two rows: one is allowed.
    let rows = Limits {
        value_rows: 1,
        ..Limits::default()
    };
    let error = client(&server.base, 10)
        .with_limits(rows)
        .fetch(&request())
        .expect_err("past the rows");
    assert!(matches!(error, FetchError::Unreadable { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("/data/kpi/N00097"), "{message}");
    assert!(
        message.contains("svaret från Kolada har fler rader än 1 (gränsen value_rows = 1)"),
        "{message}"
    );

    // The body is cut off as it arrives, at the configured bytes.
    let bytes = Limits {
        file_bytes: 200,
        ..Limits::default()
    };
    let error = Client::new(
        &server.base,
        Http::new(Duration::from_secs(10)).with_limits(bytes.clone()),
    )
    .with_limits(bytes)
    .fetch(&request())
    .expect_err("past the bytes");
    assert!(matches!(error, FetchError::TooLarge(_)), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("svaret från {}/data/kpi/N00097/", server.base)),
        "the page past the limit is named: {message}"
    );
    assert!(
        message.ends_with("är större än 200 byte (gränsen file_bytes = 200 byte)"),
        "{message}"
    );
}
