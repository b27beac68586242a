//! The budget file's registers as written: the efficiency register, risk scales and bands,
//! risks, and the internal controls with their results (goals and their KPIs: goals.rs).

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

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

pub(super) fn yes() -> bool {
    true
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
