//! Issues found while reading input: where (line, column), what, and the offending line quoted.
//!
//! Readers collect every issue they can before giving up, so a person fixes a file in one round.

use std::fmt;
use std::ops::Range;

/// How serious an issue is: the one scale the whole of styr uses (an issue is an error or a
/// warning; rounding belongs to the consistency check).
pub use styr_domain::severity::Severity;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    /// The whole line the issue is on, as the file has it.
    pub source_line: String,
    /// How many characters from `column` the issue covers (at least 1).
    pub width: usize,
}

impl Issue {
    /// An error at byte range `span` of `source`.
    pub fn error(source: &str, span: Range<usize>, message: impl Into<String>) -> Issue {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |newline| newline + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |newline| start + newline);
        let source_line = source[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        let covered = &source[start..end.min(line_end)];
        Issue {
            severity: Severity::Error,
            line: source[..start].matches('\n').count() + 1,
            column: source[line_start..start].chars().count() + 1,
            message: message.into(),
            width: covered.chars().count().max(1),
            source_line,
        }
    }
}

/// How many issues a reader reports before it only counts the rest.
pub const ISSUE_LIMIT: usize = 200;

/// Issues collected up to [`ISSUE_LIMIT`], past which they are only counted: a file with a
/// problem on every line is refused in one round, and still costs no more than the limit's
/// worth of quoted lines — an issue past the limit is never made, only counted.
#[derive(Debug, Default)]
pub struct Issues {
    list: Vec<Issue>,
    /// The first issue past the limit, which stands for the rest, and how many there were.
    past: Option<Issue>,
    more: usize,
}

impl Issues {
    /// Adds the issue `make` makes, or only counts it when the limit is reached.
    pub fn add(&mut self, make: impl FnOnce() -> Issue) {
        if self.list.len() < ISSUE_LIMIT {
            self.list.push(make());
        } else {
            if self.past.is_none() {
                self.past = Some(make());
            }
            self.more += 1;
        }
    }

    pub fn push(&mut self, issue: Issue) {
        self.add(|| issue);
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether the limit is reached: further issues are only counted.
    pub fn full(&self) -> bool {
        self.list.len() >= ISSUE_LIMIT
    }

    /// Every issue kept; past the limit, the first one past it says how many more there were.
    pub fn into_vec(mut self) -> Vec<Issue> {
        if let Some(mut past) = self.past.take() {
            if self.more > 1 {
                past.message = format!(
                    "{} (och {} fel till efter detta, som inte visas)",
                    past.message,
                    self.more - 1
                );
            }
            self.list.push(past);
        }
        self.list
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl fmt::Display for Issue {
    /// ```text
    /// rad 3, kolumn 1: okänd nyckel ”nmae”
    ///   3 | nmae = 3
    ///     | ^^^^
    /// ```
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let indent: String = self
            .source_line
            .chars()
            .take(self.column - 1)
            .map(|character| if character == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(
            formatter,
            "rad {}, kolumn {}: {}",
            self.line, self.column, self.message
        )?;
        writeln!(formatter, "  {number} | {}", self.source_line)?;
        write!(formatter, "  {gutter} | {indent}{}", "^".repeat(self.width))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_points_at_its_line_and_column() {
        let source = "a = 1\nbeløp = \"x\"\n";
        let issue = Issue::error(source, 15..18, "fel");
        assert_eq!((issue.line, issue.column, issue.width), (2, 9, 3));
        assert_eq!(issue.source_line, "beløp = \"x\"");
        assert_eq!(
            issue.to_string(),
            "rad 2, kolumn 9: fel\n  2 | beløp = \"x\"\n    |         ^^^"
        );
    }

    #[test]
    fn issues_past_the_limit_are_only_counted() {
        let mut issues = Issues::default();
        let mut made = 0;
        for _ in 0..ISSUE_LIMIT + 50 {
            issues.add(|| {
                made += 1;
                Issue::error("a", 0..1, "fel")
            });
        }
        assert!(issues.full());
        assert_eq!(made, ISSUE_LIMIT + 1, "an issue past the limit is not made");
        let issues = issues.into_vec();
        assert_eq!(issues.len(), ISSUE_LIMIT + 1);
        assert_eq!(
            issues[ISSUE_LIMIT].message,
            "fel (och 49 fel till efter detta, som inte visas)"
        );
    }

    #[test]
    fn an_issue_at_the_end_of_input_is_on_the_last_line() {
        let source = "a = \"";
        let issue = Issue::error(source, 5..5, "oavslutad text");
        assert_eq!((issue.line, issue.column, issue.width), (1, 6, 1));
    }
}
