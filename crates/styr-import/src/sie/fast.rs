//! The common case of the most common line, read without splitting it into fields first: a
//! plain `#TRANS` row (no escaped quotes, at most four objects, every value well formed). The
//! reader tries this first inside a voucher; anything unusual — and every error — goes the
//! general way, which reads it the same and reports what is wrong. A test holds the two to the
//! same result.

use styr_domain::calendar::Date;

use super::fields;

/// How many objects the quick way takes; a row with more goes the general way.
const OBJECTS: usize = 4;

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct QuickRow<'a> {
    pub account: u32,
    pub objects: [(u32, &'a [u8]); OBJECTS],
    pub object_count: usize,
    pub amount: i64,
    pub date: Option<Date>,
    /// The row's text as the file has it (no escapes in it), possibly empty.
    pub text: &'a [u8],
}

fn is_blank(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// What [`token`] finds.
enum Next<'a> {
    /// A token and what follows it.
    Token(&'a [u8], &'a [u8]),
    /// Nothing but blanks.
    End,
    /// Something the general reader should see.
    Unusual,
}

/// Splits off the next token: bare (up to a blank) or quoted (without `\`).
fn token(input: &[u8]) -> Next<'_> {
    let Some(start) = input.iter().position(|&byte| !is_blank(byte)) else {
        return Next::End;
    };
    let input = &input[start..];
    if input[0] == b'"' {
        let Some(end) = memchr::memchr2(b'"', b'\\', &input[1..]) else {
            return Next::Unusual;
        };
        let rest = &input[end + 2..];
        if input[1 + end] == b'\\' || rest.first().is_some_and(|byte| !is_blank(*byte)) {
            return Next::Unusual;
        }
        return Next::Token(&input[1..end + 1], rest);
    }
    if input[0] == b'{' || input[0] == b'}' {
        return Next::Unusual;
    }
    let end = input
        .iter()
        .position(|&byte| is_blank(byte))
        .unwrap_or(input.len());
    let token = &input[..end];
    if token.contains(&b'"') {
        return Next::Unusual;
    }
    Next::Token(token, &input[end..])
}

/// The next token, or `None` (go the general way) when there is none or it is unusual.
fn required(input: &[u8]) -> Option<(&[u8], &[u8])> {
    match token(input) {
        Next::Token(token, rest) => Some((token, rest)),
        Next::End | Next::Unusual => None,
    }
}

pub(crate) fn quick_transaction(line: &[u8]) -> Option<QuickRow<'_>> {
    let start = line.iter().position(|&byte| !is_blank(byte))?;
    let rest = line[start..].strip_prefix(b"#TRANS")?;
    if !rest.first().is_some_and(|byte| is_blank(*byte)) {
        return None;
    }
    let (account, rest) = required(rest)?;
    let account = fields::account(account)?;
    let open = rest.iter().position(|&byte| !is_blank(byte))?;
    if rest[open] != b'{' {
        return None;
    }
    let close = open + 1 + memchr::memchr(b'}', &rest[open + 1..])?;
    let mut list = &rest[open + 1..close];
    if list.contains(&b'{') || list.contains(&b'\\') {
        return None;
    }
    let mut row = QuickRow {
        account,
        objects: [(0, &[]); OBJECTS],
        object_count: 0,
        amount: 0,
        date: None,
        text: &[],
    };
    loop {
        let (dimension, after) = match token(list) {
            Next::End => break,
            Next::Unusual => return None,
            Next::Token(dimension, after) => (dimension, after),
        };
        let (object, after) = required(after)?;
        if row.object_count == OBJECTS {
            return None;
        }
        row.objects[row.object_count] = (fields::dimension(dimension)?, object);
        row.object_count += 1;
        list = after;
    }
    let rest = &rest[close + 1..];
    if rest.first().is_some_and(|byte| !is_blank(*byte)) {
        return None;
    }
    let (amount, rest) = required(rest)?;
    row.amount = fields::amount(amount)?;
    let (date, rest) = match token(rest) {
        Next::End => return Some(row),
        Next::Unusual => return None,
        Next::Token(date, rest) => (date, rest),
    };
    if !date.is_empty() {
        row.date = Some(fields::date(date)?);
    }
    let (text, rest) = match token(rest) {
        Next::End => return Some(row),
        Next::Unusual => return None,
        Next::Token(text, rest) => (text, rest),
    };
    row.text = text;
    let mut rest = match token(rest) {
        Next::End => return Some(row),
        Next::Unusual => return None,
        Next::Token(quantity, rest) if quantity.is_empty() || fields::is_decimal(quantity) => rest,
        Next::Token(..) => return None,
    };
    // The fields after the quantity (the signature, and any a later standard adds) are not
    // used, but the line must still split as the general reader splits it.
    loop {
        match token(rest) {
            Next::End => return Some(row),
            Next::Unusual => return None,
            Next::Token(_, after) => rest = after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rows_are_read_and_unusual_ones_left_to_the_general_reader() {
        let row = quick_transaction(
            b"\t#TRANS  7290 {\"1\" \"Syd\"} 5674.16 20110331 \"Grossisten HB\" 2",
        )
        .expect("a plain row");
        assert_eq!(row.account, 7290);
        assert_eq!(row.objects[0], (1, &b"Syd"[..]));
        assert_eq!(row.amount, 567_416);
        assert_eq!(row.text, b"Grossisten HB");
        assert!(quick_transaction(b"#TRANS 1930 {} -100.00").is_some());
        for unusual in [
            &b"#TRANS 1930 {} 100,00"[..],
            b"#TRANS 1930 100.00",
            b"#TRANS 19A0 {} 1.00",
            b"#TRANS 1930 {1 \"a\\\"b\"} 1.00",
            b"#TRANS 1930 {} 1.00 20250230",
            b"#TRANS 1930 {} 1.00 20250101 \"x\" y",
            b"#TRANSX 1930 {} 1.00",
            b"#TRANS 1930 {1} 1.00",
            b"#TRANS 1930 {} 1.00 \"unclosed",
            b"#TRANS 1930 {} 1.00 20250101 \"rad\" 1 \".5",
        ] {
            assert!(
                quick_transaction(unusual).is_none(),
                "{}",
                String::from_utf8_lossy(unusual)
            );
        }
    }
}
