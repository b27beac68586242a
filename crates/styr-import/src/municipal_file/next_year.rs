//! The next budget year's municipality file from this year's (`styr next-year`): the years
//! move one step (the budget year becomes the comparison year, the first plan year the budget
//! year, a new plan year at the end), every series follows, the comparison year's frame is the
//! kommunbidrag this year's budget gives, the new plan year's frame is uprated by the chosen
//! PKV vintage, and the opening balance is the one this budget leaves. Texts, ansvar, lines,
//! central items and goals are carried over to edit; the new last year's lines start as the
//! year before's. This year's file is not touched: the adopted year stays as it was.
//!
//! The figures only a computation gives (the frames, the balance) come in as [`Carried`];
//! the result is read back with [`super::parse_municipal_budget`] before it is returned, so a
//! next year that would not read is refused, not written.

use std::collections::BTreeMap;

use styr_domain::money::{Amount, ORE_PER_TKR};
use styr_domain::municipal::OpeningBalance;
use toml::{Table, Value};

use crate::issue::Issue;

/// What this year's computed budget hands to the next.
pub struct Carried<'a> {
    /// Each board's kommunbidrag in this budget year, by board id.
    pub kommunbidrag: &'a BTreeMap<String, Amount>,
    /// The balance at the end of this comparison year: the next comparison year's start.
    pub opening: &'a OpeningBalance,
    /// The PKV vintage the frames are uprated by from now on: `[[index]]` `vintage`.
    pub vintage: &'a str,
    /// That vintage's values ("2027" → "3,0"), when the file does not hold it yet.
    pub values: &'a BTreeMap<String, String>,
}

fn problem(message: impl Into<String>) -> Vec<Issue> {
    vec![Issue::error("", 0..0, message)]
}

/// A figure as the file writes it: whole tkr as an integer, anything finer as kronor.
pub(super) fn figure(amount: Amount) -> Value {
    if amount.ore() % ORE_PER_TKR == 0 {
        Value::Integer(amount.ore() / ORE_PER_TKR)
    } else {
        Value::String(styr_domain::format::kronor(amount))
    }
}

fn integer(table: &Table, key: &str) -> Option<i64> {
    table.get(key).and_then(Value::as_integer)
}

/// The year-keyed series `{ 2025 = …, 2026 = … }` moved one year: the first year dropped, the
/// last one's figure repeated for the new last year.
fn shift(series: &mut Value, first: i64, last: i64) {
    if let Some(series) = series.as_table_mut() {
        series.remove(&first.to_string());
        if let Some(value) = series.get(&last.to_string()).cloned() {
            series.insert((last + 1).to_string(), value);
        }
    }
}

pub fn next_year(source: &str, carried: &Carried<'_>) -> Result<String, Vec<Issue>> {
    let mut file: Table =
        toml::from_str(source).map_err(|error| problem(error.message().to_string()))?;
    let budget = file
        .get_mut("budget")
        .and_then(Value::as_table_mut)
        .ok_or_else(|| problem("[budget] saknas"))?;
    let previous =
        integer(budget, "previous_year").ok_or_else(|| problem("previous_year saknas"))?;
    let year = integer(budget, "year").ok_or_else(|| problem("year saknas"))?;
    let plan: Vec<i64> = budget
        .get("plan_years")
        .and_then(Value::as_array)
        .map(|years| years.iter().filter_map(Value::as_integer).collect())
        .unwrap_or_default();
    let Some((&first_plan, _)) = plan.split_first() else {
        return Err(problem(
            "budgeten har inget planår att öppna som nästa budgetår",
        ));
    };
    let last = *plan.last().unwrap_or(&year);
    let mut new_plan: Vec<Value> = plan[1..].iter().map(|year| Value::Integer(*year)).collect();
    new_plan.push(Value::Integer(last + 1));
    budget.insert("previous_year".into(), Value::Integer(year));
    budget.insert("year".into(), Value::Integer(first_plan));
    budget.insert("plan_years".into(), Value::Array(new_plan));

    if let Some(document) = file.get_mut("document").and_then(Value::as_table_mut) {
        // The new year is not decided: no decision date, and the title names its years.
        document.remove("decision_date");
        if let Some(Value::String(title)) = document.get_mut("title") {
            *title = title.replace(
                &format!("{year}–{last}"),
                &format!("{first_plan}–{}", last + 1),
            );
        }
    }
    if !carried.values.is_empty() {
        let mut index = Table::new();
        index.insert("name".into(), Value::String("PKV".into()));
        index.insert("vintage".into(), Value::String(carried.vintage.to_string()));
        index.insert(
            "values".into(),
            Value::Table(
                carried
                    .values
                    .iter()
                    .map(|(year, value)| (year.clone(), Value::String(value.clone())))
                    .collect(),
            ),
        );
        let indices = file
            .entry("index")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Some(indices) = indices.as_array_mut() {
            indices.push(Value::Table(index));
        }
    }
    if let Some(boards) = file.get_mut("board").and_then(Value::as_array_mut) {
        for board in boards.iter_mut().filter_map(Value::as_table_mut) {
            next_board(board, carried, (previous, year, last))?;
        }
    }
    if let Some(central) = file.get_mut("central").and_then(Value::as_array_mut) {
        for item in central.iter_mut().filter_map(Value::as_table_mut) {
            if let Some(amounts) = item.get_mut("amounts") {
                shift(amounts, previous, last);
            }
        }
    }
    if let Some(balance) = file.get_mut("balance").and_then(Value::as_table_mut) {
        for series in [
            "provisions_change",
            "borrowing",
            "amortisation",
            "realisation_gains",
            "equalisation_reserve",
        ] {
            if let Some(values) = balance.get_mut(series) {
                shift(values, previous, last);
            }
        }
        let opening = carried.opening;
        let items = [
            ("fixed_assets", opening.fixed_assets),
            ("current_assets", opening.current_assets),
            ("cash", opening.cash),
            ("equity", opening.equity),
            ("provisions", opening.provisions),
            ("long_term_liabilities", opening.long_term_liabilities),
            ("current_liabilities", opening.current_liabilities),
        ];
        balance.insert(
            "opening".into(),
            Value::Table(
                items
                    .into_iter()
                    .map(|(key, amount)| (key.to_string(), figure(amount)))
                    .collect(),
            ),
        );
    }
    let written = format!(
        "# Mål och budget {first_plan}–{}: öppnad ur {year} års budget med `styr next-year`.\n\n{}",
        last + 1,
        toml::to_string(&file).map_err(|error| problem(error.to_string()))?
    );
    super::parse_municipal_budget(&written)?;
    Ok(written)
}

fn next_board(
    board: &mut Table,
    carried: &Carried<'_>,
    (previous, year, last): (i64, i64, i64),
) -> Result<(), Vec<Issue>> {
    let id = board
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let kommunbidrag = carried
        .kommunbidrag
        .get(&id)
        .copied()
        .ok_or_else(|| problem(format!("nämnden {id} har inget kommunbidrag {year}")))?;
    if let Some(investments) = board.get_mut("investments") {
        shift(investments, previous, last);
    }
    if let Some(lines) = board.get_mut("line").and_then(Value::as_array_mut) {
        for line in lines.iter_mut().filter_map(Value::as_table_mut) {
            if let Some(amounts) = line.get_mut("amounts") {
                shift(amounts, previous, last);
            }
        }
    }
    let frame = board
        .get_mut("frame")
        .and_then(Value::as_table_mut)
        .ok_or_else(|| problem(format!("nämnden {id} har ingen ram")))?;
    frame.insert("vintage".into(), Value::String(carried.vintage.to_string()));
    let years = frame
        .get_mut("year")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| problem(format!("ramen för {id} har inga år")))?;
    // The years after this budget year keep their derivations and decisions; this budget year
    // becomes the comparison year as the figure it gives; the new plan year is uprated.
    years.retain(|entry| {
        entry
            .get("year")
            .and_then(Value::as_integer)
            .is_some_and(|entry| entry > year)
    });
    let mut comparison = Table::new();
    comparison.insert("year".into(), Value::Integer(year));
    comparison.insert("amount".into(), figure(kommunbidrag));
    years.insert(0, Value::Table(comparison));
    let mut new_year = Table::new();
    new_year.insert("year".into(), Value::Integer(last + 1));
    let mut base = Table::new();
    base.insert("frame".into(), Value::Integer(last));
    new_year.insert("base".into(), Value::Table(base));
    let mut step = Table::new();
    step.insert("uprating".into(), Value::Integer(last + 1));
    step.insert("share".into(), Value::String("100".into()));
    new_year.insert("step".into(), Value::Array(vec![Value::Table(step)]));
    years.push(Value::Table(new_year));
    Ok(())
}
