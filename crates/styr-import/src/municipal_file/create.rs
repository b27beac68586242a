//! A new municipality's first budget year, made in the web app rather than written as a file:
//! its name and code, its years, the PKV vintage its frames are uprated by, and a balanced
//! opening balance of zeros to fill in later. It has no board yet; boards are added one by one
//! ([`super::MunicipalEdit::AddBoard`]). Written as the municipality file and read back before
//! it is returned.

use std::collections::BTreeMap;

use toml::{Table, Value};

use crate::issue::Issue;

/// What a new municipality starts from.
pub struct NewMunicipality<'a> {
    pub name: &'a str,
    /// SCB's four digits.
    pub code: &'a str,
    pub year: i64,
    /// How many plan years follow the budget year (KL 11 kap.: three years in all is usual).
    pub plan_years: i64,
    pub vintage: &'a str,
    /// The vintage's percent per year ("2027" → "3,0").
    pub values: &'a BTreeMap<String, String>,
    /// A made-up municipality, said so in every document.
    pub invented: bool,
}

fn problem(message: impl Into<String>) -> Vec<Issue> {
    vec![Issue::error("", 0..0, message)]
}

/// The municipality file of `new`, read back; or why it cannot be made.
pub fn new_municipality(new: &NewMunicipality<'_>) -> Result<String, Vec<Issue>> {
    if new.name.trim().is_empty() {
        return Err(problem("kommunen behöver ett namn"));
    }
    if !(new.code.len() == 4 && new.code.bytes().all(|byte| byte.is_ascii_digit())) {
        return Err(problem(format!(
            "kommunkoden ”{}” är inte SCB:s fyra siffror",
            new.code
        )));
    }
    if !(0..=4).contains(&new.plan_years) {
        return Err(problem("mellan 0 och 4 planår"));
    }
    let (first, last) = (
        i64::from(styr_domain::calendar::Year::FIRST),
        i64::from(styr_domain::calendar::Year::LAST),
    );
    if !(first + 1..=last - 4).contains(&new.year) {
        return Err(problem(format!(
            "budgetåret {} ligger utanför åren {} till {}",
            new.year,
            first + 1,
            last - 4
        )));
    }
    let last = new.year + new.plan_years;
    let table = |pairs: Vec<(&str, Value)>| -> Value {
        Value::Table(
            pairs
                .into_iter()
                .map(|(key, value)| (key.to_string(), value))
                .collect(),
        )
    };
    let text = |text: &str| Value::String(text.to_string());
    let mut file = Table::new();
    file.insert("format".into(), Value::Integer(1));
    file.insert(
        "municipality".into(),
        table(vec![
            ("name", text(new.name.trim())),
            ("code", text(new.code)),
            ("invented", Value::Boolean(new.invented)),
        ]),
    );
    file.insert(
        "document".into(),
        table(vec![(
            "title",
            text(&format!("Mål och budget {}–{last}", new.year)),
        )]),
    );
    file.insert(
        "budget".into(),
        table(vec![
            ("previous_year", Value::Integer(new.year - 1)),
            ("year", Value::Integer(new.year)),
            (
                "plan_years",
                Value::Array((new.year + 1..=last).map(Value::Integer).collect()),
            ),
        ]),
    );
    let values: Table = new
        .values
        .iter()
        .map(|(year, percent)| (year.clone(), text(percent)))
        .collect();
    file.insert(
        "index".into(),
        Value::Array(vec![table(vec![
            ("name", text("PKV")),
            ("vintage", text(new.vintage.trim())),
            ("values", Value::Table(values)),
        ])]),
    );
    let zeros: Table = [
        "fixed_assets",
        "current_assets",
        "cash",
        "equity",
        "provisions",
        "long_term_liabilities",
        "current_liabilities",
    ]
    .iter()
    .map(|key| (key.to_string(), Value::Integer(0)))
    .collect();
    file.insert(
        "balance".into(),
        table(vec![("opening", Value::Table(zeros))]),
    );
    let written = toml::to_string(&file).map_err(|error| problem(error.to_string()))?;
    super::parse_municipal_budget(&written)?;
    Ok(written)
}
