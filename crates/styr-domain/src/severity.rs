//! How serious a finding or an issue is: one scale for the consistency check, the review of a
//! document and the readers of files.
//!
//! | in code    | shown        | means                                                        |
//! |------------|--------------|--------------------------------------------------------------|
//! | `Error`    | "fel"        | a figure that cannot be reached; input that cannot be read   |
//! | `Warning`  | "varning"    | not wrong, but a reader should see it (a name spelled twice) |
//! | `Rounding` | "avrundning" | a difference within what rounding the terms can produce      |
//!
//! The code names are English; what a person sees (and the JSON a program reads) is Swedish.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    #[serde(rename = "fel")]
    Error,
    #[serde(rename = "varning")]
    Warning,
    #[serde(rename = "avrundning")]
    Rounding,
}

impl Severity {
    /// The word shown: "fel", "varning", "avrundning".
    pub const fn swedish(self) -> &'static str {
        match self {
            Severity::Error => "fel",
            Severity::Warning => "varning",
            Severity::Rounding => "avrundning",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_serious_comes_first_and_each_is_shown_in_swedish() {
        let shown: Vec<&str> = [Severity::Error, Severity::Warning, Severity::Rounding]
            .iter()
            .map(|severity| severity.swedish())
            .collect();
        assert_eq!(shown, ["fel", "varning", "avrundning"]);
        assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Rounding);
    }
}
