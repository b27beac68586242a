//! Issue 16 in headless Chromium, the records' points, role by role: the comparison year
//! read-only; investments with total budget, dates, driftkonsekvens, owner and status; risks
//! with owner, category and residual risk; the control plan with schedule, status and
//! conclusion, a new control's description taken from its risk, sorted by riskvärde; a
//! confirmation before every removal; dates as date fields and a bad one refused as an error;
//! times in Swedish local time; the styrdokument register with its reminders. axe-core runs
//! on every page a test visits.
//!
//! Needs chromedriver and axe-core (see browser_support); without them each test says so and
//! passes, except under CI.

mod browser_support;
mod support;

use browser_support::{Browser, ERROR, axe, close, start};
use fantoccini::Locator;

async fn choose(browser: &Browser, css: &str, value: &str) {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("{css} is on the page"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|_| panic!("{css} has {value}"));
}

#[tokio::test]
async fn the_comparison_year_is_read_only_even_for_the_controller() {
    let Some(browser) = start("records-comparison").await else {
        return;
    };
    browser.open("/budget/1/drift").await;
    assert!(browser.has("#ks-other_costs-2025").await);
    assert!(
        !browser.has("#ks-other_costs-2024").await,
        "no field for Budget 2024"
    );
    assert_eq!(
        browser.text("[data-cell=\"other_costs:2024\"]").await,
        "-41 587"
    );
    // Asked directly, the API refuses it too, and the figure stands.
    let answer = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('/api/v1/budgets/1/operating/ks/lines/other_costs/2024', { method: 'PUT',
               headers: { 'Content-Type': 'application/json',
                          'X-CSRF-Token': document.querySelector('meta[name=\"csrf-token\"]').content },
               body: JSON.stringify({ amount: '-1' }) })
               .then(response => response.json().then(json => done([response.status, json.message])));",
            vec![],
        )
        .await
        .expect("the API answers");
    let status = answer[0].as_i64().unwrap_or_default();
    assert!((400..500).contains(&status), "refused: {answer}");
    browser.open("/budget/1/drift").await;
    assert_eq!(
        browser.text("[data-cell=\"other_costs:2024\"]").await,
        "-41 587"
    );
    browser.open("/budget/1/ram").await;
    assert!(browser.has("#ram-ks-2025").await);
    assert!(
        !browser.has("#ram-ks-2024").await,
        "no field for 2024's frame"
    );
    assert!(!browser.has("#ar-ks-2024").await, "nor for its derivation");
    browser.open("/budget/1/investeringar").await;
    let anchor = browser
        .client
        .find(Locator::Css("form[id] input[name=\"amount:2025\"]"))
        .await
        .expect("a project's 2025 field")
        .attr("id")
        .await
        .expect("an id")
        .expect("an id");
    let project = anchor.trim_end_matches("-2025");
    assert!(
        !browser
            .has(&format!("input[name=\"amount:2024\"]#{project}-2024"))
            .await,
        "no field for the project's 2024"
    );
    axe(&browser, "/budget/1/investeringar").await;
    close(browser).await;
}

#[tokio::test]
async fn an_investment_has_its_total_budget_dates_driftkonsekvens_owner_and_status() {
    let Some(browser) = start("records-investment").await else {
        return;
    };
    browser.open("/budget/1/investeringar").await;
    browser
        .type_into("#nytt-projekt-namn", "Ny brandstation")
        .await;
    choose(&browser, "#nytt-projekt-status", "ongoing").await;
    browser
        .type_into("#nytt-projekt-agare", "Räddningschefen")
        .await;
    browser.set_date("#nytt-projekt-start", "2025-03-01").await;
    browser.set_date("#nytt-projekt-slut", "2027-10-31").await;
    browser.type_into("#nytt-projekt-total", "40 000").await;
    browser.type_into("#nytt-projekt-2025", "12 000").await;
    browser
        .type_into("#nytt-projekt-kapital-2026", "-600")
        .await;
    browser.type_into("#nytt-projekt-drift-2026", "-250").await;
    browser.click("#nytt-projekt button[type=submit]").await;
    browser
        .wait_for_text("#projektuppgifter", "Ny brandstation")
        .await;
    let table = browser.text("#projektuppgifter").await;
    for shown in [
        "Pågående",
        "Räddningschefen",
        "2025-03-01",
        "2027-10-31",
        "40 000",
    ] {
        assert!(table.contains(shown), "{shown} in {table}");
    }
    browser
        .wait_for_text("#driftkonsekvens", "kapital -600, övrigt -250")
        .await;
    browser.wait_for_text("#driftkonsekvens", "-850").await;
    axe(&browser, "/budget/1/investeringar with a new project").await;
    // The end before the start: refused beside the field, in the error style.
    browser.open("/budget/1/investeringar").await;
    browser.type_into("#nytt-projekt-namn", "Park").await;
    browser.set_date("#nytt-projekt-start", "2026-05-01").await;
    browser.set_date("#nytt-projekt-slut", "2026-01-01").await;
    browser.click("#nytt-projekt button[type=submit]").await;
    browser
        .wait_for_text("#nytt-projekt-slut-fel", "slutet ligger före starten")
        .await;
    assert_eq!(
        browser.style("#nytt-projekt-slut-fel", "color").await,
        ERROR
    );
    // A date that is no date (a browser without date fields sends what was typed).
    browser
        .client
        .execute(
            "const field = document.getElementById('nytt-projekt-start');
             field.type = 'text'; field.value = '31/2 2026';",
            vec![],
        )
        .await
        .expect("typed");
    browser.click("#nytt-projekt button[type=submit]").await;
    browser
        .wait_for_text("#nytt-projekt-start-fel", "datum")
        .await;
    assert_eq!(
        browser.style("#nytt-projekt-start-fel", "color").await,
        ERROR
    );
    assert_eq!(
        browser
            .client
            .find(Locator::Css("#nytt-projekt-start"))
            .await
            .expect("the field")
            .attr("aria-invalid")
            .await
            .expect("an attribute")
            .as_deref(),
        Some("true")
    );
    axe(&browser, "/budget/1/investeringar with refusals").await;
    // A läsare reads the same details, with no field.
    let reader = browser.another("lasare").await;
    reader.open("/budget/1/investeringar").await;
    reader
        .wait_for_text("#projektuppgifter", "Räddningschefen")
        .await;
    reader
        .wait_for_text("#driftkonsekvens", "kapital -600, övrigt -250")
        .await;
    assert!(!reader.has("main input:not([type=hidden])").await);
    close(reader).await;
    close(browser).await;
}

#[tokio::test]
async fn a_risk_has_an_owner_a_category_and_a_residual_risk_after_measures() {
    let Some(browser) = start("records-risk").await else {
        return;
    };
    browser.open("/budget/1/risker").await;
    browser
        .type_into("#risk--namn", "Översvämning av arkivet")
        .await;
    browser.type_into("#risk--sannolikhet", "3").await;
    browser.type_into("#risk--vasentlighet", "4").await;
    browser
        .type_into("#risk--kategori", "Informationssäkerhet")
        .await;
    browser.type_into("#risk--agare", "Arkivarien").await;
    browser.type_into("#risk--kvar-sannolikhet", "1").await;
    browser.type_into("#risk--kvar-vasentlighet", "4").await;
    browser
        .click("form:has(#risk--namn) button[type=submit]")
        .await;
    browser
        .wait_for_text("main table", "Översvämning av arkivet")
        .await;
    let register = browser.text("main .scroll table").await;
    let line = register
        .lines()
        .find(|line| line.contains("Översvämning av arkivet"))
        .expect("the new risk's row");
    for shown in ["Informationssäkerhet", "Arkivarien", "12"] {
        assert!(line.contains(shown), "{shown} in {line}");
    }
    assert!(line.contains('4'), "residual 1 × 4 = 4: {line}");
    axe(&browser, "/budget/1/risker").await;
    let reader = browser.another("revisor").await;
    reader.open("/budget/1/risker").await;
    reader.wait_for_text("main table", "Arkivarien").await;
    assert!(!reader.has("main input:not([type=hidden])").await);
    close(reader).await;
    close(browser).await;
}

#[tokio::test]
async fn the_control_plan_has_a_schedule_status_and_conclusion_and_is_sorted_by_risk_value() {
    let Some(browser) = start("records-control").await else {
        return;
    };
    browser.open("/budget/1/internkontroll").await;
    // A new activity takes its risk's description from the risk analysis.
    choose(&browser, "#kontroll--risk", "felaktiga-loneutbetalningar").await;
    assert!(
        browser
            .value("#kontroll--beskrivning")
            .await
            .starts_with("Risk att felaktig löneutbetalning"),
        "the description follows the risk"
    );
    browser
        .type_into("#kontroll--metod", "Stickprov av tio utbetalningar")
        .await;
    browser.type_into("#kontroll--ansvarig", "Lönechefen").await;
    browser.set_date("#kontroll--planerad", "2025-04-15").await;
    browser.set_date("#kontroll--rapport", "2025-06-30").await;
    browser
        .type_into("#kontroll--slutsats", "Rutinen fungerar.")
        .await;
    browser
        .click("form:has(#kontroll--metod) button[type=submit]")
        .await;
    browser
        .wait_for_text("#kontrollplan", "Stickprov av tio utbetalningar")
        .await;
    browser.wait_for_text("#tidplan", "2025-04-15").await;
    browser.wait_for_text("#tidplan", "Rutinen fungerar.").await;
    // Highest riskvärde first.
    let values: Vec<i64> = serde_json::from_value(
        browser
            .client
            .execute(
                "return Array.from(document.querySelectorAll('#kontrollplan tbody td.number'))
                   .map(cell => Number(cell.textContent.trim()));",
                vec![],
            )
            .await
            .expect("the risk values"),
    )
    .expect("numbers");
    assert!(values.len() >= 4, "{values:?}");
    assert!(
        values.windows(2).all(|pair| pair[0] >= pair[1]),
        "sorted by riskvärde: {values:?}"
    );
    axe(&browser, "/budget/1/internkontroll").await;
    close(browser).await;
}

/// The removal links of the open page.
async fn removals(browser: &Browser) -> Vec<String> {
    let mut links = Vec::new();
    for link in browser
        .client
        .find_all(Locator::Css("main a[href$=\"/ta-bort\"]"))
        .await
        .expect("links")
    {
        links.push(
            link.attr("href")
                .await
                .expect("an address")
                .expect("a link"),
        );
    }
    links
}

#[tokio::test]
async fn every_removal_asks_first_and_removes_nothing_until_confirmed() {
    let Some(browser) = start("records-removals").await else {
        return;
    };
    // Something removable where the reference has nothing: an unused index vintage and a
    // styrdokument of the register's own.
    browser.open("/budget/1/ram").await;
    browser
        .type_into("#index--argang", "SKR cirkulär 25:08")
        .await;
    browser.type_into("#index--2025", "3,0").await;
    browser
        .click("form[action$=\"/index\"]:has(#index--argang) button")
        .await;
    browser
        .wait_for_text("main", "PKV, årgång SKR cirkulär 25:08")
        .await;
    browser.open("/styrdokument").await;
    browser
        .add_document("Riktlinje för representation", "2030-06-30")
        .await;
    for page in [
        "/budget/1/investeringar",
        "/budget/1/mal",
        "/budget/1/inriktningar",
        "/budget/1/effektivisering",
        "/budget/1/risker",
        "/budget/1/internkontroll",
        "/budget/1/ram",
        "/budget/1/avsnitt",
        "/styrdokument",
    ] {
        browser.open(page).await;
        let before = removals(&browser).await;
        assert!(!before.is_empty(), "{page} has something to remove");
        // A button that removes at once would be a form posting to a removal.
        assert_eq!(
            browser
                .count("main form[action$=\"/ta-bort\"], main button[value=\"ta-bort\"]")
                .await,
            0,
            "{page} removes nothing with one click"
        );
        browser.open(&before[0]).await;
        browser
            .wait_for_text("#bekrafta-fraga", "Vill du ta bort")
            .await;
        axe(&browser, &before[0]).await;
        browser.click(".confirm a").await;
        browser.wait_for_text("h1", "").await;
        assert_eq!(removals(&browser).await, before, "{page}: nothing removed");
    }
    // Confirmed, the section is gone from Texter.
    browser.open("/budget/1/avsnitt").await;
    let sections = browser.count("main tbody tr").await;
    let first = removals(&browser).await.remove(0);
    browser.open(&first).await;
    browser.click("#bekrafta").await;
    browser.wait_for_text("h1", "Texter").await;
    assert_eq!(browser.count("main tbody tr").await, sections - 1);
    close(browser).await;
}
