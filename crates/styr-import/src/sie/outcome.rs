//! A sink that sums a SIE file into a follow-up [`Outcome`] as it streams by: per account,
//! cost centre and month, in a hash table that grows with the chart of accounts and the cost
//! centres, not with the number of vouchers. Every sum is checked (`outcome/sums.rs`): one that
//! would leave the range of an amount, or a table past [`Limits::outcome_sums`] or
//! [`Limits::cost_centres`], refuses the file at the voucher or balance that would have made
//! it, through the sink's [`SieSink::refusal`].

use styr_domain::followup::{Month, Outcome, OutcomeKey};
use styr_domain::money::Amount;

use super::{Balance, BalanceKind, SieFile, SieSink, Voucher, is_result_account};
use crate::limits::Limits;
use sums::{Centres, Key, NONE, Refused, Sums};

mod sums;

/// Sums the result accounts (classes 3–9) of year 0; balance-sheet accounts are not followed up.
pub struct OutcomeSink {
    /// The dimension whose objects are cost centres: 1 (kostnadsställe/resultatenhet) by default.
    pub dimension: u32,
    booked: Sums,
    period_outcome: Sums,
    period_budget: Sums,
    centres: Centres,
    /// How many vouchers were summed: a file without any gives its outcome by #PSALDO.
    pub vouchers: u64,
    limits: Limits,
    refusal: Option<String>,
}

impl Default for OutcomeSink {
    fn default() -> Self {
        OutcomeSink::within(&Limits::default())
    }
}

impl OutcomeSink {
    /// An empty sink held to `limits` (dimension 1 for cost centres).
    pub fn within(limits: &Limits) -> Self {
        OutcomeSink {
            dimension: 1,
            booked: Sums::default(),
            period_outcome: Sums::default(),
            period_budget: Sums::default(),
            centres: Centres::default(),
            vouchers: 0,
            limits: limits.clone(),
            refusal: None,
        }
    }

    /// The first refusal, in a sentence naming the account, cost centre and month.
    fn refuse(&mut self, file: &SieFile, (account, object, period): Key, why: Refused) {
        if self.refusal.is_some() {
            return;
        }
        let centre = if object == NONE {
            String::new()
        } else {
            format!(", kostnadsställe {}", file.object(object).id)
        };
        let place = format!(
            "konto {account}{centre} i {}-{:02}",
            period / 100,
            period % 100
        );
        self.refusal = Some(match why {
            Refused::Overflow => format!(
                "summan för {place} blir för stor för att räknas (mer än 92 233 720 368 547 758,07 kr åt något håll)"
            ),
            Refused::Past(limit) => self.limits.exceeded(limit, &place).to_string(),
        });
    }
}

impl SieSink for OutcomeSink {
    fn balance(&mut self, file: &SieFile, balance: &Balance) {
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
            let key = (balance.account, object, period);
            if let Err(why) = target.add(key, balance.amount, &mut self.centres, &self.limits) {
                self.refuse(file, key, why);
            }
        }
    }

    fn voucher(&mut self, file: &SieFile, voucher: &Voucher) {
        let Some(date) = voucher.date else { return };
        self.vouchers += 1;
        for row in voucher.booked() {
            if !is_result_account(row.account) {
                continue;
            }
            let month = row.date.unwrap_or(date);
            let period = u32::from(month.year().number()) * 100 + u32::from(month.month());
            let object = voucher.object_of(row, self.dimension).unwrap_or(NONE);
            let key = (row.account, object, period);
            let added = self
                .booked
                .add(key, row.amount, &mut self.centres, &self.limits);
            if let Err(why) = added {
                return self.refuse(file, key, why);
            }
        }
    }

    fn refusal(&mut self) -> Option<String> {
        self.refusal.take()
    }
}

impl super::ForkSink for OutcomeSink {
    fn fork(&self) -> Self {
        OutcomeSink {
            dimension: self.dimension,
            ..OutcomeSink::within(&self.limits)
        }
    }

    /// Adds the other's sums. One past the range or a limit is only known here, once the
    /// workers' tables meet, without the record that made it: the refusal says so, and the
    /// parallel reader reads the file again in order, which names the place.
    fn join(&mut self, other: Self) {
        let mut refused = false;
        for (mine, theirs) in [
            (&mut self.booked, other.booked),
            (&mut self.period_outcome, other.period_outcome),
            (&mut self.period_budget, other.period_budget),
        ] {
            for (key, amount) in theirs.sums {
                refused |= mine
                    .add(key, amount, &mut self.centres, &self.limits)
                    .is_err();
            }
        }
        if refused && self.refusal.is_none() {
            self.refusal =
                Some("summorna blir för stora eller för många när filens delar läggs ihop".into());
        }
        self.refusal = self.refusal.take().or(other.refusal);
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
            sums.sums
                .into_iter()
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
