//! A sink that sums a SIE file into a follow-up [`Outcome`] as it streams by: per account,
//! cost centre and month, in a hash table that grows with the chart of accounts and the cost
//! centres, not with the number of vouchers.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;
use styr_domain::followup::{Month, Outcome, OutcomeKey};
use styr_domain::money::Amount;

use super::{Balance, BalanceKind, ObjectIndex, SieFile, SieSink, Voucher, is_result_account};

type Sums = HashMap<(u32, ObjectIndex, u32), i64, BuildHasherDefault<FxHasher>>;

/// No cost centre on the row.
const NONE: ObjectIndex = ObjectIndex::MAX;

/// Sums the result accounts (classes 3–9) of year 0; balance-sheet accounts are not followed up.
pub struct OutcomeSink {
    /// The dimension whose objects are cost centres: 1 (kostnadsställe/resultatenhet) by default.
    pub dimension: u32,
    booked: Sums,
    period_outcome: Sums,
    period_budget: Sums,
    /// How many vouchers were summed: a file without any gives its outcome by #PSALDO.
    pub vouchers: u64,
}

impl Default for OutcomeSink {
    fn default() -> Self {
        OutcomeSink {
            dimension: 1,
            booked: Sums::default(),
            period_outcome: Sums::default(),
            period_budget: Sums::default(),
            vouchers: 0,
        }
    }
}

impl SieSink for OutcomeSink {
    fn balance(&mut self, _file: &SieFile, balance: &Balance) {
        let target = match balance.kind {
            BalanceKind::PeriodOutcome => &mut self.period_outcome,
            BalanceKind::PeriodBudget => &mut self.period_budget,
            _ => return,
        };
        let Some(period) = balance.period else { return };
        if balance.year_index != 0 || !is_result_account(balance.account) {
            return;
        }
        let object = balance
            .objects
            .iter()
            .find(|(dimension, _)| *dimension == self.dimension)
            .map_or(NONE, |(_, object)| *object);
        // #PSALDO with objects repeats, per object, what the line without objects already holds.
        if balance.objects.is_empty() || object != NONE {
            *target.entry((balance.account, object, period)).or_default() += balance.amount;
        }
    }

    fn voucher(&mut self, _file: &SieFile, voucher: &Voucher) {
        let Some(date) = voucher.date else { return };
        self.vouchers += 1;
        for row in voucher.booked() {
            if !is_result_account(row.account) {
                continue;
            }
            let month = row.date.unwrap_or(date);
            let period = u32::from(month.year().number()) * 100 + u32::from(month.month());
            let object = voucher.object_of(row, self.dimension).unwrap_or(NONE);
            *self
                .booked
                .entry((row.account, object, period))
                .or_default() += row.amount;
        }
    }
}

impl super::ForkSink for OutcomeSink {
    fn fork(&self) -> Self {
        OutcomeSink {
            dimension: self.dimension,
            ..OutcomeSink::default()
        }
    }

    fn join(&mut self, other: Self) {
        for (mine, theirs) in [
            (&mut self.booked, other.booked),
            (&mut self.period_outcome, other.period_outcome),
            (&mut self.period_budget, other.period_budget),
        ] {
            for (key, amount) in theirs {
                *mine.entry(key).or_default() += amount;
            }
        }
        self.vouchers += other.vouchers;
    }
}

impl OutcomeSink {
    /// The sums as an [`Outcome`]. The actual outcome comes from the vouchers; a file without
    /// vouchers (SIE 1–3, or 4 without #VER) gives it by #PSALDO instead.
    pub fn into_outcome(self, file: &SieFile) -> Outcome {
        let actual = if self.vouchers > 0 {
            self.booked
        } else {
            self.period_outcome
        };
        let convert = |sums: Sums| {
            sums.into_iter()
                .filter(|(_, amount)| *amount != 0)
                .filter_map(|((account, object, period), amount)| {
                    let key = OutcomeKey {
                        account,
                        cost_centre: (object != NONE).then(|| file.object(object).id.clone()),
                        month: Month::from_period(period)?,
                    };
                    Some((key, Amount::from_ore(amount)))
                })
                .collect()
        };
        Outcome {
            actual: convert(actual),
            budget: convert(self.period_budget),
            account_names: file
                .accounts
                .iter()
                .filter(|(number, _)| is_result_account(**number))
                .map(|(number, account)| (*number, account.name.clone()))
                .collect(),
            cost_centre_names: file
                .objects
                .iter()
                .filter(|object| object.dimension == self.dimension)
                .map(|object| (object.id.clone(), object.name.clone()))
                .collect(),
            ..Outcome::default()
        }
    }
}
