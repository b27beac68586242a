//! The review against published tables of twelve Swedish municipalities (`tests/corpus/`, with
//! their sources in INDEX.md). Each excerpt's sidecar (`*.relations.toml`) says, from a careful
//! reading, where the real errors are; the review must find every one in a table and report no
//! error anywhere else. Precision and recall are printed (`cargo test --test corpus --
//! --nocapture`), the errors in prose counted apart: the review ties prose to tables only in
//! the budget layout.

use std::collections::BTreeSet;
use std::path::Path;

use styr_reports::check::Severity;
use styr_reports::review::review;

/// A place as (line label, column heading).
type Place = (String, String);

/// What a sidecar expects: the table places that fail, and the prose claims that fail.
#[derive(Default)]
struct Expected {
    errors: BTreeSet<Place>,
    prose: usize,
}

fn unquote(line: &str) -> String {
    let value = line.split_once('=').map_or("", |(_, value)| value).trim();
    value.trim_matches('"').to_string()
}

/// "Äldreomsorg [rad 17]" → "Äldreomsorg".
fn label(text: &str) -> String {
    text.rsplit_once(" [rad ")
        .map_or(text, |(label, _)| label)
        .to_string()
}

/// Reads the sidecar line by line: each `[[tables.relations]]` has a kind and a target, and
/// each of its `[[tables.relations.findings]]` a `where` and a status.
fn expected(sidecar: &str) -> Expected {
    let mut expected = Expected::default();
    let (mut kind, mut target, mut place) = (String::new(), String::new(), String::new());
    let mut in_claim = false;
    for line in sidecar.lines() {
        let line = line.trim();
        match line {
            "[[tables.relations]]" => in_claim = false,
            "[[claims]]" => in_claim = true,
            _ if line.starts_with("kind =") => kind = unquote(line),
            _ if line.starts_with("target =") => target = unquote(line),
            _ if line.starts_with("where =") => place = unquote(line),
            "status = \"fails\"" if in_claim && kind == "text" => expected.prose += 1,
            "status = \"fails\"" if !in_claim && !place.is_empty() => {
                let at = if kind == "column" {
                    (label(&place), target.clone())
                } else {
                    (label(&target), place.clone())
                };
                expected.errors.insert(at);
            }
            _ => {}
        }
        if line == "[[tables.relations]]" || line == "[[claims]]" {
            place.clear();
        }
    }
    expected
}

#[test]
fn every_real_error_in_the_corpus_is_found_and_nothing_else_is_called_wrong() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the corpus")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 16, "the corpus has sixteen excerpts");
    let (mut found, mut expected_total, mut false_errors, mut prose) = (0, 0, Vec::new(), 0);
    for name in &names {
        let source = std::fs::read_to_string(folder.join(name)).expect("an excerpt");
        let sidecar = std::fs::read_to_string(folder.join(name.replace(".txt", ".relations.toml")))
            .expect("its sidecar");
        let expected = expected(&sidecar);
        let document = styr_import::document::parse_text(&source).expect("readable text");
        let result = review(&document);
        let errors: Vec<_> = result
            .findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .collect();
        let matches = |(row, column): &Place, place: &str| {
            place.starts_with(&format!("{row}, {column} (rad"))
        };
        let hit = expected
            .errors
            .iter()
            .filter(|at| errors.iter().any(|finding| matches(at, &finding.place)))
            .count();
        for finding in &errors {
            if !expected.errors.iter().any(|at| matches(at, &finding.place)) {
                false_errors.push(format!("{name}: {} {}", finding.place, finding.note));
            }
        }
        let rounding = result
            .findings
            .iter()
            .filter(|finding| finding.severity == Severity::Rounding)
            .count();
        println!(
            "{name}: {hit}/{} fel funna, {} fel rapporterade, {rounding} avrundningar; {}",
            expected.errors.len(),
            errors.len(),
            result.coverage.text().trim_end()
        );
        for finding in &errors {
            println!(
                "    fel {}: anges {}, beräknas {} — {}",
                finding.place, finding.stated.text, finding.computed.text, finding.note
            );
        }
        found += hit;
        expected_total += expected.errors.len();
        prose += expected.prose;
    }
    let reported = found + false_errors.len();
    println!(
        "Tabellfel: recall {found}/{expected_total}, precision {found}/{reported}; \
         fel i löptext (ej i tabellgranskningen): {prose} påståenden."
    );
    assert_eq!(
        found, expected_total,
        "every real error in a table is found"
    );
    assert!(
        false_errors.is_empty(),
        "errors where the sidecars have none: {false_errors:#?}"
    );
}
