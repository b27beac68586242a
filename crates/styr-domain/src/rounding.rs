//! Rounding a table so that it still adds up: the largest-remainder method.
//!
//! Rounding every figure of a table on its own can make the shown rows disagree with the shown
//! total by a unit or two ("100 + 200 ≠ 301"). A table styr shows is rounded instead as a whole:
//! the total is rounded half away from zero, each part is rounded down, and the units still
//! missing go one each to the parts with the largest remainders (the first of equal remainders
//! first). The shown parts then add up to the shown total exactly, and no part moves by a whole
//! step or more from its exact value.

use crate::money::{Amount, AmountOverflow, Precision};

/// The parts rounded to whole steps of `precision` so that they add up to their exact sum
/// rounded half away from zero; [`AmountOverflow`] when a rounded part or the total lies beyond
/// the range of an amount.
pub fn largest_remainder(
    parts: &[Amount],
    precision: Precision,
) -> Result<Vec<Amount>, AmountOverflow> {
    let step = i128::from(precision.step_ore());
    // Worked in i128, where no sum of amounts can overflow.
    let exact: i128 = parts.iter().map(|part| i128::from(part.ore())).sum();
    let total = i64::try_from(exact).map_err(|_| AmountOverflow)?;
    let target = Amount::from_ore(total).rounded_ore(precision);
    let mut floors: Vec<i128> = parts
        .iter()
        .map(|part| i128::from(part.ore()).div_euclid(step) * step)
        .collect();
    let mut missing = (target - floors.iter().sum::<i128>()) / step;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; a stable sort keeps the first of equal remainders first.
    order.sort_by_key(|&index| std::cmp::Reverse(i128::from(parts[index].ore()).rem_euclid(step)));
    for index in order {
        if missing <= 0 {
            break;
        }
        if i128::from(parts[index].ore()).rem_euclid(step) > 0 {
            floors[index] += step;
            missing -= 1;
        }
    }
    floors
        .into_iter()
        .map(|ore| {
            i64::try_from(ore)
                .map(Amount::from_ore)
                .map_err(|_| AmountOverflow)
        })
        .collect()
}

/// The parts rounded to whole steps of `precision` so that they add up to `target` (a whole
/// number of steps, near the parts' exact sum): the parts are rounded down, and the steps
/// still missing go one each to the parts with the largest remainders — or, when `target`
/// lies below the rounded-down sum, are taken one each from the parts with the smallest.
/// What a shown table does when a sum it shows elsewhere must be the sum of these parts.
pub fn apportion(
    parts: &[Amount],
    target: Amount,
    precision: Precision,
) -> Result<Vec<Amount>, AmountOverflow> {
    let step = i128::from(precision.step_ore());
    let mut floors: Vec<i128> = parts
        .iter()
        .map(|part| i128::from(part.ore()).div_euclid(step) * step)
        .collect();
    if floors.is_empty() {
        return Ok(Vec::new());
    }
    let mut missing = (i128::from(target.ore()) - floors.iter().sum::<i128>()) / step;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(i128::from(parts[index].ore()).rem_euclid(step)));
    let mut turn = 0;
    while missing > 0 {
        floors[order[turn % order.len()]] += step;
        missing -= 1;
        turn += 1;
    }
    let mut turn = 0;
    while missing < 0 {
        floors[order[order.len() - 1 - turn % order.len()]] -= step;
        missing += 1;
        turn += 1;
    }
    floors
        .into_iter()
        .map(|ore| {
            i64::try_from(ore)
                .map(Amount::from_ore)
                .map_err(|_| AmountOverflow)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kr(values: &[i64]) -> Vec<Amount> {
        values.iter().map(|&kr| Amount::from_kr(kr)).collect()
    }

    #[test]
    fn parts_are_apportioned_to_a_given_total() {
        // 1 400 + 1 400 + 1 700 kr to 6 tkr: one step more than the rounded 5.
        let shown = apportion(
            &kr(&[1_400, 1_400, 1_700]),
            Amount::from_tkr(6),
            Precision::TKR,
        )
        .expect("in range");
        assert_eq!(shown, [2, 2, 2].map(Amount::from_tkr));
        let shown = apportion(
            &kr(&[1_400, 1_400, 1_700]),
            Amount::from_tkr(3),
            Precision::TKR,
        )
        .expect("in range");
        assert_eq!(shown, [1, 1, 1].map(Amount::from_tkr));
        let shown = apportion(
            &kr(&[1_400, 1_400, 1_700]),
            Amount::from_tkr(2),
            Precision::TKR,
        )
        .expect("in range");
        assert_eq!(
            shown,
            [1, 0, 1].map(Amount::from_tkr),
            "the smallest remainder gives first"
        );
        assert_eq!(
            largest_remainder(&kr(&[1_400, 1_400, 1_700]), Precision::TKR),
            apportion(
                &kr(&[1_400, 1_400, 1_700]),
                Amount::from_tkr(5),
                Precision::TKR
            )
        );
    }

    #[test]
    fn three_thirds_add_up_to_the_whole() {
        // 333,333 + 333,333 + 333,334 tkr = 1 000 tkr; each on its own rounds to 333.
        let parts = [
            Amount::from_ore(33_333_300),
            Amount::from_ore(33_333_300),
            Amount::from_ore(33_333_400),
        ];
        let shown = largest_remainder(&parts, Precision::TKR).expect("in range");
        assert_eq!(
            shown,
            vec![
                Amount::from_tkr(333),
                Amount::from_tkr(333),
                Amount::from_tkr(334)
            ]
        );
    }

    #[test]
    fn the_largest_remainder_gets_the_missing_unit() {
        // 1 400 + 1 400 + 1 700 kr = 4 500 kr → 5 tkr; floors 1 + 1 + 1 = 3; the two missing go to
        // the 700 first, then to the first 400.
        let shown =
            largest_remainder(&kr(&[1_400, 1_400, 1_700]), Precision::TKR).expect("in range");
        assert_eq!(
            shown,
            vec![
                Amount::from_tkr(2),
                Amount::from_tkr(1),
                Amount::from_tkr(2)
            ]
        );
    }

    #[test]
    fn negative_figures_round_as_a_table_of_costs_does() {
        // -1 400 - 1 400 - 1 700 = -4 500 kr → -5 tkr (half away from zero).
        let shown =
            largest_remainder(&kr(&[-1_400, -1_400, -1_700]), Precision::TKR).expect("in range");
        let sum: i64 = shown.iter().map(|amount| amount.ore()).sum();
        assert_eq!(Amount::from_ore(sum), Amount::from_tkr(-5));
        assert_eq!(
            shown,
            vec![
                Amount::from_tkr(-1),
                Amount::from_tkr(-2),
                Amount::from_tkr(-2)
            ]
        );
    }

    #[test]
    fn whole_figures_are_left_as_they_are() {
        let parts = [Amount::from_tkr(100_548), Amount::from_tkr(-114_196)];
        assert_eq!(
            largest_remainder(&parts, Precision::TKR),
            Ok(parts.to_vec())
        );
        // In mnkr each on its own would be 100,5 and -114,2, which add to -13,7; the sum
        // -13,648 rounds to -13,6, so the larger remainder (0,048) takes the missing step.
        assert_eq!(
            largest_remainder(&parts, Precision::MNKR_ONE_DECIMAL),
            Ok(vec![Amount::from_tkr(100_600), Amount::from_tkr(-114_200)])
        );
    }

    #[test]
    fn a_table_beyond_the_range_is_an_error() {
        let most = Amount::from_ore(i64::MAX);
        assert_eq!(
            largest_remainder(&[most, Amount::from_ore(1)], Precision::TKR),
            Err(AmountOverflow)
        );
        assert_eq!(
            largest_remainder(&[most], Precision::TKR),
            Err(AmountOverflow)
        );
        // Each part rounds to 92 233 720 368 548 tkr, one öre-step beyond the range.
        assert_eq!(
            largest_remainder(&[most, Amount::from_ore(-most.ore())], Precision::TKR),
            Err(AmountOverflow)
        );
    }

    proptest! {
        #[test]
        fn the_parts_add_up_and_stay_within_one_step(
            ore in proptest::collection::vec(-10_000_000_000_i64..10_000_000_000, 0..12)
        ) {
            let parts: Vec<Amount> = ore.iter().map(|&ore| Amount::from_ore(ore)).collect();
            for precision in [Precision::TKR, Precision::MNKR_ONE_DECIMAL] {
                let shown = largest_remainder(&parts, precision).expect("in range");
                let exact: i64 = ore.iter().sum();
                let total: i64 = shown.iter().map(|amount| amount.ore()).sum();
                prop_assert_eq!(total, Amount::from_ore(exact).round_to(precision).expect("in range").ore());
                for (part, shown) in parts.iter().zip(&shown) {
                    prop_assert_eq!(shown.ore() % precision.step_ore(), 0);
                    prop_assert!((shown.ore() - part.ore()).abs() < precision.step_ore());
                }
            }
        }
    }
}
