//! When a control is made — how often, the planned date, the date it is reported by — and
//! where it stands. A control whose planned date has passed and that is not done is late: the
//! plan says so beside it.
//!
//! ```text
//! årligen, planerad 2025-05-15, rapporteras senast 2025-09-30, status planerad
//!   on 2025-06-01 → late (17 days past its planned date)
//! ```

use serde::Serialize;

use crate::calendar::Date;

/// How often a control is made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// En gång under året.
    Once,
    /// Årligen.
    #[default]
    Yearly,
    /// Per tertial (three times a year, as interim reports follow the year).
    Tertial,
    /// Per kvartal.
    Quarterly,
    /// Per månad.
    Monthly,
    /// Löpande: continuously, as the work happens.
    Continuous,
}

impl Frequency {
    pub const ALL: [Frequency; 6] = [
        Frequency::Once,
        Frequency::Yearly,
        Frequency::Tertial,
        Frequency::Quarterly,
        Frequency::Monthly,
        Frequency::Continuous,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Frequency::Once => "once",
            Frequency::Yearly => "yearly",
            Frequency::Tertial => "tertial",
            Frequency::Quarterly => "quarterly",
            Frequency::Monthly => "monthly",
            Frequency::Continuous => "continuous",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Frequency::Once => "En gång",
            Frequency::Yearly => "Årligen",
            Frequency::Tertial => "Per tertial",
            Frequency::Quarterly => "Per kvartal",
            Frequency::Monthly => "Per månad",
            Frequency::Continuous => "Löpande",
        }
    }

    pub fn from_key(key: &str) -> Option<Frequency> {
        Frequency::ALL
            .into_iter()
            .find(|frequency| frequency.key() == key)
    }
}

/// Where a control stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    /// Planerad: not begun.
    #[default]
    Planned,
    /// Pågår.
    Ongoing,
    /// Genomförd: made, with a conclusion.
    Done,
    /// Inställd: not to be made this year.
    Cancelled,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 4] = [
        ControlStatus::Planned,
        ControlStatus::Ongoing,
        ControlStatus::Done,
        ControlStatus::Cancelled,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            ControlStatus::Planned => "planned",
            ControlStatus::Ongoing => "ongoing",
            ControlStatus::Done => "done",
            ControlStatus::Cancelled => "cancelled",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            ControlStatus::Planned => "Planerad",
            ControlStatus::Ongoing => "Pågår",
            ControlStatus::Done => "Genomförd",
            ControlStatus::Cancelled => "Inställd",
        }
    }

    pub fn from_key(key: &str) -> Option<ControlStatus> {
        ControlStatus::ALL
            .into_iter()
            .find(|status| status.key() == key)
    }
}

/// When a control is made and reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub frequency: Frequency,
    /// When the control is planned to be made (the first time, for a recurring one).
    pub planned_on: Option<Date>,
    /// The day its result is reported by (to the board, or in the interim report).
    pub report_by: Option<Date>,
}

impl Schedule {
    /// How many days late a control in `status` is on `today`: past its planned date (or the
    /// day it is reported by) and neither done nor cancelled. `None` when it is not late.
    pub fn days_late(&self, status: ControlStatus, today: Date) -> Option<i64> {
        if matches!(status, ControlStatus::Done | ControlStatus::Cancelled) {
            return None;
        }
        let due = self.report_by.or(self.planned_on)?;
        let late = due.days_until(today);
        (late > 0).then_some(late)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        let mut parts = text
            .split('-')
            .map(|part| part.parse::<i64>().expect("digits"));
        let (year, month, day) = (
            parts.next().expect("a year"),
            parts.next().expect("a month"),
            parts.next().expect("a day"),
        );
        Date::new(year, month as u8, day as u8).expect("a real date")
    }

    #[test]
    fn keys_read_back() {
        for frequency in Frequency::ALL {
            assert_eq!(Frequency::from_key(frequency.key()), Some(frequency));
        }
        for status in ControlStatus::ALL {
            assert_eq!(ControlStatus::from_key(status.key()), Some(status));
        }
    }

    #[test]
    fn a_control_past_its_report_date_and_not_done_is_late() {
        let schedule = Schedule {
            frequency: Frequency::Yearly,
            planned_on: Some(date("2025-05-15")),
            report_by: Some(date("2025-09-30")),
        };
        let planned = ControlStatus::Planned;
        assert_eq!(schedule.days_late(planned, date("2025-09-30")), None);
        assert_eq!(schedule.days_late(planned, date("2025-10-02")), Some(2));
        assert_eq!(
            schedule.days_late(ControlStatus::Done, date("2025-10-02")),
            None
        );
        let planned_only = Schedule {
            report_by: None,
            ..schedule
        };
        assert_eq!(
            planned_only.days_late(planned, date("2025-06-01")),
            Some(17)
        );
        assert_eq!(
            Schedule::default().days_late(planned, date("2030-01-01")),
            None
        );
    }
}
