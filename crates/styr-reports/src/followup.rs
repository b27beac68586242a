//! Budget versus actual: per operating table (the board, and each separately reported unit
//! apart), per ansvar of the organisation tree, per budget line and month, with the year to
//! date, the deviation and the full-year forecast.
//!
//! The budget is a named version of the budget's own lines spread over the months (the
//! latest adopted by default: [`ComparedVersion`] says which), or — for a SIE file read
//! without a budget — the accounting system's period budget (#PBUDGET). Everything is signed
//! as the budget is (revenue positive, costs negative), so a positive deviation is always in
//! the board's favour. A month the books do not cover is *ej bokfört* — its outcome is `None`,
//! never 0 — and the figures to date run over the booked months from January only. Actual
//! amounts on accounts or cost centres no rule maps are listed, and the cost centres' amounts
//! are kept in an "Ej fördelat" group that counts in the board's total; a separately reported
//! unit (särredovisning) has its own table and never counts in the board's total.
//!
//! The report is built in steps, one module each: `groups` decides which table and which unit
//! a booking belongs to, `books` adds the budget and the books into those groups and units
//! month by month (`figures`), `forecasts` rolls the entered forecasts up the organisation
//! tree, `rows` turns a group's months into its rows, `tree` gives every ansvar its table,
//! and `significance` marks the deviations a report must explain. Beside it: `course` (the
//! deviation over the year from the forecast history), `investments` (per project of the
//! plan), `changes` (what an import changed) and `version`. Every sum is checked: a follow-up
//! whose figures leave the range of an amount is refused with the figure named
//! ("Uppföljning 2025, Kommunstyrelsen, Personalkostnader, mars: beloppet blir för stort för
//! att räknas exakt"), never shown wrapped.

mod books;
pub mod changes;
pub mod course;
mod figures;
mod forecasts;
mod groups;
pub mod investments;
mod rows;
mod significance;
mod tree;
mod version;

use std::collections::BTreeMap;

use serde::Serialize;
use styr_domain::budget::{Budget, FigureError};
use styr_domain::calendar::Year;
use styr_domain::followup::{
    AccountMapping, CostCentreMapping, DeviationExplanation, Forecast, Outcome, Profile,
};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

pub use groups::{booking_unit, table_unit_of, with_matching_units};
pub use rows::entered_parts;
pub use significance::{SIGNIFICANT_MINIMUM, SIGNIFICANT_PER_MILLE, is_significant};
pub use tree::UnitFollowup;
pub use version::{ComparedVersion, Decision};

/// The rows of a follow-up table, in the order of the operating budget.
pub const ROWS: [OperatingRow; 10] = OperatingRow::ALL;

/// The rows that are entered (mapped from accounts, given forecasts); the others are sums or,
/// for kommunbidrag, the frame.
pub const ENTERED: [OperatingRow; 6] = [
    OperatingRow::Line(LineKind::Revenue),
    OperatingRow::Line(LineKind::Personnel),
    OperatingRow::Line(LineKind::PremisesRent),
    OperatingRow::Line(LineKind::PurchasedServices),
    OperatingRow::Line(LineKind::OtherCosts),
    OperatingRow::FinancialNet,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetSource {
    /// The budget's lines, spread over the months.
    Budget,
    /// The accounting system's #PBUDGET.
    PeriodBudget,
    /// Neither: the follow-up shows the outcome alone.
    None,
}

/// Where the kommunbidrag's outcome comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KommunbidragSource {
    /// Booked on the accounts the account mapping gives the kommunbidrag row.
    Booked,
    /// No account is mapped to it: the frame's twelfth of each booked month, as allocated.
    Allocated,
}

pub struct FollowupInput<'a> {
    pub budget: Option<&'a Budget>,
    /// Which version `budget` is, when it is a stored budget's.
    pub version: Option<ComparedVersion>,
    pub outcome: &'a Outcome,
    pub accounts: &'a AccountMapping,
    pub cost_centres: &'a CostCentreMapping,
    /// How each line's year is spread over the months; even when absent.
    pub profiles: &'a BTreeMap<LineKind, Profile>,
    /// The forecasts in force (the latest entered for each unit, row and year).
    pub forecasts: &'a [Forecast],
    pub explanations: &'a [DeviationExplanation],
    pub year: Year,
    /// The last month of the period asked for; by default the last booked month.
    pub through: Option<u8>,
    /// The report's title when there is no budget (the company's name in the file).
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowupReport {
    pub title: String,
    pub year: Year,
    /// The budget version compared with; `None` for a file's own period budget or none.
    pub version: Option<ComparedVersion>,
    /// The months the view covers: 8 for a delårsrapport through August, 12 for the year.
    pub period: u8,
    /// The booked months from January within the period: what the figures to date cover.
    /// 8 for a year-end view with January–August booked; 0 before any booking.
    pub through: u8,
    /// Whether each month of the year is booked (January first).
    pub booked: [bool; 12],
    pub budget_source: BudgetSource,
    pub kommunbidrag: KommunbidragSource,
    /// The board's tables first, then each separately reported unit, then "Ej fördelat".
    pub groups: Vec<GroupFollowup>,
    /// The board's table with "Ej fördelat": never a separately reported unit.
    pub total: GroupFollowup,
    /// Every ansvar of the board's tree (and of each separately reported unit's), parents
    /// before their children.
    pub units: Vec<UnitFollowup>,
    pub unmapped_accounts: Vec<UnmappedAmount>,
    pub unmapped_cost_centres: Vec<UnmappedAmount>,
    /// Booked on accounts a rule leaves out on purpose (taxes, equalisation …).
    pub excluded: Amount,
}

impl FollowupReport {
    /// Whether every month of the year is booked: a year-end view can show the year's outcome.
    pub fn is_closed(&self) -> bool {
        self.through == 12
    }

    /// The months of the period that are not booked, January first (numbers 1–12).
    pub fn unbooked_in_period(&self) -> Vec<u8> {
        (1..=self.period)
            .filter(|month| !self.booked[usize::from(month - 1)])
            .collect()
    }

    /// The group or unit named by `code` (a unit id, "ej fördelat", or "" for the total).
    pub fn group(&self, code: &str) -> Option<&GroupFollowup> {
        std::iter::once(&self.total)
            .chain(&self.groups)
            .find(|group| group.code == code)
    }

    pub fn unit(&self, unit: &UnitId) -> Option<&UnitFollowup> {
        self.units
            .iter()
            .find(|candidate| candidate.group.unit.as_ref() == Some(unit))
    }
}

/// One table: an operating table's, "Ej fördelat", the total, or one ansvar's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupFollowup {
    /// The unit id, the cost-centre code, or "" for the total and the unassigned.
    pub code: String,
    pub unit: Option<UnitId>,
    pub name: String,
    /// A separately reported unit (särredovisning): apart from the board's total.
    pub separately_reported: bool,
    pub rows: Vec<RowFollowup>,
}

impl GroupFollowup {
    pub fn row(&self, row: OperatingRow) -> Option<&RowFollowup> {
        self.rows.iter().find(|candidate| candidate.row == row)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowFollowup {
    pub row: OperatingRow,
    pub label: &'static str,
    pub budget: [Amount; 12],
    /// The outcome of each month; `None` where the month is not booked (ej bokfört).
    pub actual: [Option<Amount>; 12],
    pub year_budget: Amount,
    pub ytd_budget: Amount,
    pub ytd_actual: Amount,
    /// Actual minus budget: positive is in the board's favour.
    pub ytd_deviation: Amount,
    /// The full-year forecast: what the responsible people entered, or the budget.
    pub forecast: Amount,
    /// Whether a forecast is entered for this row here or anywhere below.
    pub forecast_entered: bool,
    /// The comment of the forecast entered for this very unit and row.
    pub forecast_comment: String,
    pub forecast_deviation: Amount,
    /// The responsible person's explanation of the deviation, if written.
    pub explanation: Option<String>,
    /// The forecast deviation is large enough that a report must explain it.
    pub significant: bool,
}

impl RowFollowup {
    /// The outcome of the first `months` months; a month not booked counts as nothing, and
    /// the caller asks only for booked months.
    pub fn actual_months(&self, months: u8) -> impl Iterator<Item = Amount> + '_ {
        self.actual[..usize::from(months.min(12))]
            .iter()
            .map(|amount| amount.unwrap_or(Amount::ZERO))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnmappedAmount {
    pub code: String,
    pub name: String,
    /// Signed as the budget.
    pub amount: Amount,
}

/// Budget versus actual for `input.year`; or the figure that cannot be computed, named.
pub fn follow_up(input: &FollowupInput<'_>) -> Result<FollowupReport, FigureError> {
    let mut books = books::Books::new(input)?;
    let aside = books.add_books(input)?;
    let booked: [bool; 12] = std::array::from_fn(|index| {
        styr_domain::followup::Month::new(input.year, index as u8 + 1)
            .is_some_and(|month| input.outcome.is_booked(month))
    });
    let period = input.through.unwrap_or_else(|| {
        (1..=12u8)
            .rev()
            .find(|month| booked[usize::from(month - 1)])
            .unwrap_or(0)
    });
    let through = (0..period)
        .take_while(|index| booked[usize::from(*index)])
        .count() as u8;
    let kommunbidrag = if input
        .accounts
        .rules
        .iter()
        .any(|rule| rule.row == Some(OperatingRow::Kommunbidrag))
    {
        KommunbidragSource::Booked
    } else {
        books.allocate_kommunbidrag(&booked);
        KommunbidragSource::Allocated
    };
    let built = books.build(input, &booked, through)?;
    Ok(FollowupReport {
        title: built.title,
        year: input.year,
        version: input.version.clone(),
        period,
        through,
        booked,
        budget_source: books.source,
        kommunbidrag,
        groups: built.groups,
        total: built.total,
        units: built.units,
        unmapped_accounts: aside
            .unmapped_accounts
            .into_iter()
            .map(|(account, amount)| UnmappedAmount {
                code: account.to_string(),
                name: input
                    .outcome
                    .account_names
                    .get(&account)
                    .cloned()
                    .unwrap_or_default(),
                amount,
            })
            .collect(),
        unmapped_cost_centres: aside
            .unmapped_cost_centres
            .into_iter()
            .map(|(code, amount)| UnmappedAmount {
                name: input
                    .outcome
                    .cost_centre_names
                    .get(&code)
                    .cloned()
                    .unwrap_or_default(),
                code: if code.is_empty() {
                    "(inget)".into()
                } else {
                    code
                },
                amount,
            })
            .collect(),
        excluded: aside.excluded,
    })
}

#[cfg(test)]
mod tests;
