//! `styr user` through the real binary: the first administrator from a password on standard
//! input (never an argument), listing, role changes, and the refusals a person can act on.

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use support::text;

/// Runs `styr` with `input` on standard input (not a terminal, as in a script).
fn styr_with_input(arguments: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_styr"))
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the styr binary runs");
    child
        .stdin
        .take()
        .expect("a standard input")
        .write_all(input.as_bytes())
        .expect("the password is written");
    child.wait_with_output().expect("styr finishes")
}

#[test]
fn the_first_administrator_is_made_from_a_password_on_standard_input() {
    let database = std::env::temp_dir().join(format!("styr-cli-users-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    let database = database.display().to_string();
    let added = styr_with_input(
        &[
            "user",
            "add",
            "anna",
            "--role",
            "admin",
            "--database",
            &database,
        ],
        "ett-långt-lösenord\n",
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert_eq!(
        text(&added.stdout),
        "Användaren anna är skapad (Administratör).\n"
    );
    let holder = styr_with_input(
        &[
            "user",
            "add",
            "erik",
            "--role",
            "budgetansvarig",
            "--scope",
            "ekonomiavdelningen",
            "--database",
            &database,
        ],
        "ett-annat-lösenord\n",
    );
    assert!(holder.status.success(), "{}", text(&holder.stderr));
    let listed = styr_with_input(&["user", "list", "--database", &database], "");
    assert_eq!(
        text(&listed.stdout),
        "anna\tadmin\nerik\tbudgetansvarig\tekonomiavdelningen\n"
    );
    let role = styr_with_input(
        &[
            "user",
            "role",
            "erik",
            "--role",
            "revisor",
            "--database",
            &database,
        ],
        "",
    );
    assert!(role.status.success(), "{}", text(&role.stderr));
    // What a person can act on.
    let short = styr_with_input(
        &[
            "user",
            "add",
            "bo",
            "--role",
            "lasare",
            "--database",
            &database,
        ],
        "kort\n",
    );
    assert!(!short.status.success());
    assert!(
        text(&short.stderr).contains("minst 10 tecken"),
        "{}",
        text(&short.stderr)
    );
    let taken = styr_with_input(
        &[
            "user",
            "add",
            "anna",
            "--role",
            "lasare",
            "--database",
            &database,
        ],
        "ett-långt-lösenord\n",
    );
    assert!(text(&taken.stderr).contains("finns redan"));
    let unknown = styr_with_input(
        &[
            "user",
            "add",
            "bo",
            "--role",
            "kung",
            "--database",
            &database,
        ],
        "ett-långt-lösenord\n",
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("okänd roll"));
    let scopeless = styr_with_input(
        &[
            "user",
            "add",
            "bo",
            "--role",
            "budgetansvarig",
            "--database",
            &database,
        ],
        "ett-långt-lösenord\n",
    );
    assert!(text(&scopeless.stderr).contains("--scope"));
    // There is no way to give the password as an argument.
    let argument = styr_with_input(
        &[
            "user",
            "add",
            "bo",
            "--role",
            "lasare",
            "--password",
            "x",
            "--database",
            &database,
        ],
        "",
    );
    assert_eq!(
        argument.status.code(),
        Some(2),
        "clap refuses the unknown flag"
    );
}
