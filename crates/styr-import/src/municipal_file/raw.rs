//! The municipality file exactly as written, with the byte span of every value that can be
//! wrong. The document metadata, index vintages and frame years are the budget file's own
//! shapes (docs/budget-file.md); the rest is the council level's (docs/municipality-file.md).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::budget_file::raw::{RawDocument, RawFrameYear, RawIndex, YearAmounts};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMunicipalFile {
    pub format: Spanned<i64>,
    pub municipality: RawMunicipality,
    pub document: RawDocument,
    pub budget: RawYears,
    #[serde(default)]
    pub index: Vec<RawIndex>,
    #[serde(default)]
    pub section: Vec<RawPassage>,
    #[serde(default)]
    pub board: Vec<RawBoard>,
    #[serde(default)]
    pub central: Vec<RawCentral>,
    pub balance: Spanned<RawBalance>,
    #[serde(default)]
    pub financial_goal: Vec<RawFinancialGoal>,
    #[serde(default)]
    pub reorganisation: Vec<RawReorganisation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReorganisation {
    pub date: Spanned<toml::value::Datetime>,
    pub ansvar: String,
    pub name: String,
    pub from_board: Spanned<String>,
    pub from_parent: Option<String>,
    pub to_board: Spanned<String>,
    pub to_parent: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMunicipality {
    pub name: String,
    #[serde(default)]
    pub code: String,
    /// A made-up municipality: every document says so.
    #[serde(default)]
    pub invented: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYears {
    pub previous_year: Spanned<i64>,
    pub year: Spanned<i64>,
    pub plan_years: Spanned<Vec<Spanned<i64>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPassage {
    pub heading: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBoard {
    pub id: Spanned<String>,
    pub name: String,
    pub frame: RawBoardFrame,
    #[serde(default)]
    pub investments: YearAmounts,
    #[serde(default)]
    pub ansvar: Vec<RawAnsvar>,
    #[serde(default)]
    pub line: Vec<RawLine>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBoardFrame {
    pub index: Spanned<String>,
    pub vintage: String,
    #[serde(default)]
    pub year: Vec<RawFrameYear>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnsvar {
    pub id: Spanned<String>,
    pub name: String,
    pub parent: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLine {
    pub ansvar: Spanned<String>,
    pub group: Spanned<String>,
    pub amounts: Spanned<YearAmounts>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCentral {
    pub name: String,
    pub group: Spanned<String>,
    pub amounts: Spanned<YearAmounts>,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBalance {
    pub opening: Spanned<BTreeMap<Spanned<String>, Spanned<crate::budget_file::raw::RawAmount>>>,
    pub provisions_change: Option<Spanned<YearAmounts>>,
    pub borrowing: Option<Spanned<YearAmounts>>,
    pub amortisation: Option<Spanned<YearAmounts>>,
    pub realisation_gains: Option<Spanned<YearAmounts>>,
    pub equalisation_reserve: Option<Spanned<YearAmounts>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFinancialGoal {
    pub name: String,
    pub kind: Spanned<String>,
    pub minimum: Spanned<String>,
}
