//! Goals and their KPIs as written in the budget file, with the KPI's follow-up definition:
//!
//! ```toml
//! [[goal.kpi]]
//! id = "arbetsbelastning"
//! name = "Arbetsbelastningen"
//! measurements_per_year = 3
//! direction = "higher"          # higher | lower
//! unit = "index"                # procent | kr_per_invanare | antal | index
//! minimum = 1
//! maximum = 5
//! baseline = { period = "2024", value = "3,4" }
//! targets = { 2025 = "3,8", 2026 = "4,0" }
//! tolerance = "0,2"
//! ```
//!
//! Decimals are TOML integers or text ("3,8"): a TOML float is refused, it is not exact.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

/// An exact decimal as written: an integer or a text.
#[derive(Clone, Debug, PartialEq)]
pub struct RawDecimal(pub String);

impl<'de> Deserialize<'de> for RawDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawDecimal, D::Error> {
        struct DecimalVisitor;
        impl Visitor<'_> for DecimalVisitor {
            type Value = RawDecimal;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("ett tal: ett heltal (4) eller en text (\"3,8\")")
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawDecimal, E> {
                Ok(RawDecimal(value.to_string()))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawDecimal, E> {
                Ok(RawDecimal(value.to_string()))
            }
            /// A TOML float is refused: it cannot hold 3,8 exactly.
            fn visit_f64<E: de::Error>(self, _value: f64) -> Result<RawDecimal, E> {
                Err(E::custom(
                    "decimaltal i TOML är inte exakta; skriv talet som text, till exempel \"3,8\"",
                ))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<RawDecimal, E> {
                Ok(RawDecimal(value.to_string()))
            }
        }
        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    pub id: String,
    pub kind: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub text: String,
    pub unit: Option<Spanned<String>>,
    #[serde(default)]
    pub directions: Vec<Spanned<String>>,
    #[serde(default)]
    pub kpi: Vec<RawKpi>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    pub period: Spanned<String>,
    pub value: Spanned<RawDecimal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKpi {
    pub id: Option<Spanned<String>>,
    pub name: Spanned<String>,
    #[serde(default)]
    pub source: String,
    pub measurements_per_year: Spanned<i64>,
    pub kolada_id: Option<String>,
    pub direction: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub minimum: Option<Spanned<RawDecimal>>,
    pub maximum: Option<Spanned<RawDecimal>>,
    pub baseline: Option<RawBaseline>,
    #[serde(default)]
    pub targets: BTreeMap<Spanned<String>, Spanned<RawDecimal>>,
    pub tolerance: Option<Spanned<RawDecimal>>,
    pub purpose: Option<Spanned<String>>,
    pub amount_kolada_id: Option<String>,
    #[serde(default)]
    pub directions: Vec<Spanned<String>>,
}
