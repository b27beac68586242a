//! What the municipality file's edits share: the board of an id, a list begun when missing,
//! and a refusal without a place (an edit has no line and column of its own).

use toml::{Table, Value};

use crate::issue::Issue;

pub(super) fn problem(message: impl Into<String>) -> Vec<Issue> {
    vec![Issue::error("", 0..0, message)]
}

pub(super) fn board<'a>(file: &'a mut Table, id: &str) -> Result<&'a mut Table, Vec<Issue>> {
    file.get_mut("board")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_table_mut)
        .find(|board| board.get("id").and_then(Value::as_str) == Some(id))
        .ok_or_else(|| problem(format!("nämnden ”{id}” finns inte i kommunens budget")))
}

/// The list `key` of `table`, begun when there is none.
pub(super) fn array<'a>(table: &'a mut Table, key: &str) -> Result<&'a mut Vec<Value>, Vec<Issue>> {
    table
        .entry(key)
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
        .ok_or_else(|| problem(format!("”{key}” är inte en lista")))
}
