//! A figure as the budget file writes it: a TOML integer (whole tkr) or a text such as
//! "113,3 mnkr" — never a TOML float, which cannot hold 113,3 exactly — and figures by year.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

/// A figure: a TOML integer (whole tkr) or a text such as "113,3 mnkr". Never a TOML float,
/// which is not exact.
#[derive(Clone, Debug, PartialEq)]
pub enum RawAmount {
    Integer(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for RawAmount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawAmount, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = RawAmount;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(
                    "ett belopp: ett heltal i tkr (100548) eller en text (\"113,3 mnkr\")",
                )
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawAmount, E> {
                Ok(RawAmount::Integer(value))
            }
            fn visit_i128<E: de::Error>(self, _value: i128) -> Result<RawAmount, E> {
                Err(E::custom("beloppet är för stort"))
            }
            fn visit_u128<E: de::Error>(self, _value: u128) -> Result<RawAmount, E> {
                Err(E::custom("beloppet är för stort"))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawAmount, E> {
                i64::try_from(value)
                    .map(RawAmount::Integer)
                    .map_err(|_| E::custom("beloppet är för stort"))
            }
            /// A TOML float is refused: it cannot hold 113,3 exactly.
            fn visit_f64<E: de::Error>(self, _value: f64) -> Result<RawAmount, E> {
                Err(E::custom(
                    "decimaltal i TOML är inte exakta; skriv beloppet som text med decimalkomma, till exempel \"113,3 mnkr\"",
                ))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<RawAmount, E> {
                Ok(RawAmount::Text(value.to_string()))
            }
        }
        deserializer.deserialize_any(AmountVisitor)
    }
}

/// Figures by year: `{ 2024 = 100548, 2025 = 108608 }`.
pub type YearAmounts = BTreeMap<Spanned<String>, Spanned<RawAmount>>;
