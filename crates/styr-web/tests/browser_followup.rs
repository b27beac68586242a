//! A controller writes the delårsrapport in real headless Chromium: imports the outcome (the
//! demo's SIE 4 file) through the follow-up page's upload form, enters a forecast, writes the
//! explanation of every deviation the ansvar page asks for, and downloads the delårsrapport
//! from the report page through the same session. The downloaded Markdown and HTML show the
//! follow-up page's figures row by row, table by table, and the review `styr check` runs on a
//! document finds no error in it — and axe-core finds nothing serious on any page visited.
//!
//! Needs /usr/bin/chromedriver (or STYR_CHROMEDRIVER) and axe-core (STYR_AXE_CORE); see
//! browser_support/mod.rs.

mod browser_support;
mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use browser_support::{Browser, axe, start};
use fantoccini::Locator;
use serde_json::{Value, json};

/// Each table's rows: the label and the figures, in order.
type Tables = BTreeMap<String, Vec<Vec<String>>>;

/// A figure as a table cell shows it, without the notes beside it ("(budget)", "förklaring
/// saknas") and with every kind of space as one.
fn figure(cell: &str) -> String {
    let cell = cell.replace(['\u{a0}', '\u{202f}'], " ");
    let end = cell
        .find(|character: char| character == '(' || character.is_alphabetic())
        .unwrap_or(cell.len());
    cell[..end].trim().to_string()
}

/// The follow-up page's tables (not the month table): each group's name without the note
/// that it is reported apart, and its rows.
async fn page_tables(browser: &Browser) -> Tables {
    let script = "return Array.from(document.querySelectorAll('section[id^=\"grupp-\"]')).map(section => ({
        name: section.querySelector('h3').textContent,
        rows: Array.from(section.querySelectorAll('table.followup tbody tr:not(.comment)')).map(row =>
          [row.querySelector('th').textContent].concat(Array.from(row.querySelectorAll('td')).map(cell => cell.textContent)))
      }));";
    let found = browser.client.execute(script, vec![]).await.expect("read");
    tables_of(found, " (särredovisas, ingår inte i totalen)")
}

fn tables_of(found: Value, apart: &str) -> Tables {
    let mut tables = Tables::new();
    for table in found.as_array().expect("a list") {
        let name = table["name"].as_str().expect("a name");
        let name = name.trim().trim_end_matches(apart).to_string();
        let rows = table["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|row| {
                let cells = row.as_array().expect("cells");
                let mut shown = vec![cells[0].as_str().expect("a label").trim().to_string()];
                shown.extend(
                    cells[1..]
                        .iter()
                        .map(|cell| figure(cell.as_str().expect("text"))),
                );
                shown
            })
            .collect();
        tables.insert(name, rows);
    }
    tables
}

/// The Markdown report's operating tables: a heading "Driftredovisning, NAME" and the table
/// under it.
fn markdown_tables(markdown: &str) -> Tables {
    let mut tables = Tables::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        if line.starts_with('#') {
            current = line
                .trim_start_matches('#')
                .trim()
                .strip_prefix("Driftredovisning, ")
                .map(|name| name.trim_end_matches(" (särredovisas)").to_string());
            continue;
        }
        let Some(name) = &current else { continue };
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|cell| cell.trim().trim_matches('*').replace('\\', ""))
            .collect();
        if cells[0] == "Belopp i tkr" || cells[0].starts_with('-') || cells[0].starts_with(':') {
            continue;
        }
        let mut row = vec![cells[0].clone()];
        row.extend(cells[1..].iter().map(|cell| figure(cell)));
        tables.entry(name.clone()).or_default().push(row);
    }
    tables
}

/// The HTML report's operating tables, read by the browser's own HTML parser: each table
/// under a heading "Driftredovisning, NAME".
async fn html_tables(browser: &Browser, html: &str) -> Tables {
    let script = "const page = new DOMParser().parseFromString(arguments[0], 'text/html');
      return Array.from(page.querySelectorAll('table')).map(table => {
        let heading = table.previousElementSibling;
        while (heading && !/^H[1-6]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
        return { name: heading ? heading.textContent : '', rows: Array.from(table.querySelectorAll('tbody tr')).map(row =>
          Array.from(row.querySelectorAll('th, td')).map(cell => cell.textContent)) };
      }).filter(table => table.name.startsWith('Driftredovisning, '))
        .map(table => ({ name: table.name.substring('Driftredovisning, '.length), rows: table.rows }));";
    let found = browser
        .client
        .execute(script, vec![json!(html)])
        .await
        .expect("the HTML parses");
    tables_of(found, " (särredovisas)")
}

/// A download's text, fetched by the page's own session (its cookie), as the browser would.
async fn download(browser: &Browser, href: &str) -> (u16, String) {
    let script = "const done = arguments[arguments.length - 1];
      fetch(arguments[0], { credentials: 'same-origin' })
        .then(answer => answer.text().then(text => done([answer.status, text])))
        .catch(error => done([0, String(error)]));";
    let answer = browser
        .client
        .execute_async(script, vec![json!(href)])
        .await
        .expect("fetched");
    (
        u16::try_from(answer[0].as_u64().expect("a status")).expect("a status"),
        answer[1].as_str().expect("text").to_string(),
    )
}

async fn href(browser: &Browser, css: &str) -> String {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("{css} is on the page"))
        .attr("href")
        .await
        .expect("an attribute")
        .unwrap_or_else(|| panic!("{css} has an address"))
}

#[tokio::test]
async fn a_controller_writes_the_delarsrapport_from_the_followup() {
    let Some(browser) = start("browser-delarsrapport").await else {
        return;
    };
    // The outcome, through the follow-up page's upload form.
    browser.open("/budget/1/uppfoljning").await;
    axe(&browser, "Uppföljning before an import").await;
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
    browser.wait_for_text("#inlast", "Filen är inläst").await;
    browser
        .wait_for_text("#inlast", "Nytt bokfört: januari–augusti 2025.")
        .await;
    axe(&browser, "Uppföljning after the import").await;

    // A forecast for Kommunstyrelsen's personnel costs, on the interim layout.
    browser.open("/budget/1/uppfoljning?layout=delar").await;
    browser
        .client
        .find(Locator::Css("#grupp-ks select[name=rad]"))
        .await
        .expect("the row to forecast")
        .select_by_value("personnel")
        .await
        .expect("chosen");
    browser
        .type_into("#grupp-ks input[name=belopp]", "-118 500")
        .await;
    browser
        .type_into("#grupp-ks input[name=kommentar]", "Vikarier under hösten")
        .await;
    browser.click("#grupp-ks button[type=submit]").await;
    browser
        .wait_for_text("#grupp-ks", "Vikarier under hösten")
        .await;
    browser.wait_for_text("#grupp-ks", "-118 500").await;
    axe(&browser, "Uppföljning with a forecast").await;

    // Every deviation the ansvar page says must be explained, explained there.
    browser.open("/budget/1/uppfoljning/ansvar/ks").await;
    axe(&browser, "Kommunstyrelsen per ansvar").await;
    let asked: Vec<String> = serde_json::from_value(
        browser
            .client
            .execute(
                "return Array.from(document.querySelectorAll('form[id^=\"forklaring-\"]'))
                   .filter(form => form.querySelector('label').textContent.includes('(ska förklaras)'))
                   .map(form => form.id);",
                vec![],
            )
            .await
            .expect("read"),
    )
    .expect("form ids");
    assert!(
        asked.contains(&"forklaring-personnel".to_string()),
        "the forecast makes personnel costs a deviation to explain: {asked:?}"
    );
    for form in &asked {
        let text = format!("Förklaring {form}: vakanser och vikarier.");
        browser.type_into(&format!("#{form} textarea"), &text).await;
        browser.click(&format!("#{form} button[type=submit]")).await;
        browser.wait_for_text("#tabell", &text).await;
    }
    axe(&browser, "Kommunstyrelsen with its explanations").await;

    // The report page: no deviation of the board without its explanation.
    browser
        .open("/budget/1/uppfoljning/rapport?dokument=delarsrapport&period=2025-08")
        .await;
    browser
        .wait_for_text(
            "#rapport-titel",
            "Delårsrapport januari–augusti 2025, Kommunstyrelsen",
        )
        .await;
    let deviations = browser.text("#avvikelser + table").await;
    assert!(
        deviations.contains("Förklaring forklaring-personnel: vakanser och vikarier."),
        "{deviations}"
    );
    browser
        .type_into("#rapport-handelser", "Kommunhuset togs i bruk i maj.")
        .await;
    browser
        .click("form[method=post][action=\"/budget/1/uppfoljning/rapport\"] button[type=submit]")
        .await;
    browser.wait_for_text("main", "Texterna är sparade.").await;
    axe(&browser, "Delårsrapport").await;
    let markdown_link = href(&browser, "ul.downloads a[href*=\"/rapport/markdown\"]").await;
    let html_link = href(&browser, "ul.downloads a[href*=\"/rapport/html\"]").await;

    // The page's figures, then the downloads', table by table and row by row.
    browser.open("/budget/1/uppfoljning?layout=delar").await;
    let page = page_tables(&browser).await;
    let (status, markdown) = download(&browser, &markdown_link).await;
    assert_eq!(status, 200, "{markdown}");
    let (status, html) = download(&browser, &html_link).await;
    assert_eq!(status, 200, "{html}");
    assert!(markdown.contains("Kommunhuset togs i bruk i maj."));
    assert!(markdown.contains("Förklaring forklaring-personnel: vakanser och vikarier."));
    let reported = markdown_tables(&markdown);
    assert!(
        reported.len() >= 2,
        "the board and the separately reported unit: {reported:?}"
    );
    for (name, rows) in &reported {
        let shown = page
            .get(name)
            .unwrap_or_else(|| panic!("the page has {name}: {:?}", page.keys()));
        assert_eq!(rows.len(), shown.len(), "{name}: as many rows");
        for (row, shown) in rows.iter().zip(shown) {
            assert_eq!(row, shown, "{name}: the report's row is the page's");
            assert_eq!(row.len(), 7, "{name}: a label and six figures: {row:?}");
        }
    }
    let personnel = &reported
        .values()
        .next()
        .expect("the board")
        .iter()
        .find(|row| row[0] == "Personalkostnader")
        .expect("personnel")
        .clone();
    assert_eq!(
        personnel[5], "-118 500",
        "the forecast entered: {personnel:?}"
    );
    assert_eq!(
        html_tables(&browser, &html).await,
        reported,
        "HTML as Markdown"
    );

    // `styr check` on the downloaded delårsrapport: the review of a Markdown document.
    let document =
        styr_import::document::parse_text_within(&markdown, &styr_import::Limits::default())
            .expect("the delårsrapport reads as a document");
    let review = styr_reports::review::review(&document);
    assert!(
        review.coverage.checked_anything(),
        "the review checked the report's tables: {}",
        review.coverage.text()
    );
    let errors: Vec<_> = review
        .findings
        .iter()
        .filter(|finding| finding.severity == styr_reports::check::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
