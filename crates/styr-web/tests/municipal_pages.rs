//! Hela kommunens budget in the web app, through the real router: a budget year of the demo
//! municipality kept in the database is linked from the start page, its Mål och budget shown as
//! kommunfullmäktige's document and downloaded as PDF, to everyone who reads; a year that does
//! not exist is a 404; and keeping a year is the council's controllers', not a läsare's.

mod support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use support::{acting_with, add_user, app_with_example, send, token_for};

const EXEMPELBY: &str = include_str!("../../../examples/demo/exempelby-kommun.toml");

async fn page(router: &axum::Router, uri: &str) -> support::Answer {
    send(
        router,
        Request::get(uri).body(Body::empty()).expect("a request"),
    )
    .await
}

#[tokio::test]
async fn a_municipal_year_is_linked_shown_and_downloaded_and_kept_only_by_a_controller() {
    let app = app_with_example("municipal-pages").await;
    let id = app
        .import_municipality(&styr_app::Actor::named("test"), EXEMPELBY)
        .await
        .expect("the demo municipality is kept");
    add_user(&app, "lasare", "lasare", None).await;
    let reader = acting_with(Arc::clone(&app), token_for(&app, "lasare").await);

    let start = page(&reader, "/").await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(
        start.body.contains("Hela kommunens budget"),
        "{}",
        start.body
    );
    assert!(
        start.body.contains(&format!(
            "href=\"/kommun/{id}\">Exempelby kommun – Mål och budget 2026"
        )),
        "{}",
        start.body
    );

    let shown = page(&reader, &format!("/kommun/{id}")).await;
    assert_eq!(shown.status, StatusCode::OK);
    for heading in [
        "Resultatbudget",
        "Balansbudget",
        "Kassaflödesbudget",
        "Driftbudget per nämnd",
        "Finansiella mål",
    ] {
        assert!(shown.body.contains(heading), "{heading} is on the page");
    }
    assert!(
        shown.body.contains("påhittad") || shown.body.contains("påhittat"),
        "the demo says it is invented"
    );

    let pdf = send(
        &reader,
        Request::get(format!("/kommun/{id}/mal-och-budget.pdf"))
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with("%PDF-"), "a PDF");

    assert_eq!(
        page(&reader, "/kommun/99").await.status,
        StatusCode::NOT_FOUND
    );

    let lasare = styr_app::Actor {
        role: styr_app::Role::from_parts(styr_app::RoleKind::Reader, None).expect("a role"),
        ..styr_app::Actor::named("lasare")
    };
    let refused = app.import_municipality(&lasare, EXEMPELBY).await;
    assert!(
        matches!(refused, Err(styr_app::AppError::Forbidden(_))),
        "{refused:?}"
    );
    assert_eq!(
        app.municipal_years(&lasare).await.expect("read").len(),
        1,
        "nothing more kept"
    );
}
