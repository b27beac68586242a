//! Every command that writes to standard output ends quietly when the reader has gone away, as
//! `styr followup big.se --format csv | head -1` does once it has its line: no panic, no exit
//! status 101, nothing on standard error.
//!
//! Each run closes its end of the pipe before `styr` writes anything, so every write `styr`
//! makes meets a closed pipe.

mod support;

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};

use support::{example, manifest_dir};

/// Runs `styr` with standard output a pipe whose reader is gone; its status and standard error.
fn with_closed_stdout(arguments: &[&str]) -> (ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_styr"))
        .args(arguments)
        .current_dir(manifest_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the styr binary runs");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("a standard error")
        .read_to_string(&mut stderr)
        .expect("standard error reads");
    (child.wait().expect("styr finishes"), stderr)
}

fn outcome() -> String {
    manifest_dir()
        .join("../../examples/alingsas-ks-2025-utfall.se")
        .display()
        .to_string()
}

/// `styr` ended as it would with a reader: the status given, and nothing said about the pipe.
fn assert_quiet(arguments: &[&str], status: i32) {
    let (exit, stderr) = with_closed_stdout(arguments);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "styr {arguments:?} said: {stderr}"
    );
    assert_eq!(exit.code(), Some(status), "styr {arguments:?}: {stderr}");
}

#[test]
fn followup_ends_quietly_in_every_format() {
    let file = outcome();
    for format in ["csv", "markdown", "json"] {
        assert_quiet(&["followup", &file, "--format", format], 0);
    }
}

#[test]
fn check_and_report_end_quietly() {
    let budget = example().display().to_string();
    // The reference has errors, so check says so by its status even when no one reads it.
    assert_quiet(&["check", &budget], 1);
    assert_quiet(&["check", &budget, "--format", "json"], 1);
    for format in ["markdown", "html", "json", "xlsx", "docx"] {
        assert_quiet(&["report", &budget, "--format", format], 0);
    }
    assert_quiet(&["--help"], 0);
}

#[test]
fn the_database_commands_end_quietly() {
    let database = std::env::temp_dir().join(format!("styr-cli-pipe-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    let database = database.display().to_string();
    let budget = example().display().to_string();
    assert_quiet(&["import", &budget, "--database", &database], 0);
    assert_quiet(&["import", &outcome(), "--database", &database], 0);
    assert_quiet(&["export", "--database", &database], 0);
    assert_quiet(&["export", "--format", "mall", "--database", &database], 0);
    assert_quiet(&["followup", "--database", &database, "--format", "csv"], 0);
    assert_quiet(&["user", "list", "--database", &database], 0);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{database}{suffix}"));
    }
}
