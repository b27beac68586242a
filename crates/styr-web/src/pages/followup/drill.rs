//! From a figure to the vouchers behind it: a unit's row in a month or the year to date, and
//! one voucher with all its rows.

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
    pub cost_centre: String,
    pub text: String,
    pub amount: String,
}

fn kronor(amount: Amount) -> String {
    styr_domain::format::number(amount, Precision::new(Unit::Kr, 2))
}

impl BookedView {
    /// A booked row as the pages show it, with `amount` in kronor and öre.
    fn of(booked: styr_app::BookedRow, amount: Amount) -> BookedView {
        BookedView {
            voucher_id: booked.voucher_id,
            voucher: format!("{} {}", booked.series, booked.number),
            date: booked.date,
            account: booked.account,
            cost_centre: booked.cost_centre.unwrap_or_default(),
            text: booked.text,
            amount: kronor(amount),
        }
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
    let months: Vec<Month> = numbers
        .filter_map(|number| Month::new(report.year, number))
        .collect();
    let overflow =
        |error: styr_domain::money::AmountOverflow| PageError::invalid(error.to_string());
    let mut rows = Vec::new();
    let mut total = Amount::ZERO;
    for booked in state
        .app
        .drill_down_months(id, &query.group, row, &months)
        .await?
    {
        // The books sign costs positive; the budget signs them negative.
        let amount = booked.amount.checked_neg().map_err(overflow)?;
        total = total.checked_add(amount).map_err(overflow)?;
        rows.push(BookedView::of(booked, amount));
    }
    let group = std::iter::once(&report.total)
        .chain(&report.groups)
        .find(|group| group.code == query.group)
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
}

pub async fn voucher(state: Acting, PagePath((id, voucher)): PagePath<(i64, i64)>) -> PageResult {
    let rows = state.app.voucher(id, voucher).await?;
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
            .map(|booked| {
                let amount = booked.amount;
                BookedView::of(booked, amount)
            })
            .collect(),
    })
}
