//! Amounts as people type them, read the way the budget file reads them: in tkr unless the
//! text names its unit ("-47 652", "-47,7 mnkr", "250 kr").

use styr_domain::money::{Amount, Unit};

/// An amount typed as text, in tkr unless it names its unit.
pub fn amount(text: &str) -> Result<Amount, String> {
    styr_import::amount::parse_amount(text, Unit::Tkr).map(|stated| stated.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_is_tkr_unless_it_names_its_unit() {
        assert_eq!(amount("-47 652"), Ok(Amount::from_tkr(-47_652)));
        assert_eq!(amount("1,5 mnkr"), Ok(Amount::from_tkr(1_500)));
        assert!(amount("mycket").is_err());
    }
}
