//! Spreading a year's budget over its twelve months.
//!
//! Evenly, or by a profile of twelve weights (a line that pays holiday pay in June, a heating
//! cost that follows the winter). The months are rounded to whole kronor by the largest
//! remainder method, so they always add up to the year to the öre: the kronor left over after
//! rounding each month down go, one by one, to the months whose exact share was cut the most
//! (the earlier month first on a tie).

use serde::Serialize;

use crate::money::Amount;

/// Twelve relative weights, January first. Even when every weight is the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Profile(pub [u32; 12]);

impl Profile {
    pub const EVEN: Profile = Profile([1; 12]);

    pub fn total(&self) -> u64 {
        self.0.iter().map(|weight| u64::from(*weight)).sum()
    }
}

/// `year` over twelve months by `profile`, in whole kronor except for the öre of `year` itself,
/// which go to December. A profile whose weights are all zero spreads evenly.
pub fn spread(year: Amount, profile: &Profile) -> [Amount; 12] {
    let profile = if profile.total() == 0 {
        &Profile::EVEN
    } else {
        profile
    };
    let total = i128::from(profile.total());
    let negative = year.ore() < 0;
    let magnitude = i128::from(year.ore()).abs();
    let kronor = magnitude / 100;
    let ore = magnitude % 100;
    let mut months = [0i128; 12];
    let mut remainders = [(0i128, 0usize); 12];
    for (index, weight) in profile.0.iter().enumerate() {
        let exact = kronor * i128::from(*weight);
        months[index] = exact / total;
        remainders[index] = (exact % total, index);
    }
    let mut left = kronor - months.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, index) in remainders {
        if left == 0 {
            break;
        }
        months[index] += 1;
        left -= 1;
    }
    let mut result = [Amount::ZERO; 12];
    for (index, kronor) in months.iter().enumerate() {
        let mut value = kronor * 100;
        if index == 11 {
            value += ore;
        }
        let value = i64::try_from(if negative { -value } else { value })
            .expect("a month is no larger than its year, and has its sign");
        result[index] = Amount::from_ore(value);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_even_spread_adds_up_to_the_year() {
        let months = spread(Amount::from_kr(-100_000), &Profile::EVEN);
        assert_eq!(
            Amount::try_sum(months.iter().copied()).expect("in range"),
            Amount::from_kr(-100_000)
        );
        // 100 000 / 12 = 8 333,33…: four months get the extra krona, the first four.
        assert_eq!(months[0], Amount::from_kr(-8_334));
        assert_eq!(months[4], Amount::from_kr(-8_333));
    }

    #[test]
    fn a_profile_weights_the_months_and_ore_go_to_december() {
        let mut weights = [1; 12];
        weights[5] = 2;
        let months = spread(Amount::from_ore(1_300_050), &Profile(weights));
        assert_eq!(months[5], Amount::from_kr(2_000));
        assert_eq!(months[11], Amount::from_ore(100_050));
        assert_eq!(
            Amount::try_sum(months.iter().copied()).expect("in range"),
            Amount::from_ore(1_300_050)
        );
    }

    #[test]
    fn a_year_at_the_end_of_the_range_is_spread_to_the_ore() {
        let weights = [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        for ore in [i64::MIN, i64::MAX, -i64::MAX] {
            let months = spread(Amount::from_ore(ore), &Profile(weights));
            assert_eq!(months[5].ore(), ore / 100 * 100);
            assert_eq!(months[11].ore(), ore % 100);
        }
    }

    #[test]
    fn every_spread_adds_up_exactly() {
        for ore in [0, 1, 99, 100, 1_199, 123_456_789, -987_654_321] {
            for weights in [
                [1; 12],
                [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
                [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8],
            ] {
                let months = spread(Amount::from_ore(ore), &Profile(weights));
                assert_eq!(
                    Amount::try_sum(months.iter().copied()).expect("in range"),
                    Amount::from_ore(ore)
                );
            }
        }
    }
}
