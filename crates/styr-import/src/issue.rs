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
    fn an_issue_at_the_end_of_input_is_on_the_last_line() {
        let source = "a = \"";
        let issue = Issue::error(source, 5..5, "oavslutad text");
        assert_eq!((issue.line, issue.column, issue.width), (1, 6, 1));
    }
}
