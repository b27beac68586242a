//! The budget and the books sorted into the groups and the units, month by month.
//!
//! A budget line's year is spread over its months by its profile (evenly by default), a
//! frame's kommunbidrag evenly (it is paid in twelfths); a booking is signed as the budget
//! (the books sign debit positive, so a cost of 1 000 kr booked as 1 000 is -1 000 here) and
//! added to its group's row and month and to the unit it is booked on. Bookings on accounts a
//! rule leaves out, or that no rule maps, are kept aside and listed.

use std::collections::{BTreeMap, HashMap};

use styr_domain::budget::{Budget, FigureError};
use styr_domain::followup::mapping::AccountUse;
use styr_domain::followup::{Profile, spread};
use styr_domain::frame::FrameError;
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;

use super::figures::{Figures, place};
use super::forecasts::Rollup;
use super::groups::{Group, GroupIndex, UNASSIGNED, group_of, initial_groups, table_units};
use super::rows::{Named, RowForecast, RowsOf};
use super::tree::{TreeOf, explanation_of};
use super::{BudgetSource, FollowupInput, GroupFollowup, ROWS, UnitFollowup};

mod build;

/// What the books hold that no group's row shows.
#[derive(Default)]
pub(super) struct Aside {
    pub unmapped_accounts: BTreeMap<u32, Amount>,
    pub unmapped_cost_centres: BTreeMap<String, Amount>,
    /// Booked on accounts a rule leaves out on purpose (taxes, equalisation …).
    pub excluded: Amount,
}

/// The figures while they are added up: per group, and per unit its own.
pub(super) struct Books<'a> {
    pub source: BudgetSource,
    groups: Vec<Group>,
    /// Each unit's own budget lines and the bookings booked on it (not those below it).
    own: BTreeMap<UnitId, Figures>,
    budget: Option<&'a Budget>,
}

/// The report's tables, built.
pub(super) struct Built {
    pub title: String,
    pub groups: Vec<GroupFollowup>,
    pub total: GroupFollowup,
    pub units: Vec<UnitFollowup>,
}

/// Adds `months` of `row` to `figures`' budget, naming the place of a sum too large.
fn add_months(
    figures: &mut Figures,
    row: OperatingRow,
    months: &[Amount; 12],
    named: (styr_domain::calendar::Year, &str),
) -> Result<(), OverflowAt> {
    for (index, amount) in months.iter().enumerate() {
        let month = index as u8 + 1;
        Figures::add(&mut figures.budget, row, month, *amount)
            .map_err(|overflow| overflow.at(place(named.0, named.1, row, Some(month))))?;
    }
    Ok(())
}

impl<'a> Books<'a> {
    /// The groups with the budget in them: the budget's lines and kommunbidrag, or the
    /// accounting system's period budget (added with the books).
    pub fn new(input: &FollowupInput<'a>) -> Result<Books<'a>, FigureError> {
        let mut books = Books {
            source: BudgetSource::None,
            groups: initial_groups(input),
            own: BTreeMap::new(),
            budget: input.budget,
        };
        if let Some(budget) = input.budget {
            books.add_budget(input, budget)?;
            books.source = BudgetSource::Budget;
        } else if input
            .outcome
            .budget
            .keys()
            .any(|key| key.month.year() == input.year)
        {
            books.source = BudgetSource::PeriodBudget;
        }
        Ok(books)
    }

    fn add_budget(
        &mut self,
        input: &FollowupInput<'_>,
        budget: &Budget,
    ) -> Result<(), FigureError> {
        for unit_lines in &budget.lines {
            let group = self.groups.iter().position(|group| {
                group
                    .unit
                    .as_ref()
                    .is_some_and(|table| budget.counts_towards(&unit_lines.unit, table))
            });
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
                let own = self.own.entry(unit_lines.unit.clone()).or_default();
                add_months(
                    own,
                    row,
                    &months,
                    (input.year, budget.unit_name(&unit_lines.unit)),
                )?;
                if let Some(group) = group {
                    let group = &mut self.groups[group];
                    add_months(&mut group.figures, row, &months, (input.year, &group.name))?;
                }
            }
        }
        for table in table_units(budget) {
            let Some(frame) = budget.frame(&table) else {
                continue;
            };
            let kommunbidrag = match frame.kommunbidrag(input.year, &budget.index) {
                Ok(amount) => amount,
                // A year the frame does not reach has no kommunbidrag to follow up.
                Err(FrameError::MissingYear { .. }) => continue,
                Err(error) => return Err(error.into()),
            };
            let months = spread(kommunbidrag, &Profile::EVEN);
            let row = OperatingRow::Kommunbidrag;
            let own = self.own.entry(table.clone()).or_default();
            add_months(own, row, &months, (input.year, budget.unit_name(&table)))?;
            if let Some(group) = self
                .groups
                .iter_mut()
                .find(|group| group.unit.as_ref() == Some(&table))
            {
                add_months(&mut group.figures, row, &months, (input.year, &group.name))?;
            }
        }
        Ok(())
    }

    /// The books of `input.year` (and the period budget, when it is the budget) into the
    /// groups and the units.
    pub fn add_books(&mut self, input: &FollowupInput<'_>) -> Result<Aside, OverflowAt> {
        let mut aside = Aside::default();
        // Tens of thousands of sums share a few hundred accounts: each is looked up once.
        let mut uses: HashMap<u32, AccountUse> = HashMap::new();
        let mut index = GroupIndex::of(input, &self.groups);
        let books = [
            (&input.outcome.actual, true),
            (&input.outcome.budget, false),
        ];
        for (sums, is_actual) in books {
            if !is_actual && self.source != BudgetSource::PeriodBudget {
                continue;
            }
            for (key, amount) in sums
                .iter()
                .filter(|(key, _)| key.month.year() == input.year)
            {
                let too_large =
                    |what: &str| AmountOverflow.at(format!("Uppföljning {}, {what}", input.year));
                // The books sign debit positive; the budget signs revenue positive.
                let amount = amount
                    .checked_neg()
                    .map_err(|_| too_large(&format!("konto {}", key.account)))?;
                let account_use = *uses
                    .entry(key.account)
                    .or_insert_with(|| input.accounts.use_of(key.account));
                let row = match account_use {
                    AccountUse::Row(row) => row,
                    AccountUse::Excluded => {
                        if is_actual {
                            aside.excluded = aside
                                .excluded
                                .checked_add(amount)
                                .map_err(|_| too_large("konton utanför uppföljningen"))?;
                        }
                        continue;
                    }
                    AccountUse::BalanceSheet => continue,
                    AccountUse::Unmapped => {
                        if is_actual {
                            let sum = aside.unmapped_accounts.entry(key.account).or_default();
                            *sum = sum.checked_add(amount).map_err(|_| {
                                too_large(&format!("konto {} utan budgetrad", key.account))
                            })?;
                        }
                        continue;
                    }
                };
                let (group, assigned, unit) =
                    group_of(input, &mut index, key.cost_centre.as_deref(), key.month);
                if !assigned && is_actual {
                    let code = key.cost_centre.clone().unwrap_or_default();
                    let place = format!("kostnadsställe {code} utan enhet");
                    let sum = aside.unmapped_cost_centres.entry(code).or_default();
                    *sum = sum.checked_add(amount).map_err(|_| too_large(&place))?;
                }
                let month = key.month.number();
                let group = &mut self.groups[group];
                let target = if is_actual {
                    &mut group.figures.actual
                } else {
                    &mut group.figures.budget
                };
                Figures::add(target, row, month, amount).map_err(|overflow| {
                    overflow.at(place(input.year, &group.name, row, Some(month)))
                })?;
                if let (Some(unit), true) = (unit, is_actual) {
                    let own = self.own.entry(unit).or_default();
                    Figures::add(&mut own.actual, row, month, amount).map_err(|overflow| {
                        overflow.at(place(input.year, &group.name, row, Some(month)))
                    })?;
                }
            }
        }
        Ok(aside)
    }

    /// Each unit's own figures.
    pub fn own(&self) -> &BTreeMap<UnitId, Figures> {
        &self.own
    }

    /// The year's budget of `row` of `unit` and every unit counting towards it.
    pub fn year_budget(&self, unit: &UnitId, row: OperatingRow) -> Result<Amount, AmountOverflow> {
        let Some(budget) = self.budget else {
            return Ok(Amount::ZERO);
        };
        let mut sum = Amount::ZERO;
        for (candidate, figures) in &self.own {
            if budget.counts_towards(candidate, unit) {
                sum = sum.checked_add(figures.year_budget(row)?)?;
            }
        }
        Ok(sum)
    }

    /// The kommunbidrag's outcome as allocated: the frame's twelfth in every booked month.
    pub fn allocate_kommunbidrag(&mut self, booked: &[bool; 12]) {
        let figures = self
            .groups
            .iter_mut()
            .map(|group| &mut group.figures)
            .chain(self.own.values_mut());
        for figures in figures {
            let Some(budget) = figures.budget.get(&OperatingRow::Kommunbidrag).copied() else {
                continue;
            };
            let allocated: [Amount; 12] = std::array::from_fn(|index| {
                if booked[index] {
                    budget[index]
                } else {
                    Amount::ZERO
                }
            });
            figures.actual.insert(OperatingRow::Kommunbidrag, allocated);
        }
    }
}
