//! The documents of issue 20 through the real router: any version downloads (the adopted one
//! while a revision is open, to the byte the same however often and whatever changed since),
//! a draft is marked on every page, a changed logo and colour show in PDF, Word and HTML, and
//! section texts are edited, moved and removed as audited changes.

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::json;
use support::{acting_with, add_user, app_with_example, get, json, post_form, token_for};
use tower::ServiceExt;

async fn download(router: &axum::Router, uri: &str) -> (StatusCode, Vec<u8>) {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).expect("a request"))
        .await
        .expect("an answer");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    (status, bytes.to_vec())
}

fn tool(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|directory| std::path::Path::new(directory).join(name))
        .find(|path| path.is_file())
}

/// The text of a PDF's pages, one string a page (pdftotext), when poppler is installed.
fn pages(pdf: &[u8]) -> Option<Vec<String>> {
    let pdftotext = tool("pdftotext")?;
    let path = std::env::temp_dir().join(format!(
        "styr-documents-{}-{}.pdf",
        std::process::id(),
        pdf.len()
    ));
    std::fs::write(&path, pdf).expect("written");
    let text = std::process::Command::new(pdftotext)
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let _ = std::fs::remove_file(&path);
    Some(
        String::from_utf8_lossy(&text.stdout)
            .split('\u{c}')
            .filter(|page| !page.trim().is_empty())
            .map(String::from)
            .collect(),
    )
}

#[tokio::test]
async fn the_adopted_version_downloads_as_it_was_adopted_while_a_revision_is_open() {
    let app = app_with_example("documents-versions").await;
    add_user(&app, "admin", "admin", None).await;
    let router = acting_with(app.clone(), token_for(&app, "admin").await);
    let step =
        |body: serde_json::Value| json(&router, Method::POST, "/api/v1/budgets/1/workflow", body);
    assert_eq!(
        step(json!({ "step": "submit" })).await.status,
        StatusCode::OK
    );
    // Adopted with a reason for every error the check finds in the reference.
    let passed_over: Vec<serde_json::Value> = app
        .snapshot(1)
        .await
        .expect("the budget")
        .report()
        .findings
        .iter()
        .filter(|finding| finding.severity == styr_domain::severity::Severity::Error)
        .map(|finding| json!({ "finding": finding.key(), "reason": "Beslutat trots avvikelsen." }))
        .collect();
    let adopted = step(json!({ "step": "adopt", "decided_by": "Kommunfullmäktige", "decision_date": "2024-11-27", "registry_number": "KS 2024/321", "passed_over": passed_over })).await;
    assert_eq!(adopted.status, StatusCode::OK, "{}", adopted.body);
    let (status, first) =
        download(&router, "/api/v1/budgets/1/download?format=pdf&version=1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        step(json!({ "step": "revise" })).await.status,
        StatusCode::OK
    );

    // The revision changes the look; version 1 keeps the look it was adopted in.
    let colour = [
        ("revision", ""),
        ("primary", "#00a000"),
        ("table", "#ffd700"),
        ("font", "Liberation Serif"),
        ("cover", "ja"),
        ("cover_text", ""),
        ("header", "Nytt sidhuvud"),
        ("footer", ""),
    ];
    let saved = post_form(&router, "/budget/1/profil", &colour).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    let (status, again) =
        download(&router, "/api/v1/budgets/1/download?format=pdf&version=1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        first, again,
        "the adopted version's PDF is the same to the byte"
    );
    let (status, from_page) = download(&router, "/budget/1/versioner/1/dokument/pdf").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        first, from_page,
        "the Versioner page's link gives the same file"
    );
    let versions = get(&router, "/budget/1/versioner").await;
    assert!(versions.body.contains("/budget/1/versioner/1/dokument/pdf"));
    assert!(versions.body.contains("/budget/1/versioner/2/dokument/pdf"));

    let (status, current) = download(&router, "/api/v1/budgets/1/download?format=pdf").await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(current, first);
    let (missing, _) = download(&router, "/api/v1/budgets/1/download?format=pdf&version=9").await;
    assert_eq!(missing, StatusCode::NOT_FOUND);

    if let (Some(adopted), Some(draft)) = (pages(&first), pages(&current)) {
        assert!(
            adopted
                .iter()
                .all(|page| !page.contains("UTKAST") && !page.contains("FÖRSLAG"))
        );
        assert!(
            adopted[0].contains("2024-11-27") && adopted[0].contains("KS 2024/321"),
            "the decision"
        );
        assert!(
            draft.iter().all(|page| page.contains("UTKAST")),
            "version 2 is a draft on every page"
        );
        assert!(
            !draft[0].contains("2024-11-27"),
            "no decision date of version 1"
        );
        assert!(
            !draft[0].contains("KS 2024/321"),
            "no diarienummer of version 1's decision"
        );
    }
}

/// A small SVG logo in a colour of its own, to find in the files.
const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#c0117a"/></svg>"##;

async fn upload_logo(router: &axum::Router, logo: &str) -> support::Answer {
    let boundary = "gransen";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"logo.svg\"\r\nContent-Type: image/svg+xml\r\n\r\n{logo}\r\n--{boundary}--\r\n"
    );
    let request = Request::post("/budget/1/profil/logotyp")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("a request");
    support::send(router, request).await
}

#[tokio::test]
async fn a_changed_logo_and_colour_show_in_pdf_word_and_html() {
    let app = app_with_example("documents-profile").await;
    add_user(&app, "admin", "admin", None).await;
    let router = acting_with(app.clone(), token_for(&app, "admin").await);
    let (_, before_html) = download(&router, "/budget/1/dokument/html").await;
    let before_html = String::from_utf8_lossy(&before_html).to_string();
    assert!(before_html.contains("color:#122b4a"), "the default colour");

    let refused = upload_logo(&router, "<html>inte en bild</html>").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("PNG- eller SVG-fil"),
        "{}",
        refused.body
    );
    let uploaded = upload_logo(&router, LOGO).await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.body);
    let fields = [
        ("revision", ""),
        ("primary", "#00a000"),
        ("table", "#ffd700"),
        ("font", "Liberation Sans"),
        ("cover", "ja"),
        ("cover_text", "Alingsås kommun"),
        ("header", "Alingsås kommun"),
        ("footer", ""),
    ];
    let saved = post_form(&router, "/budget/1/profil", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let wrong = post_form(
        &router,
        "/budget/1/profil",
        &[
            ("primary", "grön"),
            ("table", "#ffd700"),
            ("font", "Comic Sans"),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("är ingen färg") && wrong.body.contains("Comic Sans"));

    // HTML: the colour in the stylesheet and the logo as an image.
    let (_, html) = download(&router, "/budget/1/dokument/html").await;
    let html = String::from_utf8_lossy(&html).to_string();
    assert!(html.contains("color:#00a000") && html.contains("background:#ffd700"));
    assert!(html.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,"));
    // Word: the colour in the styles, the logo a picture in the header.
    let (_, docx) = download(&router, "/budget/1/dokument/docx").await;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a ZIP");
    let mut styles = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/styles.xml").expect("styles"),
        &mut styles,
    )
    .expect("UTF-8");
    assert!(styles.contains("00A000"), "headings in the colour");
    let mut body = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("the body"),
        &mut body,
    )
    .expect("UTF-8");
    assert!(body.contains("FFD700"), "table headers in the table colour");
    assert!(
        archive.by_name("word/media/logo.png").is_ok(),
        "the logo, drawn as PNG"
    );
    // PDF: the pages drawn show the logo's colour on the cover and the heading colour.
    let (_, pdf) = download(&router, "/budget/1/dokument/pdf").await;
    assert!(pdf.starts_with(b"%PDF"));
    if let Some(pdftoppm) = tool("pdftoppm") {
        let path =
            std::env::temp_dir().join(format!("styr-documents-profile-{}", std::process::id()));
        std::fs::write(path.with_extension("pdf"), &pdf).expect("written");
        let status = std::process::Command::new(pdftoppm)
            .args(["-r", "30", "-f", "1", "-l", "3"])
            .arg(path.with_extension("pdf"))
            .arg(&path)
            .status()
            .expect("pdftoppm");
        assert!(status.success());
        // pdftoppm pads the page number to the digits of the document's last page ("-1",
        // "-01", "-001"): the page's file is the one whose number is `page`.
        let page_file = |page: u32| {
            let stem = format!(
                "{}-",
                path.file_name()
                    .and_then(|name| name.to_str())
                    .expect("a name")
            );
            std::fs::read_dir(std::env::temp_dir())
                .expect("the temporary directory")
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .find(|file| {
                    file.file_name()
                        .and_then(|name| name.to_str())
                        .and_then(|name| name.strip_prefix(&stem)?.strip_suffix(".ppm"))
                        .and_then(|number| number.parse::<u32>().ok())
                        == Some(page)
                })
                .unwrap_or_else(|| panic!("pdftoppm drew page {page}"))
        };
        let colours = |page: u32| {
            let file = std::fs::read(page_file(page)).expect("a page");
            // P6, width, height, 255, then RGB triples: skip the four header fields.
            let mut fields = 0;
            let mut at = 0;
            while fields < 4 {
                while file[at].is_ascii_whitespace() {
                    at += 1;
                }
                while !file[at].is_ascii_whitespace() {
                    at += 1;
                }
                fields += 1;
            }
            file[at + 1..]
                .chunks(3)
                .map(|rgb| [rgb[0], rgb[1], rgb[2]])
                .collect::<Vec<_>>()
        };
        let near = |pixel: &[u8; 3], colour: [u8; 3]| {
            pixel.iter().zip(colour).all(|(a, b)| a.abs_diff(b) < 24)
        };
        let cover = colours(1);
        assert!(
            cover.iter().any(|pixel| near(pixel, [0xc0, 0x11, 0x7a])),
            "the logo on the cover"
        );
        assert!(
            cover.iter().any(|pixel| near(pixel, [0x00, 0xa0, 0x00])),
            "the title in the colour"
        );
        let third = colours(3);
        assert!(
            third.iter().any(|pixel| near(pixel, [0x00, 0xa0, 0x00])),
            "headings in the colour"
        );
        for page in 1..=3 {
            let _ = std::fs::remove_file(page_file(page));
        }
        let _ = std::fs::remove_file(path.with_extension("pdf"));
    }
    // Every change is on record.
    let log = get(&router, "/logg").await;
    assert!(log.body.contains("ändra grafisk profil"));
}

#[tokio::test]
async fn sections_are_edited_previewed_moved_and_removed_as_audited_changes() {
    let app = app_with_example("documents-sections").await;
    add_user(&app, "admin", "admin", None).await;
    let router = acting_with(app.clone(), token_for(&app, "admin").await);
    let page = get(&router, "/budget/1/avsnitt?avsnitt=1").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Inledning"));
    let text = "## Bakgrund\n\n- Ekonomi\n  - Budget\n\nSe [kommunen](https://alingsas.se) och [klick](javascript:alert(1)).\n\n| Enhet | Belopp |\n|---|---:|\n| Kansli | 1 200 |\n";
    let preview = post_form(
        &router,
        "/budget/1/avsnitt/1",
        &[
            ("action", "forhandsgranska"),
            ("heading", "Inledning"),
            ("level", "2"),
            ("shows", ""),
            ("text", text),
        ],
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK);
    // The preview as the document shows it; the form above it keeps the text as typed.
    let shown = support::between(
        &preview.body,
        "<div class=\"preview\" aria-labelledby=\"forhandsgranskning\">",
        "</div>",
    );
    // A typed `##` stands two levels below its level 2 section: level 4, drawn as h5 under
    // the document's h1 title (document::prose_within).
    assert!(
        shown.contains("<h5 id=\"rubrik-1\">Bakgrund</h5>"),
        "{}",
        preview.body
    );
    assert!(shown.contains("<a href=\"https://alingsas.se\">kommunen</a>"));
    assert!(
        shown.contains(" och klick.") && !shown.contains("javascript:"),
        "no script link, its text kept: {shown}"
    );
    assert!(shown.contains("<td class=\"number\">1 200</td>"));
    assert!(
        preview.body.contains("[klick](javascript:alert(1))"),
        "what was typed is kept in the form"
    );
    let revision = support::between(&page.body, "name=\"revision\" value=\"", "\"");
    let saved = post_form(
        &router,
        "/budget/1/avsnitt/1",
        &[
            ("action", "spara"),
            ("revision", &revision),
            ("heading", "Inledning"),
            ("level", "2"),
            ("shows", ""),
            ("text", text),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let stale = post_form(
        &router,
        "/budget/1/avsnitt/1",
        &[
            ("action", "spara"),
            ("revision", &revision),
            ("heading", "Inledning"),
            ("level", "2"),
            ("shows", ""),
            ("text", "äldre"),
        ],
    )
    .await;
    assert_eq!(
        stale.status,
        StatusCode::CONFLICT,
        "a save from a stale read is refused"
    );
    let markdown =
        String::from_utf8_lossy(&download(&router, "/budget/1/dokument/markdown").await.1)
            .to_string();
    assert!(
        markdown.contains("\n##### Bakgrund\n") && markdown.contains("  - Budget"),
        "{markdown}"
    );

    let added = post_form(
        &router,
        "/budget/1/avsnitt/ny",
        &[
            ("action", "spara"),
            ("heading", "Ny bilaga"),
            ("level", "2"),
            ("shows", ""),
            ("text", "Text."),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let count = app
        .snapshot(1)
        .await
        .expect("the budget")
        .budget
        .sections
        .len();
    let last = count.to_string();
    let moved = post_form(
        &router,
        &format!("/budget/1/avsnitt/{last}"),
        &[("action", "upp")],
    )
    .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let sections = app
        .snapshot(1)
        .await
        .expect("the budget")
        .budget
        .sections
        .clone();
    assert_eq!(sections[count - 2].heading, "Ny bilaga");
    // A removal asks first; the question names the section, the confirmed form removes it.
    let question = get(&router, &format!("/budget/1/avsnitt/{}/ta-bort", count - 1)).await;
    assert_eq!(question.status, StatusCode::OK);
    assert!(
        question.body.contains("Vill du ta bort avsnitt"),
        "{}",
        question.body
    );
    let removed = post_form(
        &router,
        &format!("/budget/1/avsnitt/{}/ta-bort", count - 1),
        &[],
    )
    .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.snapshot(1)
            .await
            .expect("the budget")
            .budget
            .sections
            .len(),
        count - 1
    );
    let log = get(&router, "/logg").await;
    for entry in [
        "ändra avsnitt",
        "lägg till avsnitt",
        "flytta avsnitt",
        "ta bort avsnitt",
    ] {
        assert!(log.body.contains(entry), "{entry} is on record");
    }
}
