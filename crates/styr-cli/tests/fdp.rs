//! `styr report --format fdp`: the open-data package of the reference budget, checked for its
//! figures and validated against its own descriptor by the `frictionless` tool from PyPI
//! (`.ci/run` installs it into target/fdp-venv; elsewhere STYR_FRICTIONLESS names it, or the
//! validation says it is skipped — except under CI, where its absence is a failure).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{example, relative, styr, text};

fn frictionless() -> Option<PathBuf> {
    let path = std::env::var_os("STYR_FRICTIONLESS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/fdp-venv/bin/frictionless")
        });
    path.exists().then_some(path)
}

/// Whether frictionless finds the package valid.
fn valid(tool: &Path, directory: &Path) -> bool {
    let output = Command::new(tool)
        .args(["validate", "--json", "datapackage.json"])
        .current_dir(directory)
        .output()
        .expect("frictionless runs");
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("frictionless answers in JSON");
    report["valid"] == true
}

#[test]
fn the_open_data_package_has_every_figure_and_validates() {
    let directory = std::env::temp_dir().join(format!("styr-fdp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    let output = styr(&[
        "report",
        &relative(&example()),
        "--format",
        "fdp",
        "--output",
        &directory.display().to_string(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let operating =
        std::fs::read_to_string(directory.join("driftbudget.csv")).expect("the operating CSV");
    let investments =
        std::fs::read_to_string(directory.join("investeringar.csv")).expect("the investment CSV");
    // Figures of the reference's tables, exact in kronor.
    for row in [
        "revenue,Verksamhetens intäkter,2025,Budget 2025,108608000.00",
        "personnel,Personalkostnader,2025,Budget 2025,",
        "kommunbidrag,Kommunbidrag,2025,Budget 2025,118535000.00",
    ] {
        assert!(operating.contains(row), "{row} in driftbudget.csv");
    }
    assert!(investments.lines().count() > 10, "{investments}");
    let descriptor: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(directory.join("datapackage.json")).expect("the descriptor"),
    )
    .expect("JSON");
    assert_eq!(descriptor["resources"].as_array().map(Vec::len), Some(2));
    assert_eq!(descriptor["model"]["measures"]["belopp"]["currency"], "SEK");
    // Without a directory the command says what it needs.
    let missing = styr(&["report", &relative(&example()), "--format", "fdp"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("--output"));

    let Some(tool) = frictionless() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have frictionless: .ci/run installs it"
        );
        eprintln!("skipped: frictionless is not installed (see this file's header)");
        return;
    };
    assert!(
        valid(&tool, &directory),
        "the package validates against its descriptor"
    );
    // The check can fail: a broken amount is found.
    let broken = operating.replacen("108608000.00", "108 608 tkr", 1);
    std::fs::write(directory.join("driftbudget.csv"), broken).expect("written");
    assert!(!valid(&tool, &directory), "a broken amount is caught");
    let _ = std::fs::remove_dir_all(&directory);
}
