//! Goals and KPIs: the municipality's overarching goal, the board's political directions and
//! its own goals (such as the work-environment goal), each followed up by KPIs on a schedule.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// Kommunövergripande mål: "Sveriges mest effektiva kommun".
    Overarching,
    /// Politisk inriktning chosen by the board for the year.
    PoliticalDirection,
    /// Nämndmål, such as the arbetsmiljömål.
    Board,
}

impl GoalKind {
    pub const fn swedish(self) -> &'static str {
        match self {
            GoalKind::Overarching => "Övergripande mål",
            GoalKind::PoliticalDirection => "Politisk inriktning",
            GoalKind::Board => "Nämndmål",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            GoalKind::Overarching => "overarching",
            GoalKind::PoliticalDirection => "political_direction",
            GoalKind::Board => "board",
        }
    }

    pub fn from_key(key: &str) -> Option<GoalKind> {
        [
            GoalKind::Overarching,
            GoalKind::PoliticalDirection,
            GoalKind::Board,
        ]
        .into_iter()
        .find(|kind| kind.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub id: String,
    pub kind: GoalKind,
    pub title: String,
    /// The goal as formulated ("Alla chefer har kunskaper om …").
    pub statement: String,
    /// Further text in Markdown.
    pub text: String,
    pub kpis: Vec<Kpi>,
}

/// A key figure that follows a goal up, and when it is measured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Kpi {
    pub name: String,
    /// Where the figure comes from: a survey, Kolada, the ledger.
    pub source: String,
    /// How many times a year it is measured (a pulse survey three times a year is 3).
    pub measurements_per_year: u8,
    /// A Kolada KPI id such as "N00097", when the figure is published there.
    pub kolada_id: Option<String>,
}

impl Kpi {
    /// The schedule in Swedish: "tre gånger per år".
    pub fn schedule(&self) -> String {
        let times = match self.measurements_per_year {
            1 => return "en gång per år".into(),
            2 => "två",
            3 => "tre",
            4 => "fyra",
            6 => "sex",
            12 => return "varje månad".into(),
            other => return format!("{other} gånger per år"),
        };
        format!("{times} gånger per år")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pulse_survey_three_times_a_year_says_so() {
        let kpi = Kpi {
            name: "Arbetsbelastningen".into(),
            source: "Pulsmätningen".into(),
            measurements_per_year: 3,
            kolada_id: None,
        };
        assert_eq!(kpi.schedule(), "tre gånger per år");
        assert_eq!(
            Kpi {
                measurements_per_year: 12,
                ..kpi.clone()
            }
            .schedule(),
            "varje månad"
        );
        assert_eq!(
            Kpi {
                measurements_per_year: 5,
                ..kpi
            }
            .schedule(),
            "5 gånger per år"
        );
    }
}
