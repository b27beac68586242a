//! The municipality's budget work in the web app, through the real router (issue 15): the
//! council's controller opens the next year and decides a frame; the board's nämndcontroller
//! distributes it to ansvar and keeps the board's organisation, but not its frame; a
//! budgetansvarig budgets their own ansvar and no other; and the council's resultatbudget
//! follows each figure exactly. A stale form, a frozen year, a circle in the organisation and
//! every refusal are each answered with their status and change nothing.

mod support;

use std::sync::Arc;

use axum::http::StatusCode;
use styr_domain::money::Amount;
use support::{acting_with, add_user, app_with_example, get, post_form, token_for};

const EXEMPELBY: &str = include_str!("../../../examples/demo/exempelby-kommun.toml");

struct Figures {
    kommunbidrag: Amount,
    result: Amount,
    operating_net: Amount,
    revision: i64,
}

/// Board `board`'s kommunbidrag and result against its frame, and the council's
/// verksamhetens nettokostnader, in the budget year of year `id`.
async fn figures(app: &styr_app::App, id: i64, board: &str) -> Figures {
    let year = support::municipal_year(app, id).await;
    let column = 1;
    let board = year
        .report
        .boards
        .iter()
        .find(|found| found.id == board)
        .expect("the board");
    Figures {
        kommunbidrag: board.frame[column].kommunbidrag,
        result: board.result[column],
        operating_net: year
            .report
            .income
            .row("Verksamhetens nettokostnader")
            .expect("the row")
            .exact[column],
        revision: year.row.revision,
    }
}

#[tokio::test]
async fn frames_are_decided_distributed_and_budgeted_each_by_its_role() {
    let app = app_with_example("municipal-editing").await;
    let first = app
        .import_municipality(&styr_app::Actor::named("test"), EXEMPELBY)
        .await
        .expect("the demo municipality is kept");
    add_user(&app, "controller", "controller", None).await;
    add_user(&app, "bun-controller", "namndcontroller", Some("bun")).await;
    add_user(&app, "forskola-1", "budgetansvarig", Some("bun-101")).await;
    add_user(&app, "lasare", "lasare", None).await;
    let as_user = |name: &'static str| {
        let app = Arc::clone(&app);
        async move {
            let token = token_for(&app, name).await;
            acting_with(app, token)
        }
    };
    let controller = as_user("controller").await;
    let board_controller = as_user("bun-controller").await;
    let holder = as_user("forskola-1").await;
    let reader = as_user("lasare").await;

    // A läsare sees the frames but no form; the council's controller sees both forms.
    let read = get(&reader, &format!("/kommun/{first}/ramar")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Barn- och utbildningsnämnden"));
    assert!(!read.body.contains("Ny ramförändring"), "{}", read.body);
    let shown = get(&controller, &format!("/kommun/{first}/ramar")).await;
    assert!(shown.body.contains("Ny ramförändring") && shown.body.contains("Öppna nästa budgetår"));

    // The council's controller opens the next year.
    let opened = post_form(
        &controller,
        &format!("/kommun/{first}/nasta-ar"),
        &[
            ("vintage", "Exempel (påhittad), oktober 2026"),
            ("pkv", "2027=3,0 2028=3,1 2029=3,0"),
        ],
    )
    .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let location = opened.location.expect("to the new year");
    let next: i64 = location
        .trim_start_matches("/kommun/")
        .trim_end_matches("/ramar")
        .parse()
        .expect("the new year's number");
    let again = post_form(
        &controller,
        &format!("/kommun/{first}/nasta-ar"),
        &[
            ("vintage", "Exempel (påhittad), oktober 2026"),
            ("pkv", "2027=3,0 2028=3,1 2029=3,0"),
        ],
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "opened once"
    );

    // … and decides a permanent ramförändring for the board: its kommunbidrag grows by it
    // exactly, and so does what it has left to distribute.
    let before = figures(&app, next, "bun").await;
    let decision = [
        ("revision", before.revision.to_string()),
        ("board", "bun".to_string()),
        ("year", "2027".to_string()),
        ("name", "Fler barn i förskolan".to_string()),
        ("amount", "5 000".to_string()),
        ("permanent", "1".to_string()),
        ("text", "Beslut i KF.".to_string()),
    ];
    let fields: Vec<(&str, &str)> = decision.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let board_refused = post_form(
        &board_controller,
        &format!("/kommun/{next}/ramar/beslut"),
        &fields,
    )
    .await;
    assert_eq!(
        board_refused.status,
        StatusCode::FORBIDDEN,
        "the frame is the council's"
    );
    let decided = post_form(
        &controller,
        &format!("/kommun/{next}/ramar/beslut"),
        &fields,
    )
    .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);
    let after = figures(&app, next, "bun").await;
    let five = Amount::from_tkr(5_000);
    assert_eq!(
        after.kommunbidrag,
        before.kommunbidrag.checked_add(five).expect("adds")
    );
    assert_eq!(after.result, before.result.checked_add(five).expect("adds"));
    let stale = post_form(
        &controller,
        &format!("/kommun/{next}/ramar/beslut"),
        &fields,
    )
    .await;
    assert_eq!(
        stale.status,
        StatusCode::CONFLICT,
        "a form on an old revision"
    );
    assert!(stale.body.contains("Inget ändrades"), "{}", stale.body);

    // The nämndcontroller distributes the 5 000 to an ansvar: the board fits as before, and
    // the council's verksamhetens nettokostnader follow to the krona.
    let line = |revision: i64, amount: &str| {
        vec![
            ("revision".to_string(), revision.to_string()),
            ("amount:50:2027".to_string(), amount.to_string()),
        ]
    };
    let current = support::municipal_year(&app, next).await;
    let personnel = styr_app::municipal::line_amount(&current.budget, "bun", "bun-102", "50", 2027)
        .expect("the line is there");
    let distributed = personnel.checked_sub(five).expect("subtracts");
    let form = line(after.revision, &styr_domain::format::tkr(distributed));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = post_form(
        &board_controller,
        &format!("/kommun/{next}/namnd/bun/ansvar/bun-102"),
        &fields,
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let distributed_figures = figures(&app, next, "bun").await;
    assert_eq!(
        distributed_figures.result, before.result,
        "the decision is distributed"
    );
    assert_eq!(
        distributed_figures.operating_net,
        after.operating_net.checked_sub(five).expect("subtracts")
    );
    let elsewhere = post_form(
        &board_controller,
        &format!("/kommun/{next}/namnd/ks/ansvar/ks-forv"),
        &fields,
    )
    .await;
    assert_eq!(
        elsewhere.status,
        StatusCode::FORBIDDEN,
        "another board is not hers"
    );

    // The budgetansvarig budgets their own ansvar and no other.
    let own = get(&holder, &format!("/kommun/{next}/namnd/bun/ansvar/bun-101")).await;
    assert!(own.body.contains("name=\"amount:50:2027\""), "{}", own.body);
    let other = get(&holder, &format!("/kommun/{next}/namnd/bun/ansvar/bun-102")).await;
    assert!(!other.body.contains("name=\"amount:50:2027\"") && other.body.contains("skrivskyddad"));
    let revision = distributed_figures.revision;
    let form = line(revision, "-1 000");
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let refused = post_form(
        &holder,
        &format!("/kommun/{next}/namnd/bun/ansvar/bun-102"),
        &fields,
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let mine = post_form(
        &holder,
        &format!("/kommun/{next}/namnd/bun/ansvar/bun-101"),
        &fields,
    )
    .await;
    assert_eq!(mine.status, StatusCode::SEE_OTHER, "{}", mine.body);
    let budgeted = support::municipal_year(&app, next).await;
    assert_eq!(
        styr_app::municipal::line_amount(&budgeted.budget, "bun", "bun-101", "50", 2027),
        Some(Amount::from_tkr(-1_000))
    );

    // Last year's decided budget (the comparison year) is not changed, and a läsare's post
    // is refused before it is read.
    let comparison = [
        ("revision".to_string(), budgeted.row.revision.to_string()),
        ("amount:50:2026".to_string(), "-1".to_string()),
    ];
    let fields: Vec<(&str, &str)> = comparison
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let refused_year = post_form(
        &holder,
        &format!("/kommun/{next}/namnd/bun/ansvar/bun-101"),
        &fields,
    )
    .await;
    assert_eq!(
        refused_year.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused_year.body
    );
    assert!(
        refused_year.body.contains("jämförelseåret 2026"),
        "{}",
        refused_year.body
    );
    let read_only = post_form(
        &reader,
        &format!("/kommun/{next}/namnd/bun/ansvar/bun-101"),
        &fields,
    )
    .await;
    assert_eq!(read_only.status, StatusCode::FORBIDDEN);

    // The year opened from is frozen.
    let frozen_form = line(1, "-1");
    let fields: Vec<(&str, &str)> = frozen_form
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let frozen = post_form(
        &controller,
        &format!("/kommun/{first}/namnd/bun/ansvar/bun-101"),
        &fields,
    )
    .await;
    assert_eq!(frozen.status, StatusCode::CONFLICT, "{}", frozen.body);

    // Every edit and every refusal is in the log.
    let log = app
        .audit_log(&styr_app::Actor::named("test"), &Default::default())
        .await
        .expect("the log");
    let actions: Vec<&str> = log
        .iter()
        .map(|record| record.entry.action.as_str())
        .collect();
    for action in [
        "kommunbudget: ramförändring",
        "kommunbudget: rad ändrad",
        "nekad",
    ] {
        assert!(actions.contains(&action), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn the_board_controller_reorganises_and_a_circle_changes_nothing() {
    let app = app_with_example("municipal-organisation").await;
    let id = app
        .import_municipality(&styr_app::Actor::named("test"), EXEMPELBY)
        .await
        .expect("kept");
    add_user(&app, "bun-controller", "namndcontroller", Some("bun")).await;
    add_user(&app, "forskola-1", "budgetansvarig", Some("bun-101")).await;
    let token = token_for(&app, "bun-controller").await;
    let board_controller = acting_with(Arc::clone(&app), token);
    let token = token_for(&app, "forskola-1").await;
    let holder = acting_with(Arc::clone(&app), token);
    let board = get(&board_controller, &format!("/kommun/{id}/namnd/bun")).await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(board.body.contains("Kvar att fördela") && board.body.contains("Ändra organisationen"));
    let uri = format!("/kommun/{id}/namnd/bun/organisation");
    let holder_tries = post_form(
        &holder,
        &uri,
        &[
            ("revision", "1"),
            ("what", "move"),
            ("id", "bun-101"),
            ("parent", ""),
        ],
    )
    .await;
    assert_eq!(holder_tries.status, StatusCode::FORBIDDEN);
    let moved = post_form(
        &board_controller,
        &uri,
        &[
            ("revision", "1"),
            ("what", "move"),
            ("id", "bun-102"),
            ("parent", "bun-forv"),
            ("date", "2026-05-01"),
        ],
    )
    .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let year = support::municipal_year(&app, id).await;
    let bun = year
        .budget
        .boards
        .iter()
        .find(|board| board.id.0 == "bun")
        .expect("bun");
    let parent = bun
        .ansvar
        .iter()
        .find(|ansvar| ansvar.id.0 == "bun-102")
        .and_then(|ansvar| ansvar.parent.clone());
    assert_eq!(parent.map(|parent| parent.0), Some("bun-forv".to_string()));
    let circle = post_form(
        &board_controller,
        &uri,
        &[
            ("revision", "2"),
            ("what", "move"),
            ("id", "bun-forv"),
            ("parent", "bun-1"),
            ("date", "2026-05-01"),
        ],
    )
    .await;
    assert_eq!(
        circle.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        circle.body
    );
    assert!(
        circle.body.contains("hamnar under sig självt"),
        "{}",
        circle.body
    );
    let added = post_form(
        &board_controller,
        &uri,
        &[
            ("revision", "2"),
            ("what", "add"),
            ("id", "bun-199"),
            ("name", "Ny förskola"),
            ("parent", "bun-1"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let shown = get(&board_controller, &format!("/kommun/{id}/namnd/bun")).await;
    assert!(shown.body.contains("Ny förskola"));
    let budgeted = post_form(
        &board_controller,
        &uri,
        &[("revision", "3"), ("what", "close"), ("id", "bun-101")],
    )
    .await;
    assert_eq!(budgeted.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        budgeted.body.contains("har budget kvar"),
        "{}",
        budgeted.body
    );
    let closed = post_form(
        &board_controller,
        &uri,
        &[("revision", "3"), ("what", "close"), ("id", "bun-199")],
    )
    .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);
    let shown = get(&board_controller, &format!("/kommun/{id}/namnd/bun")).await;
    assert!(!shown.body.contains("Ny förskola"));
    let unsafe_id = post_form(
        &board_controller,
        &uri,
        &[
            ("revision", "3"),
            ("what", "add"),
            ("id", "<script>"),
            ("name", "x"),
            ("parent", ""),
        ],
    )
    .await;
    assert_eq!(unsafe_id.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!unsafe_id.body.contains("<script>"));
}

#[tokio::test]
async fn a_new_municipality_is_made_in_the_web_app_board_by_board() {
    let app = app_with_example("municipal-create").await;
    add_user(&app, "controller", "controller", None).await;
    add_user(&app, "lasare", "lasare", None).await;
    let token = token_for(&app, "controller").await;
    let controller = acting_with(Arc::clone(&app), token);
    let token = token_for(&app, "lasare").await;
    let reader = acting_with(Arc::clone(&app), token);

    assert_eq!(
        get(&reader, "/kommun/ny").await.status,
        StatusCode::FORBIDDEN
    );
    let start = get(&controller, "/").await;
    assert!(start.body.contains("href=\"/kommun/ny\""), "{}", start.body);
    let form = |code: &'static str| {
        vec![
            ("name", "Nyby kommun"),
            ("code", code),
            ("year", "2027"),
            ("plan_years", "2"),
            ("vintage", "SKR 2026-10"),
            ("pkv", "2027=3,0 2028=3,1 2029=3,0"),
            ("invented", "1"),
        ]
    };
    let bad = post_form(&controller, "/kommun/ny", &form("12")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("fyra siffror") && bad.body.contains("Nyby kommun"),
        "{}",
        bad.body
    );
    let refused = post_form(&reader, "/kommun/ny", &form("9998")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let made = post_form(&controller, "/kommun/ny", &form("9998")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let frames = made.location.expect("to its frames");
    let id: i64 = frames
        .trim_start_matches("/kommun/")
        .trim_end_matches("/ramar")
        .parse()
        .expect("its number");
    let empty = get(&controller, &frames).await;
    assert!(empty.body.contains("ingen nämnd ännu") && empty.body.contains("Ny nämnd"));

    // A board with its comparison frame, uprated by the PKV given; then an ansvar and a line.
    let added = post_form(
        &controller,
        &format!("/kommun/{id}/ramar/namnd"),
        &[
            ("revision", "1"),
            ("id", "kfn"),
            ("name", "Kultur- och fritidsnämnden"),
            ("frame", "100 000"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let year = support::municipal_year(&app, id).await;
    let kfn = &year.report.boards[0];
    assert_eq!(
        kfn.kommunbidrag()[1],
        Amount::from_tkr(103_000),
        "100 000 uprated by 3,0 %"
    );
    assert_eq!(
        kfn.result[1],
        Amount::from_tkr(103_000),
        "nothing distributed yet"
    );
    let unfit: Vec<String> = year
        .report
        .findings
        .iter()
        .map(|finding| format!("{} {}", finding.section, finding.place))
        .collect();
    assert!(
        unfit
            .iter()
            .any(|place| place.contains("Kultur- och fritidsnämnden") && place.contains("2027")),
        "the council level says the board does not fit: {unfit:?}"
    );
    let organised = post_form(
        &controller,
        &format!("/kommun/{id}/namnd/kfn/organisation"),
        &[
            ("revision", "2"),
            ("what", "add"),
            ("id", "kfn-bibl"),
            ("name", "Biblioteket"),
            ("parent", ""),
        ],
    )
    .await;
    assert_eq!(
        organised.status,
        StatusCode::SEE_OTHER,
        "{}",
        organised.body
    );
    let budgeted = post_form(
        &controller,
        &format!("/kommun/{id}/namnd/kfn/ansvar/kfn-bibl"),
        &[
            ("revision", "3"),
            ("new_group", "50"),
            ("new_year", "2027"),
            ("new_amount", "-103 000"),
        ],
    )
    .await;
    assert_eq!(budgeted.status, StatusCode::SEE_OTHER, "{}", budgeted.body);
    let year = support::municipal_year(&app, id).await;
    assert_eq!(
        year.report.boards[0].result[1],
        Amount::ZERO,
        "the board fits 2027"
    );
    let board = get(&controller, &format!("/kommun/{id}/namnd/kfn")).await;
    assert!(board.body.contains("Biblioteket"));
}

#[tokio::test]
async fn an_archived_year_is_read_and_changed_by_no_one_until_it_is_brought_back() {
    let app = app_with_example("municipal-archive").await;
    let id = app
        .import_municipality(&styr_app::Actor::named("test"), EXEMPELBY)
        .await
        .expect("kept");
    add_user(&app, "controller", "controller", None).await;
    add_user(&app, "lasare", "lasare", None).await;
    let token = token_for(&app, "controller").await;
    let controller = acting_with(Arc::clone(&app), token);
    let token = token_for(&app, "lasare").await;
    let reader = acting_with(Arc::clone(&app), token);
    let uri = format!("/kommun/{id}/arkiv");
    let refused = post_form(&reader, &uri, &[("archived", "1")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let archived = post_form(&controller, &uri, &[("archived", "1")]).await;
    assert_eq!(archived.status, StatusCode::SEE_OTHER);
    let shown = get(&controller, &format!("/kommun/{id}/ramar")).await;
    assert!(
        shown.body.contains("Budgetåret är arkiverat (controller"),
        "{}",
        shown.body
    );
    assert!(
        !shown.body.contains("Ny ramförändring") && shown.body.contains("Återställ budgetåret")
    );
    let start = get(&reader, "/").await;
    assert!(start.body.contains("(arkiverat)"), "{}", start.body);
    let revision = support::municipal_year(&app, id)
        .await
        .row
        .revision
        .to_string();
    let line = [("revision", revision.as_str()), ("amount:50:2026", "-1")];
    let edit = post_form(
        &controller,
        &format!("/kommun/{id}/namnd/bun/ansvar/bun-101"),
        &line,
    )
    .await;
    assert_eq!(edit.status, StatusCode::CONFLICT, "{}", edit.body);
    assert!(edit.body.contains("arkiverat"));
    let next = post_form(
        &controller,
        &format!("/kommun/{id}/nasta-ar"),
        &[("vintage", "x"), ("pkv", "")],
    )
    .await;
    assert_eq!(next.status, StatusCode::CONFLICT, "{}", next.body);
    let back = post_form(&controller, &uri, &[("archived", "0")]).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    let revision = support::municipal_year(&app, id)
        .await
        .row
        .revision
        .to_string();
    let line = [("revision", revision.as_str()), ("amount:50:2026", "-1")];
    let edit = post_form(
        &controller,
        &format!("/kommun/{id}/namnd/bun/ansvar/bun-101"),
        &line,
    )
    .await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.body);
    let log = app
        .audit_log(&styr_app::Actor::named("test"), &Default::default())
        .await
        .expect("the log");
    let actions: Vec<&str> = log
        .iter()
        .map(|record| record.entry.action.as_str())
        .collect();
    assert!(
        actions.contains(&"kommunbudget arkiverad") && actions.contains(&"kommunbudget återställd")
    );
}
