//! The refusal of an input past a limit, as a sentence: what was too large, how much the limit
//! allows, and its key — `raden är längre än 64 KiB (gränsen line_bytes = 64 KiB)`.

use std::fmt;

use super::limit::Limit;
use super::{KIB, MIB};

/// An input past one of the limits: what, which limit, and how much it allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exceeded {
    pub limit: Limit,
    pub allowed: u64,
    pub subject: String,
}

impl fmt::Display for Exceeded {
    /// ```text
    /// raden är längre än 64 KiB (gränsen line_bytes = 64 KiB)
    /// ```
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed = if self.limit.counts_bytes() {
            bytes(self.allowed)
        } else {
            grouped(self.allowed)
        };
        write!(
            formatter,
            "{} {} {allowed} (gränsen {} = {allowed})",
            self.subject,
            self.limit.predicate(),
            self.limit.key()
        )
    }
}

impl std::error::Error for Exceeded {}

/// A size as a person reads it: "32 MiB", "64 KiB", "500 byte".
pub fn bytes(value: u64) -> String {
    if value >= MIB && value.is_multiple_of(MIB) {
        format!("{} MiB", grouped(value / MIB))
    } else if value >= KIB && value.is_multiple_of(KIB) {
        format!("{} KiB", grouped(value / KIB))
    } else {
        format!("{} byte", grouped(value))
    }
}

/// A count with a space between thousands, as Swedish text writes it: "100 000".
pub fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut shown = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            shown.push(' ');
        }
        shown.push(digit);
    }
    shown
}
