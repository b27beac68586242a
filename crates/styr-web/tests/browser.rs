//! The web application in real headless Chromium (Debian's chromium and chromium-driver):
//! log in, edit a line and see the totals follow, add and remove a project, add a risk and find
//! it in the matrix, submit a bad value and see the message, two people editing the same cell
//! (the second is told and keeps what they typed), adopt a budget and see it frozen, start a
//! revision and compare versions — and axe-core on every page, failing on any serious or
//! critical accessibility violation (WCAG 2.1 AA).
//!
//! Needs /usr/bin/chromedriver (or STYR_CHROMEDRIVER) and axe-core's axe.min.js (STYR_AXE_CORE,
//! or target/browser-tools from `npm install --prefix target/browser-tools axe-core@4`).
//! Without them the test says so and passes — except under CI, where `.ci/run` installs both
//! and their absence is a failure.

mod browser_support;
mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use browser_support::{start, start_with};
use fantoccini::Locator;

#[tokio::test]
async fn a_controller_edits_the_budget_in_a_browser() {
    let Some(browser) = start("browser-edit").await else {
        return;
    };

    // Edit a cost line: the totals follow while typing, and the value is saved on leaving it.
    browser.open("/budget/1/drift").await;
    browser.type_into("#ks-other_costs-2025", "-47 752").await;
    browser
        .wait_for_text("[data-cell=\"costs:2025\"]", "-227 342")
        .await;
    browser
        .wait_for_text("[data-cell=\"net_cost:2025\"]", "-118 734")
        .await;
    browser
        .wait_for_text("[data-cell=\"result:2025\"]", "-99")
        .await;
    browser
        .client
        .find(Locator::Css("#ks-other_costs-2025"))
        .await
        .expect("the cell")
        .send_keys("\u{E004}")
        .await
        .expect("tab");
    browser.wait_for_text("#tabell-ks .status", "Sparat").await;
    browser.open("/budget/1/drift").await;
    assert_eq!(
        browser.value("#ks-other_costs-2025").await,
        "-47 752",
        "the change is kept after a reload"
    );
    assert_eq!(browser.text("[data-cell=\"result:2025\"]").await, "-99");

    // A value that is not an amount: the message stands next to the field.
    browser.type_into("#ks-personnel-2026", "tolv").await;
    browser
        .wait_for_text("#ks-personnel-2026-error", "”tolv” är inget belopp")
        .await;
    browser.open("/budget/1/drift").await;
    assert_eq!(
        browser.value("#ks-personnel-2026").await,
        "-119 110",
        "the bad value was never saved"
    );

    // Add and remove an investment project.
    browser.open("/budget/1/investeringar").await;
    browser
        .type_into("#nytt-projekt-namn", "Ny brandstation")
        .await;
    browser.type_into("#nytt-projekt-2026", "12 000").await;
    browser.click("#nytt-projekt button[type=submit]").await;
    browser.wait_for_text("body", "Ny brandstation").await;
    browser.wait_for_text("main table", "103 753").await;
    // "Ta bort" leads to a page that asks first: nothing is removed by the one click.
    let confirmation = browser
        .client
        .find(Locator::Css("a[href$=\"/Ny%20brandstation/ta-bort\"]"))
        .await
        .expect("the project's Ta bort link")
        .attr("href")
        .await
        .expect("an address")
        .expect("a link");
    browser.open(&confirmation).await;
    browser
        .wait_for_text(
            "#bekrafta-fraga",
            "Vill du ta bort projektet ”Ny brandstation”?",
        )
        .await;
    browser.open("/budget/1/investeringar").await;
    browser.wait_for_text("main table", "103 753").await;
    browser.open(&confirmation).await;
    browser.wait_for_text("#bekrafta", "Ja, ta bort").await;
    browser.click("#bekrafta").await;
    browser.wait_for_text("main table", "91 753").await;
    assert!(
        !browser.text("main").await.contains("Ny brandstation"),
        "the project is gone"
    );

    // A bad amount in a form without the script's help: the page comes back with the message.
    browser.type_into("#nytt-projekt-namn", "Park").await;
    browser.type_into("#nytt-projekt-2027", "mycket").await;
    browser.click("#nytt-projekt button[type=submit]").await;
    browser
        .wait_for_text("#nytt-projekt-2027-fel", "”mycket” är inget belopp")
        .await;
    assert_eq!(
        browser.value("#nytt-projekt-2027").await,
        "mycket",
        "what was typed is kept"
    );
    assert_eq!(browser.value("#nytt-projekt-namn").await, "Park");

    // Add a risk and find it in the matrix.
    browser.open("/budget/1/risker").await;
    browser
        .type_into("#risk--namn", "Översvämning av arkivet")
        .await;
    browser.type_into("#risk--sannolikhet", "4").await;
    browser.type_into("#risk--vasentlighet", "4").await;
    browser
        .click("form:has(#risk--namn) button[type=submit]")
        .await;
    // The matrix names the risk in the cell for probability 4 and materiality 4, once the
    // page after the submit has loaded.
    browser
        .wait_for_attribute(
            "g[data-cell=\"4-4\"]",
            "aria-label",
            "Översvämning av arkivet",
        )
        .await;
    browser
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
}

#[tokio::test]
async fn a_controller_follows_up_the_books_in_a_browser() {
    let Some(browser) = start("browser-followup").await else {
        return;
    };
    browser.open("/budget/1/uppfoljning").await;
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/alingsas-ks-2025-utfall.se")
        .canonicalize()
        .expect("the demo outcome exists");
    browser
        .client
        .find(Locator::Css("#utfall-fil"))
        .await
        .expect("the file field")
        .send_keys(file.to_str().expect("a UTF-8 path"))
        .await
        .expect("the file is chosen");
    browser.click("form[enctype] button[type=submit]").await;
    browser
        .wait_for_text("main table", "alingsas-ks-2025-utfall.se")
        .await;
    browser
        .wait_for_text("#grupp-ks", "Personalkostnader")
        .await;
    // The made-up outcome books a cost centre no unit matches: it is listed, not dropped.
    browser
        .wait_for_text("main", "Projektkontoret (nedlagt)")
        .await;
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "Uppföljning with figures: {violations:?}"
    );
    // A forecast for Kommunstyrelsen's personnel costs, with a comment.
    browser
        .click("#grupp-ks select[name=rad] option[value=\"personnel\"]")
        .await;
    browser
        .type_into("#grupp-ks input[name=belopp]", "-120 000")
        .await;
    browser
        .type_into(
            "#grupp-ks input[name=kommentar]",
            "Vakanser tillsätts i höst",
        )
        .await;
    browser.click("#grupp-ks button[type=submit]").await;
    browser
        .wait_for_text("#grupp-ks", "Vakanser tillsätts i höst")
        .await;
    browser.wait_for_text("#grupp-ks", "-120 000").await;
    // Drill down from the personnel outcome to a voucher.
    browser.click("#grupp-ks a[href*=\"rad=personnel\"]").await;
    browser.wait_for_text("h1", "Personalkostnader").await;
    browser.click("main tbody a").await;
    browser.wait_for_text("h1", "Verifikation A").await;
    browser.wait_for_text("main table", "5011").await;
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "a voucher: {violations:?}");
    browser
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
}

#[tokio::test]
async fn every_page_passes_axe_core() {
    let Some(browser) = start("browser-axe").await else {
        return;
    };
    // The administrator sees every page, the users' and the log's too.
    browser.open("/logga-in").await;
    browser.log_in(&browser.client, "admin").await;
    // First, proof that the check can fail: a page with an unnamed image and an unlabelled field.
    browser
        .client
        .goto("data:text/html,<html><body><img src=x><input type=text></body></html>")
        .await
        .expect("the page opens");
    let control = browser.accessibility_violations().await;
    assert!(
        control
            .iter()
            .any(|violation| violation.starts_with("image-alt")),
        "axe-core finds what it should: {control:?}"
    );
    let pages = [
        "/",
        "/budget/1",
        "/budget/1/drift",
        "/budget/1/ram",
        "/budget/1/investeringar",
        "/budget/1/mal",
        "/budget/1/inriktningar",
        "/budget/1/maluppfyllelse",
        "/budget/1/maluppfyllelse/nyckeltal/arbetsbelastningen",
        "/budget/1/effektivisering",
        "/budget/1/risker",
        "/budget/1/internkontroll",
        "/budget/1/organisation",
        "/budget/1/uppfoljning",
        "/budget/1/uppfoljning/mappning",
        "/budget/1/uppfoljning/importprofiler",
        "/budget/1/uppfoljning?layout=delar",
        "/budget/1/dokument",
        "/budget/1/rapport",
        "/budget/1/versioner",
        "/konto",
        "/anvandare",
        "/logg",
        "/budget/9",
    ];
    let mut failures = Vec::new();
    browser.open("/logga-in").await;
    for violation in browser.accessibility_violations().await {
        failures.push(format!("/logga-in: {violation}"));
    }
    browser.log_in(&browser.client, "admin").await;
    for page in pages {
        browser.open(page).await;
        for violation in browser.accessibility_violations().await {
            failures.push(format!("{page}: {violation}"));
        }
    }
    browser
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
    assert!(
        failures.is_empty(),
        "serious or critical accessibility violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn two_people_edit_the_same_cell_and_the_second_is_told() {
    let Some(first) = start("browser-conflict").await else {
        return;
    };
    let second = first.another("ks-chef").await;
    first.open("/budget/1/drift").await;
    second.open("/budget/1/drift").await;
    // The first saves a new value (leaving the field saves it).
    first.type_into("#ks-other_costs-2025", "-47 700").await;
    first
        .client
        .find(Locator::Css("#ks-other_costs-2025"))
        .await
        .expect("the cell")
        .send_keys("\u{E004}")
        .await
        .expect("tab");
    first.wait_for_text("#tabell-ks .status", "Sparat").await;
    // The second, still on the page as it was, types into the same cell.
    second.type_into("#ks-other_costs-2025", "-47 800").await;
    second
        .client
        .find(Locator::Css("#ks-other_costs-2025"))
        .await
        .expect("the cell")
        .send_keys("\u{E004}")
        .await
        .expect("tab");
    second
        .wait_for_text("#ks-other_costs-2025-error", "värdet är nu -47 700")
        .await;
    assert_eq!(
        second.value("#ks-other_costs-2025").await,
        "-47 800",
        "what the second person typed is kept"
    );
    first.open("/budget/1/drift").await;
    assert_eq!(
        first.value("#ks-other_costs-2025").await,
        "-47 700",
        "the first value stands"
    );
    // Saving again, knowingly, replaces it.
    second.click("#tabell-ks button[type=submit]").await;
    second.wait_for_text("#tabell-ks .status", "Sparat").await;
    // The button saves every cell, each in a request of its own: wait until this one's is in.
    let started = Instant::now();
    loop {
        first.open("/budget/1/drift").await;
        if first.value("#ks-other_costs-2025").await == "-47 800" {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the second value never replaced the first"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    second
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
    first
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
}

#[tokio::test]
async fn a_controller_adopts_the_budget_and_starts_a_revision() {
    let Some(browser) = start("browser-adopt").await else {
        return;
    };
    browser.open("/budget/1/versioner").await;
    browser.wait_for_text("[data-status]", "Utkast").await;
    browser.click("form[action$=\"/status\"] button").await;
    browser.wait_for_text("[data-status]", "Inlämnad").await;
    browser.type_into("#decided-by", "Kommunfullmäktige").await;
    // The decision date is a date field: Chrome's own picker, whose typed order follows the
    // locale, so the date is chosen as the picker sets it.
    browser
        .client
        .execute(
            "document.getElementById('decision-date').value = arguments[0];",
            vec![serde_json::json!("2024-11-27")],
        )
        .await
        .expect("the date is chosen");
    browser.type_into("#registry-number", "KS 2024/321").await;
    // The check's open errors in the reference are each passed over with a written reason:
    // the page asks for one per error, and says how many it will adopt with.
    let reasons = browser
        .client
        .find_all(Locator::Css(
            "form[action$=\"/status\"] textarea[name^=\"skal:\"]",
        ))
        .await
        .expect("the reasons' fields");
    let heading = browser.text("#kontrollen").await;
    assert!(
        heading.contains(&format!("varav {} fel", reasons.len())),
        "one reason asked for each error: {heading}"
    );
    assert!(!reasons.is_empty(), "the reference has errors to pass over");
    for reason in &reasons {
        reason.clear().await.expect("cleared");
        reason
            .send_keys("Beslutat trots avvikelsen.")
            .await
            .expect("typed");
    }
    let adopt = browser.text("#registry-number ~ p button").await;
    assert!(
        adopt.contains(&format!("med {} motiverade fel", reasons.len())),
        "{adopt}"
    );
    browser.click("#registry-number ~ p button").await;
    browser.wait_for_text("[data-status]", "Fastställd").await;
    browser.wait_for_text("main table", "KS 2024/321").await;
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "Versioner: {violations:?}");
    // Frozen: the operating budget has no fields to type in.
    browser.open("/budget/1/drift").await;
    browser.wait_for_text("#faststalld", "fastställd").await;
    assert!(
        browser
            .client
            .find(Locator::Css("#ks-other_costs-2025"))
            .await
            .is_err(),
        "no field to type in"
    );
    // A revision: version 2 is a draft again, edited, and compared with version 1.
    browser.open("/budget/1/versioner").await;
    browser.click("input[value=revidera] ~ button").await;
    browser.wait_for_text("#status-rubrik", "Version 2").await;
    browser.open("/budget/1/drift").await;
    browser.type_into("#ks-other_costs-2025", "-47 000").await;
    browser
        .client
        .find(Locator::Css("#ks-other_costs-2025"))
        .await
        .expect("the cell")
        .send_keys("\u{E004}")
        .await
        .expect("tab");
    browser.wait_for_text("#tabell-ks .status", "Sparat").await;
    browser
        .open("/budget/1/versioner/jamfor?fran=1&till=2")
        .await;
    browser
        .wait_for_text("table.diff", "Övriga kostnader 2025")
        .await;
    browser.wait_for_text("table.diff", "-47 652").await;
    browser.wait_for_text("table.diff", "-47 000").await;
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "Jämförelse: {violations:?}");
    browser
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
}

#[tokio::test]
async fn a_controller_enters_a_years_pulse_survey_sets_a_target_and_sees_the_goal_fulfilled() {
    let Some(browser) = start_with("browser-goals", true).await else {
        return;
    };
    let kpi = "/budget/1/maluppfyllelse/nyckeltal/arbetsbelastningen";
    browser.open(kpi).await;
    for (round, value) in [("2026-O1", "3,9"), ("2026-O2", "4,0"), ("2026-O3", "4,1")] {
        browser
            .client
            .find(Locator::Css("#varde-period"))
            .await
            .expect("the period")
            .select_by_value(round)
            .await
            .expect("a round chosen");
        browser.type_into("#varde", value).await;
        browser.click("form[action$=\"/varde\"] button").await;
        let number = &round[6..];
        browser
            .wait_for_text(
                "section[aria-labelledby=\"varden\"] table",
                &format!("omgång {number} 2026"),
            )
            .await;
    }
    browser
        .client
        .find(Locator::Css("#malvarde-ar"))
        .await
        .expect("the year")
        .select_by_value("2026")
        .await
        .expect("a year chosen");
    browser.type_into("#malvarde", "4,1").await;
    browser.click("form[action$=\"/malvarde\"] button").await;
    browser
        .wait_for_text("section[aria-labelledby=\"malvarden\"] table", "4,1")
        .await;
    let mut failures = Vec::new();
    for violation in browser.accessibility_violations().await {
        failures.push(format!("{kpi}: {violation}"));
    }
    browser.open("/budget/1/maluppfyllelse?period=2026").await;
    browser
        .wait_for_text(
            "section[aria-labelledby=\"mal-arbetsmiljomal\"]",
            "1 av 1 nyckeltal når sitt målvärde",
        )
        .await;
    let goal = browser
        .text("section[aria-labelledby=\"mal-arbetsmiljomal\"]")
        .await;
    assert!(goal.contains("uppfyllt"), "{goal}");
    assert!(
        goal.contains("4,1 (omgång 3 2026) mot målvärdet 4,1"),
        "{goal}"
    );
    for page in [
        "/budget/1/maluppfyllelse?period=2026",
        "/budget/1/maluppfyllelse?period=2024",
        "/budget/1/maluppfyllelse/nyckeltal/medborgarnas-nojdhet",
        "/budget/1/maluppfyllelse/nyckeltal/nettokostnadsavvikelse",
    ] {
        browser.open(page).await;
        for violation in browser.accessibility_violations().await {
            failures.push(format!("{page}: {violation}"));
        }
    }
    browser
        .open("/budget/1/maluppfyllelse/nyckeltal/medborgarnas-nojdhet")
        .await;
    let peers = browser
        .text("section[aria-labelledby=\"jamforelse\"]")
        .await;
    assert!(
        peers.contains("(kommunen)"),
        "the kommun among its peers: {peers}"
    );
    browser
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
    assert!(
        failures.is_empty(),
        "serious or critical accessibility violations:\n{}",
        failures.join("\n")
    );
}
