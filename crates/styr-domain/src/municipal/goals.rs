//! The financial goals of god ekonomisk hushållning (KL 11 kap.): each a ratio with a floor,
//! evaluated per year in `styr_reports::municipal`.

use serde::Serialize;

use crate::percent::Percent;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// Årets resultat as a share of skatteintäkter och generella statsbidrag.
    ResultShare,
    /// Självfinansieringsgrad: (årets resultat + avskrivningar) / nettoinvesteringar.
    SelfFinancing,
    /// Soliditet: eget kapital / summa tillgångar at the year's end.
    EquityRatio,
}

impl GoalKind {
    pub const fn key(self) -> &'static str {
        match self {
            GoalKind::ResultShare => "result_share",
            GoalKind::SelfFinancing => "self_financing",
            GoalKind::EquityRatio => "equity_ratio",
        }
    }

    pub const fn measure(self) -> &'static str {
        match self {
            GoalKind::ResultShare => {
                "årets resultat i procent av skatteintäkter och generella statsbidrag"
            }
            GoalKind::SelfFinancing => "investeringarnas självfinansieringsgrad",
            GoalKind::EquityRatio => "soliditeten",
        }
    }

    pub fn from_key(key: &str) -> Option<GoalKind> {
        [
            GoalKind::ResultShare,
            GoalKind::SelfFinancing,
            GoalKind::EquityRatio,
        ]
        .into_iter()
        .find(|kind| kind.key() == key)
    }
}

/// "Årets resultat ska uppgå till minst 2 procent av skatteintäkter och generella statsbidrag."
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FinancialGoal {
    pub name: String,
    pub kind: GoalKind,
    /// The ratio must reach at least this.
    pub minimum: Percent,
}
