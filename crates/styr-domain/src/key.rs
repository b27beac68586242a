//! Keys: the ids that name a budget's records — a risk (`energibrist-effektbrist`), a control
//! activity, a goal, a unit (`ks`). A key becomes part of a web address
//! (`/budget/1/risker/energibrist-effektbrist/ta-bort`) and of the audit log's entity
//! (`risk/energibrist-effektbrist`), so it is kept to a safe alphabet: ASCII letters, digits,
//! `-` and `_`, 1–[`MAX_LEN`] characters. A key like `zz/../other-risk` would make an address
//! that a browser resolves to *another* record; it is refused here, for every new record,
//! whoever builds the change.

use thiserror::Error;

/// The longest key: room for a slug of a long risk's name.
pub const MAX_LEN: usize = 128;

/// Why a text cannot be a key; the message is a sentence for the person who typed it.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("id:t får inte vara tomt")]
    Empty,
    #[error("id:t får vara högst {MAX_LEN} tecken")]
    TooLong,
    #[error("id:t ”{shown}” får bara innehålla bokstäverna a–z, siffror, - och _")]
    Character { shown: String },
}

/// Whether `key` is a key: nothing but `[A-Za-z0-9_-]`, 1–[`MAX_LEN`] long.
pub fn check(key: &str) -> Result<(), KeyError> {
    if key.is_empty() {
        return Err(KeyError::Empty);
    }
    if key.len() > MAX_LEN {
        return Err(KeyError::TooLong);
    }
    if key
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
    {
        Ok(())
    } else {
        Err(KeyError::Character {
            shown: key.escape_debug().take(MAX_LEN).collect(),
        })
    }
}

/// A key made from a name: "Energibrist/effektbrist" → "energibrist-effektbrist"; Swedish
/// letters lose their dots and rings, every other character becomes one `-`. Empty when the
/// name has no letter or digit.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for character in name.to_lowercase().chars() {
        let plain = match character {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            other if other.is_ascii_alphanumeric() => other,
            _ => '-',
        };
        if plain != '-' || !(slug.is_empty() || slug.ends_with('-')) {
            slug.push(plain);
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > MAX_LEN {
        slug.truncate(MAX_LEN);
        slug = slug.trim_end_matches('-').to_string();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_letters_digits_dashes_and_underscores() {
        assert_eq!(check("energibrist-effektbrist"), Ok(()));
        assert_eq!(check("KS_2025"), Ok(()));
    }

    #[test]
    fn a_path_in_a_key_is_refused() {
        assert!(matches!(
            check("zz/../other-risk"),
            Err(KeyError::Character { .. })
        ));
        assert!(check("risk.").is_err());
        assert!(check("väst").is_err());
        assert!(check("a b").is_err());
        assert_eq!(check(""), Err(KeyError::Empty));
        assert_eq!(check(&"a".repeat(MAX_LEN + 1)), Err(KeyError::TooLong));
    }

    #[test]
    fn a_slug_is_a_key() {
        assert_eq!(slug("Energibrist/effektbrist"), "energibrist-effektbrist");
        assert_eq!(slug("Välfärdsbrottslighet"), "valfardsbrottslighet");
        assert_eq!(slug("  --Över--gång  "), "over-gang");
        assert_eq!(slug("???"), "");
        let long = slug(&"lång risk ".repeat(40));
        assert!(long.len() <= MAX_LEN && check(&long).is_ok(), "{long}");
    }
}
