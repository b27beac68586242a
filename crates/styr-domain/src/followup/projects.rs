//! Which investment project of the plan a booking belongs to, and which accounts count as an
//! investment's expenditure.
//!
//! A booking belongs to a project by its project object (SIE dimension 6), by its account and
//! cost centre, or both: each rule names the plan's project and the conditions a booking must
//! meet, and the first rule a booking meets decides. Without a rule, a project object whose
//! code or name is a project's name belongs to it — the default until a controller says
//! otherwise.
//!
//! Only bookings on the *investment accounts* count: by default the fixed assets (10–12:
//! immateriella anläggningstillgångar, mark, byggnader och tekniska anläggningar, maskiner och
//! inventarier) and the result accounts 3–7, so that a project booked on cost accounts and
//! moved to the balance sheet counts once: the cost, its transfer out and the asset add up to
//! the asset. Bank, receivables, liabilities, VAT and financial items never count.
//!
//! ```text
//! rule: projekt "IT-Infrastruktur", objekt 6 "P140"               → every booking on P140
//! rule: projekt "Inventarier", konto 1220, kostnadsställe "130"   → 1220 on ansvar 130
//! ```

use serde::Serialize;

use super::mapping::MappingError;

/// Bookings that meet every condition given belong to `project` (a plan project's name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectRule {
    pub project: String,
    /// The project object (SIE dimension 6).
    pub object: Option<String>,
    /// The start of the account number.
    pub account_prefix: Option<String>,
    /// The cost-centre object (SIE dimension 1).
    pub cost_centre: Option<String>,
}

/// The rules, and the accounts whose bookings are an investment's expenditure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectMapping {
    pub rules: Vec<ProjectRule>,
    /// Prefixes of account numbers: a booking counts when its account starts with one.
    pub accounts: Vec<String>,
}

/// The default investment accounts: the fixed assets (10–12) and the result accounts 3–7.
pub const DEFAULT_INVESTMENT_ACCOUNTS: [&str; 8] = ["10", "11", "12", "3", "4", "5", "6", "7"];

/// Whether a booking on `account` is kept for the investment follow-up even without a
/// project: classes 10–14 (fixed assets, stock and exploitation properties), which are the
/// accounts of the balance sheet an investment can be booked on.
pub fn is_investment_account(account: u32) -> bool {
    let mut leading = account;
    while leading >= 100 {
        leading /= 10;
    }
    (10..=14).contains(&leading)
}

impl Default for ProjectMapping {
    fn default() -> ProjectMapping {
        ProjectMapping {
            rules: Vec::new(),
            accounts: DEFAULT_INVESTMENT_ACCOUNTS.map(String::from).to_vec(),
        }
    }
}

fn digits(prefix: &str) -> Result<(), MappingError> {
    if prefix.is_empty() || !prefix.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(MappingError::NotDigits(prefix.to_string()));
    }
    Ok(())
}

impl ProjectMapping {
    /// The mapping, if every prefix is digits, no account prefix is given twice and every
    /// rule has a condition and a project.
    pub fn new(
        rules: Vec<ProjectRule>,
        accounts: Vec<String>,
    ) -> Result<ProjectMapping, ProjectMappingError> {
        for (index, prefix) in accounts.iter().enumerate() {
            digits(prefix).map_err(ProjectMappingError::Account)?;
            if accounts[..index].contains(prefix) {
                return Err(ProjectMappingError::Account(MappingError::Duplicate(
                    prefix.clone(),
                )));
            }
        }
        for rule in &rules {
            if rule.project.trim().is_empty() {
                return Err(ProjectMappingError::NoProject);
            }
            if rule.object.is_none() && rule.account_prefix.is_none() && rule.cost_centre.is_none()
            {
                return Err(ProjectMappingError::NoCondition(rule.project.clone()));
            }
            if let Some(prefix) = &rule.account_prefix {
                digits(prefix).map_err(ProjectMappingError::Account)?;
            }
        }
        Ok(ProjectMapping { rules, accounts })
    }

    /// Whether a booking on `account` is an investment's expenditure.
    pub fn counts(&self, account: u32) -> bool {
        let digits = account.to_string();
        self.accounts
            .iter()
            .any(|prefix| digits.starts_with(prefix.as_str()))
    }

    /// The project of the plan a booking belongs to, if a rule places it, else — with a
    /// project object — the plan's project whose name is the object's code or name.
    pub fn project_of<'a>(
        &'a self,
        account: u32,
        cost_centre: Option<&str>,
        object: Option<(&str, &str)>,
        plan: &'a [String],
    ) -> Option<&'a str> {
        let digits = account.to_string();
        let ruled = self.rules.iter().find(|rule| {
            rule.object
                .as_deref()
                .is_none_or(|wanted| object.is_some_and(|(code, _)| code == wanted))
                && rule
                    .account_prefix
                    .as_deref()
                    .is_none_or(|prefix| digits.starts_with(prefix))
                && rule
                    .cost_centre
                    .as_deref()
                    .is_none_or(|wanted| cost_centre == Some(wanted))
        });
        if let Some(rule) = ruled {
            return Some(rule.project.as_str());
        }
        let (code, name) = object?;
        plan.iter()
            .find(|project| {
                project.eq_ignore_ascii_case(code)
                    || (!name.is_empty() && project.to_lowercase() == name.to_lowercase())
            })
            .map(String::as_str)
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProjectMappingError {
    #[error("investeringskonton: {0}")]
    Account(MappingError),
    #[error("en projektregel saknar projekt ur investeringsplanen")]
    NoProject,
    #[error(
        "projektregeln för ”{0}” behöver ett villkor: projektobjekt, konto eller kostnadsställe"
    )]
    NoCondition(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(project: &str, object: Option<&str>, account: Option<&str>) -> ProjectRule {
        ProjectRule {
            project: project.into(),
            object: object.map(String::from),
            account_prefix: account.map(String::from),
            cost_centre: None,
        }
    }

    #[test]
    fn a_rule_places_a_booking_and_a_matching_name_is_the_default() {
        let plan = vec!["IT-Infrastruktur".to_string(), "Inventarier".to_string()];
        let mapping = ProjectMapping::new(
            vec![rule("Inventarier", None, Some("1220"))],
            DEFAULT_INVESTMENT_ACCOUNTS.map(String::from).to_vec(),
        )
        .expect("valid");
        assert_eq!(
            mapping.project_of(1220, None, None, &plan),
            Some("Inventarier")
        );
        assert_eq!(
            mapping.project_of(1110, None, Some(("P1", "it-infrastruktur")), &plan),
            Some("IT-Infrastruktur"),
            "the object's name is the project's"
        );
        assert_eq!(
            mapping.project_of(1110, None, Some(("P9", "Annat")), &plan),
            None
        );
        assert!(mapping.counts(1229) && mapping.counts(4010));
        assert!(!mapping.counts(1930) && !mapping.counts(2641) && !mapping.counts(8410));
    }

    #[test]
    fn a_rule_without_a_condition_or_with_letters_is_refused() {
        assert_eq!(
            ProjectMapping::new(vec![rule("Inventarier", None, None)], Vec::new()),
            Err(ProjectMappingError::NoCondition("Inventarier".into()))
        );
        assert!(ProjectMapping::new(Vec::new(), vec!["1x".into()]).is_err());
        assert!(ProjectMapping::new(Vec::new(), vec!["12".into(), "12".into()]).is_err());
    }

    #[test]
    fn investment_accounts_are_classes_ten_to_fourteen() {
        assert!(is_investment_account(1029) && is_investment_account(1470));
        assert!(!is_investment_account(1510) && !is_investment_account(1930));
        assert!(!is_investment_account(5011) && !is_investment_account(9));
    }
}
