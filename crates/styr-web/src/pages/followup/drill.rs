//! From a figure to the vouchers behind it: a table's or an ansvar's row in a month or the
//! period to date, and one voucher with all its rows. Both pages show amounts with the
//! follow-up's sign — revenue positive, costs negative, so the rows add up to the figure —
//! and each account and cost centre with its name from the books.

use std::collections::BTreeMap;

use askama::Template;
use serde::Deserialize;
use styr_domain::followup::Month;
use styr_domain::followup::month::MONTH_NAMES;
use styr_domain::money::{Amount, Precision, Unit};
use styr_domain::operating::OperatingRow;
use styr_render::followup::period_words;

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PagePath, PageQuery};
use crate::input;
use crate::pages::{PageResult, html};
use crate::view::{NavItem, nav};

/// The one sign convention of the drill-down and the voucher, as the follow-up's.
const SIGNS_IN_KRONOR: &str = "Belopp i kronor med uppföljningens tecken: intäkter positiva och kostnader negativa (bokföringens debet visas med minus), så raderna summerar till uppföljningens belopp.";

/// The drill-down's query; its parameters keep their Swedish names in the page's links.
#[derive(Deserialize)]
pub struct DrillQuery {
    #[serde(rename = "enhet", default)]
    pub group: String,
    #[serde(rename = "rad")]
    pub row: String,
    /// One month (1–12); without it the year to date.
    #[serde(rename = "manad")]
    pub month: Option<i64>,
}

pub struct BookedView {
    pub voucher_id: i64,
    pub voucher: String,
    pub date: String,
    pub account: u32,
    pub account_name: String,
    pub cost_centre: String,
    pub project: String,
    pub text: String,
    pub amount: String,
}

fn kronor(amount: Amount) -> String {
    styr_domain::format::number(amount, Precision::new(Unit::Kr, 2))
}

/// The names of the books' accounts and cost centres.
pub struct Names {
    accounts: BTreeMap<u32, String>,
    cost_centres: BTreeMap<String, String>,
}

impl Names {
    async fn of(state: &Acting, id: i64) -> Result<Names, PageError> {
        Ok(Names {
            accounts: state.app.account_names(id).await?,
            cost_centres: state.app.followup_names(id).await?,
        })
    }
}

impl BookedView {
    /// A booked row as the pages show it, in kronor and öre with the follow-up's sign (the
    /// books' debit is negative here).
    fn of(booked: styr_app::BookedRow, names: &Names) -> Result<BookedView, PageError> {
        let amount = booked
            .amount
            .checked_neg()
            .map_err(|error| PageError::invalid(error.to_string()))?;
        let cost_centre = booked.cost_centre.unwrap_or_default();
        Ok(BookedView {
            voucher_id: booked.voucher_id,
            voucher: format!("{} {}", booked.series, booked.number),
            date: booked.date,
            account: booked.account,
            account_name: names
                .accounts
                .get(&booked.account)
                .cloned()
                .unwrap_or_default(),
            cost_centre: match names.cost_centres.get(&cost_centre) {
                Some(name) if !name.is_empty() => format!("{cost_centre} {name}"),
                _ => cost_centre,
            },
            project: booked.project.unwrap_or_default(),
            text: booked.text,
            amount: kronor(amount),
        })
    }
}

#[derive(Template)]
#[template(path = "followup_rows.html")]
pub struct DrillPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub heading: String,
    pub rows: Vec<BookedView>,
    pub total: String,
    pub signs: &'static str,
}

/// The vouchers behind a unit's row in the year to date (budget sign, kr).
pub async fn drill(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<DrillQuery>,
) -> PageResult {
    let report = state.app.followup(id, None, None).await?;
    let row = OperatingRow::from_key(&query.row).ok_or_else(|| {
        PageError::invalid(format!(
            "raden ”{}” finns inte",
            query.row.chars().take(40).collect::<String>()
        ))
    })?;
    let month = query
        .month
        .map(input::month_number)
        .transpose()
        .map_err(PageError::invalid)?;
    let numbers = match month {
        Some(month) => month..=month,
        None => 1..=report.through,
    };
    // A month not booked has no rows: its figure is "ej bokfört".
    let months: Vec<Month> = numbers
        .filter_map(|number| Month::new(report.year, number))
        .collect();
    let overflow =
        |error: styr_domain::money::AmountOverflow| PageError::invalid(error.to_string());
    let names = Names::of(&state, id).await?;
    let mut rows = Vec::new();
    let mut total = Amount::ZERO;
    for booked in state
        .app
        .drill_down_months(id, &query.group, row, &months)
        .await?
    {
        // The books sign costs positive; the follow-up signs them negative.
        total = total.checked_sub(booked.amount).map_err(overflow)?;
        rows.push(BookedView::of(booked, &names)?);
    }
    let group = report
        .group(&query.group)
        .or_else(|| {
            report
                .unit(&styr_domain::organisation::UnitId(query.group.clone()))
                .map(|unit| &unit.group)
        })
        .map_or_else(String::new, |group| group.name.clone());
    let period = match month {
        Some(month) => MONTH_NAMES[usize::from(month - 1)].to_string(),
        None => period_words(report.through),
    };
    html(&DrillPage {
        title: format!("Utfall – {}", row.label()),
        nav: nav(id, "uppfoljning"),
        id,
        heading: format!("{group}, {}: utfall {period} {}", row.label(), report.year),
        rows,
        total: kronor(total),
        signs: SIGNS_IN_KRONOR,
    })
}

#[derive(Template)]
#[template(path = "followup_voucher.html")]
pub struct VoucherPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub heading: String,
    pub date: String,
    pub text: String,
    pub rows: Vec<BookedView>,
    pub signs: &'static str,
}

pub async fn voucher(state: Acting, PagePath((id, voucher)): PagePath<(i64, i64)>) -> PageResult {
    let rows = state.app.voucher(id, voucher).await?;
    let names = Names::of(&state, id).await?;
    let first = rows.first().ok_or_else(PageError::not_found)?;
    let heading = format!("Verifikation {} {}", first.series, first.number);
    let (date, text) = (first.date.clone(), first.voucher_text.clone());
    html(&VoucherPage {
        title: heading.clone(),
        nav: nav(id, "uppfoljning"),
        id,
        heading,
        date,
        text,
        rows: rows
            .into_iter()
            .map(|booked| BookedView::of(booked, &names))
            .collect::<Result<_, _>>()?,
        signs: SIGNS_IN_KRONOR,
    })
}
