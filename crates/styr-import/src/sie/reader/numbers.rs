//! The voucher numbers a file has had, per series, to refuse a voucher that comes twice: the
//! same `#VER A 129` twice would otherwise be booked twice. Numbers run on within a series
//! (A 1, A 2 … A 9 000), so they are kept as runs — `1..=9000` is one entry however many
//! vouchers it covers — and memory follows the gaps, not the vouchers; the run being extended
//! is kept apart, so a voucher one past the last costs two comparisons. A number that is not
//! plain digits ("2025-001", or "007" with its leading zeros) is kept as a 128-bit hash of
//! itself, as is each series: sixteen bytes whatever its length, and two different numbers
//! share a hash with a chance far below one in 10^30. Runs, hashes and series together are held
//! to [`Limits::voucher_number_runs`](crate::limits::Limits::voucher_number_runs).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// What [`VoucherNumbers::insert`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::sie) enum Seen {
    New,
    /// The file already had the number in the series.
    Again,
    /// Keeping it would pass the limit.
    TooMany,
}

#[derive(Clone, Debug, Default)]
struct Series {
    /// Runs of plain numbers: first → last, inclusive, none touching another.
    runs: BTreeMap<u64, u64>,
    /// Every other number, by its hash.
    others: HashSet<u128>,
}

/// The run being extended: a number one past the last is counted here without a lookup, and
/// the run goes to its series when a number breaks it. Books are numbered in a row, so this is
/// nearly every voucher.
#[derive(Clone, Debug)]
struct Open {
    series: String,
    key: u128,
    first: u64,
    last: u64,
    /// Where the series' next kept run starts: the open run grows up to just before it.
    next: u64,
}

#[derive(Clone, Debug)]
pub(in crate::sie) struct VoucherNumbers {
    series: HashMap<u128, Series>,
    open: Option<Open>,
    /// Runs (the open one too), other numbers and series kept.
    entries: u64,
    most: u64,
}

impl Default for VoucherNumbers {
    fn default() -> Self {
        VoucherNumbers::new(u64::MAX)
    }
}

/// A 128-bit hash of `text`: two SipHash-1-3 sums under different keys.
fn hash(text: &str) -> u128 {
    let half = |key: u8| {
        let mut hasher = std::hash::DefaultHasher::new();
        key.hash(&mut hasher);
        text.hash(&mut hasher);
        hasher.finish()
    };
    u128::from(half(0)) << 64 | u128::from(half(1))
}

/// A number of plain digits without leading zeros, as a number.
fn plain(number: &str) -> Option<u64> {
    let plain = !number.is_empty()
        && number.bytes().all(|byte| byte.is_ascii_digit())
        && (number == "0" || !number.starts_with('0'));
    plain.then(|| number.parse().ok()).flatten()
}

impl Series {
    /// Whether a run holds any number of `first..=last`.
    fn holds(&self, first: u64, last: u64) -> bool {
        self.runs
            .range(..=last)
            .next_back()
            .is_some_and(|(_, &end)| end >= first)
    }

    /// Adds `first..=last`, which no run holds, joining the runs it touches; the change in the
    /// number of runs.
    fn add_run(&mut self, first: u64, last: u64) -> i64 {
        let (mut start, mut end, mut joined) = (first, last, 0);
        if let Some((&before, &ends)) = self.runs.range(..first).next_back()
            && ends.checked_add(1) == Some(first)
        {
            self.runs.remove(&before);
            (start, joined) = (before, joined + 1);
        }
        if let Some(next) = last.checked_add(1)
            && let Some(ends) = self.runs.remove(&next)
        {
            (end, joined) = (ends, joined + 1);
        }
        self.runs.insert(start, end);
        1 - joined
    }
}

impl VoucherNumbers {
    pub(in crate::sie) fn new(most: u64) -> Self {
        VoucherNumbers {
            series: HashMap::new(),
            open: None,
            entries: 0,
            most,
        }
    }

    /// Records `number` in `series`.
    #[inline]
    pub(in crate::sie) fn insert(&mut self, series: &str, number: &str) -> Seen {
        let value = plain(number);
        if let (Some(value), Some(open)) = (value, self.open.as_mut())
            && open.series == series
            && open.last.checked_add(1) == Some(value)
            && value < open.next
        {
            open.last = value;
            return Seen::New;
        }
        self.close();
        let key = hash(series);
        let again = self.series.get(&key).is_some_and(|kept| match value {
            Some(value) => kept.holds(value, value),
            None => kept.others.contains(&hash(number)),
        });
        if again {
            return Seen::Again;
        }
        // At most a new series and a new run: past the limit nothing more is kept.
        if self.entries + 2 > self.most {
            return Seen::TooMany;
        }
        let new_series = !self.series.contains_key(&key);
        let kept = self.series.entry(key).or_default();
        match value {
            Some(value) => {
                let next = value
                    .checked_add(1)
                    .and_then(|after| kept.runs.range(after..).next())
                    .map_or(u64::MAX, |(&start, _)| start);
                self.open = Some(Open {
                    series: series.to_string(),
                    key,
                    first: value,
                    last: value,
                    next,
                });
            }
            None => {
                kept.others.insert(hash(number));
            }
        }
        self.entries += 1 + u64::from(new_series);
        Seen::New
    }

    /// Puts the open run into its series, joining the runs it touches.
    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            let kept = self.series.entry(open.key).or_default();
            let added = kept.add_run(open.first, open.last);
            // The open run was counted when it opened.
            self.entries = self.entries.saturating_add_signed(added - 1);
        }
    }

    /// Adds every number of `other`; false when any of them was already here.
    pub(in crate::sie) fn join(&mut self, mut other: VoucherNumbers) -> bool {
        self.close();
        other.close();
        let mut disjoint = true;
        for (key, theirs) in other.series {
            let mut added = i64::from(!self.series.contains_key(&key));
            let mine = self.series.entry(key).or_default();
            for (first, last) in theirs.runs {
                if mine.holds(first, last) {
                    disjoint = false;
                } else {
                    added += mine.add_run(first, last);
                }
            }
            for hash in theirs.others {
                if mine.others.insert(hash) {
                    added += 1;
                } else {
                    disjoint = false;
                }
            }
            self.entries = self.entries.saturating_add_signed(added);
        }
        disjoint
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_a_series_has_had_is_found_again() {
        let mut numbers = VoucherNumbers::default();
        assert_eq!(numbers.insert("A", "129"), Seen::New);
        assert_eq!(numbers.insert("B", "129"), Seen::New);
        assert_eq!(numbers.insert("A", "129"), Seen::Again);
        assert_eq!(numbers.insert("A", "2025-001"), Seen::New);
        assert_eq!(numbers.insert("A", "2025-001"), Seen::Again);
        assert_eq!(
            numbers.insert("A", "0129"),
            Seen::New,
            "another number as text"
        );
    }

    #[test]
    fn numbers_in_a_row_are_one_run_whatever_their_order() {
        let mut numbers = VoucherNumbers::default();
        for number in (1..=1_000).rev().chain(1_001..=2_000) {
            assert_eq!(numbers.insert("A", &number.to_string()), Seen::New);
        }
        numbers.close();
        assert_eq!(numbers.entries, 2, "one series and one run");
        assert_eq!(numbers.insert("A", "500"), Seen::Again);
        for number in [5_000, 5_002, 5_001] {
            numbers.insert("A", &number.to_string());
        }
        numbers.close();
        assert_eq!(numbers.entries, 3, "5 000–5 002 closed into one run");
    }

    #[test]
    fn past_the_limit_nothing_more_is_kept_but_a_repeat_is_still_found() {
        let mut numbers = VoucherNumbers::new(4);
        assert_eq!(numbers.insert("A", "1"), Seen::New);
        assert_eq!(numbers.insert("A", "3"), Seen::New);
        assert_eq!(numbers.insert("A", "5"), Seen::TooMany);
        assert_eq!(
            numbers.insert("A", "3"),
            Seen::Again,
            "a repeat is still found"
        );
    }

    #[test]
    fn joining_finds_a_number_both_had() {
        let mut first = VoucherNumbers::default();
        let mut second = VoucherNumbers::default();
        for number in 1..=100 {
            first.insert("A", &number.to_string());
        }
        for number in 101..=200 {
            second.insert("A", &number.to_string());
        }
        second.insert("B", "x");
        assert!(first.join(second.clone()));
        assert_eq!(first.insert("A", "150"), Seen::Again);
        assert_eq!(first.insert("B", "x"), Seen::Again);
        assert_eq!(first.insert("A", "201"), Seen::New);
        assert!(!first.join(second), "everything in it is here already");
    }
}
