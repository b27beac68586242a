//! Goals followed up through the router: the Måluppfyllelse page and a KPI's page (values
//! entered, a target set, the fulfilment shown with its trail, charts that read without
//! colour), the API (values, targets, assessments, a CSV of values all or nothing, the
//! Kolada cache) and who may do what.

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;
use support::{
    acting_with, add_user, app_with_example, get, json, post_form, router_with_example, send,
    token_for,
};

async fn upload(router: &axum::Router, uri: &str, bytes: &[u8]) -> support::Answer {
    let request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(bytes.to_vec()))
        .expect("a request");
    send(router, request).await
}

#[tokio::test]
async fn three_rounds_and_a_target_through_the_pages_fulfil_the_goal() {
    let router = router_with_example("goals-pages").await;
    let page = get(&router, "/budget/1/maluppfyllelse").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Måluppfyllelse 2025"));
    assert!(
        page.body
            .contains("href=\"/budget/1/maluppfyllelse/nyckeltal/arbetsbelastningen\"")
    );
    for (period, value) in [("2025-O1", "3,6"), ("2025-O2", "3,7"), ("2025-O3", "3,9")] {
        let saved = post_form(
            &router,
            "/budget/1/maluppfyllelse/nyckeltal/arbetsbelastningen/varde",
            &[("period", period), ("value", value), ("comment", "")],
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    let target = post_form(
        &router,
        "/budget/1/maluppfyllelse/nyckeltal/arbetsbelastningen/malvarde",
        &[("year", "2025"), ("value", "3,8")],
    )
    .await;
    assert_eq!(target.status, StatusCode::SEE_OTHER, "{}", target.body);
    let kpi = get(
        &router,
        "/budget/1/maluppfyllelse/nyckeltal/arbetsbelastningen",
    )
    .await;
    assert!(
        kpi.body.contains("3,9 (omgång 3 2025) mot målvärdet 3,8"),
        "{}",
        kpi.body
    );
    assert!(
        kpi.body.contains("<svg class=\"kpi-chart\""),
        "a trend chart"
    );
    assert!(
        kpi.body.contains("● inmatat värde"),
        "a legend in words and shapes"
    );
    let page = get(&router, "/budget/1/maluppfyllelse").await;
    assert!(
        page.body.contains("1 av 1 nyckeltal når sitt målvärde"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("✔</span> uppfyllt"),
        "the light is a shape and a word"
    );
}

#[tokio::test]
async fn a_value_outside_the_range_is_shown_again_with_the_reason_and_nothing_stored() {
    let router = router_with_example("goals-refused").await;
    let refused = post_form(
        &router,
        "/budget/1/maluppfyllelse/nyckeltal/arbetsbelastningen/varde",
        &[("period", "2025-O1"), ("value", "tre"), ("comment", "")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("är inte ett tal"), "{}", refused.body);
    let api = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/kpis/arbetsbelastningen/values/2025-O9",
        json!({ "value": "3" }),
    )
    .await;
    assert_eq!(
        api.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the reference's survey is three times a year: {}",
        api.body
    );
    let unknown = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/kpis/okand/values/2025",
        json!({ "value": "3" }),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unknown.body.contains("finns inte i budgeten"),
        "{}",
        unknown.body
    );
    let values = get(&router, "/api/v1/budgets/1/kpis/arbetsbelastningen/values").await;
    assert_eq!(values.json(), json!([]));
}

#[tokio::test]
async fn the_api_enters_values_sets_a_target_assesses_and_imports_a_csv_whole() {
    let router = router_with_example("goals-api").await;
    let set = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/kpis/arbetsbelastningen/values/2025-O1",
        json!({ "value": "3,6", "comment": "mars" }),
    )
    .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    assert_eq!(set.json()[0]["value"], "3.6");
    assert_eq!(set.json()[0]["source"], "api");
    let target = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/goals/arbetsmiljomal/kpis/arbetsbelastningen/targets/2025",
        json!({ "value": "3,5" }),
    )
    .await;
    assert_eq!(target.status, StatusCode::OK, "{}", target.body);
    assert_eq!(target.json(), json!([{ "year": 2025, "value": "3.5" }]));
    let followup = get(&router, "/api/v1/budgets/1/goal-followup?period=2025")
        .await
        .json();
    let goal = followup["goals"]
        .as_array()
        .expect("goals")
        .iter()
        .find(|goal| goal["id"] == "arbetsmiljomal")
        .expect("the goal")
        .clone();
    assert_eq!(goal["computed"]["computed"], "fulfilled");
    let assessed = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/goals/arbetsmiljomal/assessments/2025",
        json!({ "fulfilment": "delvis_uppfyllt", "reason": "Bara första mätningen är gjord" }),
    )
    .await;
    assert_eq!(assessed.status, StatusCode::OK, "{}", assessed.body);
    assert_eq!(
        assessed.json()["computed"],
        "uppfyllt",
        "the computed one is kept beside"
    );
    let no_reason = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/goals/arbetsmiljomal/assessments/2025",
        json!({ "fulfilment": "uppfyllt", "reason": "" }),
    )
    .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad = upload(
        &router,
        "/api/v1/budgets/1/kpi-values",
        "nyckeltal;period;värde\narbetsbelastningen;2025-O2;3,7\narbetsbelastningen;2025-O3;x\n"
            .as_bytes(),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("rad 3"), "the line named: {}", bad.body);
    let values = get(&router, "/api/v1/budgets/1/kpis/arbetsbelastningen/values")
        .await
        .json();
    assert_eq!(
        values.as_array().map(Vec::len),
        Some(1),
        "nothing of the bad file"
    );
    let good = upload(
        &router,
        "/api/v1/budgets/1/kpi-values",
        "nyckeltal;period;värde\narbetsbelastningen;2025-O2;3,7\narbetsbelastningen;2025-O3;3,9\n"
            .as_bytes(),
    )
    .await;
    assert_eq!(good.status, StatusCode::CREATED, "{}", good.body);
    assert_eq!(good.json()["values"], 2);
    let removed = json(
        &router,
        Method::DELETE,
        "/api/v1/budgets/1/kpis/arbetsbelastningen/values/2025-O3",
        json!(null),
    )
    .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
}

#[tokio::test]
async fn a_kolada_file_fills_the_cache_and_a_peer_group_puts_the_kommun_among_its_peers() {
    let router = router_with_example("goals-kolada").await;
    for (name, bytes) in [
        (
            "grupp.json",
            include_bytes!("../../../examples/demo/kolada-grupp.json").as_slice(),
        ),
        (
            "varden.json",
            include_bytes!("../../../examples/demo/kolada-varden.json").as_slice(),
        ),
    ] {
        let answer = upload(
            &router,
            &format!("/api/v1/kolada/imports?file_name={name}"),
            bytes,
        )
        .await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    }
    let truncated = upload(
        &router,
        "/api/v1/kolada/imports?file_name=trasig.json",
        br#"{"values": [{"kpi": "N00097""#,
    )
    .await;
    assert_eq!(
        truncated.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        truncated.body
    );
    let chosen = json(
        &router,
        Method::PUT,
        "/api/v1/kolada/peers/1489",
        json!({ "group": "G1489EX" }),
    )
    .await;
    assert_eq!(chosen.status, StatusCode::NO_CONTENT, "{}", chosen.body);
    let unknown = json(
        &router,
        Method::PUT,
        "/api/v1/kolada/peers/1489",
        json!({ "group": "G999" }),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let cache = get(&router, "/api/v1/kolada?municipality=1489")
        .await
        .json();
    assert_eq!(cache["peer_group"], "G1489EX");
    assert_eq!(cache["attribution"], "Källa: Kolada");
    assert_eq!(
        cache["fetches"].as_array().map(Vec::len),
        Some(2),
        "the truncated file left nothing"
    );
    let values = get(&router, "/api/v1/kolada/kpis/N00097/values")
        .await
        .json();
    assert_eq!(
        values.as_array().map(Vec::len),
        Some(48),
        "8 municipalities × 6 years"
    );
    let own = json(
        &router,
        Method::PUT,
        "/api/v1/kolada/groups/Gegna",
        json!({ "title": "Våra grannar", "members": ["1441", "1402"] }),
    )
    .await;
    assert_eq!(own.status, StatusCode::NO_CONTENT, "{}", own.body);
    let bad = json(
        &router,
        Method::PUT,
        "/api/v1/kolada/groups/Gegna",
        json!({ "title": "Fel", "members": ["14/41"] }),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_reader_and_another_units_budgetansvarig_are_refused_and_on_record() {
    let app = app_with_example("goals-access").await;
    add_user(&app, "lasare", "lasare", None).await;
    add_user(&app, "ekonom", "budgetansvarig", Some("ekonomiavdelningen")).await;
    add_user(&app, "kschef", "budgetansvarig", Some("ks")).await;
    for (user, expected) in [
        ("lasare", StatusCode::FORBIDDEN),
        ("ekonom", StatusCode::FORBIDDEN),
        ("kschef", StatusCode::OK),
    ] {
        let router = acting_with(app.clone(), token_for(&app, user).await);
        let answer = json(
            &router,
            Method::PUT,
            "/api/v1/budgets/1/kpis/arbetsbelastningen/values/2025-O1",
            json!({ "value": "3,6" }),
        )
        .await;
        assert_eq!(answer.status, expected, "{user}: {}", answer.body);
    }
    let reader = acting_with(app.clone(), token_for(&app, "lasare").await);
    let upload_refused = upload(&reader, "/api/v1/kolada/imports?file_name=x.json", b"{}").await;
    assert_eq!(upload_refused.status, StatusCode::FORBIDDEN);
    let csv_refused = upload(
        &reader,
        "/api/v1/budgets/1/kpi-values",
        b"nyckeltal;period;v\n",
    )
    .await;
    assert_eq!(csv_refused.status, StatusCode::FORBIDDEN);
    let page = get(&reader, "/budget/1/maluppfyllelse").await;
    assert_eq!(page.status, StatusCode::OK, "a reader reads");
    assert!(
        !page.body.contains("Spara bedömningen"),
        "and is offered no form"
    );
    let log = app
        .audit_log(
            &styr_app::Actor::named("test"),
            &styr_app::AuditFilter::default(),
        )
        .await
        .expect("the log");
    let refused = |user: &str| {
        log.iter()
            .filter(|record| record.entry.action == "nekad" && record.actor == user)
            .count()
    };
    assert_eq!(
        refused("lasare"),
        3,
        "the value, the Kolada file and the CSV, each on record"
    );
    assert_eq!(refused("ekonom"), 1);
    assert_eq!(refused("kschef"), 0);
}
