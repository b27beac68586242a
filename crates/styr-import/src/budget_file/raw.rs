//! The budget file exactly as written: TOML tables with the byte span of every value that
//! can be wrong, so the conversion to domain values can point at it. See docs/budget-file.md.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

mod amount;
mod figures;
mod goals;
mod registers;

pub use amount::{RawAmount, YearAmounts};
pub use figures::{
    RawBase, RawFrame, RawFrameYear, RawIndex, RawInvestment, RawOperating, RawProject,
    RawStatement, RawStep,
};
pub use goals::{RawDecimal, RawGoal, RawKpi};
pub use registers::{
    RawBand, RawControl, RawControlResult, RawEfficiency, RawRisk, RawScaleStep, RawScales,
};

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
    pub profile: Option<RawProfile>,
}

/// The municipality's graphic profile: colours "#rrggbb", a typeface by name, the logo as a
/// `data:` URL (PNG or SVG, base64).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub primary_colour: Option<Spanned<String>>,
    pub table_colour: Option<Spanned<String>>,
    pub font: Option<Spanned<String>>,
    pub cover: Option<bool>,
    pub cover_text: Option<Spanned<String>>,
    pub header: Option<Spanned<String>>,
    pub footer: Option<Spanned<String>>,
    pub logo: Option<Spanned<String>>,
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
