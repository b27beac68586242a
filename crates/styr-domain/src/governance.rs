//! The municipality's register of governance documents (styrdokument): every policy,
//! riktlinje, reglemente, plan and budget with its type, its decision, how long it is valid,
//! and the day it must be revised by ("revideras senast"). A document whose day has passed,
//! or comes within [`DUE_WITHIN_DAYS`], is due: the start page reminds of it and the
//! register lists what is due.
//!
//! ```text
//! Kommunstyrelsen budget 2025–2027, revideras senast 2025-12-31
//!   on 2025-11-15 → due in 46 days
//!   on 2026-12-02 → overdue by 336 days
//! ```
//!
//! Until the municipality is an entity of its own, the register is kept by the budget's
//! municipality code ("1489"); each budget's own document metadata is a row of it too.

use serde::Serialize;

use crate::calendar::Date;
use crate::document::DocumentMetadata;

/// How many days before "revideras senast" a document counts as due.
pub const DUE_WITHIN_DAYS: i64 = 90;

/// A governance document of the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GovernanceDocument {
    /// The document's key within the municipality ("riktlinje-for-internkontroll").
    pub id: String,
    /// The municipality code it belongs to ("1489").
    pub municipality: String,
    pub metadata: DocumentMetadata,
}

/// Where a document stands against its revision date, and its validity, on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum RevisionState {
    /// No "revideras senast" is given.
    NoDate,
    /// Revised by a day more than [`DUE_WITHIN_DAYS`] away.
    Fine { days: i64 },
    /// Revised by a day within [`DUE_WITHIN_DAYS`] (today counts: 0 days left).
    Due { days: i64 },
    /// The day has passed, `days` ago.
    Overdue { days: i64 },
}

impl RevisionState {
    /// Whether the register lists it as due (due soon or overdue).
    pub fn is_due(self) -> bool {
        matches!(
            self,
            RevisionState::Due { .. } | RevisionState::Overdue { .. }
        )
    }

    /// "Revideras senast 2025-12-31 passerades för 336 dagar sedan." and the like.
    pub fn sentence(self, revise_by: Option<Date>) -> String {
        let date = revise_by.map(|date| date.to_string()).unwrap_or_default();
        match self {
            RevisionState::NoDate => "Inget datum för revidering är angivet.".into(),
            RevisionState::Fine { days } => {
                format!("Revideras senast {date}, om {}.", days_text(days))
            }
            RevisionState::Due { days: 0 } => format!("Ska revideras senast i dag, {date}."),
            RevisionState::Due { days } => {
                format!("Ska revideras senast {date}, om {}.", days_text(days))
            }
            RevisionState::Overdue { days } => format!(
                "Skulle ha reviderats senast {date}, för {} sedan.",
                days_text(days)
            ),
        }
    }
}

fn days_text(days: i64) -> String {
    if days == 1 {
        "1 dag".into()
    } else {
        format!("{days} dagar")
    }
}

impl DocumentMetadata {
    /// Where the document stands against "revideras senast" on `today`.
    pub fn revision(&self, today: Date) -> RevisionState {
        let Some(revise_by) = self.revise_by else {
            return RevisionState::NoDate;
        };
        let days = today.days_until(revise_by);
        if days < 0 {
            RevisionState::Overdue { days: -days }
        } else if days <= DUE_WITHIN_DAYS {
            RevisionState::Due { days }
        } else {
            RevisionState::Fine { days }
        }
    }

    /// Whether the document's validity ("giltig till") has run out by `today`.
    pub fn expired(&self, today: Date) -> bool {
        self.valid_until.is_some_and(|until| until < today)
    }
}

/// The documents of a register that are due on `today`, most overdue first.
pub fn due<'a>(
    documents: impl IntoIterator<Item = &'a GovernanceDocument>,
    today: Date,
) -> Vec<(&'a GovernanceDocument, RevisionState)> {
    let mut due: Vec<_> = documents
        .into_iter()
        .map(|document| (document, document.metadata.revision(today)))
        .filter(|(_, state)| state.is_due())
        .collect();
    due.sort_by_key(|(document, _)| (document.metadata.revise_by, document.id.clone()));
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i64, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("a real date")
    }

    fn document(id: &str, revise_by: Option<Date>) -> GovernanceDocument {
        GovernanceDocument {
            id: id.into(),
            municipality: "1489".into(),
            metadata: DocumentMetadata {
                title: id.into(),
                revise_by,
                ..DocumentMetadata::default()
            },
        }
    }

    #[test]
    fn a_revision_date_passed_is_overdue_and_one_near_is_due() {
        let budget = document("budget", Some(date(2025, 12, 31)));
        assert_eq!(
            budget.metadata.revision(date(2026, 12, 2)),
            RevisionState::Overdue { days: 336 }
        );
        assert_eq!(
            budget.metadata.revision(date(2025, 11, 15)),
            RevisionState::Due { days: 46 }
        );
        assert_eq!(
            budget.metadata.revision(date(2025, 12, 31)),
            RevisionState::Due { days: 0 }
        );
        assert_eq!(
            budget.metadata.revision(date(2025, 10, 1)),
            RevisionState::Fine { days: 91 }
        );
        assert_eq!(
            document("x", None).metadata.revision(date(2025, 1, 1)),
            RevisionState::NoDate
        );
    }

    #[test]
    fn the_due_list_holds_only_what_is_due_earliest_first() {
        let documents = [
            document("later", Some(date(2027, 6, 30))),
            document("soon", Some(date(2027, 1, 15))),
            document("passed", Some(date(2025, 12, 31))),
            document("undated", None),
        ];
        let listed: Vec<&str> = due(&documents, date(2026, 12, 2))
            .into_iter()
            .map(|(document, _)| document.id.as_str())
            .collect();
        assert_eq!(listed, ["passed", "soon"]);
    }

    #[test]
    fn the_state_is_said_in_swedish() {
        let by = Some(date(2025, 12, 31));
        assert_eq!(
            RevisionState::Overdue { days: 336 }.sentence(by),
            "Skulle ha reviderats senast 2025-12-31, för 336 dagar sedan."
        );
        assert_eq!(
            RevisionState::Due { days: 1 }.sentence(by),
            "Ska revideras senast 2025-12-31, om 1 dag."
        );
        assert_eq!(
            RevisionState::Due { days: 0 }.sentence(by),
            "Ska revideras senast i dag, 2025-12-31."
        );
    }
}
