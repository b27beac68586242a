//! Which version of the budget a follow-up compares with, so that every page, file and
//! answer can say so: the latest adopted version by default, any version on request.
//!
//! ```text
//! fastställd version 1 (Kommunstyrelsen 2024-12-16, dnr 2024.025 KS)
//! version 2, utkast (inte fastställd)
//! ```

use serde::Serialize;

/// The decision that adopted a version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub decided_by: String,
    /// "2024-12-16"
    pub date: String,
    pub registry_number: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparedVersion {
    pub number: i64,
    /// The workflow status's Swedish label: "utkast", "inlämnad", "fastställd".
    pub status: String,
    /// The decision, for an adopted version.
    pub adopted: Option<Decision>,
}

impl ComparedVersion {
    /// "fastställd version 1 (Kommunstyrelsen 2024-12-16, dnr 2024.025 KS)" or
    /// "version 2, utkast (inte fastställd)".
    pub fn describe(&self) -> String {
        match &self.adopted {
            Some(decision) => {
                let decided = [decision.decided_by.as_str(), decision.date.as_str()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let registry = (!decision.registry_number.is_empty())
                    .then(|| format!("dnr {}", decision.registry_number));
                let about: Vec<String> = [Some(decided).filter(|text| !text.is_empty()), registry]
                    .into_iter()
                    .flatten()
                    .collect();
                if about.is_empty() {
                    format!("fastställd version {}", self.number)
                } else {
                    format!("fastställd version {} ({})", self.number, about.join(", "))
                }
            }
            None => format!("version {}, {} (inte fastställd)", self.number, self.status),
        }
    }

    /// The sentence every follow-up states: "Budgeten är fastställd version 1 (…)."
    pub fn sentence(&self) -> String {
        format!("Budgeten som utfallet jämförs med är {}.", self.describe())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_says_whether_it_is_adopted_and_by_whom() {
        let adopted = ComparedVersion {
            number: 1,
            status: "fastställd".into(),
            adopted: Some(Decision {
                decided_by: "Kommunstyrelsen".into(),
                date: "2024-12-16".into(),
                registry_number: "2024.025 KS".into(),
            }),
        };
        assert_eq!(
            adopted.describe(),
            "fastställd version 1 (Kommunstyrelsen 2024-12-16, dnr 2024.025 KS)"
        );
        let draft = ComparedVersion {
            number: 2,
            status: "utkast".into(),
            adopted: None,
        };
        assert_eq!(
            draft.sentence(),
            "Budgeten som utfallet jämförs med är version 2, utkast (inte fastställd)."
        );
    }
}
