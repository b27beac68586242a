//! `styr check` and `styr report` through the real binary, as a person runs them.

mod support;

use support::{example, relative, styr, text};

#[test]
fn check_lists_each_disagreement_in_the_reference_and_exits_with_one() {
    let output = styr(&["check", &relative(&example())]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the reference has real errors"
    );
    insta::assert_snapshot!("check_reference", text(&output.stdout));
}

#[test]
fn check_of_a_consistent_budget_finds_nothing_and_exits_with_zero() {
    let output = styr(&["check", "tests/fixtures/consistent.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert_eq!(
        text(&output.stdout),
        "Inga avvikelser: alla angivna siffror stämmer med det som beräknas.\n"
    );
}

#[test]
fn check_as_json_counts_findings_by_severity() {
    let output = styr(&["check", &relative(&example()), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["errors"], 9);
    assert_eq!(json["warnings"], 1);
    assert_eq!(json["rounding"], 4);
    let first = &json["findings"][0];
    assert_eq!(first["severity"], "avrundning");
    assert_eq!(first["stated"]["ore"], -21_494_100_000i64);
    assert_eq!(first["computed"]["ore"], -21_494_000_000i64);
}

#[test]
fn report_as_markdown_shows_every_part_of_the_budget() {
    let output = styr(&["report", &relative(&example())]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("report_reference_markdown", text(&output.stdout));
}

#[test]
fn report_of_the_consistent_budget_adds_up_its_units() {
    let output = styr(&["report", "tests/fixtures/consistent.toml"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("report_consistent_markdown", text(&output.stdout));
}

#[test]
fn report_as_html_is_one_page_with_the_risk_matrix() {
    let output = styr(&["report", &relative(&example()), "--format", "html"]);
    let html = text(&output.stdout);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(html.contains("<h3 id=\"rubrik-1\">Inledning</h3>"));
    assert!(
        html.contains("<a href=\"#rubrik-1\">Inledning</a>"),
        "the contents links"
    );
    assert!(html.contains("counter(page)"), "printed pages are numbered");
    assert!(html.contains("thead{display:table-header-group}"));
    // The matrix is a picture whose text alternative names every cell's risks, and whose
    // cells are coloured by band (low, medium and high each their own fill).
    assert!(
        html.contains(
            "role=\"img\" aria-label=\"Riskmatris med sannolikhet lodrätt och väsentlighet vågrätt."
        ),
        "the matrix is a picture read as text"
    );
    assert!(
        html.contains("sannolikhet 3, väsentlighet 4, riskvärde 12 (Hög): Välfärdsbrottslighet"),
        "the text names each cell's risks"
    );
    for band in ["3 Låg", "8 Medel", "12 Hög"] {
        let label = html.find(&format!(">{band}</text>")).expect(band);
        let cell = html[..label].rfind("<rect").expect("the cell's rectangle");
        assert!(
            html[cell..label].contains("fill=\"#"),
            "the matrix's cell {band} is coloured by its band"
        );
    }
    let fills: std::collections::BTreeSet<&str> = ["3 Låg", "8 Medel", "12 Hög"]
        .iter()
        .map(|band| {
            let label = html.find(&format!(">{band}</text>")).expect("a band");
            let cell = html[..label].rfind("<rect").expect("the cell's rectangle");
            let fill = cell + html[cell..label].find("fill=\"#").expect("a fill");
            &html[fill..fill + 13]
        })
        .collect();
    assert_eq!(fills.len(), 3, "each band has its own colour: {fills:?}");
    assert!(html.contains("<td class=\"number\">-114 196</td>"));
    assert!(!html.contains("<script"), "no scripts");
    assert_eq!(
        html.matches("<table>").count(),
        html.matches("</table>").count()
    );
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn report_as_json_carries_exact_amounts() {
    let output = styr(&["report", &relative(&example()), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let table = &json["operating"][0];
    assert_eq!(table["columns"][1]["label"], "Budget 2025");
    let result = table["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|row| row["row"] == "result"))
        .expect("a result row");
    assert_eq!(result["values"][1], 100_000, "1 tkr is 100 000 öre");
    assert_eq!(json["investment"]["plan_sum"], 61_369_800_000i64);
    assert_eq!(
        json["risks"]["matrix"][1][3]["risks"][0],
        "Välfärdsbrottslighet"
    );
}

#[test]
fn report_writes_to_a_file_when_asked() {
    let path = std::env::temp_dir().join(format!("styr-report-{}.html", std::process::id()));
    let output = styr(&[
        "report",
        &relative(&example()),
        "--format",
        "html",
        "--output",
        path.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&path).expect("the report was written");
    let _ = std::fs::remove_file(&path);
    assert!(written.contains("Kommunstyrelsen budget 2025–2027"));
}

#[test]
fn every_command_explains_itself_in_swedish() {
    let top = text(&styr(&["--help"]).stdout);
    assert!(top.contains("check") && top.contains("report"));
    let check = text(&styr(&["check", "--help"]).stdout);
    assert!(
        check.contains("Slutstatus: 0 när inget fel hittas"),
        "{check}"
    );
    let report = text(&styr(&["report", "--help"]).stdout);
    assert!(
        report.contains("markdown") && report.contains("html") && report.contains("json"),
        "{report}"
    );
}

#[test]
fn an_unknown_format_is_refused_by_the_argument_parser() {
    let output = styr(&["report", &relative(&example()), "--format", "odt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("odt"));
}

#[test]
fn report_as_html_of_the_consistent_budget_reads_as_a_page() {
    let output = styr(&[
        "report",
        "tests/fixtures/consistent.toml",
        "--format",
        "html",
    ]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("report_consistent_html", text(&output.stdout));
}

/// Issue 16: a decided frame its derivation does not lead to is said in the check and in the
/// document, in the same words the frames page uses.
#[test]
fn a_decided_frame_its_derivation_does_not_reach_is_warned_of_in_the_check_and_the_document() {
    let source = std::fs::read_to_string(example()).expect("the example reads");
    let decided = "year = 2025\namount = 118535\n";
    assert_eq!(source.matches(decided).count(), 1, "one decided 2025 frame");
    let path = std::env::temp_dir().join(format!("styr-frame-{}.toml", std::process::id()));
    std::fs::write(
        &path,
        source.replacen(decided, "year = 2025\namount = 119035\n", 1),
    )
    .expect("written");
    let path = path.to_str().expect("a UTF-8 path");

    let output = styr(&["check", path, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let derivation = json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|finding| {
            finding["note"]
                .as_str()
                .is_some_and(|note| note.contains("Härledningens steg leder inte fram"))
        })
        .unwrap_or_else(|| panic!("the check names the derivation: {json}"));
    assert_eq!(derivation["severity"], "fel");
    assert_eq!(derivation["stated"]["ore"], 11_903_500_000i64);

    let document = text(&styr(&["report", path]).stdout);
    assert!(
        document.contains(
            "Observera: det beslutade kommunbidraget 2025, 119,0 mnkr, stämmer inte med härledningen, som ger 118,5 mnkr."
        ),
        "the document warns: {document}"
    );
    let _ = std::fs::remove_file(path);
}
