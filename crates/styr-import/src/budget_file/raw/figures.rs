//! The budget file's figures as written: index vintages, frames with their years and steps,
//! operating lines with their explanations, the investment plan, and statements in prose.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::amount::{RawAmount, YearAmounts};
use super::registers::yes;

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
