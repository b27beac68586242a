//! The sums an outcome is made of — (account, cost centre, period) → öre — added with checked
//! arithmetic and held to the limits: how many sums, and how many cost centres they name. A sum
//! that would leave the range of an amount, or a table past a limit, is refused, never wrapped
//! around or left to grow.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;
use styr_domain::money::Amount;

use crate::limits::{Limit, Limits};
use crate::sie::ObjectIndex;

/// (account, cost centre, period YYYYMM).
pub(super) type Key = (u32, ObjectIndex, u32);

type Fast = BuildHasherDefault<FxHasher>;

/// No cost centre on the row.
pub(super) const NONE: ObjectIndex = ObjectIndex::MAX;

/// Why an amount cannot be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Refused {
    /// The sum would leave the range of an amount.
    Overflow,
    Past(Limit),
}

/// One table of sums, and the cost centres all the tables name together.
#[derive(Default)]
pub(super) struct Sums {
    pub sums: HashMap<Key, i64, Fast>,
}

/// The cost centres seen, shared by an outcome's tables.
#[derive(Default)]
pub(super) struct Centres {
    seen: HashSet<ObjectIndex, Fast>,
}

impl Sums {
    /// Adds `amount` to the sum at `key`.
    pub(super) fn add(
        &mut self,
        key: Key,
        amount: i64,
        centres: &mut Centres,
        limits: &Limits,
    ) -> Result<(), Refused> {
        let count = self.sums.len() as u64;
        let sum = match self.sums.entry(key) {
            Entry::Occupied(sum) => sum.into_mut(),
            Entry::Vacant(_) if count >= limits.outcome_sums => {
                return Err(Refused::Past(Limit::OutcomeSums));
            }
            Entry::Vacant(vacant) => {
                let (_, centre, _) = key;
                let known = centre == NONE || centres.seen.contains(&centre);
                if !known && centres.seen.len() as u64 >= limits.cost_centres {
                    return Err(Refused::Past(Limit::CostCentres));
                }
                if !known {
                    centres.seen.insert(centre);
                }
                vacant.insert(0)
            }
        };
        *sum = Amount::from_ore(*sum)
            .checked_add(Amount::from_ore(amount))
            .map_err(|_| Refused::Overflow)?
            .ore();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_checked_and_held_to_their_limits() {
        let limits = Limits {
            outcome_sums: 2,
            cost_centres: 1,
            ..Limits::default()
        };
        let (mut sums, mut centres) = (Sums::default(), Centres::default());
        assert_eq!(
            sums.add((3011, 0, 202501), i64::MAX, &mut centres, &limits),
            Ok(())
        );
        assert_eq!(
            sums.add((3011, 0, 202501), 1, &mut centres, &limits),
            Err(Refused::Overflow)
        );
        assert_eq!(
            sums.add((3011, 1, 202501), 1, &mut centres, &limits),
            Err(Refused::Past(Limit::CostCentres))
        );
        assert_eq!(
            sums.add((3011, NONE, 202501), 1, &mut centres, &limits),
            Ok(())
        );
        assert_eq!(
            sums.add((3011, NONE, 202502), 1, &mut centres, &limits),
            Err(Refused::Past(Limit::OutcomeSums))
        );
    }
}
