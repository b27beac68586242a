//! Writing SVG: the document around a drawing, text escaped as XML, and text wrapped to a
//! width by an estimate of its glyphs (Liberation Sans averages a little over half an em).

use std::fmt::Write;

use super::Drawing;
use crate::html::escape;

pub struct Svg {
    body: String,
    width: u32,
    font: &'static str,
}

impl Svg {
    pub fn new(width: u32, font: &'static str) -> Svg {
        Svg {
            body: String::new(),
            width,
            font,
        }
    }

    pub fn rect(&mut self, x: u32, y: u32, width: u32, height: u32, fill: &str, stroke: &str) {
        let _ = write!(
            self.body,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"{}\" stroke=\"{}\"/>",
            escape(fill),
            escape(stroke)
        );
    }

    pub fn line(&mut self, from: (u32, u32), to: (u32, u32), stroke: &str) {
        let _ = write!(
            self.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
            from.0,
            from.1,
            to.0,
            to.1,
            escape(stroke)
        );
    }

    /// Text with its baseline at `y`; `anchor` start, middle or end; bold when `bold`.
    pub fn text(&mut self, at: (u32, u32), size: u32, anchor: &str, text: &Text) {
        let weight = if text.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let transform = if text.vertical {
            format!(" transform=\"rotate(-90 {} {})\"", at.0, at.1)
        } else {
            String::new()
        };
        let _ = write!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"{}\"{weight}{transform}>{}</text>",
            at.0,
            at.1,
            escape(&text.colour),
            escape(&text.text)
        );
    }

    pub fn finish(self, height: u32) -> Drawing {
        let width = self.width;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}\" aria-hidden=\"true\">{}</svg>",
            self.font, self.body
        );
        Drawing { svg, width, height }
    }
}

pub struct Text {
    pub text: String,
    pub colour: String,
    pub bold: bool,
    pub vertical: bool,
}

impl Text {
    pub fn new(text: impl Into<String>, colour: &str) -> Text {
        Text {
            text: text.into(),
            colour: colour.to_string(),
            bold: false,
            vertical: false,
        }
    }

    pub fn bold(mut self) -> Text {
        self.bold = true;
        self
    }

    pub fn vertical(mut self) -> Text {
        self.vertical = true;
        self
    }
}

/// The text's lines when set at `size` pixels within `width` pixels, broken between words; a
/// word longer than the width stands on a line of its own.
pub fn wrap(text: &str, size: u32, width: u32) -> Vec<String> {
    // Eleven twentieths of an em per character: a little wider than the font's average, so
    // that an estimated line is hardly ever longer than the real one.
    let per_line = usize::try_from((width * 20) / (size * 11).max(1))
        .unwrap_or(1)
        .max(1);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_wrapped_between_words() {
        let mut svg = Svg::new(100, "Liberation Sans");
        svg.text((0, 10), 10, "start", &Text::new("<b>&", "#000"));
        let drawing = svg.finish(20);
        assert!(drawing.svg.contains(">&lt;b&gt;&amp;</text>"));
        assert_eq!(
            wrap("Hot och otillbörlig påverkan", 10, 100),
            ["Hot och", "otillbörlig", "påverkan"]
        );
        assert_eq!(wrap("", 10, 100), Vec::<String>::new());
    }
}
