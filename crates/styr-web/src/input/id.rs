//! Ids of records as they come in a form's field or an address's segment: each must be a key
//! of `styr_domain::key`'s safe alphabet, so that an id can never name another record's
//! address (`zz/../other-risk`) or carry markup.

pub use styr_domain::key::slug;

/// `text` as a record's id, or why it cannot be one.
pub fn key(text: &str) -> Result<String, String> {
    styr_domain::key::check(text)
        .map(|()| text.to_string())
        .map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_a_key() {
        assert_eq!(key("cyberhot").as_deref(), Ok("cyberhot"));
        assert!(key("zz/../other-risk").is_err());
        assert!(key("<script>").is_err());
    }
}
