//! Which budget line an account belongs to, and which unit a cost centre belongs to.
//!
//! Both are data the controller edits: municipalities differ in how they use Kommun-Bas, and
//! cost centres are renumbered when the organisation changes. An account no rule covers, or a
//! cost centre no rule covers on the date of the booking, is *unmapped*: the follow-up lists it
//! with its amount, it is never dropped.

use serde::Serialize;

use crate::operating::{LineKind, OperatingRow};

mod cost_centre;

pub use cost_centre::{CostCentreIndex, CostCentreMapping, CostCentreRule};

/// Accounts whose number starts with `prefix` belong to `row`; `None` means they are left out
/// of the follow-up on purpose (taxes and equalisation, say), which is not the same as unmapped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountRule {
    pub prefix: String,
    pub row: Option<OperatingRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountMapping {
    pub rules: Vec<AccountRule>,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("kontointervallet ”{0}” ska vara början på ett kontonummer: bara siffror")]
    NotDigits(String),
    #[error("kontointervallet ”{0}” står två gånger")]
    Duplicate(String),
    #[error(
        "{0} kan inte följas upp mot konton; välj en intäkts- eller kostnadsrad eller finansnetto"
    )]
    DerivedRow(&'static str),
}

/// What an account is, for the follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountUse {
    Row(OperatingRow),
    /// Left out on purpose by a rule.
    Excluded,
    /// A balance-sheet account (class 1 or 2): not part of a follow-up of the operating budget.
    BalanceSheet,
    Unmapped,
}

/// Whether `account` is on the income statement (classes 3–9), which a follow-up of the
/// operating budget reads; classes 1 and 2 are the balance sheet.
pub fn is_result_account(account: u32) -> bool {
    let mut leading = account;
    while leading >= 10 {
        leading /= 10;
    }
    leading >= 3
}

fn rule(prefix: &str, row: Option<OperatingRow>) -> AccountRule {
    AccountRule {
        prefix: prefix.to_string(),
        row,
    }
}

impl AccountMapping {
    pub fn new(rules: Vec<AccountRule>) -> Result<AccountMapping, MappingError> {
        for (index, rule) in rules.iter().enumerate() {
            if rule.prefix.is_empty() || !rule.prefix.bytes().all(|byte| byte.is_ascii_digit()) {
                return Err(MappingError::NotDigits(rule.prefix.clone()));
            }
            if rules[..index]
                .iter()
                .any(|other| other.prefix == rule.prefix)
            {
                return Err(MappingError::Duplicate(rule.prefix.clone()));
            }
            if let Some(row) = rule.row
                && !matches!(
                    row,
                    OperatingRow::Line(_) | OperatingRow::FinancialNet | OperatingRow::Kommunbidrag
                )
            {
                return Err(MappingError::DerivedRow(row.label()));
            }
        }
        Ok(AccountMapping { rules })
    }

    /// The default for Kommun-Bas (SKR): class 3 revenue; 4 purchased activity, goods and
    /// services; 5 personnel; 61 premises and land rent; the rest of 6 and 7 other costs;
    /// 84 financial income and 85 financial costs; the rest of 8 (taxes, equalisation,
    /// extraordinary items) left out, as a board's operating budget does not hold them.
    pub fn kommun_bas() -> AccountMapping {
        AccountMapping {
            rules: vec![
                rule("3", Some(OperatingRow::Line(LineKind::Revenue))),
                rule("4", Some(OperatingRow::Line(LineKind::PurchasedServices))),
                rule("5", Some(OperatingRow::Line(LineKind::Personnel))),
                rule("6", Some(OperatingRow::Line(LineKind::OtherCosts))),
                rule("61", Some(OperatingRow::Line(LineKind::PremisesRent))),
                rule("7", Some(OperatingRow::Line(LineKind::OtherCosts))),
                rule("8", None),
                rule("84", Some(OperatingRow::FinancialNet)),
                rule("85", Some(OperatingRow::FinancialNet)),
            ],
        }
    }

    /// The default for the companies' BAS chart (EUBAS97, BAS 20xx), which SIE files from
    /// companies use: 3 revenue; 4 goods and subcontracts; 50 premises (5010 lokalhyra);
    /// the rest of 5 and 6 other external costs; 7 personnel, with 77–79 depreciation as other
    /// costs; 8 financial items.
    pub fn bas() -> AccountMapping {
        AccountMapping {
            rules: vec![
                rule("3", Some(OperatingRow::Line(LineKind::Revenue))),
                rule("4", Some(OperatingRow::Line(LineKind::PurchasedServices))),
                rule("5", Some(OperatingRow::Line(LineKind::OtherCosts))),
                rule("50", Some(OperatingRow::Line(LineKind::PremisesRent))),
                rule("6", Some(OperatingRow::Line(LineKind::OtherCosts))),
                rule("7", Some(OperatingRow::Line(LineKind::Personnel))),
                rule("77", Some(OperatingRow::Line(LineKind::OtherCosts))),
                rule("78", Some(OperatingRow::Line(LineKind::OtherCosts))),
                rule("79", Some(OperatingRow::Line(LineKind::OtherCosts))),
                rule("8", Some(OperatingRow::FinancialNet)),
                rule("88", None),
                rule("89", None),
            ],
        }
    }

    /// The default for a file's chart type (#KPTYP): BAS for the companies' charts (EUBAS97,
    /// BAS2024 …), Kommun-Bas otherwise.
    pub fn for_chart(chart_type: Option<&str>) -> AccountMapping {
        match chart_type.map(str::to_ascii_uppercase) {
            Some(chart)
                if chart.contains("BAS")
                    && !chart.contains("KOMMUN")
                    && !chart.contains("K-BAS") =>
            {
                AccountMapping::bas()
            }
            _ => AccountMapping::kommun_bas(),
        }
    }

    /// What `account` is: the row of the longest matching prefix.
    pub fn use_of(&self, account: u32) -> AccountUse {
        if !is_result_account(account) {
            return AccountUse::BalanceSheet;
        }
        let digits = account.to_string();
        let best = self
            .rules
            .iter()
            .filter(|rule| digits.starts_with(&rule.prefix))
            .max_by_key(|rule| rule.prefix.len());
        match best {
            Some(AccountRule { row: Some(row), .. }) => AccountUse::Row(*row),
            Some(AccountRule { row: None, .. }) => AccountUse::Excluded,
            None => AccountUse::Unmapped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::month::Month;
    use super::*;
    use crate::calendar::{Date, Year};
    use crate::organisation::UnitId;

    #[test]
    fn the_index_answers_as_the_rules_do() {
        let date = |month| Date::new(2025, month, 1).expect("a date");
        let rule = |object: &str, unit: &str, from: Option<u8>, to: Option<u8>| CostCentreRule {
            object: object.into(),
            unit: UnitId(unit.into()),
            valid_from: from.map(date),
            valid_to: to.map(date),
        };
        // The ekonomi cost centre moved from one unit to another in May; the first rule that
        // covers a month decides, in the index as in the list.
        let mapping = CostCentreMapping {
            rules: vec![
                rule("1100", "ekonomi", None, Some(4)),
                rule("1100", "stab", Some(5), None),
                rule("1200", "it", None, None),
                rule("1200", "ekonomi", None, None),
            ],
        };
        let index = mapping.index();
        let year = Year::new(2025).expect("a year");
        for object in ["1100", "1200", "9999"] {
            for number in 1..=12 {
                let month = Month::new(year, number).expect("a month");
                assert_eq!(
                    index.unit_for(object, month),
                    mapping.unit_for(object, month),
                    "{object} in {month}"
                );
            }
        }
    }

    #[test]
    fn the_longest_prefix_decides() {
        let mapping = AccountMapping::kommun_bas();
        assert_eq!(
            mapping.use_of(3011),
            AccountUse::Row(OperatingRow::Line(LineKind::Revenue))
        );
        assert_eq!(
            mapping.use_of(6110),
            AccountUse::Row(OperatingRow::Line(LineKind::PremisesRent))
        );
        assert_eq!(
            mapping.use_of(6410),
            AccountUse::Row(OperatingRow::Line(LineKind::OtherCosts))
        );
        assert_eq!(
            mapping.use_of(8410),
            AccountUse::Row(OperatingRow::FinancialNet)
        );
        assert_eq!(mapping.use_of(8010), AccountUse::Excluded);
        assert_eq!(mapping.use_of(1930), AccountUse::BalanceSheet);
        assert_eq!(mapping.use_of(9100), AccountUse::Unmapped);
    }

    #[test]
    fn rules_are_checked() {
        assert!(AccountMapping::new(vec![rule("3a", None)]).is_err());
        assert!(AccountMapping::new(vec![rule("3", None), rule("3", None)]).is_err());
        assert!(AccountMapping::new(vec![rule("3", Some(OperatingRow::Costs))]).is_err());
        assert!(AccountMapping::new(AccountMapping::bas().rules).is_ok());
    }

    #[test]
    fn a_cost_centre_follows_its_rule_by_date() {
        let date = |text: &str| {
            let (year, rest) = text.split_at(4);
            Date::new(
                year.parse().expect("year"),
                rest[1..3].parse().expect("month"),
                rest[4..].parse().expect("day"),
            )
            .expect("a date")
        };
        let mapping = CostCentreMapping {
            rules: vec![
                CostCentreRule {
                    object: "1100".into(),
                    unit: UnitId("it".into()),
                    valid_from: None,
                    valid_to: Some(date("2024-12-31")),
                },
                CostCentreRule {
                    object: "1100".into(),
                    unit: UnitId("digitalisering".into()),
                    valid_from: Some(date("2025-01-01")),
                    valid_to: None,
                },
            ],
        };
        let month =
            |year, number| Month::new(Year::new(year).expect("year"), number).expect("month");
        assert_eq!(
            mapping.unit_for("1100", month(2024, 12)),
            Some(&UnitId("it".into()))
        );
        assert_eq!(
            mapping.unit_for("1100", month(2025, 1)),
            Some(&UnitId("digitalisering".into()))
        );
        assert_eq!(mapping.unit_for("1200", month(2025, 1)), None);
    }
}
