//! Direction controls: the nine Unicode characters — U+202A–U+202E (embeddings, overrides and
//! their end) and U+2066–U+2069 (isolates) — that change the order in which text is *shown*
//! without changing what is stored. A cost centre stored as "Ekonomi\u{202e}rkt 09" is shown as
//! "Ekonomi90 tkr", and a person approving it reads something other than what the books say
//! (the "Trojan Source" attack, CVE-2021-42574). Names and texts in styr come from files and
//! end up on pages, in documents and in the audit log, so no reader keeps these characters:
//!
//! - the budget file, a budget template and a CSV export are written or edited by a person, who
//!   can remove the character: they are refused, with the line and column or the cell named;
//! - a SIE file comes from the accounting system and cannot be corrected by the person who
//!   imports it: the characters are removed, and a warning names the first place and how many
//!   texts had them — the text that remains is the text in its stored order;
//! - a document read for review is only quoted in findings, never stored: they are removed.
//!
//! The marks U+200E, U+200F and U+061C are kept: they affect only the characters next to them
//! and are what right-to-left names legitimately carry.

use std::borrow::Cow;

/// Whether `character` is one of the nine direction controls.
pub const fn is_control(character: char) -> bool {
    matches!(character, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The first direction control in `text`: its byte offset and the character.
pub fn find(text: &str) -> Option<(usize, char)> {
    // Every control is three bytes in UTF-8, starting E2: text without one is passed over fast.
    memchr::memchr(0xe2, text.as_bytes())?;
    text.char_indices()
        .find(|(_, character)| is_control(*character))
}

/// `text` without its direction controls.
pub fn remove(text: &str) -> Cow<'_, str> {
    if find(text).is_none() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(
            text.chars()
                .filter(|character| !is_control(*character))
                .collect(),
        )
    }
}

/// Why a direction control is refused where a person can remove it.
pub fn refusal(character: char) -> String {
    format!(
        "texten innehåller det osynliga styrtecknet U+{:04X} för skrivriktning, som kan visa texten i en annan ordning än den lagras; ta bort det",
        u32::from(character)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_isolates_are_found_and_removed_marks_are_kept() {
        assert_eq!(find("Ekonomi\u{202e}rkt 09"), Some((7, '\u{202e}')));
        assert_eq!(remove("a\u{2066}b\u{2069}c\u{202a}"), "abc");
        assert_eq!(remove("\u{200f}שלום"), "\u{200f}שלום");
        assert!(find("Förvaltning – “kultur”").is_none());
        assert!(refusal('\u{202e}').contains("U+202E"));
    }
}
