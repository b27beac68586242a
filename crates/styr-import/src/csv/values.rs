//! One CSV line split into fields (quoted with `"`, a quote inside doubled), and the fields
//! read into values: an amount in öre with the profile's decimal sign and spaces between
//! thousands, a date ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD that the calendar has.

use styr_domain::calendar::Date;

/// Splits one CSV line into fields (quotes with "" inside), returning each field's start.
pub(crate) fn split_line(line: &str, delimiter: char) -> Result<Vec<(usize, String)>, usize> {
    let mut fields = Vec::new();
    let mut characters = line.char_indices().peekable();
    loop {
        let start = characters.peek().map_or(line.len(), |(index, _)| *index);
        let mut value = String::new();
        if let Some((_, '"')) = characters.peek() {
            characters.next();
            loop {
                match characters.next() {
                    Some((_, '"')) if matches!(characters.peek(), Some((_, '"'))) => {
                        characters.next();
                        value.push('"');
                    }
                    Some((_, '"')) => break,
                    Some((_, character)) => value.push(character),
                    None => return Err(start),
                }
            }
            while let Some((_, character)) = characters.peek() {
                if *character == delimiter {
                    break;
                }
                characters.next();
            }
        } else {
            while let Some((_, character)) = characters.peek() {
                if *character == delimiter {
                    break;
                }
                value.push(*character);
                characters.next();
            }
        }
        fields.push((start, value.trim().to_string()));
        if characters.next().is_none() {
            return Ok(fields);
        }
    }
}

pub(super) fn parse_amount(text: &str, decimal: char) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|character| !matches!(character, ' ' | '\u{a0}'))
        .map(|character| if character == decimal { '.' } else { character })
        .collect();
    let (negative, digits) = match cleaned
        .strip_prefix('-')
        .or_else(|| cleaned.strip_prefix('−'))
    {
        Some(rest) => (true, rest.to_string()),
        None => (false, cleaned.clone()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.bytes().all(|byte| byte.is_ascii_digit())
        || !fraction.bytes().all(|byte| byte.is_ascii_digit())
        || fraction.len() > 2
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let ore = whole.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -ore } else { ore })
}

pub(super) fn parse_date(text: &str) -> Option<Date> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let shaped = text.len() == 8 && digits.len() == 8
        || text.len() == 10
            && digits.len() == 8
            && text.as_bytes()[4] == b'-'
            && text.as_bytes()[7] == b'-';
    if !shaped {
        return None;
    }
    Date::new(
        digits[..4].parse().ok()?,
        digits[4..6].parse().ok()?,
        digits[6..].parse().ok()?,
    )
    .ok()
}
