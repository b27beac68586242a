//! Splitting a SIE line into fields, and reading the values in them.
//!
//! Fields are separated by spaces or tabs. A field with spaces is quoted ("…", with \" for a
//! quote inside); an object list is braced ({1 "Nord" 6 "0001"}). Everything works on the raw
//! bytes: the delimiters are ASCII in every encoding SIE files come in.

use styr_domain::calendar::Date;
use styr_domain::followup::Month;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldKind {
    Bare,
    /// `escaped` says whether the content holds a \" to undo.
    Quoted {
        escaped: bool,
    },
    List,
}

/// One field: where its content lies in the line (without quotes or braces).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    pub start: usize,
    pub end: usize,
    pub kind: FieldKind,
}

impl Field {
    pub fn bytes<'a>(&self, line: &'a [u8]) -> &'a [u8] {
        &line[self.start..self.end]
    }
}

/// A line that cannot be split: where (byte offset), how wide, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub at: usize,
    pub width: usize,
    pub message: &'static str,
}

fn is_blank(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// Splits `line` into `fields` (cleared first), the label included.
pub(crate) fn split(line: &[u8], fields: &mut Vec<Field>) -> Result<(), SyntaxError> {
    fields.clear();
    let mut position = 0;
    while position < line.len() {
        let byte = line[position];
        if is_blank(byte) {
            position += 1;
            continue;
        }
        match byte {
            b'"' => {
                let (end, escaped) = closing_quote(line, position)?;
                fields.push(Field {
                    start: position + 1,
                    end,
                    kind: FieldKind::Quoted { escaped },
                });
                position = end + 1;
            }
            b'{' => {
                let end = closing_brace(line, position)?;
                fields.push(Field {
                    start: position + 1,
                    end,
                    kind: FieldKind::List,
                });
                position = end + 1;
            }
            _ => {
                let end = line[position..]
                    .iter()
                    .position(|&byte| is_blank(byte))
                    .map_or(line.len(), |length| position + length);
                fields.push(Field {
                    start: position,
                    end,
                    kind: FieldKind::Bare,
                });
                position = end;
            }
        }
    }
    Ok(())
}

/// The index of the quote that closes the one at `open`, and whether a \" came before it.
fn closing_quote(line: &[u8], open: usize) -> Result<(usize, bool), SyntaxError> {
    let mut escaped = false;
    let mut position = open + 1;
    while position < line.len() {
        match line[position] {
            b'\\' if line.get(position + 1) == Some(&b'"') => {
                escaped = true;
                position += 2;
            }
            b'"' => return Ok((position, escaped)),
            _ => position += 1,
        }
    }
    Err(SyntaxError {
        at: open,
        width: line.len() - open,
        message: "citattecknet avslutas aldrig: fältet saknar sitt avslutande \"",
    })
}

fn closing_brace(line: &[u8], open: usize) -> Result<usize, SyntaxError> {
    let mut position = open + 1;
    while position < line.len() {
        match line[position] {
            b'"' => position = closing_quote(line, position)?.0 + 1,
            b'}' => return Ok(position),
            b'{' => {
                return Err(SyntaxError {
                    at: position,
                    width: 1,
                    message: "en objektlista kan inte innehålla en ny {",
                });
            }
            _ => position += 1,
        }
    }
    Err(SyntaxError {
        at: open,
        width: line.len() - open,
        message: "objektlistan avslutas aldrig: { saknar sin }",
    })
}

/// The content of a field with \" undone, as bytes in the file's encoding.
pub(crate) fn unescaped<'a>(line: &'a [u8], field: &Field) -> std::borrow::Cow<'a, [u8]> {
    let bytes = field.bytes(line);
    match field.kind {
        FieldKind::Quoted { escaped: true } => {
            let mut out = Vec::with_capacity(bytes.len());
            let mut position = 0;
            while position < bytes.len() {
                if bytes[position] == b'\\' && bytes.get(position + 1) == Some(&b'"') {
                    position += 1;
                }
                out.push(bytes[position]);
                position += 1;
            }
            std::borrow::Cow::Owned(out)
        }
        _ => std::borrow::Cow::Borrowed(bytes),
    }
}

/// An amount in öre: an optional sign, digits, and at most two decimals after a dot (more
/// decimals are accepted when they are zeros, as some exporters pad them).
pub(crate) fn amount(bytes: &[u8]) -> Option<i64> {
    let (negative, digits) = match bytes.first()? {
        b'-' => (true, &bytes[1..]),
        b'+' => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let (whole, fraction) = match digits.iter().position(|&byte| byte == b'.') {
        Some(dot) => (&digits[..dot], &digits[dot + 1..]),
        None => (digits, &digits[digits.len()..]),
    };
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut ore: i64 = 0;
    for &byte in whole {
        if !byte.is_ascii_digit() {
            return None;
        }
        ore = ore.checked_mul(10)?.checked_add(i64::from(byte - b'0'))?;
    }
    let mut cents = 0;
    for (index, &byte) in fraction.iter().enumerate() {
        if !byte.is_ascii_digit() || (index >= 2 && byte != b'0') {
            return None;
        }
        if index < 2 {
            cents += i64::from(byte - b'0') * if index == 0 { 10 } else { 1 };
        }
    }
    let ore = ore.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -ore } else { ore })
}

/// A decimal number such as a quantity: only checked, its value is not used.
pub(crate) fn is_decimal(bytes: &[u8]) -> bool {
    let digits = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let mut dots = 0;
    !digits.is_empty()
        && digits.iter().all(|&byte| {
            if byte == b'.' {
                dots += 1;
                dots == 1
            } else {
                byte.is_ascii_digit()
            }
        })
        && digits.iter().any(u8::is_ascii_digit)
}

fn number(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0, |value, &byte| value * 10 + u32::from(byte - b'0')),
    )
}

/// A date YYYYMMDD.
pub(crate) fn date(bytes: &[u8]) -> Option<Date> {
    if bytes.len() != 8 {
        return None;
    }
    let value = number(bytes)?;
    let month = u8::try_from(value / 100 % 100).ok()?;
    let day = u8::try_from(value % 100).ok()?;
    Date::new(i64::from(value / 10_000), month, day).ok()
}

/// A period YYYYMM of a year the calendar holds, as the number itself (201101).
pub(crate) fn period(bytes: &[u8]) -> Option<u32> {
    if bytes.len() != 6 {
        return None;
    }
    let value = number(bytes)?;
    Month::from_period(value).map(|_| value)
}

/// An account number: digits only.
pub(crate) fn account(bytes: &[u8]) -> Option<u32> {
    number(bytes)
}

/// A year index of #RAR, #IB …: 0 for the current year, -1 for the one before.
pub(crate) fn year_index(bytes: &[u8]) -> Option<i32> {
    let (negative, digits) = match bytes.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let value = i32::try_from(number(digits).filter(|value| *value < 100)?).ok()?;
    Some(if negative { -value } else { value })
}

/// A dimension number of an object list or #DIM: digits, possibly quoted.
pub(crate) fn dimension(bytes: &[u8]) -> Option<u32> {
    number(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(String, FieldKind)> {
        let mut fields = Vec::new();
        split(line.as_bytes(), &mut fields).expect("splits");
        fields
            .iter()
            .map(|field| {
                let bytes = unescaped(line.as_bytes(), field);
                (String::from_utf8_lossy(&bytes).into_owned(), field.kind)
            })
            .collect()
    }

    #[test]
    fn fields_split_on_spaces_and_tabs_with_quotes_and_lists() {
        let fields = texts("#TRANS\t7290 {\"1\" \"Syd\"}  5674.16 20110331 \"Sa \\\"x\\\"\"");
        let contents: Vec<&str> = fields.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(
            contents,
            [
                "#TRANS",
                "7290",
                "\"1\" \"Syd\"",
                "5674.16",
                "20110331",
                "Sa \"x\""
            ]
        );
        assert_eq!(fields[2].1, FieldKind::List);
        assert_eq!(fields[5].1, FieldKind::Quoted { escaped: true });
    }

    #[test]
    fn an_unclosed_quote_or_list_is_an_error_where_it_opens() {
        let mut fields = Vec::new();
        let error = split(b"#KONTO 1910 \"Kassa", &mut fields).expect_err("unclosed");
        assert_eq!(error.at, 12);
        let error = split(b"#TRANS 1910 {1 \"x\" 12.00", &mut fields).expect_err("unclosed");
        assert_eq!(error.at, 12);
    }

    #[test]
    fn amounts_are_read_to_ore_exactly() {
        assert_eq!(amount(b"-134536.50"), Some(-13_453_650));
        assert_eq!(amount(b"72.1"), Some(7_210));
        assert_eq!(amount(b"100"), Some(10_000));
        assert_eq!(amount(b"0.500"), Some(50));
        assert_eq!(amount(b".5"), Some(50));
        assert_eq!(amount(b"0.505"), None);
        assert_eq!(amount(b"12,50"), None);
        assert_eq!(amount(b"-"), None);
        assert_eq!(amount(b"99999999999999999999"), None);
    }

    #[test]
    fn dates_and_periods_are_checked_against_the_calendar() {
        assert!(date(b"20240229").is_some());
        assert!(date(b"20230229").is_none());
        assert!(date(b"2023-01-01").is_none());
        assert_eq!(period(b"201112"), Some(201_112));
        assert_eq!(period(b"201113"), None);
        assert_eq!(year_index(b"-1"), Some(-1));
    }
}
