//! A kontogrupp of Kommun-Bas (two digits, "30" to "89") and the row of the resultaträkning
//! its lines belong to. Municipalities differ in detail; this is the common default (class 3
//! revenue, 4–7 costs with 68 depreciation, 80 tax, 82 generella statsbidrag och utjämning, 84
//! financial income, 85 financial costs, 87 extraordinary items).

use serde::Serialize;

/// The rows the resultaträkning is made of that lines are entered on; the derived rows
/// (nettokostnader, resultat) are sums of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementRow {
    Revenue,
    Costs,
    Depreciation,
    Tax,
    Grants,
    FinancialIncome,
    FinancialCosts,
    Extraordinary,
}

impl StatementRow {
    pub const ALL: [StatementRow; 8] = [
        StatementRow::Revenue,
        StatementRow::Costs,
        StatementRow::Depreciation,
        StatementRow::Tax,
        StatementRow::Grants,
        StatementRow::FinancialIncome,
        StatementRow::FinancialCosts,
        StatementRow::Extraordinary,
    ];

    /// The row's label as the resultatbudget writes it.
    pub const fn label(self) -> &'static str {
        match self {
            StatementRow::Revenue => "Verksamhetens intäkter",
            StatementRow::Costs => "Verksamhetens kostnader",
            StatementRow::Depreciation => "Avskrivningar",
            StatementRow::Tax => "Skatteintäkter",
            StatementRow::Grants => "Generella statsbidrag och utjämning",
            StatementRow::FinancialIncome => "Finansiella intäkter",
            StatementRow::FinancialCosts => "Finansiella kostnader",
            StatementRow::Extraordinary => "Extraordinära poster",
        }
    }

    /// A board budgets its operations only; tax, grants and financial items are the council's.
    pub const fn is_operating(self) -> bool {
        matches!(
            self,
            StatementRow::Revenue | StatementRow::Costs | StatementRow::Depreciation
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct AccountGroup(u8);

impl AccountGroup {
    /// A kontogrupp from its two digits, if it belongs to a row of the resultaträkning.
    pub fn new(digits: &str) -> Option<AccountGroup> {
        let number: u8 = match digits.as_bytes() {
            [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => (tens - b'0') * 10 + (ones - b'0'),
            _ => return None,
        };
        let group = AccountGroup(number);
        group.row().map(|_| group)
    }

    pub const fn number(self) -> u8 {
        self.0
    }

    pub const fn row(self) -> Option<StatementRow> {
        match self.0 {
            30..=39 => Some(StatementRow::Revenue),
            68 => Some(StatementRow::Depreciation),
            40..=79 => Some(StatementRow::Costs),
            80 => Some(StatementRow::Tax),
            82 => Some(StatementRow::Grants),
            84 => Some(StatementRow::FinancialIncome),
            85 => Some(StatementRow::FinancialCosts),
            87 => Some(StatementRow::Extraordinary),
            _ => None,
        }
    }

    /// The row; every `AccountGroup` has one, made only by [`AccountGroup::new`].
    pub fn statement_row(self) -> StatementRow {
        self.row().unwrap_or(StatementRow::Costs)
    }
}

impl std::fmt::Display for AccountGroup {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{:02}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommun_bas_classes_map_to_the_resultatrakning() {
        let row = |digits| AccountGroup::new(digits).map(AccountGroup::statement_row);
        assert_eq!(row("30"), Some(StatementRow::Revenue));
        assert_eq!(row("50"), Some(StatementRow::Costs));
        assert_eq!(row("68"), Some(StatementRow::Depreciation));
        assert_eq!(row("80"), Some(StatementRow::Tax));
        assert_eq!(row("82"), Some(StatementRow::Grants));
        assert_eq!(row("84"), Some(StatementRow::FinancialIncome));
        assert_eq!(row("85"), Some(StatementRow::FinancialCosts));
        assert_eq!(row("81"), None);
        assert_eq!(row("3"), None);
        assert_eq!(row("300"), None);
        assert_eq!(row("2x"), None);
    }
}
