//! The catalogue of error messages: every file in tests/errors/ makes `styr check` refuse to
//! read it, and what it prints is kept as a snapshot a person reviews (as hledger's
//! test/errors/ does).

mod support;

use support::{styr, text};

#[test]
fn every_error_fixture_is_refused_with_its_message() {
    let directory = support::manifest_dir().join("tests/errors");
    let mut fixtures: Vec<_> = std::fs::read_dir(&directory)
        .expect("tests/errors exists")
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .collect();
    fixtures.sort();
    assert!(
        fixtures.len() >= 20,
        "the catalogue has a fixture for every message"
    );
    for fixture in fixtures {
        let name = fixture
            .file_stem()
            .and_then(|stem| stem.to_str())
            .expect("a file name")
            .to_string();
        let relative = format!("tests/errors/{name}.toml");
        let output = styr(&["check", &relative]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: unreadable input exits with 2"
        );
        assert!(
            output.stdout.is_empty(),
            "{name}: nothing on standard output"
        );
        insta::assert_snapshot!(name, text(&output.stderr));
    }
}

#[test]
fn a_missing_file_is_named_in_a_sentence() {
    let output = styr(&["check", "finns-inte.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "styr: kan inte läsa finns-inte.toml: filen finns inte\n"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_line() {
    let path = std::env::temp_dir().join(format!("styr-latin1-{}.toml", std::process::id()));
    std::fs::write(&path, b"format = 1\n# \xe5r\n").expect("a temporary file");
    let output = styr(&["check", path.to_str().expect("a UTF-8 temp path")]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("rad 2: filen är inte UTF-8"),
        "{}",
        text(&output.stderr)
    );
}
