//! The municipality file: the council's budget ("Mål och budget") in TOML — every board's
//! frame and lines per ansvar × kontogrupp, the central items, the opening balance, the
//! financing and the financial goals. Documented in docs/municipality-file.md; the demo is
//! examples/demo/exempelby-kommun.toml.
//!
//! Read like the budget file (TOML into `raw` shapes with spans, then domain values, every
//! issue with its line and column in one pass), with the budget file's readers for what the
//! two share: document metadata, index vintages and frame years.

mod balance;
mod boards;
mod create;
mod edit;
mod next_year;
mod raw;
mod reorganise;
mod series;
mod table;

use std::collections::BTreeSet;

use styr_domain::budget::{BudgetYears, Municipality};
use styr_domain::municipal::{
    AccountGroup, CentralItem, FinancialGoal, GoalKind, MunicipalBudget, Passage,
};

use crate::amount::parse_percent;
use crate::budget_file::reader::Reader;
use crate::budget_file::{FORMAT_VERSION, figures, general, screen, swedish_toml_message};
use crate::issue::Issue;
use crate::limits::Limits;
use series::Columns;

pub use create::{NewMunicipality, new_municipality};
pub use edit::{MunicipalEdit, edit};
pub use next_year::{Carried, next_year};

/// Reads a whole municipality file, or every issue that stops it from being read.
pub fn parse_municipal_budget(source: &str) -> Result<MunicipalBudget, Vec<Issue>> {
    parse_municipal_budget_within(source, &Limits::default())
}

/// [`parse_municipal_budget`] within `limits` instead of the defaults.
pub fn parse_municipal_budget_within(
    source: &str,
    limits: &Limits,
) -> Result<MunicipalBudget, Vec<Issue>> {
    let screened = screen(source, limits);
    if !screened.is_empty() {
        return Err(screened);
    }
    let raw: raw::RawMunicipalFile = toml::from_str(source).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        let key = source.get(span.clone()).unwrap_or_default();
        vec![Issue::error(
            source,
            span,
            swedish_toml_message(error.message(), key),
        )]
    })?;
    let mut reader = Reader::new(source);
    if *raw.format.get_ref() != FORMAT_VERSION {
        reader.issue(
            raw.format.span(),
            format!("formatversion {} känns inte igen; den här versionen av styr läser format = {FORMAT_VERSION}", raw.format.get_ref()),
        );
    }
    let document = general::document(&mut reader, &raw.document);
    let years = years(&mut reader, &raw.budget);
    let index = figures::index(&mut reader, &raw.index);
    let Some(years) = years else {
        return Err(reader.issues.into_vec());
    };
    let columns = Columns::new(years.columns());
    let boards = boards::boards(&mut reader, &raw.board, &columns, &index);
    let central = central(&mut reader, &raw.central, &columns);
    let balance = balance::balance(&mut reader, &raw.balance, &columns);
    let goals = goals(&mut reader, &raw.financial_goal);
    let reorganisations = reorganisations(&mut reader, &raw.reorganisation, &boards);
    if !reader.issues.is_empty() {
        let mut issues = reader.issues.into_vec();
        issues.sort_by_key(|issue| (issue.line, issue.column));
        return Err(issues);
    }
    Ok(MunicipalBudget {
        municipality: Municipality {
            name: raw.municipality.name,
            code: raw.municipality.code,
        },
        invented: raw.municipality.invented,
        document,
        years,
        index,
        boards,
        central,
        balance,
        goals,
        reorganisations,
        passages: raw
            .section
            .into_iter()
            .map(|section| Passage {
                heading: section.heading,
                text: section.text,
            })
            .collect(),
    })
}

fn years(reader: &mut Reader, raw: &raw::RawYears) -> Option<BudgetYears> {
    let previous = reader.year(&raw.previous_year);
    let budget = reader.year(&raw.year);
    let plan = reader.years(raw.plan_years.get_ref());
    let (previous, budget) = (previous?, budget?);
    if previous >= budget {
        reader.issue(
            raw.previous_year.span(),
            format!("jämförelseåret {previous} ska ligga före budgetåret {budget}"),
        );
        return None;
    }
    let mut before = budget;
    for (year, written) in plan.iter().zip(raw.plan_years.get_ref()) {
        if *year <= before {
            reader.issue(
                written.span(),
                format!("planåret {year} ska följa efter {before}: planåren följer efter budgetåret i stigande ordning"),
            );
            return None;
        }
        before = *year;
    }
    Some(BudgetYears {
        previous,
        budget,
        plan,
    })
}

/// A kontogrupp of Kommun-Bas, read from its two digits.
pub(crate) fn account_group(
    reader: &mut Reader,
    value: &toml::Spanned<String>,
) -> Option<AccountGroup> {
    let group = AccountGroup::new(value.get_ref());
    if group.is_none() {
        reader.issue(
            value.span(),
            format!(
                "”{}” är ingen kontogrupp som hör till resultatbudgeten; skriv två siffror: 30–39 intäkter, 40–79 kostnader (68 avskrivningar), 80 skatteintäkter, 82 generella statsbidrag och utjämning, 84 finansiella intäkter, 85 finansiella kostnader, 87 extraordinära poster",
                value.get_ref()
            ),
        );
    }
    group
}

fn central(reader: &mut Reader, raw: &[raw::RawCentral], columns: &Columns) -> Vec<CentralItem> {
    raw.iter()
        .filter_map(|item| {
            let group = account_group(reader, &item.group);
            let amounts = columns.required(reader, &item.amounts, &item.name);
            Some(CentralItem {
                name: item.name.clone(),
                group: group?,
                amounts: amounts?,
                source: item.source.clone(),
            })
        })
        .collect()
}

/// The reorganisations, within a board or between two: each on a date, between boards the file
/// has, in the order they were made, so no date comes before the one above it. Each records
/// where its ansvar lay when it was made, so only moves in date order can be undone to read
/// the structure of an earlier day.
fn reorganisations(
    reader: &mut Reader,
    raw: &[raw::RawReorganisation],
    boards: &[styr_domain::municipal::Board],
) -> Vec<styr_domain::municipal::Reorganisation> {
    let mut board = |id: &toml::Spanned<String>| {
        let known = boards.iter().any(|board| board.id.0 == *id.get_ref());
        if !known {
            reader.issue(
                id.span(),
                format!(
                    "omorganisationen nämner nämnden ”{}”, som inte finns",
                    id.get_ref()
                ),
            );
        }
        known.then(|| styr_domain::organisation::UnitId(id.get_ref().clone()))
    };
    let checked: Vec<_> = raw
        .iter()
        .map(|move_| (board(&move_.from_board), board(&move_.to_board)))
        .collect();
    let unit = |id: &Option<String>| id.clone().map(styr_domain::organisation::UnitId);
    let mut latest: Option<styr_domain::calendar::Date> = None;
    let mut read = Vec::new();
    for (move_, (from, to)) in raw.iter().zip(checked) {
        let date = reader.date(&move_.date);
        if let (Some(date), Some(before)) = (date, latest)
            && date < before
        {
            reader.issue(
                move_.date.span(),
                format!(
                    "omorganisationen av ”{}” från och med {date} står efter en från och med {before}; flyttarna står i den ordning de gjordes, utan att ett datum går bakåt",
                    move_.ansvar
                ),
            );
        }
        latest = latest.max(date);
        if let (Some(date), Some(from_board), Some(to_board)) = (date, from, to) {
            read.push(styr_domain::municipal::Reorganisation {
                date,
                ansvar: styr_domain::organisation::UnitId(move_.ansvar.clone()),
                name: move_.name.clone(),
                from_board,
                from_parent: unit(&move_.from_parent),
                to_board,
                to_parent: unit(&move_.to_parent),
            });
        }
    }
    read
}

fn goals(reader: &mut Reader, raw: &[raw::RawFinancialGoal]) -> Vec<FinancialGoal> {
    let mut names = BTreeSet::new();
    raw.iter()
        .filter_map(|goal| {
            if !names.insert(goal.name.as_str()) {
                reader.issue(
                    goal.kind.span(),
                    format!("målet ”{}” finns redan", goal.name),
                );
            }
            let kinds = ["result_share", "self_financing", "equity_ratio"];
            let kind = reader.choice(
                &goal.kind,
                "sorts finansiellt mål",
                &kinds,
                GoalKind::from_key,
            );
            let minimum = match parse_percent(goal.minimum.get_ref()) {
                Ok(percent) => Some(percent),
                Err(message) => {
                    reader.issue(goal.minimum.span(), message);
                    None
                }
            };
            Some(FinancialGoal {
                name: goal.name.clone(),
                kind: kind?,
                minimum: minimum?,
            })
        })
        .collect()
}

#[cfg(test)]
mod edit_tests;
#[cfg(test)]
mod tests;
