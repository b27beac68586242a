//! The follow-up page: which budget version the books are compared with (the latest adopted
//! by default, any version on request) and what is booked, then the board's total, each
//! table (the separately reported apart) per line for the period with the forecast and the
//! explanations, the board's net cost month by month with charts, links down per ansvar, to
//! the investments and the delårsrapport, and the import log with the last import's
//! confirmation.

mod views;

use askama::Template;
use styr_domain::operating::OperatingRow;
use styr_render::followup::{Layout, SIGNS, booked_sentence, chart_svg, course_svg, heading};
use styr_reports::followup::{ENTERED, FollowupReport};

pub use views::{GroupView, MonthView, group_view, month_views};

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PagePath, PageQuery};
use crate::pages::{PageResult, html};
use crate::view::{NavItem, nav};

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

/// What an import just did, for the confirmation at the top of the page.
pub struct Confirmation {
    pub file_name: String,
    pub months: String,
    pub vouchers: i64,
    pub rows: i64,
    pub replaced: i64,
    /// "augusti är ny", "januari–juli ersattes": which months changed how.
    pub months_said: String,
    /// Each row of the total whose outcome in those months changed: label, before, after.
    pub changes: Vec<(&'static str, String, String)>,
}

/// A version the page can compare with: its number, how it reads, and whether it is shown.
pub struct VersionChoice {
    pub number: i64,
    pub label: String,
    pub current: bool,
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
    /// "jan–aug": the columns' period.
    pub period: String,
    /// A year-end view of a closed year: budget, outcome and deviation only.
    pub closed: bool,
    pub version_sentence: String,
    pub booked_sentence: String,
    pub signs: &'static str,
    pub versions: Vec<VersionChoice>,
    /// "&version=2" when a version is asked for, so links keep it.
    pub version_query: String,
    pub groups: Vec<GroupView>,
    pub chart: String,
    pub course: String,
    /// The board's net cost month by month over the period.
    pub months: Vec<MonthView>,
    pub imports: Vec<ImportView>,
    pub confirmation: Option<Confirmation>,
    pub unmapped_accounts: Vec<(String, String, String)>,
    pub unmapped_cost_centres: Vec<(String, String, String)>,
    pub profiles: Vec<String>,
    pub messages: Vec<String>,
    pub entered_rows: Vec<(&'static str, &'static str)>,
    /// The board's unit id, for the link down per ansvar.
    pub board: String,
    /// Whether this person may import the books (a läsare reads the report only).
    pub may_import: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct LayoutQuery {
    /// manad (default), delar (January–August) or helar (the whole year).
    #[serde(default)]
    pub layout: String,
    /// The budget version to compare with; the latest adopted by default.
    #[serde(default)]
    pub version: Option<i64>,
}

impl LayoutQuery {
    fn layout(&self) -> (Layout, &'static str) {
        match self.layout.as_str() {
            "delar" => (Layout::Interim, "delar"),
            "helar" => (Layout::YearEnd, "helar"),
            _ => (Layout::Month, "manad"),
        }
    }
}

/// The page in its default layout, with `messages` at the top (a refused import's problems)
/// or an import's `confirmation`.
pub async fn page(
    state: &Acting,
    id: i64,
    messages: Vec<String>,
    confirmation: Option<Confirmation>,
) -> Result<FollowupPage, PageError> {
    page_in(state, id, &LayoutQuery::default(), messages, confirmation).await
}

async fn versions(
    state: &Acting,
    id: i64,
    report: &FollowupReport,
) -> Result<Vec<VersionChoice>, PageError> {
    let shown = report.version.as_ref().map(|version| version.number);
    Ok(state
        .app
        .versions(id)
        .await?
        .into_iter()
        .map(|version| VersionChoice {
            number: version.number,
            label: match &version.adopted {
                Some(adopted) => format!(
                    "Version {}, fastställd {} ({})",
                    version.number, adopted.decision_date, adopted.decided_by
                ),
                None => format!("Version {}, {}", version.number, version.status.label()),
            },
            current: Some(version.number) == shown,
        })
        .collect())
}

async fn page_in(
    state: &Acting,
    id: i64,
    query: &LayoutQuery,
    messages: Vec<String>,
    confirmation: Option<Confirmation>,
) -> Result<FollowupPage, PageError> {
    let (layout, layout_key) = query.layout();
    let snapshot = state.app.snapshot(id).await?;
    let request = styr_app::FollowupRequest {
        year: None,
        through: layout.period(),
        version: query.version,
    };
    let (report, course) = state
        .app
        .deviation_course(id, &request, &snapshot.budget.board, OperatingRow::Result)
        .await?;
    let chart = report
        .total
        .row(OperatingRow::NetCost)
        .map(|row| chart_svg(&report, row, "diagram-nettokostnad"))
        .unwrap_or_default();
    let course = if course.is_empty() {
        String::new()
    } else {
        course_svg(
            &format!("Årets resultat, {}", report.title),
            &report.year.to_string(),
            &course,
            "diagram-avvikelse",
        )
    };
    let items = |list: &[styr_reports::followup::UnmappedAmount]| {
        list.iter()
            .map(|item| {
                (
                    item.code.clone(),
                    item.name.clone(),
                    crate::view::tkr(item.amount),
                )
            })
            .collect()
    };
    let groups = std::iter::once(&report.total)
        .chain(&report.groups)
        .map(|group| {
            let mut view = group_view(&report, group)?;
            // A forecast form only for a group this person may forecast for.
            view.can_forecast &= group.unit.as_ref().is_some_and(|unit| {
                crate::view::may_follow_up(
                    state,
                    &snapshot,
                    &styr_domain::access::Action::SetForecast { unit: unit.clone() },
                )
            });
            Ok(view)
        })
        .collect::<Result<Vec<_>, PageError>>()?;
    Ok(FollowupPage {
        title: format!("Uppföljning – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        layout: layout_key,
        heading: heading(&report, layout),
        period: styr_render::followup::short_period(report.through),
        closed: layout == Layout::YearEnd && report.is_closed(),
        version_sentence: report
            .version
            .as_ref()
            .map(|version| version.sentence())
            .unwrap_or_default(),
        booked_sentence: booked_sentence(&report),
        signs: SIGNS,
        versions: versions(state, id, &report).await?,
        version_query: query
            .version
            .map(|number| format!("&version={number}"))
            .unwrap_or_default(),
        months: month_views(&report, &report.total)?,
        groups,
        chart,
        course,
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
                at: crate::view::local_time(&record.imported_at),
                checksum: record.checksum,
            })
            .collect(),
        confirmation,
        unmapped_accounts: items(&report.unmapped_accounts),
        unmapped_cost_centres: items(&report.unmapped_cost_centres),
        profiles: state.app.import_profiles().await?.into_keys().collect(),
        messages,
        entered_rows: ENTERED.iter().map(|row| (row.key(), row.label())).collect(),
        board: snapshot.budget.board.0.clone(),
        may_import: crate::view::may_follow_up(
            state,
            &snapshot,
            &styr_domain::access::Action::ImportOutcome,
        ),
    })
}

pub async fn show(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<LayoutQuery>,
) -> PageResult {
    html(&page_in(&state, id, &query, Vec::new(), None).await?)
}
