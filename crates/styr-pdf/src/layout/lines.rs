//! Line breaking: spans of text broken into lines of runs, each run in one font, at most a
//! given width; a word wider than a line is broken between characters.

use styr_render::document::{Span, Style};

use super::Typesetter;
use crate::fonts::FontKind;

/// A run of text in one font, at its offset from the line's start.
pub(super) type Run = (FontKind, String, i64);

/// A typeset line: its runs and its width.
#[derive(Clone, Debug, Default)]
pub(super) struct Line {
    pub(super) runs: Vec<Run>,
    pub(super) width: i64,
}

/// A word: pieces in their fonts ("*Pulsmätningen*," is italic then a plain comma).
#[derive(Clone, Debug)]
struct Word {
    pieces: Vec<(FontKind, String)>,
    width: i64,
}

impl Typesetter<'_> {
    /// Breaks spans into lines no wider than `width`: each line runs of one font with their
    /// offset from the line's start. A word wider than a line is broken between characters.
    pub(super) fn lines(&self, spans: &[Span], base: FontKind, size: i64, width: i64) -> Vec<Line> {
        let words = self.words(spans, base, size, width);
        let mut lines = Vec::new();
        let mut line: Vec<Run> = Vec::new();
        let mut x = 0;
        for word in words {
            let space = line
                .last()
                .map_or(0, |(font, _, _)| self.fonts.width(*font, size, " "));
            if !line.is_empty() && x + space + word.width > width {
                lines.push(Line {
                    runs: std::mem::take(&mut line),
                    width: x,
                });
                x = 0;
            }
            if !line.is_empty() {
                if let Some(last) = line.last_mut() {
                    last.1.push(' ');
                }
                x += space;
            }
            for (font, piece) in word.pieces {
                match line.last_mut() {
                    Some(last) if last.0 == font && x > last.2 => last.1.push_str(&piece),
                    _ => line.push((font, piece.clone(), x)),
                }
                x += self.fonts.width(font, size, &piece);
            }
        }
        if !line.is_empty() {
            lines.push(Line {
                runs: line,
                width: x,
            });
        }
        lines
    }

    fn words(&self, spans: &[Span], base: FontKind, size: i64, width: i64) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut current: Option<Word> = None;
        for span in spans {
            let font = match (span.style, base) {
                (Style::Bold, _) => FontKind::Bold,
                (Style::Italic, _) => FontKind::Italic,
                (Style::Plain, base) => base,
            };
            for (index, part) in span.text.split(' ').enumerate() {
                if index > 0 {
                    words.extend(current.take());
                }
                if part.is_empty() {
                    continue;
                }
                let word = current.get_or_insert(Word {
                    pieces: Vec::new(),
                    width: 0,
                });
                word.pieces.push((font, part.to_string()));
                word.width += self.fonts.width(font, size, part);
            }
        }
        words.extend(current);
        words
            .into_iter()
            .flat_map(|word| self.split_long(word, size, width))
            .collect()
    }

    fn split_long(&self, word: Word, size: i64, width: i64) -> Vec<Word> {
        if word.width <= width {
            return vec![word];
        }
        let mut parts = Vec::new();
        let mut part = Word {
            pieces: Vec::new(),
            width: 0,
        };
        for (font, piece) in word.pieces {
            for character in piece.chars() {
                let advance = self.fonts.width(font, size, &character.to_string());
                if part.width + advance > width && part.width > 0 {
                    parts.push(std::mem::replace(
                        &mut part,
                        Word {
                            pieces: Vec::new(),
                            width: 0,
                        },
                    ));
                }
                match part.pieces.last_mut() {
                    Some((last, text)) if *last == font => text.push(character),
                    _ => part.pieces.push((font, character.to_string())),
                }
                part.width += advance;
            }
        }
        parts.push(part);
        parts
    }
}
