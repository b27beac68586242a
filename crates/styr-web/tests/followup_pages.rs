//! The follow-up's pages through the real router: they say which version the books compare
//! with, months not booked read "ej bokfört", the separately reported unit stands apart, the
//! drill-down and the voucher agree on the sign and name accounts and cost centres, an import
//! is confirmed with what it changed, profiles are a Swedish form, and the ansvar, investment
//! and report pages read and save.

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use support::{between, get, post_form, router_with_example, send};

const OUTCOME: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

async fn import(router: &axum::Router) {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/budgets/1/followup/imports?file_name=utfall.se")
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(OUTCOME.to_vec()))
        .expect("a request");
    assert_eq!(send(router, request).await.status, StatusCode::CREATED);
}

/// The file posted through the follow-up page's import form.
async fn import_through_the_page(router: &axum::Router) -> support::Answer {
    let boundary = "styrgrans";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"profil\"\r\n\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"utfall.se\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(OUTCOME);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::builder()
        .method(Method::POST)
        .uri("/budget/1/uppfoljning/import")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("a request");
    send(router, request).await
}

/// The amounts of a page's table cells with class "number", in order.
fn numbers(body: &str) -> Vec<String> {
    body.split("class=\"number\">")
        .skip(1)
        .map(|cell| cell.split('<').next().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn the_drill_down_and_the_voucher_agree_on_the_sign_and_name_what_they_show() {
    let router = router_with_example("pages-signs").await;
    import(&router).await;
    let drill = get(
        &router,
        "/budget/1/uppfoljning/utfall?enhet=ks&rad=personnel&manad=1",
    )
    .await;
    assert_eq!(drill.status, StatusCode::OK, "{}", drill.body);
    assert!(
        drill
            .body
            .contains("intäkter positiva och kostnader negativa"),
        "{}",
        drill.body
    );
    assert!(drill.body.contains("Månadslön"), "the account's name");
    assert!(
        drill.body.contains("110 Kommunledningskontoret"),
        "the cost centre's name"
    );
    let first = numbers(&drill.body)[0].clone();
    assert!(
        first.starts_with('-'),
        "a cost is negative in the drill-down: {first}"
    );
    let voucher = between(&drill.body, "/uppfoljning/verifikation/", "\"");
    let page = get(
        &router,
        &format!("/budget/1/uppfoljning/verifikation/{voucher}"),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("intäkter positiva och kostnader negativa"),
        "{}",
        page.body
    );
    assert!(
        numbers(&page.body).contains(&first),
        "the voucher shows the cost as the drill-down does: {first} in {}",
        page.body
    );
    assert!(!page.body.contains("debet positivt"));
}

#[tokio::test]
async fn the_page_says_which_version_and_what_is_booked() {
    let router = router_with_example("pages-version").await;
    import(&router).await;
    let page = get(&router, "/budget/1/uppfoljning").await;
    assert!(
        page.body
            .contains("Budgeten som utfallet jämförs med är version 1, utkast (inte fastställd)."),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("Utfallet är bokfört januari–augusti 2025, 8 av 12 månader.")
    );
    assert!(page.body.contains("(särredovisas, ingår inte i totalen)"));
    assert!(
        page.body
            .contains("Kommunstyrelsen, totalt (exkl. Mark- och exploateringsenheten)")
    );
    assert!(page.body.contains(">Kommunbidrag<") && page.body.contains(">Årets resultat<"));
    assert!(
        page.body.contains("Kommunstyrelsen prognostiserar"),
        "the result sentence"
    );
    assert_eq!(
        page.body.matches("role=\"img\"").count(),
        2,
        "the months and the course"
    );
    let year_end = get(&router, "/budget/1/uppfoljning?layout=helar").await;
    assert!(
        year_end
            .body
            .contains("Årsbokslut 2025: Kommunstyrelsen (preliminärt, 8 av 12 månader bokförda)"),
        "{}",
        year_end.body
    );
    assert!(
        year_end
            .body
            .contains("september–december är inte bokförda")
    );
    assert!(!year_end.body.contains("januari–december"));
    let september = between(&year_end.body, "<th scope=\"row\">september</th>", "</tr>");
    assert!(september.contains("ej bokfört"), "{september}");
    let missing = get(&router, "/budget/1/uppfoljning?version=9").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_import_through_the_page_is_confirmed_with_what_it_changed() {
    let router = router_with_example("pages-confirmed").await;
    let first = import_through_the_page(&router).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert!(first.body.contains("Filen är inläst"), "{}", first.body);
    assert!(
        first.body.contains("Nytt bokfört: januari–augusti 2025."),
        "{}",
        first.body
    );
    assert!(
        first.body.contains("Personalkostnader: ej bokfört → -"),
        "{}",
        first.body
    );
    let again = import_through_the_page(&router).await;
    assert!(
        again.body.contains("Ersatt: januari–augusti 2025."),
        "{}",
        again.body
    );
    assert!(
        again
            .body
            .contains("Utfallet i totalen är detsamma som före importen."),
        "{}",
        again.body
    );
}

#[tokio::test]
async fn an_import_profile_is_a_swedish_form() {
    let router = router_with_example("pages-profile-form").await;
    let page = get(&router, "/budget/1/uppfoljning/importprofiler").await;
    for label in [
        "Avgränsare mellan kolumner",
        "Decimaltecken",
        "Beloppens tecken",
        "Kostnadsställe / ansvar",
    ] {
        assert!(page.body.contains(label), "{label}");
    }
    assert!(!page.body.contains("<textarea"), "no raw TOML");
    let fields = [
        ("namn", "Raindance"),
        ("avgransare", "semikolon"),
        ("decimaltecken", "komma"),
        ("tecken", "kredit"),
        ("datum", "Bokföringsdatum"),
        ("konto", "Konto"),
        ("belopp", ""),
        ("kostnadsstalle", "Ansvar"),
    ];
    let refused = post_form(&router, "/budget/1/uppfoljning/importprofiler", &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Ange vilken kolumn som har beloppet."),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("value=\"Bokföringsdatum\""),
        "what was typed is kept"
    );
    let mut good = fields.to_vec();
    good[6] = ("belopp", "Belopp (kr)");
    let saved = post_form(&router, "/budget/1/uppfoljning/importprofiler", &good).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let profiles = get(&router, "/api/v1/import-profiles").await;
    assert!(
        profiles.body.contains("sign = \\\"credit\\\""),
        "{}",
        profiles.body
    );
    let listed = get(&router, "/budget/1/uppfoljning/importprofiler").await;
    let row = between(&listed.body, "<th scope=\"row\">Raindance</th>", "</tr>");
    assert!(
        row.contains("<td>semikolon</td><td>komma</td><td>kredit</td>"),
        "{row}"
    );
    let edit = get(
        &router,
        "/budget/1/uppfoljning/importprofiler?profil=Raindance",
    )
    .await;
    assert!(edit.body.contains("value=\"Belopp (kr)\""), "{}", edit.body);
}

#[tokio::test]
async fn an_ansvar_opens_from_the_board_and_takes_explanations_and_forecasts() {
    let router = router_with_example("pages-ansvar").await;
    import(&router).await;
    let board = get(&router, "/budget/1/uppfoljning/ansvar/ks").await;
    assert_eq!(board.status, StatusCode::OK, "{}", board.body);
    assert!(
        board.body.contains("/uppfoljning/ansvar/klk"),
        "{}",
        board.body
    );
    let office = get(&router, "/budget/1/uppfoljning/ansvar/klk").await;
    assert!(
        office
            .body
            .contains("/uppfoljning/ansvar/ekonomiavdelningen")
    );
    let economy = get(&router, "/budget/1/uppfoljning/ansvar/ekonomiavdelningen").await;
    assert!(
        economy
            .body
            .contains("Kostnadsställen i bokföringen: 120 Ekonomiavdelningen."),
        "{}",
        economy.body
    );
    assert!(
        economy.body.contains("har ingen egen budget"),
        "{}",
        economy.body
    );
    assert!(
        economy.body.contains("Kommunstyrelsen</a> › <a"),
        "the trail up: {}",
        economy.body
    );
    let explained = post_form(
        &router,
        "/budget/1/uppfoljning/forklaring",
        &[
            ("enhet", "ks"),
            ("rad", "personnel"),
            ("forklaring", "Två vakanser under våren."),
        ],
    )
    .await;
    assert_eq!(
        explained.status,
        StatusCode::SEE_OTHER,
        "{}",
        explained.body
    );
    assert_eq!(
        explained.location.as_deref(),
        Some("/budget/1/uppfoljning/ansvar/ks#forklaring-personnel")
    );
    let forecast = post_form(
        &router,
        "/budget/1/uppfoljning/prognos",
        &[
            ("enhet", "ks"),
            ("rad", "personnel"),
            ("belopp", "-118 000"),
            ("kommentar", "Vikarier"),
            ("tillbaka", "ansvar"),
        ],
    )
    .await;
    assert_eq!(
        forecast.location.as_deref(),
        Some("/budget/1/uppfoljning/ansvar/ks#prognos")
    );
    let board = get(&router, "/budget/1/uppfoljning/ansvar/ks").await;
    assert!(
        board
            .body
            .contains("Förklaring, Personalkostnader: Två vakanser under våren.")
    );
    let history = between(&board.body, "id=\"prognoshistorik\"", "</table>");
    assert!(
        history.contains("t.o.m. augusti 2025") && history.contains("-118 000"),
        "{history}"
    );
    let refused = post_form(
        &router,
        "/budget/1/uppfoljning/prognos",
        &[
            ("enhet", "ekonomiavdelningen"),
            ("rad", "personnel"),
            ("belopp", "-30 000"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("har ingen budget"),
        "{}",
        refused.body
    );
    let unknown = get(&router, "/budget/1/uppfoljning/ansvar/finns-inte").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn investments_are_followed_up_per_project_on_their_page() {
    let router = router_with_example("pages-investments").await;
    import(&router).await;
    let page = get(&router, "/budget/1/uppfoljning/investeringar").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(">IT-Infrastruktur<")
            && page.body.contains(">Totala investeringsutgifter<")
    );
    let rules = post_form(
        &router,
        "/budget/1/uppfoljning/investeringar/regler",
        &[
            ("projekt", "IT-Infrastruktur"),
            ("objekt", "P140"),
            ("konto", ""),
            ("kostnadsstalle", ""),
            ("projekt", ""),
            ("objekt", ""),
            ("konto", ""),
            ("kostnadsstalle", ""),
            ("investeringskonton", "10, 11, 12"),
        ],
    )
    .await;
    assert_eq!(rules.status, StatusCode::SEE_OTHER, "{}", rules.body);
    let read = get(&router, "/api/v1/budgets/1/followup/project-rules")
        .await
        .json();
    assert_eq!(read["rules"][0]["object"], "P140");
    assert_eq!(read["accounts"], serde_json::json!(["10", "11", "12"]));
    let bad = post_form(
        &router,
        "/budget/1/uppfoljning/investeringar/regler",
        &[
            ("projekt", "IT-Infrastruktur"),
            ("objekt", ""),
            ("konto", ""),
            ("kostnadsstalle", ""),
            ("investeringskonton", "1x"),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    let forecast = post_form(
        &router,
        "/budget/1/uppfoljning/investeringar/prognos",
        &[
            ("projekt", "IT-Infrastruktur"),
            ("belopp", "4 000"),
            ("kommentar", "Försenad upphandling"),
        ],
    )
    .await;
    assert_eq!(forecast.status, StatusCode::SEE_OTHER, "{}", forecast.body);
    let page = get(&router, "/budget/1/uppfoljning/investeringar").await;
    assert!(
        page.body
            .contains("Prognos, IT-Infrastruktur: Försenad upphandling"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn the_report_page_keeps_the_texts_and_offers_every_format() {
    let router = router_with_example("pages-report").await;
    import(&router).await;
    let page = get(&router, "/budget/1/uppfoljning/rapport").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("Delårsrapport januari–augusti 2025, Kommunstyrelsen"),
        "{}",
        page.body
    );
    let saved = post_form(
        &router,
        "/budget/1/uppfoljning/rapport",
        &[
            ("dokument", "delarsrapport"),
            ("period", "2025-08"),
            ("handelser", "Kommunhuset togs i bruk i maj."),
            ("utveckling", ""),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = get(
        &router,
        "/budget/1/uppfoljning/rapport?dokument=delarsrapport&period=2025-08",
    )
    .await;
    assert!(page.body.contains("Kommunhuset togs i bruk i maj."));
    for (format, content_type) in [
        ("pdf", "application/pdf"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("html", "text/html; charset=utf-8"),
        ("markdown", "text/markdown; charset=utf-8"),
    ] {
        let file = get(
            &router,
            &format!(
                "/budget/1/uppfoljning/rapport/{format}?dokument=delarsrapport&period=2025-08"
            ),
        )
        .await;
        assert_eq!(file.status, StatusCode::OK, "{format}: {}", file.body);
        assert_eq!(file.content_type, content_type, "{format}");
    }
    let markdown = get(
        &router,
        "/budget/1/uppfoljning/rapport/markdown?dokument=delarsrapport&period=2025-08",
    )
    .await;
    assert!(
        markdown
            .body
            .contains("## Viktiga händelser\n\nKommunhuset togs i bruk i maj."),
        "{}",
        markdown.body
    );
    let followup = get(&router, "/budget/1/uppfoljning?layout=delar").await;
    let ks = between(&followup.body, "id=\"grupp-\"", "</table>");
    let personnel = between(&ks, "<th scope=\"row\">Personalkostnader</th>", "</tr>");
    let page_figures = numbers(&personnel);
    let line = markdown
        .body
        .lines()
        .find(|line| line.starts_with("| Personalkostnader |"))
        .expect("the report's personnel row");
    for figure in &page_figures[..3] {
        assert!(line.contains(figure.as_str()), "{figure} is in {line}");
    }
    let xlsx = get(
        &router,
        "/budget/1/uppfoljning/rapport/xlsx?dokument=delarsrapport&period=2025-08",
    )
    .await;
    assert_eq!(xlsx.status, StatusCode::OK, "the tables as a workbook");
    assert_eq!(
        xlsx.content_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let json = get(
        &router,
        "/budget/1/uppfoljning/rapport/json?dokument=delarsrapport&period=2025-08",
    )
    .await;
    assert_eq!(json.status, StatusCode::NOT_FOUND, "JSON is not a document");
    let document = get(&router, "/budget/1/dokument").await;
    assert!(
        document
            .body
            .contains("/uppfoljning/rapport?dokument=delarsrapport")
    );
    let texts = get(
        &router,
        "/api/v1/budgets/1/followup/reports/delarsrapport/texts?period=2025-08",
    )
    .await;
    assert_eq!(texts.json()["events"], "Kommunhuset togs i bruk i maj.");
}

#[tokio::test]
async fn the_month_chart_draws_budget_and_outcome_apart_on_one_axis_per_panel() {
    let router = router_with_example("pages-chart").await;
    import(&router).await;
    let page = get(&router, "/budget/1/uppfoljning").await;
    let chart = between(&page.body, "<svg class=\"followup-chart\"", "</svg>");
    // Bars per month: budget hatched in all twelve, the outcome solid in the eight booked.
    assert_eq!(
        chart.matches("fill=\"url(#").count(),
        12 + 1,
        "twelve budget bars and the legend's swatch"
    );
    let solid = chart
        .matches("<rect x=")
        .count()
        .checked_sub(12)
        .expect("the budget bars");
    assert_eq!(solid, 8, "an outcome bar for January–August only");
    // One y-axis per panel, each titled once in tkr.
    assert_eq!(chart.matches(">Per månad, tkr<").count(), 1);
    assert_eq!(chart.matches(">Ackumulerat från januari, tkr<").count(), 1);
    // Axis values in Swedish format: grouped by a space, never "-20000".
    let values: Vec<String> = chart
        .split("text-anchor=\"end\" font-size=\"11\" fill=\"#333\">")
        .skip(1)
        .map(|tick| tick.split('<').next().unwrap_or_default().to_string())
        .collect();
    assert!(values.len() >= 4, "{values:?}");
    assert!(
        values.iter().any(|value| value.contains(' ')),
        "thousands grouped: {values:?}"
    );
    assert!(
        values
            .iter()
            .all(|value| value.trim_start_matches('-').len() <= 3 || value.contains(' ')),
        "{values:?}"
    );
    // Told apart without colour: the budget dashed, the outcome solid with points, in words.
    assert!(chart.contains("stroke-dasharray=\"8 5\""));
    assert_eq!(
        chart.matches("<circle ").count(),
        8,
        "a point per booked month"
    );
    assert!(chart.contains("budget (randig stapel, streckad linje)"));
    assert!(chart.contains("utfall (hel stapel, heldragen linje)"));
}
