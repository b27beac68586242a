//! The JSON API through the real router: every read, every write, and its errors.

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;
use support::{get, json, router_with_example, send};

#[tokio::test]
async fn budgets_are_listed_read_and_exported() {
    let router = router_with_example("api-read").await;
    let list = get(&router, "/api/v1/budgets").await.json();
    assert_eq!(list[0]["title"], "Kommunstyrelsen budget 2025–2027");
    let overview = get(&router, "/api/v1/budgets/1").await.json();
    assert_eq!(overview["tables"][0]["rows"][9]["key"], "result");
    assert_eq!(overview["findings"]["errors"], 9);
    assert_eq!(overview["investments"][5]["tkr"], "86 625");
    let report = get(&router, "/api/v1/budgets/1/report").await.json();
    assert_eq!(report["investment"]["plan_sum"], 61_369_800_000i64);
    let findings = get(&router, "/api/v1/budgets/1/findings").await.json();
    assert_eq!(findings["findings"].as_array().map(Vec::len), Some(14));
    let organisation = get(&router, "/api/v1/budgets/1/organisation").await.json();
    assert!(
        organisation
            .as_array()
            .is_some_and(|units| units.iter().any(|unit| unit["valid_to"] == "2024-12-31"))
    );
    let export = get(&router, "/api/v1/budgets/1/export").await;
    assert!(styr_import::parse_budget(&export.body).is_ok());
}

#[tokio::test]
async fn a_missing_budget_is_404_as_json() {
    let router = router_with_example("api-missing").await;
    for uri in [
        "/api/v1/budgets/9",
        "/api/v1/budgets/9/operating",
        "/api/v1/budgets/9/risks",
        "/api/v1/budgets/1/operating/ingen",
    ] {
        let answer = get(&router, uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(answer.json()["error"], "not_found", "{uri}");
    }
}

#[tokio::test]
async fn a_cell_written_recomputes_the_table() {
    let router = router_with_example("api-cell").await;
    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/other_costs/2025",
        json!({ "amount": "-47 752", "revision": 1 }),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let table = answer.json();
    assert_eq!(table["revision"], 2);
    let row = |key: &str| {
        table["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|row| row["key"] == key))
            .cloned()
            .expect("a row")
    };
    assert_eq!(row("costs")["values"][1]["tkr"], "-227 342");
    assert_eq!(row("result")["values"][1]["ore"], -9_900_000);
    assert_eq!(row("other_costs")["change"], "-6 165");
    let read = get(&router, "/api/v1/budgets/1/operating/ks").await.json();
    assert_eq!(read["revision"], 2);
}

#[tokio::test]
async fn a_cell_from_a_stale_revision_is_a_conflict_and_a_bad_amount_names_its_field() {
    let router = router_with_example("api-cell-errors").await;
    let uri = "/api/v1/budgets/1/operating/ks/lines/personnel/2025";
    json(
        &router,
        Method::PUT,
        uri,
        json!({ "amount": "-116 000", "revision": 1 }),
    )
    .await;
    let stale = json(
        &router,
        Method::PUT,
        uri,
        json!({ "amount": "-116 100", "revision": 1 }),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.json()["current_revision"], 2);
    let bad = json(&router, Method::PUT, uri, json!({ "amount": "mycket" })).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.json()["fields"]["amount"]
            .as_str()
            .is_some_and(|message| message.contains("”mycket” är inget belopp"))
    );
    let unknown_line = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/salaries/2025",
        json!({ "amount": "1" }),
    )
    .await;
    assert_eq!(unknown_line.status, StatusCode::UNPROCESSABLE_ENTITY);
    let outside = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/personnel/2031",
        json!({ "amount": "1" }),
    )
    .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        outside.json()["message"]
            .as_str()
            .is_some_and(|message| message.contains("ingår inte i budgeten"))
    );
    let broken = send(
        &router,
        Request::put(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{amount"))
            .expect("a request"),
    )
    .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(broken.json()["error"], "invalid");
    assert_eq!(
        get(&router, "/api/v1/budgets/1").await.json()["revision"],
        2,
        "only the first write landed"
    );
}

#[tokio::test]
async fn a_preview_computes_without_storing() {
    let router = router_with_example("api-preview").await;
    let cells = json!({ "cells": [{ "line": "revenue", "year": 2025, "amount": "110 000" }] });
    let preview = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/operating/ks/preview",
        cells,
    )
    .await
    .json();
    assert_eq!(preview["rows"][6]["values"][1]["tkr"], "-117 242");
    assert_eq!(
        get(&router, "/api/v1/budgets/1").await.json()["revision"],
        1
    );
    let bad = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/operating/ks/preview",
        json!({ "cells": [{ "line": "revenue", "year": 2025, "amount": "x" }] }),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.json()["fields"]["revenue:2025"].is_string());
}

#[tokio::test]
async fn explanations_frames_and_the_document_are_written() {
    let router = router_with_example("api-writes").await;
    let explained = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/explanations/premises_rent",
        json!({ "text": "Nytt kommunhus." }),
    )
    .await;
    assert_eq!(
        explained.json()["changes"][2]["explanation"],
        "Nytt kommunhus."
    );
    let frames = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/frames/ks/2025",
        json!({ "amount": "120 000" }),
    )
    .await
    .json();
    assert_eq!(frames[0]["years"][2]["kommunbidrag"]["tkr"], "123 000");
    let derived = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/frames/ks/2026",
        json!({ "amount": "1" }),
    )
    .await;
    assert_eq!(derived.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut document = get(&router, "/api/v1/budgets/1/document").await.json();
    document["owner"] = json!("Ny ansvarig");
    document["revision"] = json!(null);
    let saved = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/document",
        document.clone(),
    )
    .await;
    assert_eq!(saved.json()["owner"], "Ny ansvarig");
    document["decision_date"] = json!("16 december");
    let bad = json(&router, Method::PUT, "/api/v1/budgets/1/document", document).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.json()["fields"]["decision_date"].is_string());
}

#[tokio::test]
async fn projects_are_created_replaced_and_deleted() {
    let router = router_with_example("api-projects").await;
    let project = json!({ "name": "Ny skola", "category": "expansion", "amounts": [{ "year": 2027, "amount": "50 000" }] });
    let created = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/investments",
        project,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.json()["plan_sum"]["tkr"], "663 698");
    let replaced = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/investments/Ny%20skola",
        json!({ "name": "Ny skola", "category": "image", "amounts": [] }),
    )
    .await;
    assert_eq!(replaced.status, StatusCode::OK);
    let duplicate = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/investments",
        json!({ "name": "Stadsskogen", "category": "expansion" }),
    )
    .await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad_category = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/investments",
        json!({ "name": "X", "category": "annat" }),
    )
    .await;
    assert!(bad_category.json()["fields"]["category"].is_string());
    let deleted = send(
        &router,
        Request::delete("/api/v1/budgets/1/investments/Ny%20skola")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.json()["plan_sum"]["tkr"], "613 698");
    let missing = send(
        &router,
        Request::delete("/api/v1/budgets/1/investments/Finns%20inte")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn risks_controls_and_results_are_written() {
    let router = router_with_example("api-risks").await;
    let risk = json!({ "name": "Skred vid Mjörn", "probability": 2, "materiality": 4, "handling": "action" });
    let created = json(&router, Method::POST, "/api/v1/budgets/1/risks", risk).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let register = created.json();
    assert_eq!(
        register["matrix"][2][3]["risks"].as_array().map(Vec::len),
        Some(3)
    );
    let bad = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/risks",
        json!({ "name": "X", "probability": 7, "materiality": 1, "handling": "accept" }),
    )
    .await;
    assert!(bad.json()["fields"]["probability"].is_string());
    let in_use = send(
        &router,
        Request::delete("/api/v1/budgets/1/risks/valfardsbrottslighet")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(in_use.status, StatusCode::UNPROCESSABLE_ENTITY);
    let control = json!({ "risk": "skred-vid-mjorn", "method": "Besiktning", "responsible": "Säkerhetschef" });
    assert_eq!(
        json(&router, Method::POST, "/api/v1/budgets/1/controls", control)
            .await
            .status,
        StatusCode::CREATED
    );
    let result =
        json!({ "performed_on": "2025-09-01", "sample": "Strandlinjen", "deviations_found": 0 });
    let plan = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/controls/skred-vid-mjorn/results",
        result,
    )
    .await;
    assert_eq!(plan.status, StatusCode::CREATED);
    assert_eq!(
        plan.json()["controls"][7]["results"][0]["sample"],
        "Strandlinjen"
    );
    let bad_date = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/controls/skred-vid-mjorn/results",
        json!({ "performed_on": "igår", "sample": "x" }),
    )
    .await;
    assert!(bad_date.json()["fields"]["performed_on"].is_string());
    let replaced = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/controls/skred-vid-mjorn",
        json!({ "risk": "skred-vid-mjorn", "method": "Drönare", "responsible": "Säkerhetschef" }),
    )
    .await;
    assert_eq!(
        replaced.json()["controls"][7]["results"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "results are kept"
    );
    assert_eq!(
        send(
            &router,
            Request::delete("/api/v1/budgets/1/controls/skred-vid-mjorn")
                .body(Body::empty())
                .expect("a request")
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        send(
            &router,
            Request::delete("/api/v1/budgets/1/risks/skred-vid-mjorn")
                .body(Body::empty())
                .expect("a request")
        )
        .await
        .status,
        StatusCode::OK
    );
    let changed = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/risks/cyberhot",
        json!({ "name": "Cyberhot", "probability": 3, "materiality": 4, "handling": "control" }),
    )
    .await;
    assert_eq!(
        changed.json()["risks"][1]["name"],
        "Cyberhot",
        "now 12, second after Välfärdsbrottslighet"
    );
}

#[tokio::test]
async fn goals_and_investigations_are_written() {
    let router = router_with_example("api-registers").await;
    let goal = json!({ "kind": "board", "title": "Hållbar arbetsmiljö", "kpis": [{ "name": "Sjukfrånvaro", "measurements_per_year": 4 }] });
    let goals = json(&router, Method::POST, "/api/v1/budgets/1/goals", goal)
        .await
        .json();
    let added = goals["goals"]
        .as_array()
        .and_then(|goals| {
            goals
                .iter()
                .find(|goal| goal["id"] == "hallbar-arbetsmiljo")
        })
        .cloned()
        .expect("the goal");
    assert_eq!(added["schedules"][0], "fyra gånger per år");
    let bad = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/goals",
        json!({ "kind": "vision", "title": "" }),
    )
    .await;
    assert!(bad.json()["fields"]["kind"].is_string() && bad.json()["fields"]["title"].is_string());
    let replaced = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/goals/hallbar-arbetsmiljo",
        json!({ "kind": "board", "title": "Hållbar arbetsmiljö 2025" }),
    )
    .await;
    assert_eq!(replaced.status, StatusCode::OK);
    assert_eq!(
        send(
            &router,
            Request::delete("/api/v1/budgets/1/goals/hallbar-arbetsmiljo")
                .body(Body::empty())
                .expect("a request")
        )
        .await
        .status,
        StatusCode::OK
    );
    let investigation = json!({ "proposed_by": "Tekniska nämnden", "investigation": "Samordnad fordonspool", "coordinators": ["Ekonomiavdelningen"] });
    let register = json(
        &router,
        Method::POST,
        "/api/v1/budgets/1/efficiency",
        investigation,
    )
    .await
    .json();
    assert_eq!(
        register["investigations"][14]["investigation"],
        "Samordnad fordonspool"
    );
    let changed = json(&router, Method::PUT, "/api/v1/budgets/1/efficiency/14", json!({ "proposed_by": "Tekniska nämnden", "investigation": "Fordonspool", "prioritised": false })).await;
    assert_eq!(changed.json()["investigations"][14]["prioritised"], false);
    let removed = send(
        &router,
        Request::delete("/api/v1/budgets/1/efficiency/14")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(
        removed.json()["investigations"].as_array().map(Vec::len),
        Some(14)
    );
    let missing = send(
        &router,
        Request::delete("/api/v1/budgets/1/efficiency/99")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_budget_file_is_imported_through_the_api() {
    let router = router_with_example("api-import").await;
    let created = send(
        &router,
        Request::post("/api/v1/budgets")
            .body(Body::from(support::EXAMPLE))
            .expect("a request"),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.location.as_deref(), Some("/api/v1/budgets/2"));
    let broken = send(
        &router,
        Request::post("/api/v1/budgets")
            .body(Body::from("format = 1\n[municipality]\n"))
            .expect("a request"),
    )
    .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(broken.json()["error"], "unreadable");
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let router = router_with_example("api-openapi").await;
    let served = get(&router, "/api/openapi.json").await.json();
    assert_eq!(served["openapi"], "3.1.0");
    let paths = served["paths"].as_object().expect("paths");
    assert_eq!(
        paths.len(),
        // 43, the follow-up's and the versions' (issues 17, 20), the 11 of goals followed up
        // and the Kolada cache (issue 14), and the editor's 3 (issue 16).
        66,
        "every API path under /api/v1 is documented"
    );
    insta::assert_snapshot!("openapi", styr_web::openapi_document());
}
