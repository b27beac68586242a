//! The texts the reader keeps — names, voucher and row texts — decoded from the file's
//! encoding, with direction controls removed (`crate::bidi`: the first place and how many texts
//! had them are named in a warning at the end), and the names that stay for the whole file
//! (accounts, dimensions, objects) counted against [`Limits::names_bytes`].
//!
//! [`Limits::names_bytes`]: crate::limits::Limits::names_bytes

use std::borrow::Cow;

use super::Reader;
use crate::bidi;
use crate::issue::Severity;
use crate::limits::Limit;
use crate::sie::SieSink;
use crate::sie::encoding::Encoding;
use crate::sie::fields::{self, Field};

/// What keeping a name costs beyond its bytes: the string's own size and its place in a map.
const NAME_BYTES: u64 = 48;

impl<S: SieSink> Reader<'_, S> {
    /// Adds the text of `field` on `line` to `target`, as [`Self::field_text`] reads it but
    /// without a copy in between: the voucher's own strings are filled this way.
    #[inline]
    pub(super) fn push_text(&mut self, target: &mut String, line: &[u8], field: &Field) {
        let bytes = fields::unescaped(line, field);
        if self.encoding != Some(Encoding::Utf8) {
            return target.push_str(&self.decode(&bytes));
        }
        target.push_str(&self.kept(line, &bytes));
    }

    /// The text of `field` on `line`, with `\"` undone.
    #[inline]
    pub(super) fn field_text<'a>(&mut self, line: &'a [u8], field: &Field) -> Cow<'a, str> {
        match fields::unescaped(line, field) {
            Cow::Borrowed(bytes) => self.kept(line, bytes),
            Cow::Owned(bytes) => Cow::Owned(self.kept(line, &bytes).into_owned()),
        }
    }

    /// The text of an optional field; empty when it is missing.
    #[inline]
    pub(super) fn text(&mut self, line: &[u8], field: Option<&Field>) -> String {
        field.map_or_else(String::new, |field| {
            self.field_text(line, field).into_owned()
        })
    }

    /// `bytes` of `line` as text, without direction controls.
    #[inline]
    pub(super) fn kept<'a>(&mut self, line: &[u8], bytes: &'a [u8]) -> Cow<'a, str> {
        let text = self.decode(bytes);
        // Only UTF-8 can hold a direction control: CP437 and Latin-1 have no such character.
        if self.encoding != Some(Encoding::Utf8) || bidi::find(&text).is_none() {
            return text;
        }
        // Its warning needs the line's number, which a worker of the parallel reader lacks.
        self.unusual |= self.restricted;
        match &mut self.controls {
            Some((_, texts)) => *texts += 1,
            None => {
                let at = line
                    .windows(3)
                    .position(|window| {
                        std::str::from_utf8(window)
                            .is_ok_and(|character| character.chars().all(bidi::is_control))
                    })
                    .unwrap_or(0);
                let number = self.file.counts.lines;
                let mut issue = self.issue(line, number, at, 3);
                issue.severity = Severity::Warning;
                self.controls = Some((issue, 1));
            }
        }
        Cow::Owned(bidi::remove(&text).into_owned())
    }

    /// Counts a kept name of `bytes` against the limit; false, with the file refused at this
    /// line the first time, once the names are past it.
    pub(super) fn keep_name(&mut self, line: &[u8], bytes: usize) -> bool {
        self.names_bytes += bytes as u64 + NAME_BYTES;
        self.within(line, Limit::NamesBytes, self.names_bytes, "raden")
    }

    /// Whether `value` is within `limit`; past it, the file is refused at this line once (the
    /// reader keeps nothing more of the kind, so that memory stays bounded).
    pub(super) fn within(&mut self, line: &[u8], limit: Limit, value: u64, subject: &str) -> bool {
        if value <= limit.of(&self.limits) {
            return true;
        }
        if !self.refused.contains(&limit) {
            self.refused.push(limit);
            let message = self.limits.exceeded(limit, subject).to_string();
            let number = self.file.counts.lines;
            self.error_at_line(line, number, 0, line.len(), message);
        }
        false
    }
}
