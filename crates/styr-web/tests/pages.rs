//! Every page through the real router: it reads, its forms save, and a bad value comes back
//! next to its field with everything typed kept and nothing saved.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{get, post_form, router_with_example, send};

#[tokio::test]
async fn every_page_reads() {
    let router = router_with_example("pages-read").await;
    let pages = [
        ("/", "Alingsås kommun"),
        ("/budget/1", "Kontroll av angivna siffror"),
        ("/budget/1/drift", "Ekonomiska ramar, exploateringsenheten"),
        (
            "/budget/1/ram",
            "Uppräkning med 100 procent av PKV 2025 (2,5 procent)",
        ),
        ("/budget/1/investeringar", "Bälinge företagspark"),
        ("/budget/1/mal", "Arbetsbelastningen"),
        ("/budget/1/inriktningar", "Social hållbarhet"),
        ("/budget/1/effektivisering", "Införande av ett E-arkiv"),
        ("/budget/1/risker", "Välfärdsbrottslighet"),
        ("/budget/1/internkontroll", "Biträdande kommundirektör"),
        ("/budget/1/organisation", "Samhällsbyggnadsförvaltningen"),
        ("/budget/1/uppfoljning", "Läs in utfall"),
        ("/budget/1/uppfoljning/mappning", "Konton till budgetrader"),
        ("/budget/1/dokument", "2024.025 KS"),
        ("/budget/1/rapport", "Riskmatris"),
    ];
    for (uri, expected) in pages {
        let answer = get(&router, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert!(
            answer.content_type.starts_with("text/html"),
            "{uri}: {}",
            answer.content_type
        );
        assert!(
            answer.body.contains(expected),
            "{uri} should show {expected}"
        );
        assert!(answer.body.contains("lang=\"sv\""), "{uri} is in Swedish");
    }
}

#[tokio::test]
async fn an_unknown_budget_or_page_is_not_found() {
    let router = router_with_example("pages-missing").await;
    for uri in ["/budget/99", "/budget/99/drift", "/finns-inte"] {
        let answer = get(&router, uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(answer.body.contains("Sidan finns inte"), "{uri}");
    }
}

#[tokio::test]
async fn the_stylesheet_and_script_are_served() {
    let router = router_with_example("pages-assets").await;
    let style = get(&router, "/static/styr.css").await;
    assert!(style.content_type.starts_with("text/css"));
    let script = get(&router, "/static/styr.js").await;
    assert!(script.content_type.starts_with("text/javascript"));
    assert!(script.body.contains("preview"));
}

#[tokio::test]
async fn saving_a_cost_line_recomputes_the_table() {
    let router = router_with_example("pages-drift").await;
    let answer = post_form(
        &router,
        "/budget/1/drift/ks",
        &[("revision", "1"), ("other_costs:2025", "-47 752")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    // The page it leads back to says what was saved (issue 16).
    assert_eq!(
        answer.location.as_deref(),
        Some("/budget/1/drift?sparat=ks/other_costs:2025#tabell-ks")
    );
    let page = get(&router, "/budget/1/drift?sparat=ks/other_costs:2025")
        .await
        .body;
    assert!(
        page.contains("Sparat i Kommunstyrelsen: Övriga kostnader, Budget 2025 (-47 752 tkr)."),
        "what was saved is said"
    );
    assert!(page.contains("value=\"-47 752\""), "the new value");
    assert!(
        page.contains(">-227 342<"),
        "Verksamhetens kostnader follows"
    );
    assert!(page.contains(">-118 734<"), "nettokostnad follows");
    assert!(page.contains(">-99<"), "Årets resultat follows");
}

#[tokio::test]
async fn a_bad_amount_is_shown_at_its_field_and_nothing_is_saved() {
    let router = router_with_example("pages-drift-bad").await;
    let fields = [
        ("revision", "1"),
        ("other_costs:2025", "-47 752"),
        ("personnel:2026", "tolv"),
    ];
    let answer = post_form(&router, "/budget/1/drift/ks", &fields).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("”tolv” är inget belopp"),
        "the message"
    );
    assert!(
        answer.body.contains("value=\"tolv\""),
        "what was typed is kept"
    );
    assert!(
        answer.body.contains("value=\"-47 752\""),
        "the other typed value too"
    );
    assert!(answer.body.contains("aria-invalid=\"true\""));
    let page = get(&router, "/budget/1/drift").await.body;
    assert!(page.contains("value=\"-47 652\""), "nothing was saved");
}

#[tokio::test]
async fn a_save_from_a_stale_page_is_refused_and_keeps_what_was_typed() {
    let router = router_with_example("pages-drift-stale").await;
    post_form(
        &router,
        "/budget/1/drift/ks",
        &[("revision", "1"), ("other_costs:2025", "-47 700")],
    )
    .await;
    let answer = post_form(
        &router,
        "/budget/1/drift/ks",
        &[("revision", "1"), ("other_costs:2025", "-47 800")],
    )
    .await;
    // A stale save is a conflict: 409 on a page as in the API (one mapping).
    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert!(answer.body.contains("har ändrats av någon annan"));
    assert!(answer.body.contains("value=\"-47 800\""));
}

#[tokio::test]
async fn each_cell_carries_its_version_so_only_the_same_cell_conflicts() {
    let router = router_with_example("pages-drift-versions").await;
    let page = get(&router, "/budget/1/drift").await;
    let version = |key: &str| {
        support::between(
            &page.body,
            &format!("name=\"version:{key}\" value=\""),
            "\"",
        )
    };
    let (other_costs, personnel) = (version("other_costs:2025"), version("personnel:2025"));
    assert_eq!(
        other_costs, "-4765200000",
        "a cell's version is its exact amount in öre"
    );
    // Two people read the page; one saves a cell.
    let first = post_form(
        &router,
        "/budget/1/drift/ks",
        &[
            ("version:other_costs:2025", &other_costs),
            ("other_costs:2025", "-47 700"),
        ],
    )
    .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    // The other saves another cell of the same table from the same read: no conflict.
    let second = post_form(
        &router,
        "/budget/1/drift/ks",
        &[
            ("version:personnel:2025", &personnel),
            ("personnel:2025", "-134 000"),
        ],
    )
    .await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    // … and then the first cell, from the stale read: refused, the other's value shown and
    // the typed value kept.
    let third = post_form(
        &router,
        "/budget/1/drift/ks",
        &[
            ("version:other_costs:2025", &other_costs),
            ("other_costs:2025", "-47 800"),
        ],
    )
    .await;
    // A stale save is a conflict: 409 on a page as in the API (one mapping).
    assert_eq!(third.status, StatusCode::CONFLICT);
    assert!(
        third.body.contains("någon annan har ändrat"),
        "{}",
        third.body
    );
    assert!(
        third.body.contains("värdet är nu -47 700"),
        "{}",
        third.body
    );
    assert!(third.body.contains("value=\"-47 800\""));
    // Saving again, knowingly, replaces it: the form now stands on the value it was shown.
    let fourth = post_form(
        &router,
        "/budget/1/drift/ks",
        &[
            ("version:other_costs:2025", "-4770000000"),
            ("other_costs:2025", "-47 800"),
        ],
    )
    .await;
    assert_eq!(fourth.status, StatusCode::SEE_OTHER, "{}", fourth.body);
}

#[tokio::test]
async fn an_explanation_is_saved_with_the_table() {
    let router = router_with_example("pages-explanation").await;
    let answer = post_form(
        &router,
        "/budget/1/drift/ks",
        &[
            ("revision", "1"),
            ("explanation:premises_rent", "Ny hyra för kommunhuset."),
        ],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert!(
        get(&router, "/budget/1/drift")
            .await
            .body
            .contains("Ny hyra för kommunhuset.")
    );
}

#[tokio::test]
async fn a_project_is_added_changed_and_removed() {
    let router = router_with_example("pages-projects").await;
    let add = [
        ("revision", "1"),
        ("replacing", ""),
        ("name", "Ny brandstation"),
        ("category", "expansion"),
        ("amount:2026", "12 000"),
    ];
    let answer = post_form(&router, "/budget/1/investeringar", &add).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let page = get(&router, "/budget/1/investeringar").await.body;
    assert!(page.contains("<legend>Ny brandstation</legend>"));
    assert!(
        page.contains(">103 753<"),
        "Expansionsinvesteringar 2026 grows by 12 000"
    );
    let change = [
        ("revision", "2"),
        ("replacing", "Ny brandstation"),
        ("name", "Brandstation"),
        ("category", "expansion"),
        ("amount:2026", "13 000"),
    ];
    assert_eq!(
        post_form(&router, "/budget/1/investeringar", &change)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        get(&router, "/budget/1/investeringar")
            .await
            .body
            .contains("<legend>Brandstation</legend>")
    );
    let removed = post_form(&router, "/budget/1/investeringar/Brandstation/ta-bort", &[]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(
        !get(&router, "/budget/1/investeringar")
            .await
            .body
            .contains("Brandstation<")
    );
}

#[tokio::test]
async fn a_project_with_a_taken_name_or_a_bad_amount_is_refused() {
    let router = router_with_example("pages-projects-bad").await;
    let taken = [
        ("revision", "1"),
        ("replacing", ""),
        ("name", "Stadsskogen"),
        ("category", "expansion"),
    ];
    let answer = post_form(&router, "/budget/1/investeringar", &taken).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer
            .body
            .contains("ett projekt som heter ”Stadsskogen” finns redan")
    );
    let bad = [
        ("revision", "1"),
        ("replacing", ""),
        ("name", "Park"),
        ("category", "expansion"),
        ("amount:2027", "mycket"),
    ];
    let answer = post_form(&router, "/budget/1/investeringar", &bad).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("”mycket” är inget belopp"));
    assert!(answer.body.contains("value=\"Park\""));
}

#[tokio::test]
async fn a_risk_is_added_to_the_register_and_the_matrix() {
    let router = router_with_example("pages-risk").await;
    let risk = [
        ("revision", "1"),
        ("risk", ""),
        ("name", "Översvämning av arkivet"),
        ("probability", "4"),
        ("materiality", "4"),
        ("handling", "control"),
    ];
    let answer = post_form(&router, "/budget/1/risker", &risk).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let page = get(&router, "/budget/1/risker").await.body;
    assert!(
        page.contains("Sannolikhet 4, väsentlighet 4, riskvärde 16 (Hög): Översvämning av arkivet")
    );
}

#[tokio::test]
async fn a_risk_with_bad_grades_is_refused_and_a_controlled_risk_cannot_be_removed() {
    let router = router_with_example("pages-risk-bad").await;
    let risk = [
        ("revision", "1"),
        ("risk", ""),
        ("name", "Ny risk"),
        ("probability", "5"),
        ("materiality", "0"),
        ("handling", "control"),
    ];
    let answer = post_form(&router, "/budget/1/risker", &risk).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.body.matches("välj ett värde 1–4").count(), 2);
    let removed = post_form(
        &router,
        "/budget/1/risker/valfardsbrottslighet/ta-bort",
        &[],
    )
    .await;
    assert_eq!(removed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(removed.body.contains("används av kontrollaktiviteten"));
}

#[tokio::test]
async fn a_control_result_is_recorded_and_a_bad_date_is_refused() {
    let router = router_with_example("pages-control").await;
    let result = [
        ("revision", "1"),
        ("performed_on", "2025-05-12"),
        ("sample", "20 avtal"),
        ("deviations_found", "2"),
        ("deviations", "Två saknade kontroll"),
        ("actions", "Rutinen ses över"),
    ];
    let answer = post_form(
        &router,
        "/budget/1/internkontroll/valfardsbrottslighet/resultat",
        &result,
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let page = get(&router, "/budget/1/internkontroll").await.body;
    assert!(
        page.contains("2025-05-12")
            && page.contains("20 avtal")
            && page.contains("Rutinen ses över")
    );
    let bad = [
        ("revision", "2"),
        ("performed_on", "12 maj"),
        ("sample", ""),
    ];
    let answer = post_form(
        &router,
        "/budget/1/internkontroll/valfardsbrottslighet/resultat",
        &bad,
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("”12 maj” är inget datum")
            && answer.body.contains("Urvalet behöver fyllas i")
    );
}

#[tokio::test]
async fn a_control_activity_is_added_and_removed() {
    let router = router_with_example("pages-control-add").await;
    let control = [
        ("revision", "1"),
        ("control", ""),
        ("risk", "cyberhot"),
        ("method", "Phishingtest"),
        ("responsible", "IT-chef"),
    ];
    assert_eq!(
        post_form(&router, "/budget/1/internkontroll", &control)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        get(&router, "/budget/1/internkontroll")
            .await
            .body
            .contains("Phishingtest")
    );
    assert_eq!(
        post_form(&router, "/budget/1/internkontroll/cyberhot/ta-bort", &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        !get(&router, "/budget/1/internkontroll")
            .await
            .body
            .contains("Phishingtest")
    );
}

#[tokio::test]
async fn goals_directions_and_investigations_are_added_and_removed() {
    let router = router_with_example("pages-registers").await;
    let goal = [
        ("revision", "1"),
        ("goal", ""),
        ("kind", "board"),
        ("title", "Minskad sjukfrånvaro"),
        ("kpi:0:name", "Sjukfrånvaro"),
        ("kpi:0:source", "Lönesystemet"),
        ("kpi:0:measurements_per_year", "12"),
    ];
    assert_eq!(
        post_form(&router, "/budget/1/mal", &goal).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(
        get(&router, "/budget/1/mal")
            .await
            .body
            .contains("Nyckeltal: Sjukfrånvaro (varje månad)")
    );
    let direction = [
        ("revision", "2"),
        ("goal", ""),
        ("kind", "political_direction"),
        ("title", "Trygghet i centrum"),
    ];
    assert_eq!(
        post_form(&router, "/budget/1/inriktningar", &direction)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        get(&router, "/budget/1/inriktningar")
            .await
            .body
            .contains("Trygghet i centrum")
    );
    assert_eq!(
        post_form(
            &router,
            "/budget/1/inriktningar/trygghet-i-centrum/ta-bort",
            &[]
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    let investigation = [
        ("revision", "4"),
        ("position", ""),
        ("proposed_by", "Socialnämnden"),
        ("investigation", "Gemensam bemanningspool"),
        ("coordinators", "Kansli- och HR-avdelningen"),
        ("prioritised", "ja"),
    ];
    assert_eq!(
        post_form(&router, "/budget/1/effektivisering", &investigation)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        get(&router, "/budget/1/effektivisering")
            .await
            .body
            .contains("Gemensam bemanningspool")
    );
    assert_eq!(
        post_form(&router, "/budget/1/effektivisering/14/ta-bort", &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        !get(&router, "/budget/1/effektivisering")
            .await
            .body
            .contains("Gemensam bemanningspool")
    );
}

#[tokio::test]
async fn a_goal_or_investigation_without_its_required_fields_is_refused() {
    let router = router_with_example("pages-registers-bad").await;
    let goal = [
        ("revision", "1"),
        ("goal", ""),
        ("kind", "board"),
        ("title", ""),
        ("kpi:0:name", "X"),
        ("kpi:0:measurements_per_year", "0"),
    ];
    let answer = post_form(&router, "/budget/1/mal", &goal).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("Rubriken behöver fyllas i")
            && answer.body.contains("ange hur många gånger per år")
    );
    let investigation = [
        ("revision", "1"),
        ("position", ""),
        ("proposed_by", ""),
        ("investigation", ""),
    ];
    let answer = post_form(&router, "/budget/1/effektivisering", &investigation).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("Utredningen behöver fyllas i"));
}

#[tokio::test]
async fn the_document_metadata_is_saved_and_a_bad_date_refused() {
    let router = router_with_example("pages-document").await;
    let mut fields = vec![
        ("revision", "1"),
        ("title", "Kommunstyrelsen budget 2025–2027"),
        ("kind", "Budget"),
        ("decided_by", "Kommunfullmäktige"),
        ("decision_date", "2024-12-16"),
        ("owner", "Ny ansvarig"),
    ];
    assert_eq!(
        post_form(&router, "/budget/1/dokument", &fields)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        get(&router, "/budget/1/dokument")
            .await
            .body
            .contains("value=\"Kommunfullmäktige\"")
    );
    fields[0] = ("revision", "2");
    fields.push(("revise_by", "2025-13-01"));
    let answer = post_form(&router, "/budget/1/dokument", &fields).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("datumet 2025-13-01 finns inte"));
}

#[tokio::test]
async fn an_entered_frame_year_is_saved_and_the_plan_years_follow() {
    let router = router_with_example("pages-frame").await;
    let answer = post_form(
        &router,
        "/budget/1/ram/ks",
        &[("revision", "1"), ("amount:2025", "120 000")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    let page = get(&router, "/budget/1/ram").await.body;
    assert!(page.contains(">123 000<"), "2026 = 120 000 × 1,025");
    let bad = post_form(
        &router,
        "/budget/1/ram/ks",
        &[("revision", "2"), ("amount:2025", "x")],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

fn multipart(file: &str) -> Request<Body> {
    let boundary = "styrgrans";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"budget.toml\"\r\nContent-Type: application/toml\r\n\r\n{file}\r\n--{boundary}--\r\n"
    );
    Request::post("/importera")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("a request")
}

#[tokio::test]
async fn a_budget_file_is_imported_and_exported_through_the_pages() {
    let router = router_with_example("pages-import").await;
    let exported = get(&router, "/budget/1/export").await;
    assert!(exported.content_type.starts_with("application/toml"));
    let answer = send(&router, multipart(&exported.body)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(answer.location.as_deref(), Some("/budget/2"));
    assert_eq!(
        styr_import::parse_budget(&get(&router, "/budget/2/export").await.body),
        styr_import::parse_budget(&exported.body)
    );
}

#[tokio::test]
async fn a_broken_budget_file_is_refused_with_every_issue() {
    let router = router_with_example("pages-import-bad").await;
    let broken = support::EXAMPLE
        .replacen("probability = 3", "probability = 9", 1)
        .replacen("revenue = { 2024 = 100548", "revenue = { 2024 = \"x\"", 1);
    let answer = send(&router, multipart(&broken)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.body.contains("9 är inget värde på skalan 1–4")
            && answer.body.contains("”x” är inget belopp")
    );
    assert!(
        get(&router, "/budget/2").await.status == StatusCode::NOT_FOUND,
        "nothing was imported"
    );
}

#[tokio::test]
async fn an_explanation_that_contradicts_the_numbers_is_shown_as_a_finding() {
    let router = router_with_example("pages-explanation-finding").await;
    let text = "Personalkostnaderna ökar med 5,0 mnkr på grund av nya tjänster.";
    let answer = post_form(
        &router,
        "/budget/1/drift/ks",
        &[("revision", "1"), ("explanation:personnel", text)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    let overview = get(&router, "/budget/1").await.body;
    assert!(
        overview.contains(
            "förklaringen ”Personalkostnaderna ökar med 5,0 mnkr på grund av nya tjänster.”"
        ),
        "the sentence is a finding"
    );
    assert!(overview.contains("anges ökar med 5,0 mnkr, beräknas ökar med 2,0 mnkr"));
}

#[tokio::test]
async fn the_mapping_is_edited_and_a_bad_rule_saves_nothing() {
    let router = router_with_example("pages-mapping").await;
    let page = get(&router, "/budget/1/uppfoljning/mappning").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("value=\"61\""),
        "the Kommun-Bas default is shown"
    );
    let bad = post_form(
        &router,
        "/budget/1/uppfoljning/mappning",
        &[
            ("prefix", "3"),
            ("rad", "revenue"),
            ("prefix", "4x"),
            ("rad", "purchased_services"),
            ("kostnadsstalle", "990"),
            ("enhet", "klk"),
            ("fran", "2025-13-01"),
            ("till", ""),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("”4x”"), "{}", bad.body);
    assert!(bad.body.contains("datum skrivs ÅÅÅÅ-MM-DD"));
    assert!(bad.body.contains("value=\"4x\""), "what was typed is kept");
    let page = get(&router, "/budget/1/uppfoljning/mappning").await;
    assert!(page.body.contains("value=\"61\""), "nothing was saved");
    let good = post_form(
        &router,
        "/budget/1/uppfoljning/mappning",
        &[
            ("prefix", "3"),
            ("rad", "revenue"),
            ("prefix", "4"),
            ("rad", ""),
            ("kostnadsstalle", "990"),
            ("enhet", "klk"),
            ("fran", "2025-01-01"),
            ("till", ""),
        ],
    )
    .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    let page = get(&router, "/budget/1/uppfoljning/mappning").await;
    assert!(!page.body.contains("value=\"61\""));
    assert!(page.body.contains("value=\"990\""));
    assert!(page.body.contains("value=\"2025-01-01\""));
}

#[tokio::test]
async fn the_followup_page_has_the_interim_and_year_end_layouts_and_profiles_are_checked() {
    let router = router_with_example("pages-layouts").await;
    let interim = get(&router, "/budget/1/uppfoljning?layout=delar").await;
    assert!(
        interim.body.contains("Delårsrapport januari–augusti 2025"),
        "{}",
        interim.body
    );
    // Nothing is booked yet: the page says so instead of showing a period it has no books for.
    assert!(
        interim
            .body
            .contains("Inget utfall är bokfört för 2025; januari–augusti är inte bokförda."),
        "{}",
        interim.body
    );
    let year_end = get(&router, "/budget/1/uppfoljning?layout=helar").await;
    assert!(year_end.body.contains("Årsbokslut 2025"));
    let mut fields = vec![("prefix", "3"), ("rad", "revenue")];
    fields.extend(std::iter::repeat_n(("profil_personnel", "1"), 11));
    fields.push(("profil_personnel", "x"));
    let bad = post_form(&router, "/budget/1/uppfoljning/mappning", &fields).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Periodiseringen av personalkostnader"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"x\""), "what was typed is kept");
    let page = get(&router, "/budget/1/uppfoljning/mappning").await;
    assert!(
        page.body.contains("value=\"61\""),
        "nothing was saved, the rules neither"
    );
}

#[tokio::test]
async fn an_import_profile_is_saved_through_its_page() {
    let router = router_with_example("pages-profiles").await;
    let page = get(&router, "/budget/1/uppfoljning/importprofiler").await;
    assert_eq!(page.status, StatusCode::OK);
    // The profile is a Swedish form: a choice the form does not offer is refused with a
    // message, and what was typed is kept.
    let mut fields = vec![
        ("namn", "Agresso"),
        ("avgransare", "lodstreck"),
        ("decimaltecken", "komma"),
        ("datum", "D"),
        ("konto", "K"),
        ("belopp", "B"),
    ];
    let bad = post_form(&router, "/budget/1/uppfoljning/importprofiler", &fields).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Välj avgränsare"), "{}", bad.body);
    assert!(
        bad.body.contains("value=\"Agresso\""),
        "what was typed is kept: {}",
        bad.body
    );
    fields[1] = ("avgransare", "semikolon");
    let good = post_form(&router, "/budget/1/uppfoljning/importprofiler", &fields).await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    let followup = get(&router, "/budget/1/uppfoljning").await;
    assert!(
        followup.body.contains("<option>Agresso</option>"),
        "the import form offers it"
    );
}

#[tokio::test]
async fn the_month_table_drills_down_to_one_month() {
    let router = router_with_example("pages-months").await;
    let outcome = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");
    let request = Request::builder()
        .method("POST")
        .uri("/api/v1/budgets/1/followup/imports?file_name=utfall.se")
        .body(Body::from(outcome.to_vec()))
        .expect("a request");
    assert_eq!(send(&router, request).await.status, StatusCode::CREATED);
    let page = get(&router, "/budget/1/uppfoljning").await;
    assert!(
        page.body.contains("Verksamhetens nettokostnader per månad"),
        "{}",
        page.body
    );
    assert!(page.body.contains("utfall?rad=net_cost&amp;manad=3"));
    let march = get(&router, "/budget/1/uppfoljning/utfall?rad=net_cost&manad=3").await;
    assert_eq!(march.status, StatusCode::OK);
    assert!(march.body.contains("utfall mars 2025"), "{}", march.body);
    assert!(march.body.contains("/uppfoljning/verifikation/"));
    assert!(!march.body.contains("2025-04-"), "only March's vouchers");
    let wrong = get(
        &router,
        "/budget/1/uppfoljning/utfall?rad=net_cost&manad=13",
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_record_saved_from_a_stale_read_is_refused_with_the_value_now() {
    let router = router_with_example("pages-record-versions").await;
    let page = get(&router, "/budget/1/risker").await;
    let form_of = |risk: &str| {
        let start = page
            .body
            .find(&format!("name=\"risk\" value=\"{risk}\""))
            .expect("the risk's form");
        let before = &page.body[..start];
        before
            .rsplit("name=\"version\" value=\"")
            .next()
            .and_then(|rest| rest.split('"').next())
            .expect("the form carries a version")
            .to_string()
    };
    let save = |risk: &'static str, name: &'static str, version: String| {
        let router = router.clone();
        async move {
            post_form(
                &router,
                "/budget/1/risker",
                &[
                    ("version", &version),
                    ("risk", risk),
                    ("name", name),
                    ("probability", "2"),
                    ("materiality", "3"),
                    ("handling", "action"),
                ],
            )
            .await
        }
    };
    let energy = form_of("energibrist-effektbrist");
    let crime = form_of("valfardsbrottslighet");
    assert_eq!(
        save(
            "energibrist-effektbrist",
            "Energibrist/effektbrist",
            energy.clone()
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    // Another risk, from the same read: no conflict.
    assert_eq!(
        save("valfardsbrottslighet", "Välfärdsbrottslighet", crime)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // The same risk from the stale read: refused, the other's value shown, the typed kept.
    let stale = save("energibrist-effektbrist", "Energibrist (ny)", energy).await;
    // A stale save is a conflict: 409 on a page as in the API (one mapping).
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale
            .body
            .contains("någon annan har ändrat risk/energibrist-effektbrist"),
        "{}",
        stale.body
    );
    assert!(stale.body.contains("probability: 2"), "{}", stale.body);
    assert!(
        stale.body.contains("value=\"Energibrist (ny)\""),
        "{}",
        stale.body
    );
}
