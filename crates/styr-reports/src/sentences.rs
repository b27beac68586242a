//! Sentences generated from figures, in the wording of Swedish budget documents. The figure in
//! a sentence is rounded exactly as the reader will see it (0,1 mnkr), so text and table agree.

use styr_domain::format;
use styr_domain::money::{Amount, Precision};
use styr_domain::operating::LineKind;
use styr_domain::statement::Direction;

/// The line's name as the subject of a sentence: "Personalkostnaderna", "Köp av tjänster".
pub fn line_subject(line: LineKind) -> &'static str {
    match line {
        LineKind::Revenue => "Verksamhetens intäkter",
        LineKind::Personnel => "Personalkostnaderna",
        LineKind::PremisesRent => "Lokalhyrorna",
        LineKind::PurchasedServices => "Köp av tjänster",
        LineKind::OtherCosts => "Övriga kostnader",
    }
}

/// "Personalkostnaderna ökar med 2,0 mnkr." A change that rounds to 0,0 mnkr is "oförändrade"
/// only when it is exactly zero; otherwise the sentence says "ökar med 0,0 mnkr" rather than hide it.
pub fn line_change(line: LineKind, direction: Direction, magnitude: Amount) -> String {
    let subject = line_subject(line);
    match direction {
        Direction::Unchanged => format!("{subject} är oförändrade."),
        _ => format!(
            "{subject} {} med {}.",
            direction.swedish(),
            format::with_unit(magnitude, Precision::MNKR_ONE_DECIMAL)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cost_increase_reads_as_the_reference_writes_it() {
        assert_eq!(
            line_change(
                LineKind::Personnel,
                Direction::Increases,
                Amount::from_tkr(2_009)
            ),
            "Personalkostnaderna ökar med 2,0 mnkr."
        );
        assert_eq!(
            line_change(
                LineKind::PurchasedServices,
                Direction::Decreases,
                Amount::from_tkr(2_630)
            ),
            "Köp av tjänster minskar med 2,6 mnkr."
        );
        assert_eq!(
            line_change(LineKind::PremisesRent, Direction::Unchanged, Amount::ZERO),
            "Lokalhyrorna är oförändrade."
        );
    }
}
