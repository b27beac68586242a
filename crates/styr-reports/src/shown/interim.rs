//! The delårsrapport and the verksamhetsberättelse as a reader sees them: every figure and
//! generated sentence, worked out from the follow-up's shown tables, so that the report, the
//! follow-up page and every file agree to the digit. A renderer lays these out
//! (`styr_render::document::interim`); it computes nothing.
//!
//! The parts, one module each: `economy` (the board's table and each separately reported
//! unit's, with the sentences on the outcome and the result forecast, and the table per
//! ansvar), `deviations` (every significant deviation with the sentence that states it and
//! the responsible person's explanation), `investments` (per project of the plan) and
//! `registers` (goals and KPIs, internal control results).
//!
//! ```text
//! Kommunstyrelsen prognostiserar ett underskott om 1,2 mnkr för helåret 2025.
//! Personalkostnaderna beräknas bli 1,8 mnkr högre än budget för helåret.
//!   Två vakanser har tillsatts med konsulter under våren.    ← written by the ansvarig
//! ```

mod deviations;
mod economy;
mod investments;
mod registers;

use styr_domain::budget::Budget;
use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::followup::{ReportKind, ReportTexts};
use styr_domain::money::{Amount, AmountOverflow};

use crate::followup::FollowupReport;
use crate::followup::investments::InvestmentFollowup;
use crate::shown::followup::ShownRow;

pub use deviations::ShownDeviation;
pub use economy::{ShownAnsvar, ShownInterimTable};
pub use investments::{ShownInvestmentRow, ShownInvestments, investments as shown_investments};
pub use registers::{ShownControl, ShownGoal};

/// What a report is written from.
pub struct InterimInput<'a> {
    pub kind: ReportKind,
    /// The version the follow-up compares with: its names, plan and figures.
    pub budget: &'a Budget,
    /// The budget as it is now: its goals and the internal control's results.
    pub current: &'a Budget,
    pub followup: &'a FollowupReport,
    pub investments: &'a InvestmentFollowup,
    pub texts: &'a ReportTexts,
}

/// How the tables' columns are headed: the period's short words and the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// "jan–aug"; "" before any month is booked.
    pub period: String,
    pub year: String,
    /// The whole year is booked: budget, outcome and deviation only.
    pub closed: bool,
}

impl Columns {
    /// The headings of a follow-up table after its first column.
    pub fn headings(&self) -> Vec<String> {
        let year = &self.year;
        if self.closed {
            return vec![
                format!("Budget {year}"),
                format!("Utfall {year}"),
                format!("Avvikelse {year}"),
            ];
        }
        let period = &self.period;
        vec![
            format!("Budget {year}"),
            format!("Budget {period} {year}"),
            format!("Utfall {period} {year}"),
            format!("Avvikelse {period} {year}"),
            format!("Prognos {year}"),
            format!("Avvikelse prognos {year}"),
        ]
    }
}

impl Columns {
    /// A follow-up row's figures under [`Columns::headings`], in their order.
    pub fn values(&self, row: &ShownRow) -> Vec<Amount> {
        if self.closed {
            vec![row.year_budget, row.actual, row.deviation]
        } else {
            vec![
                row.year_budget,
                row.budget,
                row.actual,
                row.deviation,
                row.forecast,
                row.forecast_deviation,
            ]
        }
    }
}

/// A whole report as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownInterim {
    pub kind: ReportKind,
    pub title: String,
    pub metadata: Vec<(&'static str, String)>,
    pub columns: Columns,
    /// The opening: which version the figures compare with, what is booked, the signs.
    pub introduction: Vec<String>,
    pub texts: ReportTexts,
    pub tables: Vec<ShownInterimTable>,
    pub ansvar: Vec<ShownAnsvar>,
    pub deviations: Vec<ShownDeviation>,
    pub investments: ShownInvestments,
    pub goals: Vec<ShownGoal>,
    /// What is said of the goals as a whole: whether they carry values to judge.
    pub goals_note: String,
    pub controls: Vec<ShownControl>,
    /// The municipality whose report this is ("Alingsås kommun") and its graphic profile.
    pub municipality: String,
    pub profile: Option<styr_domain::profile::Profile>,
}

/// "januari–augusti", "januari", "" before any month.
pub fn period_words(through: u8) -> String {
    match through {
        0 => String::new(),
        1 => MONTH_NAMES[0].to_string(),
        _ => format!(
            "{}–{}",
            MONTH_NAMES[0],
            MONTH_NAMES[usize::from(through.min(12) - 1)]
        ),
    }
}

/// "jan–aug", "jan", "–" before any month.
pub fn short_period(through: u8) -> String {
    match through {
        0 => "–".into(),
        1 => "jan".into(),
        _ => format!(
            "jan–{}",
            &MONTH_NAMES[usize::from(through.min(12) - 1)][..3]
        ),
    }
}

/// The report's title: "Delårsrapport januari–augusti 2025, Kommunstyrelsen".
pub fn title(kind: ReportKind, followup: &FollowupReport) -> String {
    match kind {
        ReportKind::Interim => format!(
            "Delårsrapport {} {}, {}",
            period_words(followup.period),
            followup.year,
            followup.title
        ),
        ReportKind::Annual if followup.is_closed() => {
            format!(
                "Verksamhetsberättelse {}, {}",
                followup.year, followup.title
            )
        }
        ReportKind::Annual => format!(
            "Verksamhetsberättelse {}, {} (preliminär)",
            followup.year, followup.title
        ),
    }
}

/// What is booked, in one sentence: "Utfallet är bokfört januari–augusti 2025, 8 av 12
/// månader; september–december är inte bokförda."
pub fn booked_sentence(followup: &FollowupReport) -> String {
    let year = followup.year;
    let unbooked = followup.unbooked_in_period();
    let missing = match (unbooked.first(), unbooked.last()) {
        (Some(first), Some(last)) if first == last => {
            format!("; {} är inte bokförd", MONTH_NAMES[usize::from(first - 1)])
        }
        (Some(first), Some(last)) => format!(
            "; {}–{} är inte bokförda",
            MONTH_NAMES[usize::from(first - 1)],
            MONTH_NAMES[usize::from(last - 1)]
        ),
        _ => String::new(),
    };
    if followup.through == 0 {
        return format!("Inget utfall är bokfört för {year}{missing}.");
    }
    format!(
        "Utfallet är bokfört {} {year}, {} av 12 månader{missing}.",
        period_words(followup.through),
        followup.through
    )
}

/// Every figure and sentence of the report `input` describes.
pub fn shown_interim(input: &InterimInput<'_>) -> Result<ShownInterim, AmountOverflow> {
    let followup = input.followup;
    let columns = Columns {
        period: short_period(followup.through),
        year: followup.year.to_string(),
        closed: followup.is_closed(),
    };
    let version = followup
        .version
        .as_ref()
        .map(|version| version.describe())
        .unwrap_or_else(|| "ekonomisystemets periodbudget".into());
    let mut introduction = vec![
        followup
            .version
            .as_ref()
            .map(|version| version.sentence())
            .unwrap_or_default(),
        booked_sentence(followup),
        "Belopp i tabellerna är i tkr och i texten i mnkr. Intäkter är positiva och kostnader negativa, och en positiv avvikelse är alltid till nämndens fördel; för investeringar är utgifterna positiva och en positiv avvikelse en lägre utgift än budgeterat.".to_string(),
    ];
    introduction.retain(|sentence| !sentence.is_empty());
    let tables = economy::tables(followup)?;
    let ansvar = economy::ansvar(followup)?;
    let deviations = deviations::deviations(followup)?;
    let investments = investments::investments(input.investments, &columns)?;
    let (goals, goals_note) = registers::goals(input.current);
    let controls = registers::controls(input.current, followup);
    let booked = if followup.through == 0 {
        "inget".to_string()
    } else {
        format!(
            "t.o.m. {} {} ({} av 12 månader)",
            MONTH_NAMES[usize::from(followup.through - 1)],
            followup.year,
            followup.through
        )
    };
    Ok(ShownInterim {
        kind: input.kind,
        title: title(input.kind, followup),
        metadata: vec![
            ("Typ av dokument", input.kind.title().to_string()),
            ("Nämnd", followup.title.clone()),
            ("Kommun", input.budget.municipality.name.clone()),
            (
                "Period",
                format!("{} {}", period_words(followup.period), followup.year),
            ),
            ("Utfall bokfört", booked),
            ("Budget", version),
        ],
        columns,
        introduction,
        texts: input.texts.clone(),
        tables,
        ansvar,
        deviations,
        investments,
        goals,
        goals_note,
        controls,
        municipality: input.budget.municipality.name.clone(),
        profile: input.budget.profile.clone(),
    })
}

#[cfg(test)]
mod tests;
