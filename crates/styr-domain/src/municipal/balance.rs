//! The balance sheet's starting point and what moves it besides the result: the provisions'
//! change (pensions), new loans and amortisation, and the balanskravsutredning's adjustments.

use serde::Serialize;

use crate::money::Amount;

/// The balance at the start of the first column (the comparison year), in the layout of the
/// balansräkning. Assets equal equity, provisions and liabilities; the reader refuses one
/// that does not balance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OpeningBalance {
    pub fixed_assets: Amount,
    pub current_assets: Amount,
    pub cash: Amount,
    pub equity: Amount,
    pub provisions: Amount,
    pub long_term_liabilities: Amount,
    pub current_liabilities: Amount,
}

/// Figures per column beside the opening balance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub opening: OpeningBalance,
    /// The change of provisions (avsättningar, mostly pensions); an increase is positive.
    pub provisions_change: Vec<Amount>,
    /// Nyupptagna lån.
    pub borrowing: Vec<Amount>,
    /// Amortering av skuld, as a positive figure.
    pub amortisation: Vec<Amount>,
    /// Realisationsvinster the balanskravsutredning takes out of årets resultat.
    pub realisation_gains: Vec<Amount>,
    /// Resultatutjämningsreserv: a use of it positive, a reservation negative.
    pub equalisation_reserve: Vec<Amount>,
}
