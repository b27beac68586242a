//! A CSV export's text and its lines: UTF-8 or Latin-1, lines that end in `\n`, `\r\n` or
//! `\r` alone, and every line screened before its fields are read — a line past
//! [`Limits::line_bytes`] or with a direction control is named, not read.

use std::borrow::Cow;

use crate::bidi;
use crate::issue::{Issue, Issues};
use crate::limits::{Limit, Limits};

/// The text of `bytes`: UTF-8 without its byte order mark, or else Latin-1; lines that end in
/// `\r` alone (as classic Mac OS wrote them) end in `\n` instead, so lines count as a person
/// sees them.
pub(super) fn source_text(bytes: &[u8]) -> Cow<'_, str> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text.trim_start_matches('\u{feff}')),
        Err(_) => Cow::Owned(bytes.iter().map(|&byte| char::from(byte)).collect()),
    };
    let first_end = text.find(['\n', '\r']);
    let cr_only =
        first_end.is_some_and(|at| text[at..].starts_with('\r') && !text[at..].starts_with("\r\n"));
    if cr_only {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    }
}

/// The lines that are not blank — (index, where it starts, the line) — with an issue in
/// `issues` for each line refused.
pub(super) fn screened<'a>(
    source: &'a str,
    limits: &Limits,
    issues: &mut Issues,
) -> Vec<(usize, usize, &'a str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (number, line) in source.split_inclusive('\n').enumerate() {
        let text = line.trim_end_matches(['\n', '\r']);
        if let Err(exceeded) = limits.check(Limit::LineBytes, text.len() as u64, "raden") {
            issues.add(|| Issue::error(source, start..start + 1, exceeded.to_string()));
        } else if let Some((at, control)) = bidi::find(text) {
            let span = start + at..start + at + control.len_utf8();
            issues.add(|| Issue::error(source, span, bidi::refusal(control)));
        } else if !text.trim().is_empty() {
            lines.push((number, start, text));
        }
        start += line.len();
    }
    lines
}
