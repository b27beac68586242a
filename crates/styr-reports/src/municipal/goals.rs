//! The financial goals evaluated per year, exactly: the ratio is compared with the goal's
//! floor as fractions of integers, and shown to one decimal.

use serde::Serialize;
use styr_domain::money::Amount;
use styr_domain::municipal::{FinancialGoal, GoalKind, StatementRow};
use styr_domain::percent::Percent;

use super::statements::{EQUITY, INVESTMENTS, RESULT, TOTAL_ASSETS};
use super::table::StatementTable;

/// One year of a goal: the ratio (none when its base is zero or negative) and whether it
/// reaches the floor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalYear {
    pub ratio: Option<Percent>,
    pub met: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalEvaluation {
    pub name: String,
    pub kind: GoalKind,
    pub minimum: Percent,
    pub years: Vec<GoalYear>,
}

/// The tables a goal's figures come from.
pub struct Sources<'a> {
    pub income: &'a StatementTable,
    pub balance_sheet: &'a StatementTable,
    pub investments: &'a StatementTable,
}

pub fn evaluate(goal: &FinancialGoal, sources: &Sources<'_>) -> GoalEvaluation {
    let exact = |table: &StatementTable, label: &str| {
        table
            .row(label)
            .map(|line| line.exact.clone())
            .unwrap_or_default()
    };
    let result = exact(sources.income, RESULT);
    let (numerator, denominator): (Vec<i128>, Vec<i128>) = match goal.kind {
        GoalKind::ResultShare => {
            let tax = exact(sources.income, StatementRow::Tax.label());
            let grants = exact(sources.income, StatementRow::Grants.label());
            (
                ore(&result),
                tax.iter()
                    .zip(&grants)
                    .map(|(a, b)| i128::from(a.ore()) + i128::from(b.ore()))
                    .collect(),
            )
        }
        GoalKind::SelfFinancing => {
            let depreciation = exact(sources.income, StatementRow::Depreciation.label());
            (
                // Depreciation is a cost (negative); what finances investments is the result
                // with it added back.
                result
                    .iter()
                    .zip(&depreciation)
                    .map(|(a, b)| i128::from(a.ore()) - i128::from(b.ore()))
                    .collect(),
                ore(&exact(sources.investments, INVESTMENTS)),
            )
        }
        GoalKind::EquityRatio => (
            ore(&exact(sources.balance_sheet, EQUITY)),
            ore(&exact(sources.balance_sheet, TOTAL_ASSETS)),
        ),
    };
    let years = numerator
        .iter()
        .zip(&denominator)
        .map(|(numerator, denominator)| ratio(*numerator, *denominator, goal.minimum))
        .collect();
    GoalEvaluation {
        name: goal.name.clone(),
        kind: goal.kind,
        minimum: goal.minimum,
        years,
    }
}

fn ore(amounts: &[Amount]) -> Vec<i128> {
    amounts
        .iter()
        .map(|amount| i128::from(amount.ore()))
        .collect()
}

/// Ten-thousandths of a percent per whole.
const SCALE: i128 = 1_000_000;

fn ratio(numerator: i128, denominator: i128, minimum: Percent) -> GoalYear {
    if denominator <= 0 {
        return GoalYear {
            ratio: None,
            met: None,
        };
    }
    // Öre are below 2^63 and the scale below 2^20: the product stays inside i128.
    let scaled = numerator * SCALE;
    let half = denominator / 2;
    let rounded = if scaled >= 0 {
        (scaled + half) / denominator
    } else {
        (scaled - half) / denominator
    };
    let met = scaled >= i128::from(minimum.ten_thousandths()) * denominator;
    GoalYear {
        ratio: i64::try_from(rounded)
            .ok()
            .map(Percent::from_ten_thousandths),
        met: Some(met),
    }
}

impl GoalYear {
    /// The ratio as the document shows it, to one decimal ("2,4 %"), or "–" when it cannot be
    /// computed.
    pub fn shown(&self) -> String {
        match self.ratio {
            Some(ratio) => {
                let tenths = ratio.ten_thousandths();
                let rounded = if tenths >= 0 {
                    (tenths + 500) / 1_000
                } else {
                    (tenths - 500) / 1_000
                };
                format!("{} %", styr_domain::format::decimal(i128::from(rounded), 1))
            }
            None => "–".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ratio_exactly_at_the_floor_meets_it_and_one_ore_below_does_not() {
        let two = Percent::from_tenths(20);
        // 2 % of 1 000 000 öre is 20 000 öre.
        assert_eq!(ratio(20_000, 1_000_000, two).met, Some(true));
        assert_eq!(ratio(19_999, 1_000_000, two).met, Some(false));
        assert_eq!(ratio(20_000, 1_000_000, two).ratio, Some(two));
        assert_eq!(
            ratio(-5_000, 1_000_000, two).ratio,
            Some(Percent::from_tenths(-5))
        );
        assert_eq!(
            ratio(1, 0, two),
            GoalYear {
                ratio: None,
                met: None
            }
        );
    }
}
