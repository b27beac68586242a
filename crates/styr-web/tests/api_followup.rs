//! Follow-up through the JSON API: import the books, read budget versus actual, set a forecast,
//! drill down, edit the rules; and the refusals.

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;
use support::{get, json, router_with_example, send};

const OUTCOME: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

async fn import(router: &axum::Router, bytes: &[u8], name: &str) -> support::Answer {
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!(
            "/api/v1/budgets/1/followup/imports?file_name={name}"
        ))
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(bytes.to_vec()))
        .expect("a request");
    send(router, request).await
}

#[tokio::test]
async fn the_books_are_imported_followed_up_and_drilled_into() {
    let router = router_with_example("api-followup").await;
    let answer = import(&router, OUTCOME, "utfall.se").await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    let record = answer.json();
    assert_eq!(record["first_month"], "2025-01");
    assert_eq!(record["last_month"], "2025-08");
    assert_eq!(record["replaced_rows"], 0);

    let report = get(&router, "/api/v1/budgets/1/followup").await.json();
    assert_eq!(report["through"], 8);
    assert_eq!(report["budget_source"], "budget");
    assert_eq!(report["groups"][0]["code"], "ks");
    let personnel = &report["groups"][0]["rows"][1];
    assert_eq!(personnel["row"], "personnel");
    assert_eq!(personnel["forecast_entered"], false);
    assert_eq!(personnel["months"].as_array().map(Vec::len), Some(12));
    assert_eq!(report["unmapped_cost_centres"][0]["code"], "990");

    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/followup/forecasts/ks/personnel",
        json!({ "amount": "-120 000", "comment": "Vakanser" }),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let personnel = &answer.json()["groups"][0]["rows"][1];
    assert_eq!(personnel["forecast"]["tkr"], "-120 000");
    assert_eq!(personnel["forecast_comment"], "Vakanser");

    let rows = get(
        &router,
        "/api/v1/budgets/1/followup/rows?group=ks&row=personnel&month=2025-03",
    )
    .await;
    assert_eq!(rows.status, StatusCode::OK, "{}", rows.body);
    let rows = rows.json();
    let first = &rows[0];
    assert_eq!(first["account"], 5011);
    let voucher = get(
        &router,
        &format!(
            "/api/v1/budgets/1/followup/vouchers/{}",
            first["voucher_id"]
        ),
    )
    .await;
    assert_eq!(voucher.status, StatusCode::OK);
    assert_eq!(voucher.json()[0]["series"], "A");

    // The same file again replaces, never doubles.
    let again = import(&router, OUTCOME, "utfall.se").await.json();
    assert_eq!(again["replaced_rows"], record["rows"]);
    let after = get(&router, "/api/v1/budgets/1/followup").await.json();
    assert_eq!(
        after["total"]["rows"][1]["ytd_actual"],
        report["total"]["rows"][1]["ytd_actual"]
    );
    let log = get(&router, "/api/v1/budgets/1/followup/imports")
        .await
        .json();
    assert_eq!(log.as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn a_broken_file_imports_nothing_and_names_its_line() {
    let router = router_with_example("api-followup-broken").await;
    let broken =
        b"#FLAGGA 0\n#VER A 1 20250115\n{\n#TRANS 5011 {} 100.00\n#TRANS 1930 {} -99.00\n}\n";
    let answer = import(&router, broken, "trasig.se").await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = answer.json();
    assert_eq!(body["error"], "unreadable");
    assert!(
        body["fields"]["001"]
            .as_str()
            .is_some_and(|text| text.contains("rad 2") && text.contains("balanserar inte")),
        "{body}"
    );
    let log = get(&router, "/api/v1/budgets/1/followup/imports")
        .await
        .json();
    assert_eq!(log.as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn the_rules_are_read_edited_and_checked() {
    let router = router_with_example("api-followup-rules").await;
    let rules = get(&router, "/api/v1/budgets/1/followup/account-rules")
        .await
        .json();
    assert!(rules.as_array().is_some_and(|rules| {
        rules
            .iter()
            .any(|rule| rule["prefix"] == "61" && rule["row"] == "premises_rent")
    }));
    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/followup/account-rules",
        json!([{ "prefix": "3", "row": "revenue" }, { "prefix": "3x", "row": "revenue" }]),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/followup/account-rules",
        json!([{ "prefix": "3", "row": "revenue" }, { "prefix": "4", "row": "other_costs" }, { "prefix": "8", "row": null }]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.json().as_array().map(Vec::len), Some(3));
    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/followup/cost-centre-rules",
        json!([{ "object": "990", "unit": "finns-inte", "valid_from": null, "valid_to": null }]),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/followup/cost-centre-rules",
        json!([{ "object": "990", "unit": "klk", "valid_from": "2025-01-01", "valid_to": null }]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        import(&router, OUTCOME, "utfall.se").await.status,
        StatusCode::CREATED
    );
    let report = get(&router, "/api/v1/budgets/1/followup").await.json();
    assert_eq!(
        report["unmapped_cost_centres"].as_array().map(Vec::len),
        Some(0),
        "990 now belongs to KLK"
    );
    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/followup/forecasts/ks/costs",
        json!({ "amount": "-1" }),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a derived row takes no forecast"
    );
}

#[tokio::test]
async fn a_profile_spreads_a_line_by_its_weights() {
    let router = router_with_example("api-followup-profiles").await;
    let answer = json(
        &router,
        Method::PUT,
        "/api/v1/budgets/1/followup/profiles",
        json!({ "personnel": [1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1] }),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.json()["personnel"][5], 2);
    let report = get(&router, "/api/v1/budgets/1/followup").await.json();
    let personnel = &report["groups"][0]["rows"][1];
    // -116 205 000 kr over 13 parts, June taking two: 8 938 846 kr a part and 2 kr over, which
    // go by the largest remainder to June (remainder 4 of 13) and to January (2, the first).
    assert_eq!(personnel["months"][0]["budget"]["ore"], -893_884_700i64);
    assert_eq!(personnel["months"][5]["budget"]["ore"], -1_787_769_300i64);
    assert_eq!(personnel["months"][1]["budget"]["ore"], -893_884_600i64);
    assert_eq!(personnel["year_budget"]["tkr"], "-116 205");
    for (body, why) in [
        (json!({ "personnel": [1, 1, 1] }), "twelve weights"),
        (json!({ "personnel": vec![0; 12] }), "not all zero"),
        (json!({ "costs": vec![1; 12] }), "an entered line"),
    ] {
        let answer = json(
            &router,
            Method::PUT,
            "/api/v1/budgets/1/followup/profiles",
            body,
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{why}");
    }
}

#[tokio::test]
async fn a_csv_profile_is_saved_and_a_csv_file_imported_by_it() {
    let router = router_with_example("api-followup-csv").await;
    let put = |body: &'static str| {
        Request::builder()
            .method(Method::PUT)
            .uri("/api/v1/import-profiles/Raindance")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from(body))
            .expect("a request")
    };
    let bad = send(&router, put("delimiter = \";\"\ndecimal = \";\"\n")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    let good = send(
        &router,
        put("delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\ncost_centre = \"Ansvar\"\namount = \"Belopp\"\n"),
    )
    .await;
    assert_eq!(good.status, StatusCode::OK, "{}", good.body);
    assert!(
        good.json()["Raindance"]
            .as_str()
            .is_some_and(|text| text.contains("Ansvar"))
    );
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/budgets/1/followup/imports?file_name=utfall.csv&profile=Raindance")
        .body(Body::from(
            "Datum;Konto;Ansvar;Belopp\n2025-02-10;5011;ks;1 000,50\n",
        ))
        .expect("a request");
    let answer = send(&router, request).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(answer.json()["format"], "CSV");
    let report = get(&router, "/api/v1/budgets/1/followup").await.json();
    assert_eq!(
        report["groups"][0]["rows"][1]["months"][1]["actual"]["ore"],
        -100_050
    );
}
