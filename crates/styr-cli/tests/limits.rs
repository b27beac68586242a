//! The readers' limits are configurable: `styr limits` writes those in force, `--limits FILE`
//! (or `STYR_LIMITS`) changes some for a run, and every reader of the run holds to them.

mod support;

use std::path::PathBuf;

use support::{example, styr, text};

fn written(name: &str, content: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("styr-limits-{}-{name}", std::process::id()));
    std::fs::write(&path, content).expect("written");
    path
}

#[test]
fn styr_limits_writes_the_defaults_as_a_file_that_reads_back() {
    let shown = styr(&["limits"]);
    assert!(shown.status.success(), "{}", text(&shown.stderr));
    let file = text(&shown.stdout);
    assert!(file.contains("[limits]"), "{file}");
    assert!(file.contains("file_bytes = 33554432"), "{file}");
    assert!(file.contains("objects = 200000"), "{file}");
    // What it writes is a limits file: given back, it changes nothing.
    let path = written("defaults.toml", &file);
    let again = styr(&["limits", "--limits", path.to_str().expect("a path")]);
    assert_eq!(text(&again.stdout), file);
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_configured_limit_holds_for_the_command_and_names_its_key() {
    let example = example();
    let example = example.to_str().expect("a path");
    // The reference budget file reads within the defaults …
    assert!(styr(&["check", example]).status.code() != Some(2));
    // … and not within a budget-file limit of one kibibyte, set by file or by environment.
    let path = written("small.toml", "[limits]\nbudget_file_bytes = 1024\n");
    let limits = path.to_str().expect("a path");
    let refused = styr(&["check", example, "--limits", limits]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(
        text(&refused.stderr).contains("budget_file_bytes"),
        "{}",
        text(&refused.stderr)
    );
    let by_environment = std::process::Command::new(env!("CARGO_BIN_EXE_styr"))
        .args(["check", example])
        .env("STYR_LIMITS", limits)
        .output()
        .expect("runs");
    assert_eq!(by_environment.status.code(), Some(2));
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_misspelt_limit_is_refused_with_its_line() {
    let path = written("misspelt.toml", "[limits]\nobjects = 10\nobjekt = 10\n");
    let refused = styr(&["limits", "--limits", path.to_str().expect("a path")]);
    assert_eq!(refused.status.code(), Some(2));
    let message = text(&refused.stderr);
    assert!(message.contains("rad 3"), "{message}");
    assert!(message.contains("objekt"), "{message}");
    let _ = std::fs::remove_file(path);
}
