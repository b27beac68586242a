//! The budget file reader never panics, whatever it is given: arbitrary text, and the example
//! file with random damage (bytes removed, replaced or inserted), which reaches far deeper
//! into the reader than random text does.

use proptest::prelude::*;

fn example() -> &'static str {
    include_str!("../../../examples/alingsas-ks-2025.toml")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_gives_issues_not_panics(text in "\\PC{0,400}") {
        let _ = styr_import::parse_budget(&text);
    }

    #[test]
    fn a_damaged_example_gives_issues_not_panics(
        position in 0usize..80_000,
        length in 0usize..40,
        insert in "[ -~åäöÅÄÖ\\n\"'\\[\\]{}=,.0-9-]{0,12}",
    ) {
        let source = example();
        let mut start = position % source.len();
        while !source.is_char_boundary(start) { start -= 1; }
        let mut end = (start + length).min(source.len());
        while !source.is_char_boundary(end) { end -= 1; }
        let damaged = format!("{}{}{}", &source[..start], insert, &source[end..]);
        if let Err(issues) = styr_import::parse_budget(&damaged) {
            for issue in issues {
                prop_assert!(issue.line >= 1 && issue.column >= 1);
                prop_assert!(damaged.lines().nth(issue.line - 1).is_some_and(|line| line.trim_end_matches('\r') == issue.source_line) || issue.source_line.is_empty());
            }
        }
    }
}
