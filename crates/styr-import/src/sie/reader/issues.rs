//! Where an error is: the line's number, the column counted in characters of the file's
//! encoding, and the line quoted — every error of a file, up to a limit past which they are
//! only counted, so that a person fixes a file in one round.

use super::Reader;
use crate::issue::{ISSUE_LIMIT, Issue, Severity};
use crate::sie::SieSink;
use crate::sie::encoding::Encoding;
use crate::sie::fields::{Field, FieldKind};

impl<S: SieSink> Reader<'_, S> {
    #[inline]
    pub(super) fn decode<'a>(&self, bytes: &'a [u8]) -> std::borrow::Cow<'a, str> {
        self.encoding.unwrap_or(Encoding::Cp437).decode(bytes)
    }

    pub(super) fn issue(&self, line: &[u8], number: u64, at: usize, width: usize) -> Issue {
        let at = at.min(line.len());
        let end = (at + width).min(line.len());
        Issue {
            severity: Severity::Error,
            line: number as usize,
            column: self.decode(&line[..at]).chars().count() + 1,
            message: String::new(),
            source_line: self.decode(line).into_owned(),
            width: self.decode(&line[at..end]).chars().count().max(1),
        }
    }

    pub(super) fn error_at_line(
        &mut self,
        line: &[u8],
        number: u64,
        at: usize,
        width: usize,
        message: impl Into<String>,
    ) {
        if self.errors.len() >= ISSUE_LIMIT {
            self.more_errors += 1;
            return;
        }
        let mut issue = self.issue(line, number, at, width);
        issue.message = message.into();
        self.errors.push(issue);
    }

    /// An error on the current line at `field` (or at its end when the field is missing).
    pub(super) fn error(&mut self, line: &[u8], field: Option<Field>, message: impl Into<String>) {
        let (at, width) = match field {
            Some(field) => {
                let quoted = usize::from(field.kind != FieldKind::Bare);
                (field.start - quoted, field.end - field.start + 2 * quoted)
            }
            None => (line.len(), 1),
        };
        let number = self.file.counts.lines;
        self.error_at_line(line, number, at, width, message);
    }
}

/// An amount in a message, exactly and with its unit: "-0,10 kr", "1 250,00 kr".
pub(super) use styr_domain::format::kronor;
