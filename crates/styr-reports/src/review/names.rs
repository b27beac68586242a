//! Names spelled two ways: a name in a table (a project, a place) that prose elsewhere writes
//! with a near-miss spelling ("Bälinge företagspark" and "Bälunge företagspark"). Swedish
//! inflection is not a misspelling: "Tjänstekatalog" and "tjänstekatalogen" are one name.

use styr_domain::source_document::{Block, Document};

use super::amounts::AmountTable;
use crate::finding::{Finding, FindingKind, Severity, Shown};

/// Lower case, one space between words, without trailing punctuation.
pub fn normalised(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            word.trim_matches(|character: char| {
                !character.is_alphanumeric() && character != '-' && character != '/'
            })
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Swedish endings of number, definiteness and case, longest first.
const ENDINGS: [&str; 14] = [
    "erna", "arna", "orna", "ens", "ets", "en", "et", "er", "ar", "or", "na", "ns", "n", "s",
];

/// A word without its inflectional ending: "fastigheten" and "fastigheter" → "fastighet".
fn stem(word: &str) -> &str {
    ENDINGS
        .iter()
        .find_map(|ending| {
            word.strip_suffix(ending)
                .filter(|stem| stem.chars().count() >= 4)
        })
        .unwrap_or(word)
}

/// Whether two words are one word, inflected.
fn inflected(first: &str, second: &str) -> bool {
    stem(first) == stem(second) || stem(first) == second || first == stem(second)
}

/// Edit distance in characters, for short names.
fn distance(first: &str, second: &str) -> usize {
    let first: Vec<char> = first.chars().collect();
    let second: Vec<char> = second.chars().collect();
    let mut previous: Vec<usize> = (0..=second.len()).collect();
    for (row, left) in first.iter().enumerate() {
        let mut current = vec![row + 1];
        for (column, right) in second.iter().enumerate() {
            let substitution = previous[column] + usize::from(left != right);
            current.push(
                substitution
                    .min(previous[column + 1] + 1)
                    .min(current[column] + 1),
            );
        }
        previous = current;
    }
    previous[second.len()]
}

/// The same name written two ways: one contains the other as a whole word sequence
/// ("Energibrist" in "Energibrist/effektbrist"), or a one- or two-letter slip in a long name.
pub fn same_name(first: &str, second: &str) -> bool {
    let (first, second) = (normalised(first), normalised(second));
    if first == second {
        return true;
    }
    let first_words: Vec<&str> = first.split([' ', '/']).collect();
    let second_words: Vec<&str> = second.split([' ', '/']).collect();
    let contains = |outer: &[&str], inner: &[&str]| {
        inner.len() < outer.len() && outer.windows(inner.len()).any(|window| window == inner)
    };
    contains(&first_words, &second_words)
        || contains(&second_words, &first_words)
        || near_miss(&first, &second)
}

/// A misspelling rather than another word: as many words, each the same or inflected but for
/// one word that differs by one or two letters, in a name long enough to tell.
fn near_miss(first: &str, second: &str) -> bool {
    let first_words: Vec<&str> = first.split(' ').collect();
    let second_words: Vec<&str> = second.split(' ').collect();
    if first_words.len() != second_words.len() || first.chars().count() < 8 {
        return false;
    }
    let mut slips = 0;
    for (left, right) in first_words.iter().zip(&second_words) {
        if left == right || inflected(left, right) {
            continue;
        }
        let letters = distance(left, right);
        if letters == 0
            || letters > 2
            || left.chars().count() < 6
            || left.chars().next() != right.chars().next()
        {
            return false;
        }
        slips += 1;
    }
    slips == 1
}

pub fn check(document: &Document, tables: &[AmountTable<'_>], findings: &mut Vec<Finding>) {
    // Names worth comparing: the plain (not bold) rows of amount tables that are proper names,
    // several words or one long capitalised word; each once, with its words normalised once.
    let mut names: Vec<(&str, Vec<String>)> = Vec::new();
    for table in tables {
        for row in table.rows.iter().filter(|row| !row.bold) {
            let label = row.label.as_str();
            let proper = label.chars().next().is_some_and(char::is_uppercase)
                && (label.contains(' ') || label.chars().count() >= 8);
            if proper && names.iter().all(|(known, _)| *known != label) {
                names.push((
                    label,
                    normalised(label).split(' ').map(String::from).collect(),
                ));
            }
        }
    }
    let mut reported: Vec<String> = Vec::new();
    for (section, block) in document.with_sections() {
        let Block::Paragraph { text, line } = block else {
            continue;
        };
        let raw: Vec<&str> = text.split_whitespace().collect();
        let words: Vec<String> = raw.iter().map(|word| normalised(word)).collect();
        for (name, name_words) in &names {
            let Some(first_letter) = name_words.first().and_then(|word| word.chars().next()) else {
                continue;
            };
            for start in 0..words.len().saturating_sub(name_words.len() - 1) {
                let window = &words[start..start + name_words.len()];
                // Cheap tests first: a misspelling keeps the first letter and is not the name itself.
                if !window[0].starts_with(first_letter) || window == name_words.as_slice() {
                    continue;
                }
                let candidate = window.join(" ");
                if !near_miss(&name_words.join(" "), &candidate) {
                    continue;
                }
                let key = format!("{}|{candidate}", name_words.join(" "));
                if reported.contains(&key) {
                    continue;
                }
                reported.push(key);
                let written = raw[start..start + name_words.len()].join(" ");
                let written = written
                    .trim_matches(|character: char| !character.is_alphanumeric())
                    .to_string();
                findings.push(Finding {
                    severity: Severity::Warning,
                    kind: FindingKind::Name,
                    section: section.to_string(),
                    place: format!("”{written}” (rad {line})"),
                    stated: Shown::text(written),
                    computed: Shown::text(name.to_string()),
                    note: "Namnet stavas på ett annat sätt i en tabell.".into(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_of_one_letter_in_a_long_name_is_a_near_miss() {
        assert!(near_miss("bälinge företagspark", "bälunge företagspark"));
        assert!(!near_miss("stadsskogen", "stadsskogen"));
    }

    #[test]
    fn inflection_is_not_a_misspelling() {
        assert!(!near_miss("tjänstekatalog", "tjänstekatalogen"));
        assert!(inflected("tjänstekatalog", "tjänstekatalogen"));
        assert!(!near_miss("fastigheter", "fastigheten"));
    }

    #[test]
    fn a_shortened_name_is_the_same_name() {
        assert!(same_name("Energibrist/effektbrist", "Energibrist"));
        assert!(!same_name("Energibrist", "Cyberhot"));
    }

    #[test]
    fn edit_distance_counts_letters() {
        assert_eq!(distance("bälinge", "bälunge"), 1);
        assert_eq!(distance("kommun", "kommunen"), 2);
    }
}
