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
