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
    /// The profile as the TOML text [`Profile::parse`] reads back to it: what is saved and
    /// what `--profile profil.toml` reads, whoever wrote it — the page's Swedish form does.
    pub fn to_toml(&self) -> String {
        use crate::budget_file::toml_string;
        let mut text = String::new();
        let mut field = |key: &str, value: Option<&String>| {
            if let Some(value) = value {
                text.push_str(&format!("{key} = {}\n", toml_string(value)));
            }
        };
        field("delimiter", Some(&self.delimiter));
        field("decimal", Some(&self.decimal));
        field("date", Some(&self.date));
        field("account", Some(&self.account));
        field("amount", Some(&self.amount));
        field("cost_centre", self.cost_centre.as_ref());
        field("project", self.project.as_ref());
        field("text", self.text.as_ref());
        field("voucher", self.voucher.as_ref());
        if self.sign == Sign::Credit {
            text.push_str("sign = \"credit\"\n");
        }
        text
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_writes_as_the_toml_it_reads_from() {
        let profile = Profile {
            delimiter: "\t".into(),
            decimal: ",".into(),
            date: "Bokföringsdatum \"ÅÅÅÅ\"".into(),
            account: "Konto".into(),
            amount: "Belopp".into(),
            cost_centre: Some("Ansvar".into()),
            project: None,
            text: None,
            voucher: Some("Ver.nr".into()),
            sign: Sign::Credit,
        };
        let text = profile.to_toml();
        assert_eq!(Profile::parse(&text), Ok(profile), "{text}");
        assert!(!text.contains("project"), "{text}");
    }
}
