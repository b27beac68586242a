//! Granskning in headless Chromium: a revisor uploads a published budget as PDF and sees the
//! wrong sum beside its table, the row marked and its page and line named; the page passes
//! axe-core before and after. A läsare has no link to it. Needs chromedriver and axe-core
//! (see browser_support); without them it says so and passes, except under CI.

mod browser_support;
mod support;

use std::path::PathBuf;

use browser_support::{axe, start};
use fantoccini::Locator;

#[tokio::test]
async fn a_revisor_has_a_published_pdf_reviewed_and_sees_the_wrong_sum_beside_its_table() {
    let Some(controller) = start("browser-review").await else {
        return;
    };
    let revisor = controller.another("revisor").await;
    revisor.open("/").await;
    revisor.click("nav.account a[href=\"/granskning\"]").await;
    revisor.wait_for_text("h1", "Granskning").await;
    axe(&revisor, "Granskning before an upload").await;
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/granskning.pdf")
        .canonicalize()
        .expect("the fixture exists");
    revisor
        .client
        .find(Locator::Css("#fil"))
        .await
        .expect("the file field")
        .send_keys(file.to_str().expect("a UTF-8 path"))
        .await
        .expect("the file is chosen");
    revisor.click("form[enctype] button[type=submit]").await;
    revisor
        .wait_for_text(".summary", "1 fel, 0 varningar, 0 avrundningsdifferenser.")
        .await;
    assert_eq!(revisor.count("tr.marked").await, 1, "one row is marked");
    assert!(
        revisor.text("tr.marked").await.contains("Summa nämnder"),
        "the marked row is the sum"
    );
    let finding = revisor.text("ul.findings li.error").await;
    assert!(
        finding.contains("Summa nämnder, Budget 2026 (sida 1, rad 9)")
            && finding.contains("anges -1 230,5 mnkr, beräknas -1 220,5 mnkr"),
        "{finding}"
    );
    axe(&revisor, "Granskning with a finding").await;
    let reader = controller.another("lasare").await;
    reader.open("/").await;
    assert!(
        !reader.has("a[href=\"/granskning\"]").await,
        "a läsare has no Granskning"
    );
}
