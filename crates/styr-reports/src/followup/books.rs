//! The budget and the books sorted into the groups, month by month.
//!
//! A budget line's year is spread over its months by its profile (evenly by default); a
//! booking is signed as the budget (the books sign debit positive, so a cost of 1 000 kr
//! booked as 1 000 is -1 000 here) and added to its group's row and month. Bookings on
//! accounts a rule leaves out, or that no rule maps, are kept aside and listed.

use std::collections::{BTreeMap, HashMap};

use styr_domain::budget::Budget;
use styr_domain::followup::mapping::AccountUse;
use styr_domain::followup::{Profile, spread};
use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::operating::OperatingRow;

use super::figures::{Figures, place};
use super::groups::{Group, GroupIndex, group_of};
use super::{BudgetSource, FollowupInput};

/// What the books hold that no group's row shows.
#[derive(Default)]
pub(super) struct Aside {
    pub unmapped_accounts: BTreeMap<u32, Amount>,
    pub unmapped_cost_centres: BTreeMap<String, Amount>,
    /// Booked on accounts a rule leaves out on purpose (taxes, equalisation …).
    pub excluded: Amount,
}

/// The budget's lines of `input.year`, spread over the months, into their tables' groups.
pub(super) fn add_budget_lines(
    input: &FollowupInput<'_>,
    budget: &Budget,
    groups: &mut [Group],
) -> Result<(), OverflowAt> {
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
            let group = &mut groups[group];
            for (index, amount) in months.iter().enumerate() {
                let month = index as u8 + 1;
                Figures::add(&mut group.figures.budget, row, month, *amount).map_err(
                    |overflow| overflow.at(place(input.year, &group.name, row, Some(month))),
                )?;
            }
        }
    }
    Ok(())
}

/// The books of `input.year` (and the period budget, when it is the budget) into the groups.
pub(super) fn add_books(
    input: &FollowupInput<'_>,
    source: BudgetSource,
    groups: &mut [Group],
) -> Result<Aside, OverflowAt> {
    let mut aside = Aside::default();
    // Tens of thousands of sums share a few hundred accounts: each is looked up once.
    let mut uses: HashMap<u32, AccountUse> = HashMap::new();
    let mut index = GroupIndex::of(input, groups);
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
            let (group, assigned) =
                group_of(input, &mut index, key.cost_centre.as_deref(), key.month);
            if !assigned && is_actual {
                let code = key.cost_centre.clone().unwrap_or_default();
                let place = format!("kostnadsställe {code} utan enhet");
                let sum = aside.unmapped_cost_centres.entry(code).or_default();
                *sum = sum.checked_add(amount).map_err(|_| too_large(&place))?;
            }
            let group = &mut groups[group];
            let target = if is_actual {
                &mut group.figures.actual
            } else {
                &mut group.figures.budget
            };
            let month = key.month.number();
            Figures::add(target, row, month, amount).map_err(|overflow| {
                overflow.at(place(input.year, &group.name, row, Some(month)))
            })?;
        }
    }
    Ok(aside)
}
