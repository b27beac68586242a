//! Reading a whole file within a size limit ([`Limits::file_bytes`], or
//! [`Limits::budget_file_bytes`] for a budget file): at most one byte more than the limit is
//! ever read, so a file of any size costs no more than the limit to refuse.
//!
//! [`Limits::file_bytes`]: super::Limits::file_bytes
//! [`Limits::budget_file_bytes`]: super::Limits::budget_file_bytes

use std::fmt;
use std::io::Read;

use super::{Exceeded, Limit, Limits};

/// Why a file could not be read whole.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Exceeded(Exceeded),
}

impl fmt::Display for ReadError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(error) => write!(formatter, "filen kunde inte läsas: {error}"),
            ReadError::Exceeded(exceeded) => exceeded.fmt(formatter),
        }
    }
}

impl std::error::Error for ReadError {}

/// Every byte of `input`, or [`ReadError::Exceeded`] as soon as there are more than `limit`
/// allows.
pub fn read_whole(input: impl Read, limit: Limit, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    input
        .take(limit.of(limits).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    limits
        .check(limit, bytes.len() as u64, "filen")
        .map_err(ReadError::Exceeded)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_past_the_limit_is_refused_after_one_byte_more() {
        let limits = Limits {
            file_bytes: 4,
            ..Limits::default()
        };
        assert_eq!(
            read_whole(&b"1234"[..], Limit::FileBytes, &limits).ok(),
            Some(b"1234".to_vec())
        );
        let endless = std::io::repeat(b'x');
        let Err(ReadError::Exceeded(exceeded)) = read_whole(endless, Limit::FileBytes, &limits)
        else {
            panic!("an endless input is refused")
        };
        assert_eq!(
            exceeded.to_string(),
            "filen är större än 4 byte (gränsen file_bytes = 4 byte)"
        );
    }
}
