//! Översikt: every municipality's boards and budget years, the styrdokument due for revision
//! (passed, or within 90 days), and for one budget its key figures per table and year and the
//! open findings of the consistency check, saying how many figures the source document stated
//! a person has since changed (superseded, no longer checked).

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::operating::OperatingRow;

use super::{PageResult, html};
use crate::auth::Acting;
use crate::extract::PagePath;
use crate::view::{NavItem, nav, tkr};

pub struct BudgetLink {
    pub href: String,
    pub title: String,
    pub year: i64,
    pub updated_at: String,
}

pub struct Board {
    pub name: String,
    pub budgets: Vec<BudgetLink>,
}

pub struct Municipality {
    pub name: String,
    pub boards: Vec<Board>,
}

/// A budget year of the whole municipality (Mål och budget), as the start page links it.
pub struct MunicipalLink {
    pub href: String,
    pub title: String,
    /// "öppnat ur 2026", or empty.
    pub note: String,
}

#[derive(Template)]
#[template(path = "index.html")]
pub struct IndexPage {
    pub title: String,
    pub municipalities: Vec<Municipality>,
    pub import_issues: Vec<String>,
    /// The styrdokument due for revision, in every register.
    pub reminders: Vec<super::governance::RowView>,
    /// Whether this person may read a budget file in as a new budget.
    pub may_import: bool,
    /// The municipality's budget years kept in the database.
    pub municipal_years: Vec<MunicipalLink>,
    /// Whether this person may start a new municipality's budget (the council's controllers).
    pub may_create_municipality: bool,
}

pub async fn index(state: Acting) -> PageResult {
    html(&index_page(&state, Vec::new()).await?)
}

pub async fn index_page(
    state: &Acting,
    import_issues: Vec<String>,
) -> Result<IndexPage, crate::error::PageError> {
    let mut grouped: BTreeMap<String, BTreeMap<String, Vec<BudgetLink>>> = BTreeMap::new();
    for summary in state.app.budgets().await? {
        let snapshot = state.app.snapshot(summary.id).await?;
        let board = snapshot
            .budget
            .organisation
            .unit(&snapshot.budget.board)
            .map_or(summary.board.clone(), |unit| unit.name.clone());
        grouped
            .entry(summary.municipality.clone())
            .or_default()
            .entry(board)
            .or_default()
            .push(BudgetLink {
                href: format!("/budget/{}", summary.id),
                title: summary.title,
                year: summary.budget_year,
                updated_at: crate::view::local_time(&summary.updated_at),
            });
    }
    let municipalities = grouped
        .into_iter()
        .map(|(name, boards)| Municipality {
            name,
            boards: boards
                .into_iter()
                .map(|(name, budgets)| Board { name, budgets })
                .collect(),
        })
        .collect();
    Ok(IndexPage {
        title: "Översikt".into(),
        municipalities,
        import_issues,
        reminders: super::governance::due_reminders(state).await?,
        may_import: styr_domain::access::ActionKind::ImportBudget
            .allowed_for(state.actor.role.kind()),
        municipal_years: municipal_links(state).await?,
        may_create_municipality: styr_domain::access::ActionKind::EditFrames
            .allowed_for(state.actor.role.kind()),
    })
}

async fn municipal_links(state: &Acting) -> Result<Vec<MunicipalLink>, crate::error::PageError> {
    let years = state.app.municipal_years(&state.actor).await?;
    Ok(years
        .iter()
        .map(|row| MunicipalLink {
            href: format!("/kommun/{}", row.id),
            title: format!(
                "{} – Mål och budget {}",
                row.municipality_name, row.budget_year
            ),
            note: match (row.opened_from, row.opened_as) {
                _ if row.archived_at.is_some() => "arkiverat".to_string(),
                (_, Some(_)) => {
                    "ett senare år är öppnat ur det här; det behålls som det var".to_string()
                }
                (Some(_), None) => format!("öppnat ur budgetåret {}", row.budget_year - 1),
                (None, None) => String::new(),
            },
        })
        .collect())
}

pub struct KeyRow {
    pub label: &'static str,
    pub values: Vec<String>,
}

pub struct KeyTable {
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<KeyRow>,
}

pub struct FindingView {
    pub severity: &'static str,
    pub section: String,
    pub place: String,
    pub comparison: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "budget_overview.html")]
pub struct BudgetPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub version_number: i64,
    pub status: &'static str,
    pub status_key: &'static str,
    pub tables: Vec<KeyTable>,
    pub investment: KeyTable,
    pub findings: Vec<FindingView>,
    /// "9 fel, 1 varning, 4 avrundningsdifferenser."
    pub summary: String,
    /// How many figures the source document stated a person has since changed.
    pub superseded: usize,
}

pub async fn budget(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let report = snapshot.report();
    let key_rows = [
        OperatingRow::NetCost,
        OperatingRow::Kommunbidrag,
        OperatingRow::Result,
    ];
    let tables = report
        .operating
        .iter()
        .map(|table| KeyTable {
            heading: table.heading.clone(),
            columns: table
                .columns
                .iter()
                .map(|column| column.label.clone())
                .collect(),
            rows: key_rows
                .iter()
                .filter_map(|key| table.rows.iter().find(|row| row.row == *key))
                .map(|row| KeyRow {
                    label: row.label,
                    values: row.values.iter().map(|value| tkr(*value)).collect(),
                })
                .collect(),
        })
        .collect();
    let total = report.investment.rows.last();
    let investment = KeyTable {
        heading: report.investment.heading.clone(),
        columns: report
            .investment
            .columns
            .iter()
            .map(|column| column.label.clone())
            .collect(),
        rows: total
            .map(|row| {
                vec![KeyRow {
                    label: "Investeringar",
                    values: row.values.iter().map(|value| tkr(*value)).collect(),
                }]
            })
            .unwrap_or_default(),
    };
    html(&BudgetPage {
        title: snapshot.budget.document.title.clone(),
        nav: nav(id, ""),
        id,
        revision: snapshot.revision,
        version_number: snapshot.version_number,
        status: snapshot.status.label(),
        status_key: snapshot.status.key(),
        tables,
        investment,
        findings: report
            .findings
            .iter()
            .map(|finding| FindingView {
                severity: finding.severity.swedish(),
                section: finding.section.clone(),
                place: finding.place.clone(),
                comparison: styr_render::findings::comparison(finding),
                note: finding.note.clone(),
            })
            .collect(),
        summary: styr_render::findings::summary(&report.findings)
            .trim()
            .to_string(),
        superseded: superseded(&snapshot.budget),
    })
}

/// How many stated figures of `budget` are superseded by changes people made.
fn superseded(budget: &styr_domain::budget::Budget) -> usize {
    budget
        .operating_tables
        .iter()
        .map(|table| table.superseded.len())
        .sum::<usize>()
        + budget.investment.superseded.len()
        + budget
            .statements
            .iter()
            .filter(|statement| statement.superseded)
            .count()
        + budget
            .lines
            .iter()
            .flat_map(|lines| &lines.explanations)
            .filter(|explanation| explanation.superseded)
            .count()
}
