//! Uppföljning: import the books, budget versus actual per unit and line with the year to
//! date and the forecast, a chart, drill-down from a figure to its vouchers.

use askama::Template;
use axum::extract::{Multipart, Path, Query};
use serde::Deserialize;
use styr_app::AppError;
use styr_domain::followup::{Forecast, Month};
use styr_domain::format::tkr;
use styr_domain::money::{Amount, Unit};
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_render::followup::{Layout, chart_svg, heading, period_words};
use styr_reports::followup::{ENTERED, FollowupReport, GroupFollowup};

use super::{PageResult, html, invalid, see};
use crate::auth::Acting;
use crate::error::PageError;
use crate::view::{NavItem, nav};

pub struct RowView {
    pub label: &'static str,
    pub key: &'static str,
    pub emphasised: bool,
    pub year_budget: String,
    pub ytd_budget: String,
    pub ytd_actual: String,
    pub deviation: String,
    pub negative: bool,
    pub forecast: String,
    pub forecast_entered: bool,
    pub forecast_deviation: String,
    pub comment: String,
}

pub struct GroupView {
    pub code: String,
    pub name: String,
    pub rows: Vec<RowView>,
    pub can_forecast: bool,
}

pub struct MonthView {
    pub number: u8,
    pub name: &'static str,
    pub budget: String,
    pub actual: String,
    pub deviation: String,
    pub negative: bool,
    pub ytd_budget: String,
    pub ytd_actual: String,
    pub ytd_deviation: String,
}

pub struct ImportView {
    pub file_name: String,
    pub format: String,
    pub months: String,
    pub vouchers: i64,
    pub rows: i64,
    pub replaced: i64,
    pub by: String,
    pub at: String,
    pub checksum: String,
}

#[derive(Template)]
#[template(path = "followup.html")]
pub struct FollowupPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    /// manad | delar | helar
    pub layout: &'static str,
    pub heading: String,
    pub period: String,
    pub groups: Vec<GroupView>,
    pub chart: String,
    /// The board's net cost month by month, through the last month of the period.
    pub months: Vec<MonthView>,
    pub imports: Vec<ImportView>,
    pub unmapped_accounts: Vec<(String, String, String)>,
    pub unmapped_cost_centres: Vec<(String, String, String)>,
    pub profiles: Vec<String>,
    pub messages: Vec<String>,
    pub entered_rows: Vec<(&'static str, &'static str)>,
}

fn group_view(group: &GroupFollowup) -> GroupView {
    GroupView {
        code: group.code.clone(),
        name: group.name.clone(),
        can_forecast: group.unit.is_some(),
        rows: group
            .rows
            .iter()
            .map(|row| RowView {
                label: row.label,
                key: row.row.key(),
                emphasised: row.row.is_emphasised(),
                year_budget: tkr(row.year_budget),
                ytd_budget: tkr(row.ytd_budget),
                ytd_actual: tkr(row.ytd_actual),
                deviation: tkr(row.ytd_deviation),
                negative: row.ytd_deviation.ore() < 0,
                forecast: tkr(row.forecast),
                forecast_entered: row.forecast_entered,
                forecast_deviation: tkr(row.forecast_deviation),
                comment: row.forecast_comment.clone(),
            })
            .collect(),
    }
}

#[derive(Deserialize, Default)]
pub struct LayoutQuery {
    /// manad (default), delar (January–August) or helar (the whole year).
    #[serde(default)]
    pub layout: String,
}

impl LayoutQuery {
    fn layout(&self) -> (Layout, &'static str, Option<u8>) {
        match self.layout.as_str() {
            "delar" => (Layout::Interim, "delar", Some(8)),
            "helar" => (Layout::YearEnd, "helar", Some(12)),
            _ => (Layout::Month, "manad", None),
        }
    }
}

async fn page(state: &Acting, id: i64, messages: Vec<String>) -> Result<FollowupPage, PageError> {
    page_in(state, id, &LayoutQuery::default(), messages).await
}

async fn page_in(
    state: &Acting,
    id: i64,
    query: &LayoutQuery,
    messages: Vec<String>,
) -> Result<FollowupPage, PageError> {
    let (layout, layout_key, through) = query.layout();
    let snapshot = state.app.snapshot(id).await?;
    let report: FollowupReport = state.app.followup(id, None, through).await?;
    let chart = report
        .total
        .row(OperatingRow::NetCost)
        .map(|row| chart_svg(&report, row))
        .unwrap_or_default();
    let items = |list: &[styr_reports::followup::UnmappedAmount]| {
        list.iter()
            .map(|item| (item.code.clone(), item.name.clone(), tkr(item.amount)))
            .collect()
    };
    Ok(FollowupPage {
        title: format!("Uppföljning – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        layout: layout_key,
        heading: heading(&report, layout),
        period: period_words(report.through),
        groups: std::iter::once(&report.total)
            .chain(&report.groups)
            .map(group_view)
            .collect(),
        chart,
        months: month_views(&report),
        imports: state
            .app
            .outcome_imports(id)
            .await?
            .into_iter()
            .map(|record| ImportView {
                file_name: record.file_name,
                format: record.format,
                months: format!("{} – {}", record.first_month, record.last_month),
                vouchers: record.vouchers,
                rows: record.rows,
                replaced: record.replaced_rows,
                by: record.imported_by,
                at: record.imported_at,
                checksum: record.checksum,
            })
            .collect(),
        unmapped_accounts: items(&report.unmapped_accounts),
        unmapped_cost_centres: items(&report.unmapped_cost_centres),
        profiles: state.app.import_profiles().await?.into_keys().collect(),
        messages,
        entered_rows: ENTERED.iter().map(|row| (row.key(), row.label())).collect(),
    })
}

fn month_views(report: &FollowupReport) -> Vec<MonthView> {
    let Some(row) = report.total.row(OperatingRow::NetCost) else {
        return Vec::new();
    };
    // Sums the page adds up itself; one too large to hold is shown as such.
    type Shown = Result<Amount, styr_domain::money::AmountOverflow>;
    let cell = |figure: Shown| figure.map_or_else(|_| "för stort".to_string(), tkr);
    let (mut budget_sum, mut actual_sum): (Shown, Shown) = (Ok(Amount::ZERO), Ok(Amount::ZERO));
    styr_domain::followup::month::MONTH_NAMES
        .iter()
        .enumerate()
        .take(usize::from(report.through))
        .map(|(index, name)| {
            budget_sum = budget_sum.and_then(|sum| sum.checked_add(row.budget[index]));
            actual_sum = actual_sum.and_then(|sum| sum.checked_add(row.actual[index]));
            let deviation = row.actual[index].checked_sub(row.budget[index]);
            MonthView {
                number: (index + 1) as u8,
                name,
                budget: tkr(row.budget[index]),
                actual: tkr(row.actual[index]),
                deviation: cell(deviation),
                negative: deviation.is_ok_and(|deviation| deviation.ore() < 0),
                ytd_budget: cell(budget_sum),
                ytd_actual: cell(actual_sum),
                ytd_deviation: cell(actual_sum.and_then(|actual| actual.checked_sub(budget_sum?))),
            }
        })
        .collect()
}

pub async fn show(
    state: Acting,
    Path(id): Path<i64>,
    Query(query): Query<LayoutQuery>,
) -> PageResult {
    html(&page_in(&state, id, &query, Vec::new()).await?)
}

/// Imports an uploaded SIE or CSV file; on any issue nothing is stored and the page lists them.
pub async fn import(state: Acting, Path(id): Path<i64>, mut form: Multipart) -> PageResult {
    let mut file = None;
    let mut profile = None;
    while let Ok(Some(field)) = form.next_field().await {
        match field.name() {
            Some("fil") => {
                let name = field.file_name().unwrap_or("utfall").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|error| PageError::Invalid(format!("filen kom inte fram: {error}")))?;
                file = Some((name, bytes));
            }
            Some("profil") => {
                let text = field.text().await.unwrap_or_default();
                profile = (!text.is_empty()).then_some(text);
            }
            _ => {}
        }
    }
    let Some((name, bytes)) = file.filter(|(_, bytes)| !bytes.is_empty()) else {
        return invalid(&page(&state, id, vec!["Välj en fil att läsa in.".into()]).await?);
    };
    match state
        .app
        .import_outcome(&state.actor, id, &name, &bytes, profile.as_deref())
        .await
    {
        Ok(_) => see(format!("/budget/{id}/uppfoljning")),
        Err(AppError::Unreadable(issues)) => {
            let mut messages: Vec<String> = issues.iter().map(ToString::to_string).collect();
            messages.push(format!("{name} lästes inte in: ingenting har ändrats."));
            invalid(&page(&state, id, messages).await?)
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
pub struct ForecastForm {
    pub enhet: String,
    pub rad: String,
    pub belopp: String,
    #[serde(default)]
    pub kommentar: String,
}

/// Sets a unit's full-year forecast for a line, entered in tkr.
pub async fn forecast(
    state: Acting,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<ForecastForm>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let row = OperatingRow::from_key(&form.rad).filter(|row| ENTERED.contains(row));
    let amount = styr_import::amount::parse_amount(&form.belopp, Unit::Tkr);
    let (Some(row), Ok(amount)) = (row, amount) else {
        let message = format!(
            "Prognosen ”{}” går inte att läsa: skriv ett belopp i tkr, till exempel -116 500.",
            form.belopp
        );
        return invalid(&page(&state, id, vec![message]).await?);
    };
    let forecast = Forecast {
        unit: UnitId(form.enhet.clone()),
        row,
        year: snapshot.budget.years.budget,
        amount: amount.value,
        comment: form.kommentar.trim().to_string(),
    };
    match state.app.set_forecast(&state.actor, id, forecast).await {
        Ok(()) => see(format!("/budget/{id}/uppfoljning#grupp-{}", form.enhet)),
        Err(error @ AppError::Invalid(_)) => {
            invalid(&page(&state, id, vec![error.to_string()]).await?)
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
pub struct DrillQuery {
    #[serde(default)]
    pub enhet: String,
    pub rad: String,
    /// One month (1–12); without it the year to date.
    pub manad: Option<u8>,
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
            amount: styr_domain::format::number(
                amount,
                styr_domain::money::Precision::new(Unit::Kr, 2),
            ),
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
    Path(id): Path<i64>,
    Query(query): Query<DrillQuery>,
) -> PageResult {
    let report = state.app.followup(id, None, None).await?;
    let row = OperatingRow::from_key(&query.rad)
        .ok_or_else(|| PageError::Invalid(format!("raden ”{}” finns inte", query.rad)))?;
    let mut rows = Vec::new();
    let mut total = Amount::ZERO;
    let months = match query.manad {
        Some(month) if (1..=12).contains(&month) => month..=month,
        Some(month) => return Err(PageError::Invalid(format!("månad {month} finns inte"))),
        None => 1..=report.through,
    };
    let months: Vec<Month> = months
        .filter_map(|number| Month::new(report.year, number))
        .collect();
    for booked in state
        .app
        .drill_down_months(id, &query.enhet, row, &months)
        .await?
    {
        let too_large = |overflow: styr_domain::money::AmountOverflow| {
            PageError::Invalid(format!("Utfallet för {}: {overflow}", row.label()))
        };
        // The books sign debit positive; the page signs as the budget.
        let amount = booked.amount.checked_neg().map_err(too_large)?;
        total = total.checked_add(amount).map_err(too_large)?;
        rows.push(BookedView::of(booked, amount));
    }
    let group = std::iter::once(&report.total)
        .chain(&report.groups)
        .find(|group| group.code == query.enhet)
        .map_or_else(String::new, |group| group.name.clone());
    html(&DrillPage {
        title: format!("Utfall – {}", row.label()),
        nav: nav(id, "uppfoljning"),
        id,
        heading: format!(
            "{}, {}: utfall {} {}",
            group,
            row.label(),
            match query.manad {
                Some(month) =>
                    styr_domain::followup::month::MONTH_NAMES[usize::from(month - 1)].to_string(),
                None => period_words(report.through),
            },
            report.year
        ),
        rows,
        total: styr_domain::format::number(total, styr_domain::money::Precision::new(Unit::Kr, 2)),
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

pub async fn voucher(state: Acting, Path((id, voucher)): Path<(i64, i64)>) -> PageResult {
    let rows = state.app.voucher(id, voucher).await?;
    let first = &rows[0];
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

pub struct AccountRuleView {
    pub prefix: String,
    pub row: String,
}

pub struct CostCentreRuleView {
    pub object: String,
    pub name: String,
    pub unit: String,
    pub valid_from: String,
    pub valid_to: String,
}

#[derive(Template)]
#[template(path = "followup_mapping.html")]
pub struct MappingPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub account_rules: Vec<AccountRuleView>,
    pub cost_centre_rules: Vec<CostCentreRuleView>,
    pub rows: Vec<(&'static str, &'static str)>,
    pub units: Vec<(String, String)>,
    /// Per line: its key, its name and its twelve weights as typed ("" for an even spread).
    pub profiles: Vec<(&'static str, &'static str, Vec<String>)>,
    pub month_names: Vec<&'static str>,
    pub messages: Vec<String>,
}

/// The rows an account rule may point at: the entered rows, kommunbidrag, and "left out" ("").
fn rule_rows() -> Vec<(&'static str, &'static str)> {
    ENTERED
        .iter()
        .chain(&[OperatingRow::Kommunbidrag])
        .map(|row| (row.key(), row.label()))
        .chain([("", "Ingår inte i uppföljningen")])
        .collect()
}

type TypedMapping = (
    Vec<AccountRuleView>,
    Vec<CostCentreRuleView>,
    Vec<(&'static str, &'static str, Vec<String>)>,
);

async fn mapping_page(
    state: &Acting,
    id: i64,
    typed: Option<TypedMapping>,
    messages: Vec<String>,
) -> Result<MappingPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let outcome_names = state.app.followup_names(id).await?;
    let (mut account_rules, mut cost_centre_rules, profiles) = match typed {
        Some(typed) => typed,
        None => {
            let stored = state.app.line_profiles(id).await?;
            let profiles: Vec<(&'static str, &'static str, Vec<String>)> = LineKind::ALL
                .iter()
                .map(|kind| {
                    let weights = stored.get(kind).map_or_else(
                        || vec![String::new(); 12],
                        |profile| profile.0.iter().map(u32::to_string).collect(),
                    );
                    (kind.key(), OperatingRow::Line(*kind).label(), weights)
                })
                .collect();
            let accounts = state.app.account_mapping(id).await?;
            let centres = state.app.cost_centre_mapping(id).await?;
            (
                accounts
                    .rules
                    .iter()
                    .map(|rule| AccountRuleView {
                        prefix: rule.prefix.clone(),
                        row: rule
                            .row
                            .map_or_else(String::new, |row| row.key().to_string()),
                    })
                    .collect(),
                centres
                    .rules
                    .iter()
                    .map(|rule| CostCentreRuleView {
                        object: rule.object.clone(),
                        name: outcome_names.get(&rule.object).cloned().unwrap_or_default(),
                        unit: rule.unit.0.clone(),
                        valid_from: rule
                            .valid_from
                            .map(|date| date.to_string())
                            .unwrap_or_default(),
                        valid_to: rule
                            .valid_to
                            .map(|date| date.to_string())
                            .unwrap_or_default(),
                    })
                    .collect(),
                profiles,
            )
        }
    };
    // Room for new rules.
    for _ in 0..3 {
        account_rules.push(AccountRuleView {
            prefix: String::new(),
            row: String::new(),
        });
        cost_centre_rules.push(CostCentreRuleView {
            object: String::new(),
            name: String::new(),
            unit: String::new(),
            valid_from: String::new(),
            valid_to: String::new(),
        });
    }
    Ok(MappingPage {
        title: format!("Kontomappning – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        account_rules,
        cost_centre_rules,
        rows: rule_rows(),
        units: snapshot
            .budget
            .organisation
            .units()
            .iter()
            .map(|unit| (unit.id.0.clone(), unit.name.clone()))
            .collect(),
        profiles,
        month_names: styr_domain::followup::month::MONTH_NAMES.to_vec(),
        messages,
    })
}

pub async fn mapping(state: Acting, Path(id): Path<i64>) -> PageResult {
    html(&mapping_page(&state, id, None, Vec::new()).await?)
}

/// Replaces all account rules and cost-centre rules with what the form holds; a rule whose
/// code is left empty is removed. Nothing is saved unless every rule reads.
pub async fn save_mapping(
    state: Acting,
    Path(id): Path<i64>,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> PageResult {
    let values = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
            .collect()
    };
    let (prefixes, rows) = (values("prefix"), values("rad"));
    let (objects, units, froms, tos) = (
        values("kostnadsstalle"),
        values("enhet"),
        values("fran"),
        values("till"),
    );
    let mut messages = Vec::new();
    let mut account_rules = Vec::new();
    for (prefix, row) in prefixes
        .iter()
        .zip(&rows)
        .filter(|(prefix, _)| !prefix.is_empty())
    {
        let operating_row = if row.is_empty() {
            None
        } else {
            match OperatingRow::from_key(row) {
                Some(found) => Some(found),
                None => {
                    messages.push(format!("Raden ”{row}” finns inte."));
                    continue;
                }
            }
        };
        account_rules.push(styr_domain::followup::AccountRule {
            prefix: prefix.clone(),
            row: operating_row,
        });
    }
    let mut profiles = std::collections::BTreeMap::new();
    let mut typed_profiles = Vec::new();
    for kind in LineKind::ALL {
        let weights = values(&format!("profil_{}", kind.key()));
        let label = OperatingRow::Line(kind).label();
        typed_profiles.push((kind.key(), label, weights.clone()));
        if weights.iter().all(String::is_empty) {
            continue;
        }
        let parsed: Option<Vec<u32>> = weights
            .iter()
            .map(|weight| weight.parse::<u32>().ok().filter(|value| *value <= 1000))
            .collect();
        match parsed.and_then(|parsed| <[u32; 12]>::try_from(parsed).ok()) {
            Some(parsed) if parsed.iter().any(|weight| *weight > 0) => {
                profiles.insert(kind, styr_domain::followup::Profile(parsed));
            }
            _ => messages.push(format!(
                "Periodiseringen av {}: skriv tolv vikter, heltal 0–1 000 och inte alla noll, eller lämna alla tomma för jämn fördelning.",
                label.to_lowercase()
            )),
        }
    }
    let accounts = styr_domain::followup::AccountMapping::new(account_rules)
        .map_err(|error| messages.push(format!("Kontomappningen: {error}.")))
        .ok();
    let snapshot = state.app.snapshot(id).await?;
    let mut centre_rules = Vec::new();
    for (((object, unit), from), to) in objects.iter().zip(&units).zip(&froms).zip(&tos) {
        if object.is_empty() {
            continue;
        }
        if snapshot
            .budget
            .organisation
            .unit(&UnitId(unit.clone()))
            .is_none()
        {
            messages.push(format!(
                "Kostnadsställe {object}: välj en enhet ur organisationen."
            ));
            continue;
        }
        let dates = (
            crate::forms::optional_date(Some(from)),
            crate::forms::optional_date(Some(to)),
        );
        let (Ok(valid_from), Ok(valid_to)) = dates else {
            messages.push(format!(
                "Kostnadsställe {object}: datum skrivs ÅÅÅÅ-MM-DD, till exempel 2025-01-01."
            ));
            continue;
        };
        centre_rules.push(styr_domain::followup::CostCentreRule {
            object: object.clone(),
            unit: UnitId(unit.clone()),
            valid_from,
            valid_to,
        });
    }
    match accounts {
        Some(accounts) if messages.is_empty() => {
            let centres = styr_domain::followup::CostCentreMapping {
                rules: centre_rules,
            };
            state
                .app
                .set_followup_settings(&state.actor, id, &accounts, &centres, &profiles)
                .await?;
            see(format!("/budget/{id}/uppfoljning"))
        }
        _ => {
            let names = state.app.followup_names(id).await?;
            let typed = (
                prefixes
                    .iter()
                    .zip(&rows)
                    .filter(|(prefix, _)| !prefix.is_empty())
                    .map(|(prefix, row)| AccountRuleView {
                        prefix: prefix.clone(),
                        row: row.clone(),
                    })
                    .collect(),
                objects
                    .iter()
                    .zip(&units)
                    .zip(&froms)
                    .zip(&tos)
                    .filter(|(((object, _), _), _)| !object.is_empty())
                    .map(|(((object, unit), from), to)| CostCentreRuleView {
                        name: names.get(object).cloned().unwrap_or_default(),
                        object: object.clone(),
                        unit: unit.clone(),
                        valid_from: from.clone(),
                        valid_to: to.clone(),
                    })
                    .collect(),
                typed_profiles,
            );
            messages.push("Ingenting har sparats; det du skrev finns kvar.".into());
            invalid(&mapping_page(&state, id, Some(typed), messages).await?)
        }
    }
}

/// A profile to start from: the columns a typical municipal ledger export has.
const PROFILE_EXAMPLE: &str = "delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\ncost_centre = \"Ansvar\"\namount = \"Belopp\"\ntext = \"Text\"\nvoucher = \"Verifikation\"\n";

#[derive(Template)]
#[template(path = "followup_profiles.html")]
pub struct ProfilesPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub saved: Vec<(String, String)>,
    pub name: String,
    pub definition: String,
    pub messages: Vec<String>,
}

async fn profiles_page(
    state: &Acting,
    id: i64,
    name: String,
    definition: String,
    messages: Vec<String>,
) -> Result<ProfilesPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok(ProfilesPage {
        title: format!("Importprofiler – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        saved: state.app.import_profiles().await?.into_iter().collect(),
        name,
        definition,
        messages,
    })
}

pub async fn profiles(state: Acting, Path(id): Path<i64>) -> PageResult {
    html(
        &profiles_page(
            &state,
            id,
            String::new(),
            PROFILE_EXAMPLE.into(),
            Vec::new(),
        )
        .await?,
    )
}

#[derive(Deserialize)]
pub struct ProfileForm {
    pub namn: String,
    pub profil: String,
}

/// Saves a CSV import profile under its name (replacing one of the same name), if it reads.
pub async fn save_profile(
    state: Acting,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<ProfileForm>,
) -> PageResult {
    let name = form.namn.trim().to_string();
    let result = if name.is_empty() {
        Err(vec![
            "Ge profilen ett namn, till exempel ekonomisystemets.".to_string(),
        ])
    } else {
        match state
            .app
            .save_import_profile(&state.actor, &name, &form.profil)
            .await
        {
            Ok(()) => Ok(()),
            Err(AppError::Unreadable(issues)) => {
                Err(issues.iter().map(ToString::to_string).collect())
            }
            Err(error) => return Err(error.into()),
        }
    };
    match result {
        Ok(()) => see(format!("/budget/{id}/uppfoljning/importprofiler")),
        Err(messages) => invalid(&profiles_page(&state, id, name, form.profil, messages).await?),
    }
}
