//! What people and programs send in is read at the edge: ids must be keys (a risk made with
//! the id `zz/../other-risk` could make a page's "Ta bort" delete *another* risk), names with
//! `/` still reach their record, hidden characters are refused, and an address or a query
//! that does not read answers in Swedish — a page, or the API's JSON error body.

mod support;

use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{get, json, post_form, router_with_example};

#[tokio::test]
async fn a_risk_whose_id_is_a_path_is_refused() {
    let router = router_with_example("input-risk-path").await;
    let refused = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/risks",
        json!({ "id": "zz/../cyberhot", "name": "Annan risk", "probability": 2, "materiality": 2, "handling": "accept" }),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.json()["fields"]["id"].is_string(),
        "{}",
        refused.body
    );
    let risks = get(&router, "/api/v1/budgets/1/risks").await.json();
    assert!(
        risks["risks"]
            .as_array()
            .expect("risks")
            .iter()
            .all(|risk| risk["name"] != "Annan risk")
    );
}

#[tokio::test]
async fn an_address_that_is_a_path_removes_nothing() {
    let router = router_with_example("input-remove-path").await;
    // What a browser would post had the page put `zz/../cyberhot` in a form's address raw.
    let crafted = post_form(&router, "/budget/1/risker/zz%2F..%2Fcyberhot/ta-bort", &[]).await;
    assert_eq!(crafted.status, StatusCode::NOT_FOUND, "{}", crafted.body);
    assert!(
        crafted.body.contains("Sidan finns inte"),
        "{}",
        crafted.body
    );
    let api = json(
        &router,
        Method::DELETE,
        "/api/v1/budgets/1/risks/zz%2F..%2Fcyberhot",
        json!({}),
    )
    .await;
    assert_eq!(api.status, StatusCode::NOT_FOUND, "{}", api.body);
    assert_eq!(api.json()["error"], "not_found");
    let risks = get(&router, "/api/v1/budgets/1/risks").await.json();
    assert!(
        risks["risks"]
            .as_array()
            .expect("risks")
            .iter()
            .any(|risk| risk["id"] == "cyberhot")
    );
}

#[tokio::test]
async fn a_project_named_with_a_slash_is_removed_from_its_page() {
    let router = router_with_example("input-slash").await;
    let added = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/investments",
        json!({ "name": "Gång/cykelväg", "category": "expansion", "amounts": [{ "year": 2025, "amount": "1 000" }] }),
    )
    .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let page = get(&router, "/budget/1/investeringar").await;
    let action = "/budget/1/investeringar/G%C3%A5ng%2Fcykelv%C3%A4g/ta-bort";
    assert!(
        page.body.contains(action),
        "the form's address escapes the name"
    );
    let removed = post_form(&router, action, &[]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let plan = get(&router, "/api/v1/budgets/1/investments").await.json();
    assert!(
        plan["projects"]
            .as_array()
            .expect("projects")
            .iter()
            .all(|project| project["name"] != "Gång/cykelväg")
    );
}

#[tokio::test]
async fn a_name_with_a_bidi_override_is_refused_on_the_page_and_in_the_api() {
    let router = router_with_example("input-bidi").await;
    let name = "Cyber\u{202E}toh";
    let api = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/risks",
        json!({ "name": name, "probability": 2, "materiality": 2, "handling": "accept" }),
    )
    .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", api.body);
    assert!(
        api.json()["fields"]["name"]
            .as_str()
            .is_some_and(|message| message.contains("U+202E")),
        "{}",
        api.body
    );
    let page = post_form(
        &router,
        "/budget/1/risker",
        &[
            ("name", name),
            ("probability", "2"),
            ("materiality", "2"),
            ("handling", "accept"),
        ],
    )
    .await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert!(page.body.contains("U+202E"), "{}", page.body);
}

#[tokio::test]
async fn an_address_that_does_not_read_answers_in_swedish() {
    let router = router_with_example("input-bad-path").await;
    let page = get(&router, "/budget/abc/drift").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(
        page.content_type.starts_with("text/html"),
        "{}",
        page.content_type
    );
    assert!(page.body.contains("Sidan finns inte"), "{}", page.body);
    let nowhere = get(&router, "/api/v1/ingenting").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert_eq!(nowhere.json()["error"], "not_found");
    let api = get(&router, "/api/v1/budgets/abc").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.json()["error"], "not_found");
    let query = get(&router, "/api/v1/budgets/1/followup?through=mars").await;
    assert_eq!(query.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(query.content_type.starts_with("application/json"));
    assert_eq!(query.json()["error"], "invalid");
    let month = get(&router, "/api/v1/budgets/1/followup?through=13").await;
    assert_eq!(
        month.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        month.body
    );
    let drill = get(&router, "/budget/1/uppfoljning/utfall?rad=net_cost&manad=x").await;
    assert_eq!(drill.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(drill.body.contains("kunde inte läsas"), "{}", drill.body);
}
