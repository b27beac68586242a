//! Word's list numbering (`word/numbering.xml`): one bullet list definition for every bulleted
//! list, and a numbered definition with a fresh instance per numbered list, so that each
//! numbered list counts from 1 again.

use std::fmt::Write;

/// Lists: one bullet definition, and a numbered one started afresh for every numbered list.
#[derive(Default)]
pub struct Numbering {
    numbered_lists: u32,
}

impl Numbering {
    pub const BULLETS: u32 = 1;

    /// A new list instance that counts from 1.
    pub fn new_numbered(&mut self) -> u32 {
        self.numbered_lists += 1;
        Self::BULLETS + self.numbered_lists
    }

    pub fn part(&self) -> String {
        let mut out = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        );
        for (id, format, text) in [(0, "bullet", "•"), (1, "decimal", "%1.")] {
            let _ = write!(
                out,
                r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="hybridMultilevel"/>"#
            );
            for level in 0..5 {
                let text = if format == "decimal" {
                    format!("%{}.", level + 1)
                } else {
                    text.to_string()
                };
                let _ = write!(
                    out,
                    r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="360"/></w:pPr></w:lvl>"#,
                    720 + 360 * level
                );
            }
            out.push_str("</w:abstractNum>");
        }
        let _ = write!(
            out,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="0"/></w:num>"#,
            Self::BULLETS
        );
        for list in 1..=self.numbered_lists {
            let _ = write!(
                out,
                r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
                Self::BULLETS + list
            );
        }
        out.push_str("</w:numbering>");
        out
    }
}
