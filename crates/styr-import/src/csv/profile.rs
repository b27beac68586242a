//! An import profile: which column of a CSV export is which field, by its header text, and how
//! the export writes numbers — saved once per accounting system and named at each import.
//!
//! ```toml
//! delimiter = ";"
//! decimal = ","
//! date = "Datum"
//! account = "Konto"
//! amount = "Belopp"
//! cost_centre = "Ansvar"
//! ```

use serde::Deserialize;

use crate::issue::Issue;

/// Which column holds which field, by its header text.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// ";" or ",".
    pub delimiter: String,
    /// "," or ".".
    pub decimal: String,
    pub date: String,
    pub account: String,
    pub amount: String,
    pub cost_centre: Option<String>,
    pub project: Option<String>,
    pub text: Option<String>,
    pub voucher: Option<String>,
    /// The amount is signed as the ledger signs it (debit positive); "credit" flips it for
    /// exports that show costs negative.
    #[serde(default)]
    pub sign: Sign,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    #[default]
    Debit,
    Credit,
}

impl Profile {
    /// A profile from its TOML text.
    pub fn parse(definition: &str) -> Result<Profile, Vec<Issue>> {
        let profile: Profile = toml::from_str(definition).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            vec![Issue::error(
                definition,
                span,
                format!("importprofilen: {}", error.message()),
            )]
        })?;
        let mut issues = Vec::new();
        if !matches!(profile.delimiter.as_str(), ";" | "," | "\t") {
            issues.push(Issue::error(
                definition,
                0..0,
                "avgränsaren ska vara ”;”, ”,” eller tabb",
            ));
        }
        if !matches!(profile.decimal.as_str(), "," | ".") {
            issues.push(Issue::error(
                definition,
                0..0,
                "decimaltecknet ska vara ”,” eller ”.”",
            ));
        }
        if profile.delimiter == profile.decimal {
            issues.push(Issue::error(
                definition,
                0..0,
                "avgränsaren och decimaltecknet kan inte vara samma tecken",
            ));
        }
        if issues.is_empty() {
            Ok(profile)
        } else {
            Err(issues)
        }
    }
}
