//! A board's own budget against kommunfullmäktige's frame, on both levels (issue 15): the
//! reference board budget (Kommunstyrelsen i Alingsås 2025) beside a council budget for
//! Alingsås 2025 that gives Kommunstyrelsen its frames summed in every year but one. The
//! board's Ramberäkning names the year that differs and the council's Ramar och nämnder says
//! the board's budget does not fit; the board takes the council's kommunbidrag with one
//! action, and then agrees; a later council budget for the year is the one compared.

mod support;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use styr_domain::money::Amount;
use support::get;

/// A council budget for Alingsås 2025–2027 giving Kommunstyrelsen `frames` (tkr by year).
fn council(frames: &BTreeMap<u16, i64>) -> String {
    let years: String = frames
        .iter()
        .map(|(year, tkr)| format!("[[board.frame.year]]\nyear = {year}\namount = {tkr}\n"))
        .collect();
    format!(
        r#"format = 1
[municipality]
name = "Alingsås kommun"
code = "1489"
[document]
title = "Mål och budget 2025–2027 (prov)"
[budget]
previous_year = 2024
year = 2025
plan_years = [2026, 2027]
[[index]]
name = "PKV"
vintage = "prov"
values = {{ 2025 = "2,5", 2026 = "3,2", 2027 = "3,0" }}
[[board]]
id = "ks"
name = "Kommunstyrelsen"
[board.frame]
index = "PKV"
vintage = "prov"
{years}
[balance]
opening = {{ fixed_assets = 0, current_assets = 0, cash = 0, equity = 0, provisions = 0, long_term_liabilities = 0, current_liabilities = 0 }}
"#
    )
}

#[tokio::test]
async fn the_board_budget_and_the_council_say_where_the_frames_differ() {
    let app = support::app_with_example("municipal-council").await;
    let router = {
        support::add_user(&app, "admin", "admin", None).await;
        let token = support::token_for(&app, "admin").await;
        support::acting_with(std::sync::Arc::clone(&app), token)
    };
    let before = get(&router, "/budget/1/ram").await;
    assert!(
        !before.body.contains("Kommunfullmäktiges ram"),
        "no council budget yet"
    );

    let snapshot = app.snapshot(1).await.expect("the reference");
    let mut frames: BTreeMap<u16, i64> = BTreeMap::new();
    for frame in &snapshot.report().frames {
        for year in &frame.years {
            let tkr = year.kommunbidrag.ore() / Amount::from_tkr(1).ore();
            *frames.entry(year.year.number()).or_default() += tkr;
        }
    }
    assert_eq!(
        frames.get(&2025),
        Some(&(118_535 + 233)),
        "Kommunstyrelsen and exploateringsenheten"
    );
    let mut differing = frames.clone();
    *differing.entry(2026).or_default() += 259;
    let operator = styr_app::Actor::named("test");
    let first = app
        .import_municipality(&operator, &council(&differing))
        .await
        .expect("the council budget is kept");

    let board = get(&router, "/budget/1/ram").await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(
        board.body.contains("summerar inte till det kommunbidrag"),
        "{}",
        board.body
    );
    let row = |body: &str, year: u16| {
        support::between(body, &format!("data-council-year=\"{year}\">"), "</tr>")
    };
    assert!(
        row(&board.body, 2026).contains("nej"),
        "{}",
        row(&board.body, 2026)
    );
    assert!(row(&board.body, 2025).contains("ja"));
    assert!(
        board
            .body
            .contains(&format!("href=\"/kommun/{first}/ramar\""))
    );

    let council_page = get(&router, &format!("/kommun/{first}/ramar")).await;
    let note = support::between(&council_page.body, "data-own-differs=\"ks\">", "</span>");
    assert!(note.contains("2026") && !note.contains("2025"), "{note}");
    assert!(council_page.body.contains("href=\"/budget/1/ram\""));

    // The board takes the council's kommunbidrag: 2026 then agrees, by its own frame.
    assert!(board.body.contains("action=\"/budget/1/kommunens-ram\""));
    let revision = app
        .snapshot(1)
        .await
        .expect("the budget")
        .revision
        .to_string();
    let taken = support::post_form(
        &router,
        "/budget/1/kommunens-ram",
        &[("revision", revision.as_str())],
    )
    .await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.body);
    let board = get(&router, "/budget/1/ram").await;
    assert!(
        board.body.contains("summerar till det kommunbidrag"),
        "{}",
        board.body
    );
    let log = app
        .audit_log(&operator, &Default::default())
        .await
        .expect("the log");
    assert!(
        log.iter()
            .any(|record| record.entry.entity.contains("2026")),
        "the frame change is logged"
    );

    // A later council budget for the year (the first figures again) is the one compared.
    let second = app
        .import_municipality(&operator, &council(&frames))
        .await
        .expect("kept");
    let board = get(&router, "/budget/1/ram").await;
    assert!(
        board.body.contains("summerar inte till det kommunbidrag"),
        "{}",
        board.body
    );
    assert!(
        board
            .body
            .contains(&format!("href=\"/kommun/{second}/ramar\""))
    );
    let council_page = get(&router, &format!("/kommun/{second}/ramar")).await;
    assert!(council_page.body.contains("data-own-differs=\"ks\""));
    let earlier = get(&router, &format!("/kommun/{first}/ramar")).await;
    assert!(
        !earlier.body.contains("Nämndens budget"),
        "only the latest year is the frame"
    );
}
