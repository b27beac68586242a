//! Running the real `styr` binary from tests.

// Each test binary uses a different part of these helpers.
#![allow(dead_code, reason = "each test binary uses part of the shared helpers")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example() -> PathBuf {
    manifest_dir().join("../../examples/alingsas-ks-2025.toml")
}

/// Runs `styr` with `arguments` in the CLI crate's directory, so paths in output are stable.
pub fn styr(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_styr"))
        .args(arguments)
        .current_dir(manifest_dir())
        .output()
        .expect("the styr binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("styr writes UTF-8")
}

pub fn relative(path: &Path) -> String {
    path.strip_prefix(manifest_dir())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The findings of `styr check FILE --format json`, each as severity | section | place |
/// stated | computed, without where it stands (the text form's "(rad N)", a PDF's "(sida P,
/// rad N)"): the same document in another form must give the same list.
pub fn findings_without_lines(path: &Path) -> Vec<String> {
    let output = styr(&[
        "check",
        path.to_str().expect("a UTF-8 path"),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("JSON findings: {}", text(&output.stderr)));
    json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|finding| {
            let place = finding["place"].as_str().unwrap_or("");
            let place = place
                .rfind(" (rad ")
                .or_else(|| place.rfind(" (sida "))
                .map_or(place, |at| &place[..at]);
            format!(
                "{} | {} | {} | {} | {}",
                finding["severity"],
                finding["section"],
                place,
                finding["stated"],
                finding["computed"]
            )
        })
        .collect()
}
