//! The OpenAPI document says what the API does: every reference resolves, every path
//! parameter is in its path and every query parameter is not, and every operation documents
//! the refusals it can give, and no two schemas share a name — what a schema-driven fuzzer
//! (`.ci/api-fuzz`) holds it to.

use std::collections::BTreeSet;

use serde_json::Value;

fn document() -> Value {
    serde_json::from_str(&styr_web::openapi_document()).expect("the document is JSON")
}

fn references(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.insert(target.clone());
            }
            map.values().for_each(|inner| references(inner, found));
        }
        Value::Array(items) => items.iter().for_each(|inner| references(inner, found)),
        _ => {}
    }
}

fn operations(document: &Value) -> Vec<(String, String, Value)> {
    let mut all = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            all.push((path.clone(), method.clone(), operation.clone()));
        }
    }
    all
}

/// The source files under `dir`, recursively.
fn sources(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the crate's sources") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

/// The OpenAPI document names a schema by its type's name alone, and a second type of the same
/// name silently takes the first one's place: answers of one are then checked against the
/// other's schema (two `VersionDto`s did that to the versions list).
#[test]
fn no_two_schema_types_share_a_name() {
    let mut files = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut seen: std::collections::BTreeMap<String, std::path::PathBuf> = Default::default();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file");
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if !(line.contains("derive(") && line.contains("ToSchema")) {
                continue;
            }
            // The type follows its attributes and doc comments.
            let Some(declaration) = lines.by_ref().map(str::trim).find(|next| {
                next.starts_with("pub struct ")
                    || next.starts_with("pub enum ")
                    || next.starts_with("struct ")
                    || next.starts_with("enum ")
            }) else {
                continue;
            };
            let name: String = declaration
                .split_whitespace()
                .find(|word| !["pub", "struct", "enum"].contains(word))
                .expect("a name")
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if let Some(earlier) = seen.insert(name.clone(), file.clone()) {
                panic!(
                    "the schema {name} is declared in {} and in {}",
                    earlier.display(),
                    file.display()
                );
            }
        }
    }
    assert!(seen.len() > 20, "the schema types were found: {seen:?}");
}

#[test]
fn every_reference_resolves() {
    let document = document();
    let mut found = BTreeSet::new();
    references(&document, &mut found);
    assert!(!found.is_empty());
    for target in found {
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{target} points into the components' schemas"));
        assert!(
            document["components"]["schemas"].get(name).is_some(),
            "{target} is dangling"
        );
    }
}

#[test]
fn path_parameters_are_in_the_path_and_query_parameters_are_not() {
    for (path, method, operation) in operations(&document()) {
        let named: BTreeSet<&str> = path
            .split('/')
            .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
            .collect();
        let parameters = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let in_path: BTreeSet<String> = parameters
            .iter()
            .filter(|parameter| parameter["in"] == "path")
            .map(|parameter| parameter["name"].as_str().unwrap_or_default().to_string())
            .collect();
        let named: BTreeSet<String> = named.into_iter().map(String::from).collect();
        assert_eq!(in_path, named, "{method} {path}: its path parameters");
    }
}

#[test]
fn every_operation_documents_its_refusals() {
    for (path, method, operation) in operations(&document()) {
        let responses = operation["responses"].as_object().expect("responses");
        let has = |status: &str| responses.contains_key(status);
        assert!(has("401"), "{method} {path}: 401");
        if path.contains('{') {
            assert!(has("404"), "{method} {path}: 404");
        }
        if operation.get("requestBody").is_some() {
            for status in ["413", "415", "422"] {
                assert!(has(status), "{method} {path}: {status}");
            }
        }
        if method != "get" {
            assert!(has("403"), "{method} {path}: 403");
        }
        for (status, response) in responses {
            if status.starts_with('4') {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ApiErrorBody",
                    "{method} {path}: {status} has the API's error body"
                );
            }
        }
    }
}

#[test]
fn a_cell_s_version_is_read_where_it_is_written() {
    let document = document();
    let schemas = &document["components"]["schemas"];
    assert!(schemas["CellInput"]["properties"].get("version").is_some());
    assert!(schemas["CellDto"]["properties"].get("version").is_some());
    assert!(
        schemas["LineChangeDto"]["properties"]
            .get("version")
            .is_some()
    );
}
