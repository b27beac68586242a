//! Delårsrapport och verksamhetsberättelse: choose the report and its last month, write the
//! texts no figure can give (the events of importance, the outlook), see what the report
//! will say — its opening and every significant deviation with its explanation or that one is
//! missing — and download it in PDF, Word, Excel, HTML or Markdown, rendered like the budget
//! document.

use askama::Template;
use serde::Deserialize;
use styr_app::ReportRequest;
use styr_domain::followup::{Month, ReportKind, ReportTexts};
use styr_output::Format;

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath, PageQuery};
use crate::input;
use crate::pages::{PageResult, html, invalid, see};
use crate::view::{NavItem, nav};

pub struct DeviationView {
    pub unit: String,
    pub row: &'static str,
    pub sentence: String,
    pub explanation: String,
}

#[derive(Template)]
#[template(path = "followup_report.html")]
pub struct ReportPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    /// delarsrapport | arsredovisning
    pub kind: &'static str,
    /// "2025-08"
    pub period: String,
    pub report_title: String,
    pub introduction: Vec<String>,
    pub sentences: Vec<String>,
    pub deviations: Vec<DeviationView>,
    pub events: String,
    pub outlook: String,
    pub formats: Vec<(&'static str, &'static str)>,
    pub messages: Vec<String>,
    pub saved: bool,
    /// Whether the person may write the report's texts (else the page shows them).
    pub may_edit: bool,
}

#[derive(Deserialize, Default)]
pub struct ReportQuery {
    #[serde(rename = "dokument", default)]
    pub kind: String,
    #[serde(default)]
    pub period: String,
    #[serde(rename = "sparat", default)]
    pub saved: String,
}

/// The report and month asked for; by default the delårsrapport through the last booked
/// month of the budget year (August when nothing is booked), the verksamhetsberättelse
/// through December.
async fn chosen(
    state: &Acting,
    id: i64,
    kind: &str,
    period: &str,
) -> Result<(ReportKind, Month), PageError> {
    let kind = if kind.is_empty() {
        ReportKind::Interim
    } else {
        ReportKind::from_key(kind).ok_or_else(PageError::not_found)?
    };
    if !period.is_empty() {
        return Ok((kind, input::month(period).map_err(PageError::invalid)?));
    }
    let report = state.app.followup(id, None, None).await?;
    let number = match kind {
        ReportKind::Annual => 12,
        ReportKind::Interim if report.through > 0 => report.through,
        ReportKind::Interim => 8,
    };
    Month::new(report.year, number)
        .map(|month| (kind, month))
        .ok_or_else(PageError::not_found)
}

async fn report_page(
    state: &Acting,
    id: i64,
    (kind, through): (ReportKind, Month),
    typed: Option<ReportTexts>,
    messages: Vec<String>,
) -> Result<ReportPage, PageError> {
    let request = ReportRequest {
        kind,
        through,
        version: None,
    };
    let shown = state.app.interim_report(id, &request).await?;
    let snapshot = state.app.snapshot(id).await?;
    let texts = match typed {
        Some(texts) => texts,
        None => state.app.report_texts(id, kind, through).await?,
    };
    Ok(ReportPage {
        title: format!("{} – {}", kind.title(), shown.title),
        nav: nav(id, "uppfoljning"),
        id,
        kind: kind.key(),
        period: through.to_string(),
        report_title: shown.title.clone(),
        introduction: shown.introduction.clone(),
        sentences: shown
            .tables
            .iter()
            .flat_map(|table| table.sentences.iter().cloned())
            .chain(std::iter::once(shown.investments.sentence.clone()))
            .collect(),
        deviations: shown
            .deviations
            .iter()
            .map(|deviation| DeviationView {
                unit: deviation.unit.clone(),
                row: deviation.row,
                sentence: deviation.sentence.clone(),
                explanation: deviation.explanation.clone().unwrap_or_default(),
            })
            .collect(),
        events: texts.events,
        outlook: texts.outlook,
        formats: crate::interim::FORMATS
            .iter()
            .map(|format| {
                (
                    format.key(),
                    match format {
                        Format::Pdf => "PDF – för nämnden, med sidnummer och innehållsförteckning",
                        Format::Docx => "Word (.docx) – för att redigera texten",
                        Format::Xlsx => "Excel (.xlsx) – tabellerna som arbetsbok",
                        Format::Html => "HTML – en sida att skriva ut",
                        _ => "Markdown",
                    },
                )
            })
            .collect(),
        messages,
        saved: false,
        may_edit: crate::view::may_follow_up(
            state,
            &snapshot,
            &styr_domain::access::Action::EditDocument,
        ),
    })
}

pub async fn show(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<ReportQuery>,
) -> PageResult {
    let chosen = chosen(&state, id, &query.kind, &query.period).await?;
    let mut page = report_page(&state, id, chosen, None, Vec::new()).await?;
    page.saved = query.saved == "ja";
    html(&page)
}

/// The texts form; its fields keep their Swedish names in the page.
#[derive(Deserialize)]
pub struct TextsForm {
    #[serde(rename = "dokument")]
    pub kind: String,
    pub period: String,
    #[serde(rename = "handelser", default)]
    pub events: String,
    #[serde(rename = "utveckling", default)]
    pub outlook: String,
}

pub async fn save(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(form): PageForm<TextsForm>,
) -> PageResult {
    let chosen = chosen(&state, id, &form.kind, &form.period).await?;
    let (events, outlook) = (input::text(&form.events), input::text(&form.outlook));
    let (Ok(events), Ok(outlook)) = (events, outlook) else {
        let typed = ReportTexts {
            events: form.events.clone(),
            outlook: form.outlook.clone(),
        };
        let message =
            "Texten innehåller ett osynligt styrtecken; ta bort det och skriv texten igen."
                .to_string();
        return invalid(&report_page(&state, id, chosen, Some(typed), vec![message]).await?);
    };
    let texts = ReportTexts { events, outlook };
    state
        .app
        .set_report_texts(&state.actor, id, chosen.0, chosen.1, &texts)
        .await?;
    see(format!(
        "/budget/{id}/uppfoljning/rapport?dokument={}&period={}&sparat=ja",
        chosen.0.key(),
        chosen.1
    ))
}

/// `GET /budget/{id}/uppfoljning/rapport/{format}?dokument=&period=`: the report as a file.
pub async fn download(
    state: Acting,
    PagePath((id, format)): PagePath<(i64, String)>,
    PageQuery(query): PageQuery<ReportQuery>,
) -> Result<axum::response::Response, PageError> {
    let format = Format::from_key(&format)
        .filter(|format| crate::interim::FORMATS.contains(format))
        .ok_or_else(PageError::not_found)?;
    let (kind, through) = chosen(&state, id, &query.kind, &query.period).await?;
    let request = ReportRequest {
        kind,
        through,
        version: None,
    };
    Ok(crate::interim::report_file(&state, id, request, format).await?)
}
