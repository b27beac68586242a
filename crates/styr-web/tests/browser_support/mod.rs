//! The browser harness the browser tests share: the application on a loopback port with one
//! person per role (admin, controller, ks-chef as budgetansvarig for "ks", revisor, lasare),
//! chromedriver and headless Chromium with a profile of their own, logging in through the login
//! page, waiting for what a person waits for, and axe-core's serious and critical violations.
//!
//! Needs /usr/bin/chromedriver (or STYR_CHROMEDRIVER) and axe-core's axe.min.js (STYR_AXE_CORE,
//! or target/browser-tools from `npm install --prefix target/browser-tools axe-core@4`).
//! Without them [`start`] says so and gives none — except under CI, where `.ci/run` installs
//! both and their absence is a failure.

#![allow(dead_code)]

use crate::support;

use std::net::TcpListener as StdListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub struct Browser {
    pub client: Client,
    pub driver: Child,
    pub driver_port: u16,
    pub base: String,
    pub axe: String,
    pub name: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

pub fn tool(variable: &str, default: PathBuf) -> Option<PathBuf> {
    let path = std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or(default);
    path.exists().then_some(path)
}

pub async fn start(name: &str) -> Option<Browser> {
    start_with(name, false).await
}

/// As [`start`]; with `goals_demo` the budget also gets the demo's goals followed up (made-up
/// targets, pulse survey results, a Kolada cache and a peer group: examples/demo/).
pub async fn start_with(name: &str, goals_demo: bool) -> Option<Browser> {
    let tools = tools()?;
    let app = people(name).await;
    if goals_demo {
        load_goals_demo(&app).await;
    }
    Some(serve(name, app, tools).await)
}

/// As [`start`], with the demo municipality (Exempelby kommun) kept as budget year 1, and
/// beside the people of every role a nämndcontroller for its Barn- och utbildningsnämnden
/// ("bun-controller", scope "bun") and the budgetansvarig for its Förskola 1
/// ("forskola-1", scope "bun-101").
pub async fn start_municipal(name: &str) -> Option<Browser> {
    let tools = tools()?;
    let app = people(name).await;
    app.import_municipality(
        &styr_app::Actor::named("demo"),
        include_str!("../../../../examples/demo/exempelby-kommun.toml"),
    )
    .await
    .expect("the demo municipality is kept");
    support::add_user(&app, "bun-controller", "namndcontroller", Some("bun")).await;
    support::add_user(&app, "forskola-1", "budgetansvarig", Some("bun-101")).await;
    Some(serve(name, app, tools).await)
}

/// chromedriver and axe-core, or None (a failure under CI).
fn tools() -> Option<(PathBuf, PathBuf)> {
    let driver_path = tool("STYR_CHROMEDRIVER", PathBuf::from("/usr/bin/chromedriver"));
    let axe_path = tool(
        "STYR_AXE_CORE",
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/browser-tools/node_modules/axe-core/axe.min.js"),
    );
    let (Some(driver_path), Some(axe_path)) = (driver_path, axe_path) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromedriver and axe-core: .ci/run installs them"
        );
        eprintln!("skipped: chromedriver or axe-core is not installed (see this file's header)");
        return None;
    };
    Some((driver_path, axe_path))
}

/// The application over the reference budget with one person per role.
async fn people(name: &str) -> std::sync::Arc<styr_app::App> {
    let app = support::app_with_example(name).await;
    for (username, role, scope) in [
        ("admin", "admin", None),
        ("controller", "controller", None),
        ("ks-chef", "budgetansvarig", Some("ks")),
        ("revisor", "revisor", None),
        ("lasare", "lasare", None),
    ] {
        support::add_user(&app, username, role, scope).await;
    }
    app
}

async fn load_goals_demo(app: &styr_app::App) {
    {
        let kolada: [(&str, &[u8]); 3] = [
            (
                "kolada-nyckeltal.json",
                include_bytes!("../../../../examples/demo/kolada-nyckeltal.json"),
            ),
            (
                "kolada-grupp.json",
                include_bytes!("../../../../examples/demo/kolada-grupp.json"),
            ),
            (
                "kolada-varden.json",
                include_bytes!("../../../../examples/demo/kolada-varden.json"),
            ),
        ];
        let demo = styr_app::GoalsDemo {
            goals: include_str!("../../../../examples/demo/mal.toml"),
            values: include_bytes!("../../../../examples/demo/matvarden.csv"),
            kolada: &kolada,
            peer_group: "G1489EX",
        };
        app.load_goals_demo(&styr_app::Actor::named("demo"), 1, &demo)
            .await
            .expect("the goals demo loads");
    }
}

/// `app` on a loopback port, chromedriver and a browser logged in as the controller.
async fn serve(
    name: &str,
    app: std::sync::Arc<styr_app::App>,
    (driver_path, axe_path): (PathBuf, PathBuf),
) -> Browser {
    let router = styr_web::router(app);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    tokio::spawn(async move {
        axum::serve(listener, router)
            .await
            .expect("the server runs")
    });
    // The driver, and a browser with a profile of its own that never reaches the network.
    let port = free_port();
    let driver = Command::new(driver_path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let client = session(port, &format!("{name}-1")).await;
    let axe = std::fs::read_to_string(axe_path).expect("axe-core reads");
    let browser = Browser {
        client,
        driver,
        driver_port: port,
        base,
        axe,
        name: name.to_string(),
    };
    browser.log_in(&browser.client, "controller").await;
    browser
}

/// The colour of the error style (`.error`): a refusal must show in it, never in the status
/// colour.
pub const ERROR: &str = "rgb(160, 0, 0)";

/// Fails with every serious or critical axe-core violation of the open page. With
/// `STYR_SCREENSHOTS=DIR` the page is also saved there as a PNG, to be looked at.
pub async fn axe(browser: &Browser, page: &str) {
    if let Some(folder) = std::env::var_os("STYR_SCREENSHOTS") {
        let name: String = page
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let png = browser.client.screenshot().await.expect("a screenshot");
        std::fs::write(PathBuf::from(folder).join(format!("{name}.png")), png).expect("saved");
    }
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "{page}: {violations:?}");
}

/// Ends `browser`'s session.
pub async fn close(browser: Browser) {
    browser
        .client
        .clone()
        .close()
        .await
        .expect("the session closes");
}

/// A browser session of its own (its own profile, so its own cookies).
pub async fn session(port: u16, name: &str) -> Client {
    let profile = std::env::temp_dir().join(format!("styr-chromium-{name}-{}", std::process::id()));
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": std::env::var("STYR_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1280,1000", format!("--user-data-dir={}", profile.display())],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a browser session")
}

impl Browser {
    /// Logs `client` in as `username` through the login page.
    pub async fn log_in(&self, client: &Client, username: &str) {
        client
            .goto(&format!("{}/logga-in", self.base))
            .await
            .expect("the login page opens");
        for (css, text) in [("#username", username), ("#password", support::PASSWORD)] {
            let field = client.find(Locator::Css(css)).await.expect("a login field");
            field.clear().await.expect("cleared");
            field.send_keys(text).await.expect("typed");
        }
        client
            .find(Locator::Css("form[action=\"/logga-in\"] button"))
            .await
            .expect("the button")
            .click()
            .await
            .expect("clicked");
        let started = Instant::now();
        loop {
            let header = match client.find(Locator::Css("nav.account")).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if header.contains(username) {
                return;
            }
            if started.elapsed() > Duration::from_secs(10) {
                let body = client.source().await.unwrap_or_default();
                panic!("{username} is not logged in; the page says: {body}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A second person at another browser, logged in as `username`.
    pub async fn another(&self, username: &str) -> Browser {
        let client = session(self.driver_port, &format!("{}-{username}", self.name)).await;
        self.log_in(&client, username).await;
        Browser {
            client,
            // The second session shares the first's driver; this handle owns nothing.
            driver: Command::new("true").spawn().expect("a placeholder process"),
            driver_port: self.driver_port,
            base: self.base.clone(),
            axe: self.axe.clone(),
            name: format!("{}-{username}", self.name),
        }
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("the page opens");
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{css} is on the page"))
            .text()
            .await
            .expect("text")
    }

    pub async fn value(&self, css: &str) -> String {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{css} is on the page"));
        element
            .prop("value")
            .await
            .expect("a value")
            .unwrap_or_default()
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{css} is on the page"));
        element.clear().await.expect("cleared");
        element.send_keys(text).await.expect("typed");
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{css} is on the page"))
            .click()
            .await
            .expect("clicked");
    }

    /// Waits until `css` shows `expected`, as a person waits for a figure to change. While a
    /// page is still loading after a submit, the element may not exist yet or may vanish.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let shown = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if shown.contains(expected) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{css} shows ”{shown}”, never ”{expected}”"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `css`'s attribute `name` contains `expected`, through a page load.
    pub async fn wait_for_attribute(&self, css: &str, name: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let shown = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.attr(name).await.ok().flatten().unwrap_or_default(),
                Err(_) => String::new(),
            };
            if shown.contains(expected) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{css} [{name}] is ”{shown}”, never ”{expected}”"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Leaves the field `css` with Tab, as a person moves on (the editor saves a cell then).
    pub async fn leave(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{css} is on the page"))
            .send_keys("\u{E004}")
            .await
            .expect("tab");
    }

    /// Whether the open page has an element `css`.
    pub async fn has(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// How many elements `css` the open page has.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|found| found.len())
            .unwrap_or(0)
    }

    /// The computed style `property` of the first element `css` ("rgb(160, 0, 0)").
    pub async fn style(&self, css: &str, property: &str) -> String {
        let answer = self
            .client
            .execute(
                "const element = document.querySelector(arguments[0]);
                 return element ? getComputedStyle(element).getPropertyValue(arguments[1]) : null;",
                vec![json!(css), json!(property)],
            )
            .await
            .expect("the style is read");
        answer
            .as_str()
            .unwrap_or_else(|| panic!("{css} is on the page"))
            .to_string()
    }

    /// Submits (unless it is submitted already) and adopts the budget on Versioner och beslut as the logged-in controller,
    /// with the decision's body and registry number and one reason per error it passes over.
    pub async fn adopt(&self, decided_by: &str, registry_number: &str) {
        self.open("/budget/1/versioner").await;
        if self.text("[data-status]").await.contains("Utkast") {
            self.click("form[action$=\"/status\"] button").await;
        }
        self.wait_for_text("[data-status]", "Inlämnad").await;
        self.type_into("#decided-by", decided_by).await;
        // Chrome's date picker types in the locale's order: the date is set as the picker
        // sets it.
        self.client
            .execute(
                "document.getElementById('decision-date').value = arguments[0];",
                vec![json!("2024-11-27")],
            )
            .await
            .expect("the date is chosen");
        self.type_into("#registry-number", registry_number).await;
        let reasons = self
            .client
            .find_all(Locator::Css(
                "form[action$=\"/status\"] textarea[name^=\"skal:\"]",
            ))
            .await
            .expect("the reasons' fields");
        for reason in &reasons {
            reason.clear().await.expect("cleared");
            reason
                .send_keys("Beslutat trots avvikelsen.")
                .await
                .expect("typed");
        }
        self.click("#registry-number ~ p button").await;
        self.wait_for_text("[data-status]", "Fastställd").await;
    }

    /// Sets a date field as Chrome's picker sets it (its typed order follows the locale).
    pub async fn set_date(&self, css: &str, date: &str) {
        self.client
            .execute(
                "document.querySelector(arguments[0]).value = arguments[1];",
                vec![json!(css), json!(date)],
            )
            .await
            .expect("the date is chosen");
    }

    /// Adds a styrdokument to the register on the open /styrdokument page.
    pub async fn add_document(&self, title: &str, revise_by: &str) {
        let form = "form:has(input[name=id][value=\"\"])";
        self.type_into(&format!("{form} input[name=title]"), title)
            .await;
        self.type_into(&format!("{form} input[name=kind]"), "Riktlinje")
            .await;
        self.type_into(&format!("{form} input[name=decided_by]"), "Kommunstyrelsen")
            .await;
        self.set_date(&format!("{form} input[name=decision_date]"), "2024-05-20")
            .await;
        self.set_date(&format!("{form} input[name=revise_by]"), revise_by)
            .await;
        self.type_into(&format!("{form} input[name=owner]"), "Kanslichefen")
            .await;
        self.click(&format!("{form} button[type=submit]")).await;
        self.wait_for_text("table.register", title).await;
    }

    /// axe-core's serious and critical violations on the open page.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        self.client
            .execute(&self.axe, vec![])
            .await
            .expect("axe-core loads");
        let script = "const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(result => done(result.violations
                .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                .map(violation => violation.id + ': ' + violation.help + ' — ' + violation.nodes.slice(0, 3).map(node => node.target.join(' ')).join(', '))))
              .catch(error => done(['axe failed: ' + error]));";
        let result = self
            .client
            .execute_async(script, vec![])
            .await
            .expect("axe-core runs");
        serde_json::from_value(result).expect("a list of violations")
    }
}
