//! One year's column of an operating table: the entered figures added up over the table's
//! units, and the rows derived from them — each sum checked, so a column that exists is known
//! to be within the range of an amount.
//!
//! ```text
//! EnteredFigures { revenue: 108 608, personnel: -116 205, … }.derive()
//!   → costs -227 242, net cost -118 634, result 1 (with kommunbidrag 118 535, finansnetto 100)
//! ```

use serde::Serialize;

use super::{LineKind, OperatingRow};
use crate::money::{Amount, AmountOverflow};

/// The entered figures of one year, added up over a table's units: what the derived rows are
/// computed from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EnteredFigures {
    pub revenue: Amount,
    pub personnel: Amount,
    pub premises_rent: Amount,
    pub purchased_services: Amount,
    pub other_costs: Amount,
    pub kommunbidrag: Amount,
    pub financial_net: Amount,
}

impl EnteredFigures {
    pub fn line(&self, kind: LineKind) -> Amount {
        match kind {
            LineKind::Revenue => self.revenue,
            LineKind::Personnel => self.personnel,
            LineKind::PremisesRent => self.premises_rent,
            LineKind::PurchasedServices => self.purchased_services,
            LineKind::OtherCosts => self.other_costs,
        }
    }

    /// Adds `amount` to the line, or leaves the figures as they were when the sum would leave
    /// the range.
    pub fn add_line(&mut self, kind: LineKind, amount: Amount) -> Result<(), AmountOverflow> {
        let slot = match kind {
            LineKind::Revenue => &mut self.revenue,
            LineKind::Personnel => &mut self.personnel,
            LineKind::PremisesRent => &mut self.premises_rent,
            LineKind::PurchasedServices => &mut self.purchased_services,
            LineKind::OtherCosts => &mut self.other_costs,
        };
        *slot = slot.checked_add(amount)?;
        Ok(())
    }

    /// Every derived row computed, or the first row in the table's order whose sum leaves the
    /// range of an amount.
    pub fn derive(self) -> Result<YearFigures, OperatingRow> {
        let costs = Amount::try_sum(LineKind::COSTS.iter().map(|kind| self.line(*kind)))
            .map_err(|_| OperatingRow::Costs)?;
        let net_cost = self
            .revenue
            .checked_add(costs)
            .map_err(|_| OperatingRow::NetCost)?;
        let result = Amount::try_sum([net_cost, self.kommunbidrag, self.financial_net])
            .map_err(|_| OperatingRow::Result)?;
        Ok(YearFigures {
            entered: self,
            costs,
            net_cost,
            result,
        })
    }
}

/// One year's column of an operating table: every row, entered and derived, each known to be
/// within the range of an amount (it is made only by [`EnteredFigures::derive`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct YearFigures {
    entered: EnteredFigures,
    costs: Amount,
    net_cost: Amount,
    result: Amount,
}

impl YearFigures {
    pub fn entered(&self) -> &EnteredFigures {
        &self.entered
    }

    pub fn line(&self, kind: LineKind) -> Amount {
        self.entered.line(kind)
    }

    /// Verksamhetens kostnader: the sum of the cost lines.
    pub fn costs(&self) -> Amount {
        self.costs
    }

    /// Verksamhetens nettokostnader: revenue plus (negative) costs.
    pub fn net_cost(&self) -> Amount {
        self.net_cost
    }

    /// Årets resultat: net cost plus kommunbidrag plus finansnetto.
    pub fn result(&self) -> Amount {
        self.result
    }

    /// Any row of the table, entered or derived.
    pub fn row(&self, row: OperatingRow) -> Amount {
        match row {
            OperatingRow::Line(kind) => self.line(kind),
            OperatingRow::Costs => self.costs,
            OperatingRow::NetCost => self.net_cost,
            OperatingRow::Kommunbidrag => self.entered.kommunbidrag,
            OperatingRow::FinancialNet => self.entered.financial_net,
            OperatingRow::Result => self.result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kommunstyrelsen_2025() -> YearFigures {
        EnteredFigures {
            revenue: Amount::from_tkr(108_608),
            personnel: Amount::from_tkr(-116_205),
            premises_rent: Amount::from_tkr(-8_260),
            purchased_services: Amount::from_tkr(-55_125),
            other_costs: Amount::from_tkr(-47_652),
            kommunbidrag: Amount::from_tkr(118_535),
            financial_net: Amount::from_tkr(100),
        }
        .derive()
        .expect("in range")
    }

    #[test]
    fn costs_are_the_sum_of_the_cost_lines() {
        assert_eq!(kommunstyrelsen_2025().costs(), Amount::from_tkr(-227_242));
    }

    #[test]
    fn net_cost_is_revenue_plus_costs() {
        assert_eq!(
            kommunstyrelsen_2025().net_cost(),
            Amount::from_tkr(-118_634)
        );
    }

    #[test]
    fn result_is_net_cost_plus_kommunbidrag_plus_financial_net() {
        // The reference states 0 here; its own rows give 1 tkr.
        assert_eq!(kommunstyrelsen_2025().result(), Amount::from_tkr(1));
    }

    #[test]
    fn a_revenue_at_the_end_of_the_range_makes_the_net_cost_too_large() {
        // The revenue of issue 19: -92 233 720 368 547 tkr wrapped round to a net cost of
        // +92 233 720 153 609 tkr.
        let figures = EnteredFigures {
            revenue: Amount::from_tkr(-92_233_720_368_547),
            personnel: Amount::from_tkr(-116_205),
            ..EnteredFigures::default()
        };
        assert_eq!(figures.derive(), Err(OperatingRow::NetCost));
        let mut costs = EnteredFigures {
            other_costs: Amount::from_ore(i64::MIN),
            ..EnteredFigures::default()
        };
        assert_eq!(
            costs.add_line(LineKind::OtherCosts, Amount::from_ore(-1)),
            Err(AmountOverflow)
        );
        assert_eq!(
            costs.other_costs,
            Amount::from_ore(i64::MIN),
            "left as it was"
        );
        costs.personnel = Amount::from_ore(-1);
        assert_eq!(costs.derive(), Err(OperatingRow::Costs));
    }
}
