//! Issue 16's walk: every page a läsare — and a revisor, who reads everything and changes
//! nothing — can reach, in headless Chromium, shows no field and no button that changes data,
//! and passes axe-core. The pages are the ones a person finds: every link of the navigation
//! and of the budget's pages, followed from the start page, with the books imported, the
//! demo's goals followed up and a version adopted, so that the pages have their data.
//!
//! What a read-only person may still use, and why:
//! - a form that sends GET (a filter of the log, the follow-up's month or version, the
//!   comparison of two versions, the goals' period): it only chooses what to read;
//! - "Logga ut" (`/logga-ut`): it ends the person's own session, no data of the budget;
//! - on Mitt konto (`/konto`) the person's own password and API keys: their own credentials,
//!   which every person keeps for themselves;
//! - a revisor's Granskning (`/granskning`): a document uploaded is reviewed and nothing of it
//!   is kept, so the form changes no data (a läsare has no such page).
//!   Anything else — a field or a button outside such a form, or a link to a removal — fails.
//!
//! Needs chromedriver and axe-core (see browser_support); without them it says so and passes,
//! except under CI.

mod browser_support;
mod support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use browser_support::{Browser, start_with};
use fantoccini::Locator;
use serde::Deserialize;

/// A page's links and controls as the browser sees them once it has loaded.
#[derive(Deserialize)]
struct Seen {
    links: Vec<Link>,
    controls: Vec<Control>,
}

#[derive(Deserialize)]
struct Link {
    href: String,
    download: bool,
}

#[derive(Deserialize)]
struct Control {
    /// "input[text] name=amount #ks-personnel-2025 …"
    what: String,
    /// The form's method and path ("post /budget/1/drift/ks"), or "" outside a form.
    form: String,
}

const SEEN: &str = "const links = Array.from(document.querySelectorAll('a[href]')).map(a => ({
        href: a.href.split('#')[0], download: a.hasAttribute('download') }));
    const controls = Array.from(document.querySelectorAll(
        'input, select, textarea, button, [contenteditable=\"\"], [contenteditable=\"true\"]'))
      .filter(element => element.type !== 'hidden')
      .map(element => {
        const form = element.form || element.closest('form');
        const what = element.tagName.toLowerCase() + (element.type ? '[' + element.type + ']' : '')
          + (element.name ? ' name=' + element.name : '') + (element.id ? ' #' + element.id : '')
          + ' ' + (element.getAttribute('aria-label') || element.textContent || '').trim().slice(0, 60);
        const method = form ? (form.getAttribute('method') || 'get').toLowerCase() : '';
        return { what, form: form ? method + ' ' + new URL(form.action, location.href).pathname : '' };
      });
    return { links, controls };";

/// Why a control on a read-only person's page is allowed, or None when it is not.
fn allowed(page: &str, control: &Control) -> Option<&'static str> {
    let (method, action) = control.form.split_once(' ').unwrap_or(("", ""));
    if method == "get" {
        return Some("a GET form only chooses what to read");
    }
    if method == "post" && action == "/logga-ut" {
        return Some("logging out ends one's own session");
    }
    if method == "post" && page == "/konto" && action.starts_with("/konto/") {
        return Some("one's own password and API keys");
    }
    if method == "post" && page == "/granskning" && action == "/granskning" {
        return Some("a document reviewed and not kept");
    }
    None
}

/// The same page under another record (a voucher, a KPI, an ansvar): a few of each are
/// enough to show what its template gives a read-only person.
fn shape(path_and_query: &str) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let segments: Vec<&str> = path.split('/').take(5).collect();
    let mut keys: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| !key.is_empty())
        .collect();
    keys.sort_unstable();
    format!("{}?{}", segments.join("/"), keys.join("&"))
}

const PER_SHAPE: usize = 3;

/// Opens every page reachable from `seeds` by a link that is not a download, and
/// returns what fails: a control that changes data, or an axe-core violation. Also returns
/// the pages visited.
async fn walk(browser: &Browser, seeds: &[&str]) -> (Vec<String>, BTreeSet<String>) {
    let mut failures = Vec::new();
    let mut visited = BTreeSet::new();
    let mut shapes: BTreeMap<String, usize> = BTreeMap::new();
    let mut queue: VecDeque<String> = seeds.iter().map(|seed| seed.to_string()).collect();
    while let Some(page) = queue.pop_front() {
        if visited.contains(&page) {
            continue;
        }
        let count = shapes.entry(shape(&page)).or_default();
        if *count >= PER_SHAPE {
            continue;
        }
        *count += 1;
        // A link that answers with something other than a page (a file) is not opened.
        let kind = content_type(browser, &page).await;
        if !kind.starts_with("text/html") {
            continue;
        }
        visited.insert(page.clone());
        browser.open(&page).await;
        let seen: Seen = serde_json::from_value(
            browser
                .client
                .execute(SEEN, vec![])
                .await
                .expect("the page is read"),
        )
        .expect("links and controls");
        for control in &seen.controls {
            if allowed(&page, control).is_none() {
                failures.push(format!(
                    "{page}: {} (form: {})",
                    control.what,
                    if control.form.is_empty() {
                        "none"
                    } else {
                        &control.form
                    }
                ));
            }
        }
        for violation in browser.accessibility_violations().await {
            failures.push(format!("{page}: axe: {violation}"));
        }
        for link in seen.links {
            let Some(local) = link.href.strip_prefix(&browser.base) else {
                continue;
            };
            if local.ends_with("/ta-bort") {
                failures.push(format!("{page}: a link to a removal, {local}"));
                continue;
            }
            if link.download || local.starts_with("/static/") || local.is_empty() {
                continue;
            }
            if !visited.contains(local) {
                queue.push_back(local.to_string());
            }
        }
    }
    (failures, visited)
}

/// The content type `path` answers with, asked by the page's own script (same cookies).
async fn content_type(browser: &Browser, path: &str) -> String {
    let answer = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0], { credentials: 'same-origin' })
               .then(response => done(response.headers.get('content-type') || ''))
               .catch(error => done('error: ' + error));",
            vec![serde_json::json!(path)],
        )
        .await
        .expect("the address is asked");
    answer.as_str().unwrap_or_default().to_string()
}

/// As the controller: the books imported and the budget adopted (with a reason for each
/// error the check finds), so that the follow-up, the vouchers and the versions have pages.
async fn fill(browser: &Browser) {
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
    browser.adopt("Kommunfullmäktige", "KS 2024/321").await;
}

#[tokio::test]
async fn a_lasare_and_a_revisor_walk_every_page_and_find_nothing_that_changes_data() {
    let Some(controller) = start_with("browser-readonly", true).await else {
        return;
    };
    fill(&controller).await;
    // The check can fail: the controller's follow-up holds fields that change data — the
    // books are imported and forecast after the budget is adopted — and the walk's reading of
    // a page finds them.
    controller.open("/budget/1/uppfoljning").await;
    assert!(
        controller.has("#utfall-fil").await,
        "the controller imports the books of an adopted budget"
    );
    let seen: Seen =
        serde_json::from_value(controller.client.execute(SEEN, vec![]).await.expect("read"))
            .expect("links and controls");
    assert!(
        seen.controls
            .iter()
            .any(|control| allowed("/budget/1/uppfoljning", control).is_none()),
        "the controller's follow-up has fields the walk would refuse"
    );
    for person in ["lasare", "revisor"] {
        let browser = controller.another(person).await;
        let navigation = navigation(&browser).await;
        assert!(
            navigation.len() >= 17,
            "the budget's pages and Styrdokument, Mitt konto: {navigation:?}"
        );
        // From the start page, and from the pages a read-only person has no link to but can
        // still type the address of (the import profiles are linked from the import form).
        let (failures, visited) =
            walk(&browser, &["/", "/budget/1/uppfoljning/importprofiler"]).await;
        for page in navigation {
            assert!(
                visited.contains(&page),
                "{person} never reached {page}: {visited:?}"
            );
        }
        for page in [
            "/styrdokument",
            "/konto",
            "/budget/1/versioner/1",
            "/budget/1/uppfoljning/mappning",
            "/budget/1/uppfoljning/ansvar/ks",
            "/budget/1/uppfoljning/investeringar",
            "/budget/1/uppfoljning/rapport",
            "/budget/1/uppfoljning/importprofiler",
        ] {
            assert!(visited.contains(page), "{person} never reached {page}");
        }
        assert!(
            visited.iter().any(|page| page.contains("/verifikation/")),
            "{person} reached no voucher: {visited:?}"
        );
        eprintln!("{person} visited {} pages: {visited:?}", visited.len());
        assert!(
            failures.is_empty(),
            "{person} ({} pages) finds what changes data or fails axe-core:\n{}",
            visited.len(),
            failures.join("\n")
        );
        browser
            .client
            .clone()
            .close()
            .await
            .expect("the session closes");
    }
    controller
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
}

/// Every page of the budget's navigation, as the person's browser shows it.
async fn navigation(browser: &Browser) -> Vec<String> {
    browser.open("/budget/1").await;
    let links = browser
        .client
        .find_all(Locator::Css("nav.budget a, nav.account a"))
        .await
        .expect("the navigation");
    let mut pages = Vec::new();
    for link in links {
        let href = link.attr("href").await.expect("an address");
        pages.push(href.expect("a link"));
    }
    pages
}
