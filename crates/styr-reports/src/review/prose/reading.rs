//! Reading a paragraph of a budget document: its sentences, the words of a clause, the
//! amounts with a unit it writes ("8,1 mnkr", "omkring 90 mnkr") and the years it names
//! ("År 2025", "åren 2026–2028", "mellan 2023 och 2024").

use styr_domain::calendar::Year;
use styr_domain::money::{Stated, Unit};
use styr_domain::parse::parse_amount;

use crate::review::amounts::year_in;

/// One amount written in a clause, where it stands.
pub(super) struct Written {
    pub stated: Stated,
    /// The word position of the amount's first word.
    pub at: usize,
}

pub(super) fn words(clause: &str) -> Vec<String> {
    clause
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|character: char| {
                matches!(character, ',' | '.' | ';' | ':' | '(' | ')' | '”' | '"')
            })
            .to_string()
        })
        .collect()
}

/// Amounts with a unit ("8,1 mnkr", "233 tkr", "omkring 90 mnkr", "1 234 tkr") in a clause.
pub(super) fn amounts(clause: &str) -> Vec<Written> {
    let words = words(clause);
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let unit = match word.as_str() {
            "mnkr" => Unit::Mnkr,
            "tkr" => Unit::Tkr,
            _ => continue,
        };
        let mut start = index;
        while start > 0
            && words[start - 1]
                .chars()
                .all(|character| character.is_ascii_digit() || character == ',' || character == '-')
            && !words[start - 1].is_empty()
        {
            start -= 1;
            if words[start].contains(',') || words[start].len() != 3 {
                break;
            }
        }
        if start == index {
            continue;
        }
        let about = start > 0 && matches!(words[start - 1].as_str(), "omkring" | "cirka" | "ca");
        let text = format!(
            "{}{} {}",
            if about { "omkring " } else { "" },
            words[start..index].join(" "),
            unit.symbol()
        );
        if let Ok(stated) = parse_amount(&text, unit) {
            found.push(Written {
                stated,
                at: if about { start - 1 } else { start },
            });
        }
    }
    found
}

/// Years written as a range ("åren 2026–2028", "2025-2029") or a pair ("mellan 2023 och 2024").
pub(super) fn year_range(clause: &str) -> Option<(Year, Year)> {
    let lower = clause.to_lowercase();
    for separator in ['–', '-'] {
        for (position, _) in lower.match_indices(separator) {
            let before = year_in(&lower[position.saturating_sub(4)..position]);
            let after = year_in(
                lower
                    .get(position + separator.len_utf8()..position + separator.len_utf8() + 4)
                    .unwrap_or(""),
            );
            if let (Some(from), Some(to)) = (before, after)
                && from < to
            {
                return Some((from, to));
            }
        }
    }
    let between = lower.find("mellan ")?;
    let rest = &lower[between + 7..];
    let and = rest.find(" och ")?;
    Some((year_in(&rest[..and])?, year_in(&rest[and + 5..])?))
}

/// "År 2025", "år 2029", "för år 2024": the single year a clause speaks of.
pub(super) fn single_year(clause: &str) -> Option<Year> {
    let lower = clause.to_lowercase();
    let marker = "år ";
    let position = lower.find(marker)?;
    year_in(lower.get(position + marker.len()..position + marker.len() + 4)?)
}

/// The sentences of a paragraph: a full stop before a space and a capital ends one.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let characters: Vec<(usize, char)> = text.char_indices().collect();
    for (index, (position, character)) in characters.iter().enumerate() {
        let next_is_capital = characters
            .get(index + 2)
            .is_some_and(|(_, next)| next.is_uppercase());
        let followed_by_space = characters
            .get(index + 1)
            .is_some_and(|(_, next)| *next == ' ');
        if *character == '.' && followed_by_space && next_is_capital {
            sentences.push(text[start..=*position].trim());
            start = position + 1;
        }
    }
    sentences.push(text[start..].trim());
    sentences
        .into_iter()
        .filter(|sentence| !sentence.is_empty())
        .collect()
}
