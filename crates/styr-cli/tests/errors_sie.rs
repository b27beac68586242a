//! The catalogue of SIE reader messages: every file in tests/errors-sie/ makes
//! `styr followup` refuse it, and what it prints is kept as a snapshot a person reviews.

mod support;

use support::{styr, text};

#[test]
fn every_sie_error_fixture_is_refused_with_its_message() {
    let directory = support::manifest_dir().join("tests/errors-sie");
    let mut fixtures: Vec<_> = std::fs::read_dir(&directory)
        .expect("tests/errors-sie exists")
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "se"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 30, "a fixture for every message");
    for fixture in fixtures {
        let name = fixture
            .file_stem()
            .and_then(|stem| stem.to_str())
            .expect("a file name")
            .to_string();
        let relative = format!("tests/errors-sie/{name}.se");
        let output = styr(&["followup", &relative]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: unreadable input exits with 2"
        );
        assert!(
            output.stdout.is_empty(),
            "{name}: nothing on standard output"
        );
        insta::assert_snapshot!(format!("sie-{name}"), text(&output.stderr));
    }
}

#[test]
fn every_error_in_a_file_is_reported_in_one_pass() {
    let path = std::env::temp_dir().join(format!("styr-many-{}.se", std::process::id()));
    let body = "#VER A 1 20250115\n{\n#TRANS 50A1 {} 1.00\n#TRANS 1930 {} 1,00\n}\n#VER A 2 2025\n{\n#TRANS 5011 {} 1.00\n}\n";
    std::fs::write(&path, body).expect("a temporary file");
    let output = styr(&["followup", path.to_str().expect("a UTF-8 temp path")]);
    let stderr = text(&output.stderr);
    for expected in [
        "rad 3, kolumn 8",
        "rad 4, kolumn 16",
        "rad 6, kolumn 10",
        "rad 6, kolumn 1: verifikation A 2 balanserar inte",
    ] {
        assert!(stderr.contains(expected), "{expected} in:\n{stderr}");
    }
    assert!(stderr.contains("(4 fel)"), "{stderr}");
}
