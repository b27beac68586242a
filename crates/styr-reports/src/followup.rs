//! Budget versus actual: per unit (or cost centre), budget line and month, with the year to
//! date, the deviation and the full-year forecast.
//!
//! The budget is the budget's own lines spread over the months, or — for a SIE file read
//! without a budget — the accounting system's period budget (#PBUDGET). Everything is signed
//! as the budget is (revenue positive, costs negative), so a positive deviation is always in
//! the board's favour. Actual amounts on accounts or cost centres no rule maps are listed, and
//! the cost centres' amounts are kept in an "Ej fördelat" group so the totals still agree with
//! the books.

use std::collections::BTreeMap;

use serde::Serialize;
use styr_domain::budget::Budget;
use styr_domain::calendar::{Date, Year};
use styr_domain::followup::mapping::AccountUse;
use styr_domain::followup::{
    AccountMapping, CostCentreMapping, CostCentreRule, Forecast, Month, Outcome, Profile, spread,
};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

/// The rows of a follow-up table, in the order of the operating budget.
pub const ROWS: [OperatingRow; 8] = [
    OperatingRow::Line(LineKind::Revenue),
    OperatingRow::Line(LineKind::Personnel),
    OperatingRow::Line(LineKind::PremisesRent),
    OperatingRow::Line(LineKind::PurchasedServices),
    OperatingRow::Line(LineKind::OtherCosts),
    OperatingRow::Costs,
    OperatingRow::NetCost,
    OperatingRow::FinancialNet,
];

/// The rows that are entered (mapped from accounts, given forecasts); the others are sums.
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

pub struct FollowupInput<'a> {
    pub budget: Option<&'a Budget>,
    pub outcome: &'a Outcome,
    pub accounts: &'a AccountMapping,
    pub cost_centres: &'a CostCentreMapping,
    /// How each line's year is spread over the months; even when absent.
    pub profiles: &'a BTreeMap<LineKind, Profile>,
    pub forecasts: &'a [Forecast],
    pub year: Year,
    /// The last month of the year to date; by default the last month with any booking.
    pub through: Option<u8>,
    /// The report's title when there is no budget (the company's name in the file).
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowupReport {
    pub title: String,
    pub year: Year,
    /// Months in the year to date: 8 for a delårsrapport through August; 0 before any booking.
    pub through: u8,
    pub budget_source: BudgetSource,
    pub groups: Vec<GroupFollowup>,
    pub total: GroupFollowup,
    pub unmapped_accounts: Vec<UnmappedAmount>,
    pub unmapped_cost_centres: Vec<UnmappedAmount>,
    /// Booked on accounts a rule leaves out on purpose (taxes, equalisation …).
    pub excluded: Amount,
}

/// One unit's (or cost centre's) table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupFollowup {
    /// The unit id, the cost-centre code, or "" for the total and the unassigned.
    pub code: String,
    pub unit: Option<UnitId>,
    pub name: String,
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
    pub actual: [Amount; 12],
    pub year_budget: Amount,
    pub ytd_budget: Amount,
    pub ytd_actual: Amount,
    /// Actual minus budget: positive is in the board's favour.
    pub ytd_deviation: Amount,
    /// The full-year forecast: what the responsible person entered, or the budget.
    pub forecast: Amount,
    pub forecast_entered: bool,
    pub forecast_comment: String,
    pub forecast_deviation: Amount,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnmappedAmount {
    pub code: String,
    pub name: String,
    /// Signed as the budget.
    pub amount: Amount,
}

/// Twelve months of budget and actual for each entered row.
#[derive(Clone, Default)]
struct Figures {
    budget: BTreeMap<OperatingRow, [Amount; 12]>,
    actual: BTreeMap<OperatingRow, [Amount; 12]>,
}

impl Figures {
    fn add(
        map: &mut BTreeMap<OperatingRow, [Amount; 12]>,
        row: OperatingRow,
        month: u8,
        amount: Amount,
    ) {
        map.entry(row).or_insert([Amount::ZERO; 12])[usize::from(month - 1)] += amount;
    }
}

struct Group {
    code: String,
    unit: Option<UnitId>,
    name: String,
    figures: Figures,
}

const UNASSIGNED: &str = "ej fördelat";

pub fn follow_up(input: &FollowupInput<'_>) -> FollowupReport {
    let mut groups = initial_groups(input);
    let mut unmapped_accounts: BTreeMap<u32, Amount> = BTreeMap::new();
    let mut unmapped_cost_centres: BTreeMap<String, Amount> = BTreeMap::new();
    let mut excluded = Amount::ZERO;
    // Tens of thousands of sums share a few hundred accounts: each is looked up once.
    let mut uses: std::collections::HashMap<u32, AccountUse> = std::collections::HashMap::new();

    let source = if let Some(budget) = input.budget {
        add_budget_lines(input, budget, &mut groups);
        BudgetSource::Budget
    } else if input
        .outcome
        .budget
        .keys()
        .any(|key| key.month.year() == input.year)
    {
        BudgetSource::PeriodBudget
    } else {
        BudgetSource::None
    };

    let books = [
        (&input.outcome.actual, true),
        (&input.outcome.budget, false),
    ];
    for (sums, is_actual) in books {
        if !is_actual && source != BudgetSource::PeriodBudget {
            continue;
        }
        for (key, amount) in sums
            .iter()
            .filter(|(key, _)| key.month.year() == input.year)
        {
            // The books sign debit positive; the budget signs revenue positive.
            let amount = Amount::from_ore(-amount.ore());
            let account_use = *uses
                .entry(key.account)
                .or_insert_with(|| input.accounts.use_of(key.account));
            let row = match account_use {
                AccountUse::Row(row) => row,
                AccountUse::Excluded => {
                    if is_actual {
                        excluded += amount;
                    }
                    continue;
                }
                AccountUse::BalanceSheet => continue,
                AccountUse::Unmapped => {
                    if is_actual {
                        *unmapped_accounts.entry(key.account).or_default() += amount;
                    }
                    continue;
                }
            };
            let (group, assigned) =
                group_of(input, &mut groups, key.cost_centre.as_deref(), key.month);
            if !assigned && is_actual {
                let code = key.cost_centre.clone().unwrap_or_default();
                *unmapped_cost_centres.entry(code).or_default() += amount;
            }
            let target = if is_actual {
                &mut groups[group].figures.actual
            } else {
                &mut groups[group].figures.budget
            };
            Figures::add(target, row, key.month.number(), amount);
        }
    }

    let through = input.through.unwrap_or_else(|| {
        input
            .outcome
            .actual
            .keys()
            .filter(|key| key.month.year() == input.year)
            .map(|key| key.month.number())
            .max()
            .unwrap_or(0)
    });
    let forecasts: Vec<&Forecast> = input
        .forecasts
        .iter()
        .filter(|forecast| forecast.year == input.year)
        .collect();
    let mut total = Figures::default();
    for group in &groups {
        for (map, total_map) in [
            (&group.figures.budget, &mut total.budget),
            (&group.figures.actual, &mut total.actual),
        ] {
            for (row, months) in map {
                let entry = total_map.entry(*row).or_insert([Amount::ZERO; 12]);
                for (sum, amount) in entry.iter_mut().zip(months) {
                    *sum += *amount;
                }
            }
        }
    }
    let built: Vec<GroupFollowup> = groups
        .iter()
        .filter(|group| group.code != UNASSIGNED || !group.figures.actual.is_empty())
        .map(|group| {
            let own: Vec<&Forecast> = forecasts
                .iter()
                .copied()
                .filter(|forecast| group.unit.as_ref() == Some(&forecast.unit))
                .collect();
            GroupFollowup {
                code: group.code.clone(),
                unit: group.unit.clone(),
                name: group.name.clone(),
                rows: rows(&group.figures, through, &own),
            }
        })
        .collect();
    // The total's forecast is the sum of the groups' forecasts.
    let mut total_rows = rows(&total, through, &[]);
    for row in &mut total_rows {
        let forecast: Amount = built
            .iter()
            .filter_map(|group| group.row(row.row))
            .map(|group_row| group_row.forecast)
            .sum();
        row.forecast_entered = built
            .iter()
            .filter_map(|group| group.row(row.row))
            .any(|group_row| group_row.forecast_entered);
        row.forecast = forecast;
        row.forecast_deviation = forecast - row.year_budget;
    }
    let title = input.budget.map_or_else(
        || input.title.clone(),
        |budget| {
            budget
                .organisation
                .unit(&budget.board)
                .map_or_else(|| budget.board.0.clone(), |unit| unit.name.clone())
        },
    );
    FollowupReport {
        title: title.clone(),
        year: input.year,
        through,
        budget_source: source,
        groups: built,
        total: GroupFollowup {
            code: String::new(),
            unit: None,
            name: format!("{title}, totalt"),
            rows: total_rows,
        },
        unmapped_accounts: unmapped_accounts
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
        unmapped_cost_centres: unmapped_cost_centres
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
        excluded,
    }
}

/// `mapping` completed with a rule for every cost centre that has none, to the unit whose id
/// or name is the cost centre's code or name: the default until a controller says otherwise.
pub fn with_matching_units(
    mut mapping: CostCentreMapping,
    budget: &Budget,
    outcome: &Outcome,
) -> CostCentreMapping {
    let mut codes: Vec<(String, String)> = outcome
        .cost_centre_names
        .iter()
        .map(|(code, name)| (code.clone(), name.clone()))
        .collect();
    for key in outcome.actual.keys() {
        if let Some(code) = &key.cost_centre
            && !codes.iter().any(|(known, _)| known == code)
        {
            codes.push((code.clone(), String::new()));
        }
    }
    for (code, name) in codes {
        if mapping.rules.iter().any(|rule| rule.object == code) {
            continue;
        }
        let unit = budget.organisation.units().iter().find(|unit| {
            unit.id.0 == code || (!name.is_empty() && unit.name.eq_ignore_ascii_case(&name))
        });
        if let Some(unit) = unit {
            mapping.rules.push(CostCentreRule {
                object: code,
                unit: unit.id.clone(),
                valid_from: None,
                valid_to: None,
            });
        }
    }
    mapping
}

/// The groups: the budget's operating tables, or the file's cost centres; and the unassigned.
fn initial_groups(input: &FollowupInput<'_>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    if let Some(budget) = input.budget {
        for unit in table_units(budget) {
            let name = budget
                .organisation
                .unit(&unit)
                .map_or_else(|| unit.0.clone(), |found| found.name.clone());
            groups.push(Group {
                code: unit.0.clone(),
                unit: Some(unit),
                name,
                figures: Figures::default(),
            });
        }
    } else {
        let mut codes: Vec<&String> = input.outcome.cost_centre_names.keys().collect();
        for key in input
            .outcome
            .actual
            .keys()
            .chain(input.outcome.budget.keys())
        {
            if let Some(code) = &key.cost_centre
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes.sort();
        for code in codes {
            let name = input
                .outcome
                .cost_centre_names
                .get(code)
                .cloned()
                .unwrap_or_default();
            groups.push(Group {
                code: code.clone(),
                unit: Some(UnitId(code.clone())),
                name: if name.is_empty() { code.clone() } else { name },
                figures: Figures::default(),
            });
        }
    }
    groups.push(Group {
        code: UNASSIGNED.into(),
        unit: None,
        name: if input.budget.is_some() {
            "Ej fördelat (kostnadsställe utan enhet)".into()
        } else {
            "Utan kostnadsställe".into()
        },
        figures: Figures::default(),
    });
    groups
}

/// The units with an operating table of their own: the board and its separately reported units.
fn table_units(budget: &Budget) -> Vec<UnitId> {
    let mut units: Vec<UnitId> = budget
        .operating_tables
        .iter()
        .map(|table| table.unit.clone())
        .collect();
    if units.is_empty() {
        units.push(budget.board.clone());
    }
    units
}

fn add_budget_lines(input: &FollowupInput<'_>, budget: &Budget, groups: &mut [Group]) {
    for unit_lines in &budget.lines {
        let Some(group) = groups.iter().position(|group| {
            group
                .unit
                .as_ref()
                .is_some_and(|table| budget.counts_towards(&unit_lines.unit, table))
        }) else {
            continue;
        };
        let entered = unit_lines
            .lines
            .iter()
            .map(|(kind, years)| {
                (
                    OperatingRow::Line(*kind),
                    years.get(&input.year),
                    input.profiles.get(kind),
                )
            })
            .chain(std::iter::once((
                OperatingRow::FinancialNet,
                unit_lines.financial_net.get(&input.year),
                None,
            )));
        for (row, amount, profile) in entered {
            let Some(amount) = amount else { continue };
            let months = spread(*amount, profile.unwrap_or(&Profile::EVEN));
            for (index, month) in months.iter().enumerate() {
                Figures::add(
                    &mut groups[group].figures.budget,
                    row,
                    (index + 1) as u8,
                    *month,
                );
            }
        }
    }
}

/// The group a booking belongs to, and whether a rule assigned it (false: the unassigned group).
fn group_of(
    input: &FollowupInput<'_>,
    groups: &mut [Group],
    cost_centre: Option<&str>,
    month: Month,
) -> (usize, bool) {
    let unassigned = groups.len() - 1;
    let Some(budget) = input.budget else {
        let found = cost_centre.and_then(|code| groups.iter().position(|group| group.code == code));
        return (found.unwrap_or(unassigned), true);
    };
    match table_unit_of(budget, input.cost_centres, input.year, cost_centre, month) {
        Some(unit) => match groups
            .iter()
            .position(|group| group.unit.as_ref() == Some(&unit))
        {
            Some(group) => (group, true),
            None => (unassigned, false),
        },
        None => (unassigned, false),
    }
}

/// The operating table (the board, or a separately reported unit) a booking on `cost_centre`
/// in `month` belongs to when following up `year`; `None` when no rule places it in this
/// board. A booking without a cost centre belongs to the board as a whole.
pub fn table_unit_of(
    budget: &Budget,
    cost_centres: &CostCentreMapping,
    year: Year,
    cost_centre: Option<&str>,
    month: Month,
) -> Option<UnitId> {
    let tables = table_units(budget);
    let Some(code) = cost_centre else {
        return tables
            .into_iter()
            .find(|unit| *unit == budget.board)
            .or_else(|| Some(budget.board.clone()));
    };
    let unit = cost_centres.unit_for(code, month)?;
    // A unit that has since been replaced counts as its successor, so its history follows it.
    let unit = successor_on(budget, unit, Date::first_of(year));
    tables
        .into_iter()
        .find(|table| budget.counts_towards(unit, table))
}

/// The unit that carries `unit` on `date`: itself while valid, else the successor that names
/// it as predecessor, followed as far as it goes.
fn successor_on<'a>(budget: &'a Budget, unit: &'a UnitId, date: Date) -> &'a UnitId {
    let mut current = unit;
    for _ in 0..budget.organisation.units().len() {
        let valid = budget
            .organisation
            .unit(current)
            .is_none_or(|found| found.is_valid_on(date));
        if valid {
            return current;
        }
        match budget
            .organisation
            .units()
            .iter()
            .find(|candidate| candidate.predecessor.as_ref() == Some(current))
        {
            Some(next) => current = &next.id,
            None => return current,
        }
    }
    current
}

/// The entered rows a row of the table adds up: the cost lines for Verksamhetens kostnader,
/// every line for the net cost, and an entered row itself.
pub fn entered_parts(row: OperatingRow) -> Vec<OperatingRow> {
    let lines: &[LineKind] = match row {
        OperatingRow::Costs => &LineKind::COSTS,
        OperatingRow::NetCost => &LineKind::ALL,
        other => return vec![other],
    };
    lines.iter().map(|kind| OperatingRow::Line(*kind)).collect()
}

fn rows(figures: &Figures, through: u8, forecasts: &[&Forecast]) -> Vec<RowFollowup> {
    let months_of =
        |map: &BTreeMap<OperatingRow, [Amount; 12]>, row: OperatingRow| -> [Amount; 12] {
            let mut months = [Amount::ZERO; 12];
            for part in entered_parts(row) {
                if let Some(values) = map.get(&part) {
                    for (sum, value) in months.iter_mut().zip(values) {
                        *sum += *value;
                    }
                }
            }
            months
        };
    let mut entered_forecast: BTreeMap<OperatingRow, (Amount, bool, String)> = BTreeMap::new();
    for row in ENTERED {
        let year_budget: Amount = months_of(&figures.budget, row).iter().copied().sum();
        let forecast = forecasts.iter().find(|forecast| forecast.row == row);
        entered_forecast.insert(
            row,
            match forecast {
                Some(forecast) => (forecast.amount, true, forecast.comment.clone()),
                None => (year_budget, false, String::new()),
            },
        );
    }
    ROWS.iter()
        .map(|row| {
            let budget = months_of(&figures.budget, *row);
            let actual = months_of(&figures.actual, *row);
            let ytd = usize::from(through);
            let year_budget: Amount = budget.iter().copied().sum();
            let ytd_budget: Amount = budget[..ytd].iter().copied().sum();
            let ytd_actual: Amount = actual[..ytd].iter().copied().sum();
            let (forecast, entered, comment) = match row {
                OperatingRow::Costs | OperatingRow::NetCost => {
                    let parts: Vec<&(Amount, bool, String)> = entered_parts(*row)
                        .iter()
                        .filter_map(|part| entered_forecast.get(part))
                        .collect();
                    (
                        parts.iter().map(|part| part.0).sum(),
                        parts.iter().any(|part| part.1),
                        String::new(),
                    )
                }
                other => entered_forecast.get(other).cloned().unwrap_or((
                    year_budget,
                    false,
                    String::new(),
                )),
            };
            RowFollowup {
                row: *row,
                label: row.label(),
                budget,
                actual,
                year_budget,
                ytd_budget,
                ytd_actual,
                ytd_deviation: ytd_actual - ytd_budget,
                forecast,
                forecast_entered: entered,
                forecast_comment: comment,
                forecast_deviation: forecast - year_budget,
            }
        })
        .collect()
}
