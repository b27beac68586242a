//! The path of a board's budget from draft to decision: utkast → inlämnad → fastställd, and a
//! revision (revidering) that starts a new version from an adopted one.

use crate::calendar::Date;

/// Where a version of a budget is on its way to a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Utkast: being worked on.
    Draft,
    /// Inlämnad: handed to the controllers for the decision.
    Submitted,
    /// Fastställd: decided; frozen for everyone.
    Adopted,
}

impl Status {
    pub const fn key(self) -> &'static str {
        match self {
            Status::Draft => "utkast",
            Status::Submitted => "inlamnad",
            Status::Adopted => "faststalld",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Status::Draft => "Utkast",
            Status::Submitted => "Inlämnad",
            Status::Adopted => "Fastställd",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        [Status::Draft, Status::Submitted, Status::Adopted]
            .into_iter()
            .find(|status| status.key() == key)
    }
}

/// A step along the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Submit,
    Return,
    Adopt,
    Revise,
}

impl Step {
    pub const fn label(self) -> &'static str {
        match self {
            Step::Submit => "lämnades in",
            Step::Return => "återfördes till utkast",
            Step::Adopt => "fastställdes",
            Step::Revise => "revidering startades",
        }
    }

    /// The status this step leads to from `from`, or why it cannot be taken.
    pub fn from(self, from: Status) -> Result<Status, &'static str> {
        match (self, from) {
            (Step::Submit, Status::Draft) => Ok(Status::Submitted),
            (Step::Return, Status::Submitted) => Ok(Status::Draft),
            (Step::Adopt, Status::Submitted) => Ok(Status::Adopted),
            (Step::Revise, Status::Adopted) => Ok(Status::Draft),
            (Step::Submit, _) => Err("bara ett utkast kan lämnas in"),
            (Step::Return, _) => Err("bara en inlämnad budget kan återföras till utkast"),
            (Step::Adopt, _) => Err("bara en inlämnad budget kan fastställas"),
            (Step::Revise, _) => Err("en revidering startas från en fastställd budget"),
        }
    }
}

/// What the decision to adopt records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adoption {
    /// Beslutande instans ("Kommunstyrelsen").
    pub decided_by: String,
    /// Beslutsdatum.
    pub decision_date: Date,
    /// Diarienummer ("KS 2024/123").
    pub registry_number: String,
    /// The errors of the check the decision passes over, each with the reason it is adopted
    /// anyway: every open error must have one (see `styr_app`'s adoption).
    pub passed_over: Vec<PassedOver>,
}

/// An error of the check that a budget is adopted with, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassedOver {
    /// The finding, as `Finding::key` names it ("Investeringsbudget › Totala utgifter, Plan 2028").
    pub finding: String,
    pub reason: String,
}

impl Adoption {
    /// Checks that every part of the decision is given.
    pub fn new(
        decided_by: &str,
        decision_date: Date,
        registry_number: &str,
    ) -> Result<Adoption, &'static str> {
        if decided_by.trim().is_empty() {
            return Err("beslutande instans får inte vara tom");
        }
        if registry_number.trim().is_empty() {
            return Err("diarienummer får inte vara tomt");
        }
        Ok(Adoption {
            decided_by: decided_by.trim().to_string(),
            decision_date,
            registry_number: registry_number.trim().to_string(),
            passed_over: Vec::new(),
        })
    }

    /// The decision, passing over the errors `reasons` name (finding, reason); a blank reason
    /// is no reason.
    pub fn passing_over(mut self, reasons: impl IntoIterator<Item = (String, String)>) -> Adoption {
        self.passed_over = reasons
            .into_iter()
            .map(|(finding, reason)| PassedOver {
                finding: finding.trim().to_string(),
                reason: reason.trim().to_string(),
            })
            .filter(|passed| !passed.reason.is_empty())
            .collect();
        self
    }

    /// The reason given for passing over `finding`, if any.
    pub fn reason_for(&self, finding: &str) -> Option<&str> {
        self.passed_over
            .iter()
            .find(|passed| passed.finding == finding)
            .map(|passed| passed.reason.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_goes_draft_submitted_adopted_and_a_revision_starts_over() {
        assert_eq!(Step::Submit.from(Status::Draft), Ok(Status::Submitted));
        assert_eq!(Step::Adopt.from(Status::Submitted), Ok(Status::Adopted));
        assert_eq!(Step::Revise.from(Status::Adopted), Ok(Status::Draft));
        assert_eq!(Step::Return.from(Status::Submitted), Ok(Status::Draft));
        assert!(Step::Adopt.from(Status::Draft).is_err());
        assert!(Step::Submit.from(Status::Adopted).is_err());
        assert!(Step::Revise.from(Status::Draft).is_err());
    }

    #[test]
    fn an_adoption_needs_every_part_of_the_decision() {
        let date = Date::new(2024, 11, 27).expect("a date");
        assert!(Adoption::new("Kommunstyrelsen", date, "KS 2024/1").is_ok());
        assert!(Adoption::new(" ", date, "KS 2024/1").is_err());
        assert!(Adoption::new("Kommunstyrelsen", date, "").is_err());
        for status in [Status::Draft, Status::Submitted, Status::Adopted] {
            assert_eq!(Status::from_key(status.key()), Some(status));
        }
    }
}
