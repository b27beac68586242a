//! Issue 16 in headless Chromium, what every page owes every person: the styrdokument
//! register with its reminders on the start page and its list of what is due; dates as date
//! fields and times in Swedish local time; bad addresses answered with a Swedish page in the
//! error style; and the layout that neither overflows the window nor wraps a date, with the
//! risk matrix's axis titles visible. axe-core runs on every page a test visits.
//!
//! Needs chromedriver and axe-core (see browser_support); without them each test says so and
//! passes, except under CI.

mod browser_support;
mod support;

use browser_support::{Browser, ERROR, axe, close, start};
use serde_json::json;

/// The date `days` from today, as the browser's clock has it ("2027-01-01").
async fn days_from_today(browser: &Browser, days: i64) -> String {
    browser
        .client
        .execute(
            "const day = new Date(Date.now() + arguments[0] * 86400000);
             return day.toISOString().slice(0, 10);",
            vec![json!(days)],
        )
        .await
        .expect("a date")
        .as_str()
        .expect("text")
        .to_string()
}

#[tokio::test]
async fn the_styrdokument_register_lists_what_is_due_and_the_start_page_reminds() {
    let Some(browser) = start("pages-register").await else {
        return;
    };
    // The budget's own document was to be revised by 2025-12-31: the start page says so.
    browser.open("/").await;
    browser
        .wait_for_text("#paminnelser-ruta", "Kommunstyrelsen budget 2025–2027")
        .await;
    browser
        .wait_for_text(
            "#paminnelser-ruta",
            "Skulle ha reviderats senast 2025-12-31",
        )
        .await;
    axe(&browser, "/ with reminders").await;
    // A governance document of the municipality's own, due within 90 days, and one that is not.
    browser.open("/styrdokument").await;
    let soon = days_from_today(&browser, 30).await;
    browser
        .add_document("Riktlinje för internkontroll", &soon)
        .await;
    browser
        .add_document("Policy för representation", "2099-12-31")
        .await;
    let due = browser.text("ul.due").await;
    assert!(
        due.contains("Kommunstyrelsen budget 2025–2027: Skulle ha reviderats"),
        "{due}"
    );
    assert!(
        due.contains(&format!(
            "Riktlinje för internkontroll: Ska revideras senast {soon}, om 30 dagar."
        )),
        "{due}"
    );
    assert!(!due.contains("Policy för representation"), "{due}");
    assert_eq!(browser.style("ul.due li.error", "color").await, ERROR);
    // Every document with its type, decision, validity and revision date.
    let register = browser.text("table.register").await;
    for shown in [
        "Riktlinje",
        "Kommunstyrelsen 2024-05-20",
        "Kanslichefen",
        "2099-12-31",
        "Budget",
        "dnr 2024.025 KS",
    ] {
        assert!(register.contains(shown), "{shown} in {register}");
    }
    axe(&browser, "/styrdokument").await;
    browser.open("/").await;
    browser
        .wait_for_text("#paminnelser-ruta", "Riktlinje för internkontroll")
        .await;
    // A läsare reads the register and its reminders, with no field.
    let reader = browser.another("lasare").await;
    reader.open("/styrdokument").await;
    reader
        .wait_for_text("#skrivskyddad", "Du kan läsa registret")
        .await;
    reader
        .wait_for_text("ul.due", "Riktlinje för internkontroll")
        .await;
    assert!(!reader.has("main input:not([type=hidden])").await);
    assert!(!reader.has("main button").await);
    axe(&reader, "/styrdokument as läsare").await;
    close(reader).await;
    close(browser).await;
}

#[tokio::test]
async fn a_bad_address_is_answered_with_a_swedish_page_in_the_error_style() {
    let Some(browser) = start("pages-errors").await else {
        return;
    };
    for (address, heading) in [
        ("/budget/abc/drift", "Sidan finns inte"),
        ("/budget/9", "Sidan finns inte"),
        ("/budget/1/nagonting", "Sidan finns inte"),
        ("/finns/inte", "Sidan finns inte"),
        ("/budget/1/versioner/99", "Sidan finns inte"),
        (
            "/budget/1/risker/ingen-sadan-risk/ta-bort",
            "Sidan finns inte",
        ),
        (
            "/budget/1/maluppfyllelse/nyckeltal/okand",
            "Sidan finns inte",
        ),
        ("/budget/1/drift?sparat=%ZZ", ""),
        ("/budget/1/oppna-data.zip", ""),
        ("/budget/1/dokument/exe", "Sidan finns inte"),
    ] {
        browser.open(address).await;
        let language = browser
            .client
            .execute("return document.documentElement.lang;", vec![])
            .await
            .expect("the language");
        assert_eq!(language, json!("sv"), "{address} is a Swedish page");
        let body = browser.text("body").await;
        assert!(
            !["not found", "Not Found", "Failed to", "Invalid", "error"]
                .iter()
                .any(|english| body.contains(english)),
            "{address} answers in English: {body}"
        );
        if !heading.is_empty() {
            browser.wait_for_text("h1", heading).await;
        }
        if browser.has("main .notice.error").await {
            assert_eq!(
                browser.style("main .notice.error", "color").await,
                ERROR,
                "{address}"
            );
        }
        axe(&browser, address).await;
    }
    close(browser).await;
}

#[tokio::test]
async fn the_pages_fit_the_window_dates_stay_on_one_line_and_the_matrix_names_its_axes() {
    let Some(browser) = start("pages-layout").await else {
        return;
    };
    // Every budget page, at 1280 and at 1024 pixels: nothing is wider than the window (wide
    // tables scroll in their own box).
    for width in [1280, 1024] {
        browser
            .client
            .set_window_size(width, 900)
            .await
            .expect("the window resized");
        for page in [
            "/budget/1",
            "/budget/1/drift",
            "/budget/1/ram",
            "/budget/1/investeringar",
            "/budget/1/risker",
            "/budget/1/internkontroll",
            "/budget/1/uppfoljning",
            "/budget/1/uppfoljning/mappning",
            "/budget/1/versioner",
            "/styrdokument",
        ] {
            browser.open(page).await;
            let widths = browser
                .client
                .execute(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                    vec![],
                )
                .await
                .expect("the widths");
            assert!(
                widths[0].as_i64() <= widths[1].as_i64(),
                "{page} at {width}: {widths}"
            );
        }
    }
    // The mapping's month headers are whole abbreviations with their names, never cut.
    browser.open("/budget/1/uppfoljning/mappning").await;
    let months = browser.text("table.profiles thead").await;
    assert!(!months.contains('…'), "{months}");
    assert!(months.contains("jan") && months.contains("dec"), "{months}");
    // A date is one line: its box is one line high.
    browser.open("/styrdokument").await;
    let lines = browser
        .client
        .execute(
            "return Array.from(document.querySelectorAll('.date')).filter(date => date.textContent.trim())
               .map(date => date.getClientRects().length);",
            vec![],
        )
        .await
        .expect("the dates' lines");
    let lines = lines.as_array().expect("a list");
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|count| count == 1), "{lines:?}");
    // The risk matrix's axes are titled where people see them.
    browser.open("/budget/1/risker").await;
    let titles = browser
        .client
        .execute(
            "return Array.from(document.querySelectorAll('.matrix svg text'))
               .filter(text => { const box = text.getBoundingClientRect();
                 return box.width > 0 && box.height > 0 && getComputedStyle(text).visibility !== 'hidden'; })
               .map(text => text.textContent.trim());",
            vec![],
        )
        .await
        .expect("the matrix's texts");
    let titles: Vec<String> = serde_json::from_value(titles).expect("texts");
    for axis in ["Sannolikhet", "Väsentlighet"] {
        assert!(
            titles.iter().any(|title| title.starts_with(axis)),
            "{axis} visible in the matrix: {titles:?}"
        );
    }
    axe(&browser, "/budget/1/risker").await;
    close(browser).await;
}

#[tokio::test]
async fn every_date_is_a_date_field_and_every_time_is_swedish_local_time() {
    let Some(browser) = start("records-dates").await else {
        return;
    };
    browser.log_in(&browser.client, "admin").await;
    // Every field that holds a date, on every page with one, is a date field.
    let dates = "input[name=start], input[name=end], input[name=planned_on], input[name=report_by],
        input[name=performed_on], input[name=decision_date], input[name=valid_until],
        input[name=revise_by], input[name=fran], input[name=till], input[placeholder*=ÅÅÅÅ]";
    for page in [
        "/budget/1/investeringar",
        "/budget/1/internkontroll",
        "/budget/1/uppfoljning/mappning",
        "/styrdokument",
        "/logg",
    ] {
        browser.open(page).await;
        let types: Vec<String> = serde_json::from_value(
            browser
                .client
                .execute(
                    "return Array.from(document.querySelectorAll(arguments[0]))
                       .map(field => field.name + ':' + field.type);",
                    vec![json!(dates)],
                )
                .await
                .expect("the fields"),
        )
        .expect("names and types");
        assert!(!types.is_empty(), "{page} has date fields");
        let text: Vec<&String> = types
            .iter()
            .filter(|kind| !kind.ends_with(":date"))
            .collect();
        assert!(text.is_empty(), "{page}: dates in free text: {text:?}");
        axe(&browser, page).await;
    }
    // A stored time is shown as a Swedish clock shows it, never as the store's UTC.
    browser.open("/konto").await;
    browser.type_into("#token-name", "Test").await;
    browser
        .click("form[action=\"/konto/nycklar\"] button")
        .await;
    browser.wait_for_text("main", "Test").await;
    let utc = shows_utc();
    for page in [
        "/",
        "/konto",
        "/logg",
        "/budget/1/uppfoljning",
        "/anvandare",
    ] {
        browser.open(page).await;
        let text = browser.text("main").await;
        assert!(
            !utc(&text),
            "{page} shows a time in UTC: {}",
            text.lines().find(|line| utc(line)).unwrap_or_default()
        );
    }
    browser.open("/").await;
    let updated = browser.text("main li .date").await;
    assert!(
        updated.len() == 16 && updated.as_bytes()[10] == b' ',
        "a local time like 2026-12-01 21:10: {updated}"
    );
    close(browser).await;
}

/// Whether a text holds a time as the store writes it ("2026-12-01T20:10:58Z").
fn shows_utc() -> impl Fn(&str) -> bool {
    |text: &str| {
        text.as_bytes().windows(20).any(|window| {
            let digits =
                |range: std::ops::Range<usize>| window[range].iter().all(u8::is_ascii_digit);
            digits(0..4)
                && window[4] == b'-'
                && window[10] == b'T'
                && digits(11..13)
                && window[13] == b':'
                && window[19] == b'Z'
        })
    }
}
