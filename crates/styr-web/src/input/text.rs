//! Text as people type it: trimmed, and refused when it holds a character that is not there
//! to be read — a control character (other than tab and line breaks) or a bidi embedding,
//! override or isolate (U+202A–U+202E, U+2066–U+2069), which make a name show as something
//! else than it is ("risk\u{202E}gnp.exe" shows as "riskexe.png").

/// A text field: trimmed; tabs and line breaks are kept, each line break as "\n". A form
/// sends a textarea's line breaks as "\r\n" (HTML's form encoding), so without this a text
/// sent back unchanged would differ from the one stored and be saved again.
pub fn text(value: &str) -> Result<String, String> {
    match value.chars().find(|character| hidden(*character)) {
        Some(found) => Err(format!(
            "texten innehåller ett osynligt styrtecken (U+{:04X}); ta bort det och skriv texten igen",
            u32::from(found)
        )),
        None => Ok(value.trim().replace("\r\n", "\n")),
    }
}

/// A one-line text (a name, a code): like [`text`], and no line breaks or tabs.
pub fn line(value: &str) -> Result<String, String> {
    let read = text(value)?;
    if read.contains(['\n', '\r', '\t']) {
        return Err("skriv texten på en rad".into());
    }
    Ok(read)
}

fn hidden(character: char) -> bool {
    (character.is_control() && !matches!(character, '\n' | '\r' | '\t'))
        || matches!(character, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bidi_override_is_refused() {
        let refused = text("risk\u{202E}gnp.exe").expect_err("refused");
        assert!(refused.contains("U+202E"), "{refused}");
        assert!(text("a\u{2067}b").is_err());
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_kept() {
        assert!(text("a\u{0}b").is_err());
        assert!(text("a\u{1b}[31m").is_err());
        assert_eq!(text("  rad ett\nrad två "), Ok("rad ett\nrad två".into()));
        assert!(line("rad ett\nrad två").is_err());
        assert_eq!(line(" Välfärd "), Ok("Välfärd".into()));
    }

    #[test]
    fn a_forms_line_breaks_are_read_as_the_stored_ones() {
        assert_eq!(
            text("Detta förklaras av:\r\n\r\n- IT"),
            Ok("Detta förklaras av:\n\n- IT".into())
        );
    }
}
