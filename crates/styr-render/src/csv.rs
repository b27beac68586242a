//! The one CSV writer of styr: the open-data package, the follow-up and the audit log all write
//! through it. A spreadsheet opening a CSV file runs a cell that starts with `=`, `+`, `-` or
//! `@` as a formula — `=HYPERLINK("http://…";"Klicka")` from an object name in someone's SIE
//! file, or `-2+3` —, and a leading TAB or CR hides such a start. So every *text* cell is
//! defused: it gets an apostrophe in front (the spreadsheet's own mark for "this is text") when
//! it would start a formula, and control characters other than TAB and line breaks are dropped.
//! *Numbers* are written as numbers, and a text that is only a number ("-47 652 000,00 kr")
//! is left as it is: a negative amount is no formula.
//!
//! ```text
//! Field::text("=HYPERLINK(\"x\")")  →  "'=HYPERLINK(""x"")"
//! Field::kronor(-1 234,50 kr)       →  -1234.50
//! ```

use styr_domain::money::Amount;

/// How a file separates its fields and ends its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    pub separator: char,
    pub line_end: &'static str,
}

impl Dialect {
    /// RFC 4180, as machines (and the open-data package) read CSV.
    pub const COMMA: Dialect = Dialect {
        separator: ',',
        line_end: "\r\n",
    };
    /// Semicolons, as a Swedish Excel opens CSV; lines end as in RFC 4180.
    pub const SEMICOLON: Dialect = Dialect {
        separator: ';',
        line_end: "\r\n",
    };
}

/// A cell: text (defused) or a number (as it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field(Kind);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Text(String),
    Number(String),
}

impl Field {
    pub fn text(text: impl Into<String>) -> Field {
        Field(Kind::Text(text.into()))
    }

    pub fn integer(value: impl Into<i128>) -> Field {
        Field(Kind::Number(value.into().to_string()))
    }

    pub fn boolean(value: bool) -> Field {
        Field(Kind::Number(value.to_string()))
    }

    /// Kronor with two decimals and a decimal point, as machines read them: "-47652000.00".
    pub fn kronor(amount: Amount) -> Field {
        Field(Kind::Number(kronor(amount, '.')))
    }

    /// Kronor with a decimal comma and no grouping, as a Swedish spreadsheet reads them:
    /// "-1234,50".
    pub fn kronor_with_comma(amount: Amount) -> Field {
        Field(Kind::Number(kronor(amount, ',')))
    }
}

fn kronor(amount: Amount, decimal: char) -> String {
    styr_domain::format::kronor_figure(amount, decimal)
}

/// A CSV file being written: the header, then row by row.
pub struct Csv {
    dialect: Dialect,
    text: String,
}

impl Csv {
    pub fn new(dialect: Dialect, header: &[&str]) -> Csv {
        let mut csv = Csv {
            dialect,
            text: String::new(),
        };
        csv.row(header.iter().map(|name| Field::text(*name)));
        csv
    }

    pub fn row(&mut self, fields: impl IntoIterator<Item = Field>) {
        let separator = self.dialect.separator;
        for (index, field) in fields.into_iter().enumerate() {
            if index > 0 {
                self.text.push(separator);
            }
            match field.0 {
                Kind::Number(number) => self.text.push_str(&number),
                Kind::Text(text) => self.text.push_str(&text_cell(&text, separator)),
            }
        }
        self.text.push_str(self.dialect.line_end);
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// A text cell: control characters dropped, a formula start defused, quoted when it holds the
/// separator, a quote or a line break.
fn text_cell(text: &str, separator: char) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let defused = if starts_formula(&kept) {
        format!("'{kept}")
    } else {
        kept
    };
    if defused.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// A leading TAB or CR, or `=`, `+`, `-`, `@` first after any blanks — unless the text is
/// just a number.
fn starts_formula(text: &str) -> bool {
    if text.starts_with(['\t', '\r']) {
        return true;
    }
    text.trim_start().starts_with([
        '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ]) && !is_number(text)
}

/// "-47 652", "-1234,50", "+2,5 %", "-47 652 000,00 kr": a sign, digits with spaces, one
/// decimal mark and at most a unit — nothing a spreadsheet could run.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let body = [" mnkr", " tkr", " kr", " %", "%"]
        .iter()
        .find_map(|unit| unsigned.strip_suffix(unit))
        .unwrap_or(unsigned);
    let marks = body.chars().filter(|c| matches!(c, ',' | '.')).count();
    body.starts_with(|c: char| c.is_ascii_digit())
        && marks <= 1
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        text_cell(text, ';')
    }

    #[test]
    fn every_dangerous_start_is_defused() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1+1"), "'+1+1");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\t=1"), "'\t=1");
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
        assert_eq!(cell("  =1"), "'  =1");
        assert_eq!(cell("\u{ff1d}1+1"), "'\u{ff1d}1+1");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(cell("a\u{0}b\u{7}c\u{1b}[31m\u{7f}\u{85}"), "abc[31m");
        assert_eq!(
            cell("\u{0}=1"),
            "'=1",
            "a dropped character hides no formula"
        );
        assert_eq!(cell("två\nrader"), "\"två\nrader\"");
    }

    #[test]
    fn numbers_and_plain_text_stay_as_they_are() {
        assert_eq!(cell("-47 652 000,00 kr"), "-47 652 000,00 kr");
        assert_eq!(cell("-1234,50"), "-1234,50");
        assert_eq!(cell("Kommunstyrelsen"), "Kommunstyrelsen");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("säger \"hej\""), "\"säger \"\"hej\"\"\"");
        assert_eq!(cell("-1,2,3"), "'-1,2,3", "two decimal marks are no number");
    }

    #[test]
    fn a_file_has_its_header_rows_and_numbers_unquoted() {
        let mut csv = Csv::new(Dialect::COMMA, &["rad", "belopp", "summa"]);
        csv.row([
            Field::text("Ekonomiska ramar, kommunstyrelsen"),
            Field::kronor(Amount::from_ore(-4_765_200_012)),
            Field::boolean(true),
        ]);
        csv.row([
            Field::text("=1+1"),
            Field::kronor(Amount::from_ore(-5)),
            Field::integer(2025),
        ]);
        assert_eq!(
            csv.finish(),
            "rad,belopp,summa\r\n\"Ekonomiska ramar, kommunstyrelsen\",-47652000.12,true\r\n'=1+1,-0.05,2025\r\n"
        );
        assert_eq!(kronor(Amount::from_ore(100), '.'), "1.00");
        assert_eq!(
            kronor(Amount::from_ore(-123_450), ','),
            "-1234,50",
            "the Swedish spreadsheet's form"
        );
    }
}
