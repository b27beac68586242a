//! Ids of records as they come in a form's field or an address's segment: each must be a key
//! of `styr_domain::key`'s safe alphabet, so that an id can never name another record's
//! address (`zz/../other-risk`) or carry markup.

use serde::{Deserialize, Deserializer};

pub use styr_domain::key::slug;

/// A record's id as an address or a body names it, read only if it is a key: an address
/// with `zz/../other-risk` in it names no record (404) instead of another one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        let text = String::deserialize(deserializer)?;
        key(&text).map(Key).map_err(serde::de::Error::custom)
    }
}

/// A record's name as an address names it (an investment project is named, not keyed): any
/// one-line text without control or bidi characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name(String);

impl Name {
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::text::line(&text)
            .map(Name)
            .map_err(serde::de::Error::custom)
    }
}

/// `text` as a record's id, or why it cannot be one.
pub fn key(text: &str) -> Result<String, String> {
    styr_domain::key::check(text)
        .map(|()| text.to_string())
        .map_err(|error| error.to_string())
}

/// A name as one segment of an address: every byte but the unreserved ones percent-encoded,
/// so "Lokaler/IT" stays one segment ("Lokaler%2FIT").
pub fn path_segment(text: &str) -> String {
    let mut encoded = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                encoded.push(char::from(byte))
            }
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_a_slash_is_one_segment() {
        assert_eq!(path_segment("Lokaler/IT ä"), "Lokaler%2FIT%20%C3%A4");
    }

    #[test]
    fn an_id_is_a_key() {
        assert_eq!(key("cyberhot").as_deref(), Ok("cyberhot"));
        assert!(key("zz/../other-risk").is_err());
        assert!(key("<script>").is_err());
    }
}
