//! Text written into Markdown so that it reads as the text it is. Budget prose, names and
//! explanations are typed by people (or read from another system's file); in Markdown a `<` can
//! start raw HTML, `[x](javascript:…)` a link and a leading `1.` a list. Every such character
//! is escaped with a backslash, which every CommonMark reader (and pandoc) shows as the
//! character itself:
//!
//! ```text
//! <script>alert(1)</script>    →  \<script\>alert(1)\</script\>
//! [klicka](javascript:alert(1)) →  \[klicka\](javascript:alert(1))
//! 2025. Året                    →  2025\. Året    (at the start of a block)
//! ```
//!
//! An underscore inside a word ("e_arkiv") and an ampersand that starts no entity ("Kultur &
//! fritid") are left as they are: neither means anything there.

/// A whole paragraph, heading or list item of text: [`inline`], and its start kept from
/// reading as a block marker ([`line_start`]).
pub fn text(text: &str) -> String {
    line_start(&inline(text))
}

/// Text within a line (a run of emphasis, a part of a sentence): every character with a
/// meaning escaped.
pub fn inline(text: &str) -> String {
    let characters: Vec<char> = text.chars().collect();
    let mut escaped = String::with_capacity(text.len() + 8);
    for (index, &character) in characters.iter().enumerate() {
        let before = index
            .checked_sub(1)
            .and_then(|previous| characters.get(previous));
        let after = characters.get(index + 1);
        let alphanumeric =
            |neighbour: Option<&char>| neighbour.is_some_and(|c| c.is_alphanumeric());
        let meaningful = match character {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '_' => !(alphanumeric(before) && alphanumeric(after)),
            '&' => starts_entity(&characters[index + 1..]),
            _ => false,
        };
        if meaningful {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

/// A table cell: the text escaped, on one line (a line break would end the row). A cell's
/// start is no block's start: "-114 196" stays as it is.
pub fn cell(text: &str) -> String {
    inline(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// "&amp;", "&#60;", "&lt;": a reader would show the character the entity names.
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// A line of Markdown whose start would make it a heading (`#`), a list item (`-`, `+`,
/// `2025.`, `3)`) or a setext underline (`=`), escaped there; the rest is left as it is.
pub fn line_start(text: &str) -> String {
    if text.starts_with(['#', '-', '+', '=']) {
        return format!("\\{text}");
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    match text[digits..].chars().next() {
        Some(marker @ ('.' | ')')) if digits > 0 => {
            format!("{}\\{marker}{}", &text[..digits], &text[digits + 1..])
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_links_are_escaped() {
        assert_eq!(
            text("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            text("[klicka](javascript:alert(1))"),
            "\\[klicka\\](javascript:alert(1))"
        );
        assert_eq!(text("<javascript:alert(1)>"), "\\<javascript:alert(1)\\>");
        assert_eq!(text("&lt;b&gt; & mer"), "\\&lt;b\\&gt; & mer");
    }

    #[test]
    fn emphasis_code_and_tables_are_escaped() {
        assert_eq!(
            text("*inte* `kod` a|b ~~x~~"),
            "\\*inte\\* \\`kod\\` a\\|b \\~\\~x\\~\\~"
        );
        assert_eq!(text("_kursiv_ e_arkiv"), "\\_kursiv\\_ e_arkiv");
        assert_eq!(text("c:\\temp"), "c:\\\\temp");
        assert_eq!(cell("två\nrader | här"), "två rader \\| här");
        assert_eq!(cell("-114 196"), "-114 196");
    }

    #[test]
    fn a_block_marker_at_the_start_is_escaped() {
        assert_eq!(text("# Rubrik"), "\\# Rubrik");
        assert_eq!(text("- punkt"), "\\- punkt");
        assert_eq!(text("-47 652 tkr"), "\\-47 652 tkr");
        assert_eq!(text("2025. Året"), "2025\\. Året");
        assert_eq!(text("3) tre"), "3\\) tre");
        assert_eq!(text("2025 års budget"), "2025 års budget");
        assert_eq!(text("Ökar med 2,0 mnkr."), "Ökar med 2,0 mnkr.");
    }
}
