//! A unit moved between boards from a date (issue 15), through the real router: Förskola 1
//! goes from Barn- och utbildningsnämnden to Socialnämnden from 2027-01-01 with its lines in
//! every year, the comparison year too; both boards' frames move by exactly its net cost, so
//! each board's result is what it was and the council's statements are unchanged; the move is
//! recorded and shown; only the council's controllers move between boards; a bad date changes
//! nothing. And a move within a board from a date: recorded, and the organisation page shows
//! the structure of the day before with the figures summed as it was.

mod support;

use std::sync::Arc;

use axum::http::StatusCode;
use styr_domain::money::Amount;
use support::{acting_with, add_user, app_with_example, get, post_form, token_for};

const EXEMPELBY: &str = include_str!("../../../examples/demo/exempelby-kommun.toml");

struct Board {
    kommunbidrag: Vec<Amount>,
    result: Vec<Amount>,
}

async fn board(app: &styr_app::App, id: i64, board: &str) -> Board {
    let year = support::municipal_year(app, id).await;
    let found = year
        .report
        .boards
        .iter()
        .find(|found| found.id == board)
        .expect("the board");
    Board {
        kommunbidrag: found.kommunbidrag(),
        result: found.result.clone(),
    }
}

#[tokio::test]
async fn an_ansvar_moves_to_another_board_with_its_figures_and_its_frame() {
    let app = app_with_example("municipal-move").await;
    let id = app
        .import_municipality(&styr_app::Actor::named("test"), EXEMPELBY)
        .await
        .expect("kept");
    add_user(&app, "controller", "controller", None).await;
    add_user(&app, "bun-controller", "namndcontroller", Some("bun")).await;
    let token = token_for(&app, "controller").await;
    let controller = acting_with(Arc::clone(&app), token);
    let token = token_for(&app, "bun-controller").await;
    let board_controller = acting_with(Arc::clone(&app), token);

    let before = support::municipal_year(&app, id).await;
    let bun = before
        .budget
        .boards
        .iter()
        .find(|found| found.id.0 == "bun")
        .expect("bun");
    let position = bun
        .ansvar
        .iter()
        .position(|found| found.id.0 == "bun-101")
        .expect("Förskola 1");
    let mut moved = vec![Amount::ZERO; before.report.columns.len()];
    for line in bun
        .lines
        .iter()
        .filter(|line| bun.subtree(position).contains(&line.ansvar))
    {
        for (sum, amount) in moved.iter_mut().zip(&line.amounts) {
            *sum = sum.checked_add(*amount).expect("adds");
        }
    }
    let (bun_before, son_before) = (board(&app, id, "bun").await, board(&app, id, "son").await);
    let net_before = before
        .report
        .income
        .row("Verksamhetens nettokostnader")
        .expect("row")
        .exact
        .clone();

    let shown = get(&controller, &format!("/kommun/{id}/namnd/bun")).await;
    assert!(shown.body.contains("Flytta ett ansvar till en annan nämnd"));
    let shown = get(&board_controller, &format!("/kommun/{id}/namnd/bun")).await;
    assert!(
        !shown.body.contains("Flytta ett ansvar till en annan nämnd"),
        "not a board's own"
    );
    let form = |date: &'static str| {
        [
            ("revision", "1"),
            ("id", "bun-101"),
            ("to_board", "son"),
            ("to_parent", ""),
            ("date", date),
        ]
    };
    let uri = format!("/kommun/{id}/namnd/bun/flytt");
    let refused = post_form(&board_controller, &uri, &form("2027-01-01")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let bad = post_form(&controller, &uri, &form("2027-13-01")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("inget datum"), "{}", bad.body);

    let stale = post_form(
        &controller,
        &uri,
        &[
            ("revision", "7"),
            ("id", "bun-101"),
            ("to_board", "son"),
            ("to_parent", ""),
            ("date", "2027-01-01"),
        ],
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let made = post_form(&controller, &uri, &form("2027-01-01")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_eq!(
        made.location.as_deref(),
        Some(format!("/kommun/{id}/namnd/son").as_str())
    );

    let after = support::municipal_year(&app, id).await;
    let son = after
        .budget
        .boards
        .iter()
        .find(|found| found.id.0 == "son")
        .expect("son");
    assert!(
        son.ansvar
            .iter()
            .any(|found| found.id.0 == "bun-101" && found.parent.is_none())
    );
    let bun = after
        .budget
        .boards
        .iter()
        .find(|found| found.id.0 == "bun")
        .expect("bun");
    assert!(bun.ansvar.iter().all(|found| found.id.0 != "bun-101"));
    let (bun_after, son_after) = (board(&app, id, "bun").await, board(&app, id, "son").await);
    for (column, moved) in moved.iter().enumerate() {
        // The moved net cost (negative) leaves one frame and joins the other, every year.
        assert_eq!(
            bun_after.kommunbidrag[column],
            bun_before.kommunbidrag[column]
                .checked_add(*moved)
                .expect("adds"),
            "bun, column {column}"
        );
        assert_eq!(
            son_after.kommunbidrag[column],
            son_before.kommunbidrag[column]
                .checked_sub(*moved)
                .expect("subtracts"),
            "son, column {column}"
        );
    }
    assert_eq!(
        bun_after.result, bun_before.result,
        "bun's result is what it was"
    );
    assert_eq!(
        son_after.result, son_before.result,
        "son's result is what it was"
    );
    assert_eq!(
        after
            .report
            .income
            .row("Verksamhetens nettokostnader")
            .expect("row")
            .exact,
        net_before,
        "the council's statements are unchanged"
    );
    assert_eq!(after.budget.reorganisations.len(), 1);
    assert_eq!(
        after.budget.reorganisations[0].date.to_string(),
        "2027-01-01"
    );
    let son_page = get(&controller, &format!("/kommun/{id}/namnd/son")).await;
    assert!(
        son_page.body.contains("Omorganisationer")
            && son_page.body.contains(
                "Förskola 1 flyttas från Barn- och utbildningsnämnden till Socialnämnden"
            )
    );
    assert!(son_page.body.contains("data-ansvar=\"bun-101\""));

    let document = get(&controller, &format!("/kommun/{id}")).await;
    assert!(
        document.body.contains("Förskola 1 flyttas från Barn- och utbildningsnämnden till Socialnämnden från och med 2027-01-01"),
        "the KF document says so"
    );

    // The move is carried into the next year, and the year it was made in keeps it.
    let (next, _) = app
        .open_next_municipal_year(
            &styr_app::Actor::named("test"),
            id,
            "Exempel (påhittad), oktober 2026",
            &[("2027", "3,0"), ("2028", "3,1"), ("2029", "3,0")]
                .map(|(year, value)| (year.to_string(), value.to_string()))
                .into(),
        )
        .await
        .expect("opened");
    let opened = support::municipal_year(&app, next).await;
    assert_eq!(opened.budget.reorganisations.len(), 1);
}

/// The figures of the row of ansvar `id` in `body`: the cells after its `data-ansvar`.
fn row_figures(body: &str, id: &str) -> Vec<String> {
    let start = body
        .find(&format!("data-ansvar=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let row = &body[start..];
    let row = &row[..row.find("</tr>").expect("the row ends")];
    row.split("<td class=\"number\">")
        .skip(1)
        .map(|cell| cell.split('<').next().unwrap_or_default().to_string())
        .collect()
}

/// The depth class of ansvar `id`'s row in `body`.
fn row_depth(body: &str, id: &str) -> String {
    let start = body
        .find(&format!("data-ansvar=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let row = &body[start..];
    let class = &row[row.find("depth-").expect("a depth")..];
    class[..class.find('"').expect("the class ends")].to_string()
}

#[tokio::test]
async fn a_move_within_a_board_from_a_date_keeps_the_day_before_readable() {
    let app = app_with_example("municipal-move-within").await;
    let id = app
        .import_municipality(&styr_app::Actor::named("test"), EXEMPELBY)
        .await
        .expect("kept");
    add_user(&app, "bun-controller", "namndcontroller", Some("bun")).await;
    add_user(&app, "reader", "lasare", None).await;
    let token = token_for(&app, "bun-controller").await;
    let board_controller = acting_with(Arc::clone(&app), token);
    let token = token_for(&app, "reader").await;
    let reader = acting_with(Arc::clone(&app), token);

    let before = get(&board_controller, &format!("/kommun/{id}/namnd/bun")).await;
    let (unit_before, parent_before) = (
        row_figures(&before.body, "bun-102"),
        row_figures(&before.body, "bun-1"),
    );
    assert_eq!(row_depth(&before.body, "bun-102"), "depth-2");
    let uri = format!("/kommun/{id}/namnd/bun/organisation");
    let form = |date: &'static str| {
        [
            ("revision", "1"),
            ("what", "move"),
            ("id", "bun-102"),
            ("parent", "bun-forv"),
            ("date", date),
        ]
    };
    let undated = post_form(&board_controller, &uri, &form("")).await;
    assert_eq!(undated.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        undated.body.contains("från och med vilket datum"),
        "{}",
        undated.body
    );
    let made = post_form(&board_controller, &uri, &form("2026-08-01")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);

    let after = support::municipal_year(&app, id).await;
    let [moved] = after.budget.reorganisations.as_slice() else {
        panic!("one move: {:?}", after.budget.reorganisations)
    };
    assert_eq!(
        (moved.from_board.0.as_str(), moved.to_board.0.as_str()),
        ("bun", "bun")
    );
    assert_eq!(
        moved.from_parent.as_ref().map(|parent| parent.0.as_str()),
        Some("bun-1")
    );
    let board = get(&board_controller, &format!("/kommun/{id}/namnd/bun")).await;
    assert_eq!(row_depth(&board.body, "bun-102"), "depth-1");
    assert!(
        board
            .body
            .contains("flyttas inom Barn- och utbildningsnämnden från Förskola till Barn- och utbildningsförvaltningen")
    );
    assert!(
        board
            .body
            .contains(&format!("/kommun/{id}/organisation?datum=2026-07-31")),
        "the board links the day before"
    );

    // The reader reads the day before as it was, and the day of the move as it is.
    let day_before = get(&reader, &format!("/kommun/{id}/organisation")).await;
    assert_eq!(day_before.status, StatusCode::OK, "{}", day_before.body);
    assert!(day_before.body.contains("Organisationen den 2026-07-31"));
    assert_eq!(row_depth(&day_before.body, "bun-102"), "depth-2");
    assert_eq!(row_figures(&day_before.body, "bun-102"), unit_before);
    assert_eq!(row_figures(&day_before.body, "bun-1"), parent_before);
    assert!(
        day_before
            .body
            .contains("Ännu inte genomförd per 2026-07-31")
    );
    assert!(
        !day_before.body.contains("name=\"revision\""),
        "reading only"
    );
    let on_the_day = get(
        &reader,
        &format!("/kommun/{id}/organisation?datum=2026-08-01"),
    )
    .await;
    assert_eq!(row_depth(&on_the_day.body, "bun-102"), "depth-1");
    assert_eq!(
        row_figures(&on_the_day.body, "bun-1"),
        row_figures(&board.body, "bun-1")
    );
    assert_ne!(row_figures(&on_the_day.body, "bun-1"), parent_before);
    let no_day = get(
        &reader,
        &format!("/kommun/{id}/organisation?datum=2026-02-30"),
    )
    .await;
    assert_eq!(no_day.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_day.body.contains("datumet 2026-02-30 finns inte"),
        "{}",
        no_day.body
    );
    let markup = get(&reader, &format!("/kommun/{id}/organisation?datum=%3Cb%3E")).await;
    assert!(!markup.body.contains("<b>"), "escaped");

    let log = app
        .audit_log(&styr_app::Actor::named("test"), &Default::default())
        .await
        .expect("the log");
    assert!(
        log.iter()
            .any(|record| record.entry.action == "kommunbudget: ansvar flyttat"),
        "the move is in the log"
    );
}
