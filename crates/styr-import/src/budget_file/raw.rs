//! The budget file exactly as written: TOML tables with the byte span of every value that
//! can be wrong, so the conversion to domain values can point at it. See docs/budget-file.md.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;
use toml::value::Datetime;

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub format: Spanned<i64>,
    pub municipality: RawMunicipality,
    pub document: RawDocument,
    pub budget: RawBudget,
    #[serde(default)]
    pub unit: Vec<RawUnit>,
    #[serde(default)]
    pub section: Vec<RawSection>,
    #[serde(default)]
    pub goal: Vec<RawGoal>,
    #[serde(default)]
    pub efficiency: Vec<RawEfficiency>,
    #[serde(default)]
    pub index: Vec<RawIndex>,
    #[serde(default)]
    pub frame: Vec<RawFrame>,
    #[serde(default)]
    pub operating: Vec<RawOperating>,
    pub investment: Option<RawInvestment>,
    #[serde(default)]
    pub risk_scale: RawScales,
    #[serde(default)]
    pub risk_band: Vec<RawBand>,
    #[serde(default)]
    pub risk: Vec<RawRisk>,
    #[serde(default)]
    pub control: Vec<RawControl>,
    #[serde(default)]
    pub statement: Vec<RawStatement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMunicipality {
    pub name: String,
    #[serde(default)]
    pub code: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub title: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub decided_by: String,
    pub decision_date: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub registry_number: String,
    #[serde(default)]
    pub applies_to: String,
    #[serde(default)]
    pub validity: String,
    pub valid_until: Option<Spanned<Datetime>>,
    pub revise_by: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub owner: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBudget {
    pub board: Spanned<String>,
    pub previous_year: Spanned<i64>,
    pub year: Spanned<i64>,
    pub plan_years: Spanned<Vec<Spanned<i64>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub id: Spanned<String>,
    pub name: String,
    pub kind: Spanned<String>,
    pub parent: Option<Spanned<String>>,
    pub valid_from: Option<Spanned<Datetime>>,
    pub valid_to: Option<Spanned<Datetime>>,
    pub predecessor: Option<Spanned<String>>,
    #[serde(default)]
    pub separately_reported: bool,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub heading: String,
    pub level: Spanned<i64>,
    #[serde(default)]
    pub text: String,
    pub shows: Option<Spanned<String>>,
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
    #[serde(default)]
    pub kpi: Vec<RawKpi>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKpi {
    pub name: String,
    #[serde(default)]
    pub source: String,
    pub measurements_per_year: Spanned<i64>,
    pub kolada_id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEfficiency {
    pub proposed_by: String,
    pub investigation: String,
    #[serde(default)]
    pub handling: String,
    #[serde(default)]
    pub coordinators: Vec<String>,
    #[serde(default = "yes")]
    pub prioritised: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndex {
    pub name: String,
    pub vintage: String,
    pub values: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrame {
    pub unit: Spanned<String>,
    #[serde(default)]
    pub heading: String,
    pub index: Spanned<String>,
    pub vintage: String,
    #[serde(default)]
    pub year: Vec<RawFrameYear>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrameYear {
    pub year: Spanned<i64>,
    pub amount: Option<Spanned<RawAmount>>,
    pub base: Option<Spanned<RawBase>>,
    #[serde(default)]
    pub step: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBase {
    pub year: Option<Spanned<i64>>,
    pub amount: Option<Spanned<RawAmount>>,
    pub frame: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub uprating: Option<Spanned<i64>>,
    pub share: Option<Spanned<String>>,
    pub adjustment: Option<Spanned<String>>,
    pub amount: Option<Spanned<RawAmount>>,
    #[serde(default = "yes")]
    pub permanent: bool,
    pub result: Option<Spanned<RawAmount>>,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOperating {
    pub unit: Spanned<String>,
    pub heading: Option<String>,
    #[serde(default)]
    pub revenue: YearAmounts,
    #[serde(default)]
    pub personnel: YearAmounts,
    #[serde(default)]
    pub premises_rent: YearAmounts,
    #[serde(default)]
    pub purchased_services: YearAmounts,
    #[serde(default)]
    pub other_costs: YearAmounts,
    #[serde(default)]
    pub financial_net: YearAmounts,
    /// Rows as the source document states them, by row key.
    #[serde(default)]
    pub stated: BTreeMap<Spanned<String>, YearAmounts>,
    #[serde(default)]
    pub explanation: Vec<RawExplanation>,
    /// Stated rows a person has since changed the lines under: kept, not checked.
    #[serde(default)]
    pub superseded: BTreeMap<Spanned<String>, YearAmounts>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExplanation {
    pub line: Spanned<String>,
    pub years: Option<Spanned<Vec<Spanned<i64>>>>,
    pub change: Option<Spanned<String>>,
    #[serde(default)]
    pub sentence: String,
    #[serde(default)]
    pub text: String,
    /// The stated change is superseded by a change of its line: kept, not checked.
    #[serde(default)]
    pub superseded: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInvestment {
    #[serde(default)]
    pub heading: String,
    pub years: Spanned<Vec<Spanned<i64>>>,
    #[serde(default)]
    pub project: Vec<RawProject>,
    #[serde(default)]
    pub stated: BTreeMap<Spanned<String>, YearAmounts>,
    #[serde(default)]
    pub superseded: BTreeMap<Spanned<String>, YearAmounts>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProject {
    pub name: Spanned<String>,
    pub category: Spanned<String>,
    #[serde(default)]
    pub amounts: YearAmounts,
    pub total_budget: Option<Spanned<RawAmount>>,
    pub start: Option<Spanned<Datetime>>,
    pub end: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub owner: String,
    pub status: Option<Spanned<String>>,
    /// Driftkonsekvens: kapitalkostnad and other operating effects per year.
    #[serde(default)]
    pub capital_costs: YearAmounts,
    #[serde(default)]
    pub operating_effects: YearAmounts,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScales {
    #[serde(default)]
    pub probability: Vec<RawScaleStep>,
    #[serde(default)]
    pub materiality: Vec<RawScaleStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScaleStep {
    pub grade: Spanned<i64>,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub name: String,
    pub from: Spanned<i64>,
    pub to: Spanned<i64>,
    pub colour: String,
    pub handling: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRisk {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub probability: Spanned<i64>,
    pub materiality: Spanned<i64>,
    pub value: Option<Spanned<i64>>,
    pub handling: Spanned<String>,
    #[serde(default)]
    pub handling_text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub category: String,
    pub residual_probability: Option<Spanned<i64>>,
    pub residual_materiality: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawControl {
    /// Defaults to the risk's id.
    pub id: Option<Spanned<String>>,
    pub risk: Spanned<String>,
    pub risk_name: Option<String>,
    pub value: Option<Spanned<i64>>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub result: Vec<RawControlResult>,
    pub frequency: Option<Spanned<String>>,
    pub planned_on: Option<Spanned<Datetime>>,
    pub report_by: Option<Spanned<Datetime>>,
    pub status: Option<Spanned<String>>,
    #[serde(default)]
    pub conclusion: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawControlResult {
    pub performed_on: Spanned<Datetime>,
    pub sample: String,
    pub deviations_found: Option<Spanned<i64>>,
    #[serde(default)]
    pub deviations: String,
    #[serde(default)]
    pub actions: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatement {
    #[serde(default)]
    pub section: String,
    pub text: String,
    pub figure: Spanned<String>,
    pub change: Option<Spanned<String>>,
    pub value: Option<Spanned<RawAmount>>,
    pub sum: Option<Spanned<RawAmount>>,
    pub average: Option<Spanned<RawAmount>>,
    pub year: Option<Spanned<i64>>,
    pub years: Option<Spanned<Vec<Spanned<i64>>>>,
    /// A person has since changed a figure the sentence speaks of: kept, not checked.
    #[serde(default)]
    pub superseded: bool,
}
