//! Granskning: a document uploaded (PDF, Word, text) and its figures reviewed, each finding
//! shown beside the table or paragraph it concerns, the row marked. Nothing of the document is
//! stored: it is read, reviewed and answered, and the temporary file goes with the request.

use askama::Template;
use styr_app::{AppError, ReviewedDocument};
use styr_import::document::Block;
use styr_reports::check::Severity;

use super::{PageResult, html, invalid};
use crate::auth::Acting;
use crate::upload;

/// A finding as the page shows it.
pub struct FindingView {
    pub severity: &'static str,
    pub class: &'static str,
    pub place: String,
    pub stated: String,
    pub computed: String,
    pub note: String,
}

/// A row of a table with findings: its cells, where it stands, whether a finding is on it.
pub struct RowView {
    pub cells: Vec<String>,
    pub line: String,
    pub marked: bool,
}

/// A table or paragraph that findings concern, with them.
pub struct PartView {
    pub section: String,
    pub line: String,
    pub header: Vec<String>,
    pub rows: Vec<RowView>,
    /// A paragraph's text (empty for a table).
    pub text: String,
    pub findings: Vec<FindingView>,
}

#[derive(Template)]
#[template(path = "review.html")]
pub struct ReviewPage {
    pub title: String,
    pub problems: Vec<String>,
    /// The file reviewed; empty before one is sent.
    pub file_name: String,
    pub summary: String,
    pub coverage: String,
    pub parts: Vec<PartView>,
    /// Findings no table or paragraph could be found for.
    pub elsewhere: Vec<FindingView>,
}

fn page(problems: Vec<String>) -> ReviewPage {
    ReviewPage {
        title: "Granskning".into(),
        problems,
        file_name: String::new(),
        summary: String::new(),
        coverage: String::new(),
        parts: Vec::new(),
        elsewhere: Vec::new(),
    }
}

pub async fn show(state: Acting) -> PageResult {
    state.app.may_review_document(&state.actor).await?;
    html(&page(Vec::new()))
}

/// Reviews the uploaded document; who may is asked before the upload is read.
pub async fn check(state: Acting, request: axum::extract::Request) -> PageResult {
    state.app.may_review_document(&state.actor).await?;
    let form = upload::form(request, upload::DOCUMENT).await?;
    let Some((name, file)) = form.file.filter(|(_, file)| !file.is_empty()) else {
        return invalid(&page(vec!["Välj ett dokument att granska.".into()]));
    };
    let bytes = file.bytes().await?;
    match state.app.review_document(&state.actor, &name, bytes).await {
        Ok(reviewed) => html(&answer(&name, &reviewed)),
        Err(AppError::Unreadable(issues)) => invalid(&page(
            issues
                .iter()
                .map(|issue| format!("{name}: {}", issue.message))
                .collect(),
        )),
        Err(AppError::Rejected(message)) => invalid(&page(vec![message])),
        Err(error) => Err(error.into()),
    }
}

/// The line a place names: "Summa, Budget 2025 (rad 41)" → 41.
fn line_of(place: &str) -> Option<usize> {
    let (_, after) = place.rsplit_once("(rad ")?;
    after.split(')').next()?.trim().parse().ok()
}

fn view(reviewed: &ReviewedDocument, finding: &styr_reports::finding::Finding) -> FindingView {
    let (severity, class) = match finding.severity {
        Severity::Error => ("Fel", "error"),
        Severity::Warning => ("Varning", "warning"),
        Severity::Rounding => ("Avrundning", "rounding"),
    };
    FindingView {
        severity,
        class,
        place: reviewed.place_name(&finding.place),
        stated: finding.stated.text.clone(),
        computed: finding.computed.text.clone(),
        note: reviewed.place_name(&finding.note),
    }
}

fn answer(name: &str, reviewed: &ReviewedDocument) -> ReviewPage {
    let review = &reviewed.review;
    let count = |severity: Severity| {
        review
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    };
    let summary = if review.findings.is_empty() && review.coverage.checked_anything() {
        "Inga avvikelser i det som kunde kontrolleras.".to_string()
    } else if review.findings.is_empty() {
        "Inget kunde kontrolleras: styr fann ingen tabell med samband i dokumentet.".to_string()
    } else {
        format!(
            "{} fel, {} varningar, {} avrundningsdifferenser.",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Rounding)
        )
    };
    let mut parts: Vec<(usize, PartView)> = Vec::new();
    let mut elsewhere = Vec::new();
    let sections = reviewed.document.with_sections();
    for finding in &review.findings {
        let line = line_of(&finding.place);
        let at = line.and_then(|line| {
            sections.iter().position(|(_, block)| match block {
                Block::Table(table) => {
                    table.line <= line && table.rows.last().is_some_and(|row| row.line >= line)
                }
                Block::Paragraph { line: at, .. } => *at == line,
                Block::Heading { .. } => false,
            })
        });
        let Some(at) = at else {
            elsewhere.push(view(reviewed, finding));
            continue;
        };
        if !parts.iter().any(|(index, _)| *index == at) {
            let (section, block) = sections[at];
            parts.push((at, part(reviewed, section, block)));
        }
        if let Some((_, part)) = parts.iter_mut().find(|(index, _)| *index == at) {
            for row in &mut part.rows {
                if line.is_some_and(|line| row.line == reviewed.line_name(line)) {
                    row.marked = true;
                }
            }
            part.findings.push(view(reviewed, finding));
        }
    }
    parts.sort_by_key(|(index, _)| *index);
    ReviewPage {
        title: format!("Granskning av {name}"),
        problems: Vec::new(),
        file_name: name.to_string(),
        summary,
        coverage: reviewed.place_name(review.coverage.text().trim()),
        parts: parts.into_iter().map(|(_, part)| part).collect(),
        elsewhere,
    }
}

fn part(reviewed: &ReviewedDocument, section: &str, block: &Block) -> PartView {
    let mut view = PartView {
        section: section.to_string(),
        line: String::new(),
        header: Vec::new(),
        rows: Vec::new(),
        text: String::new(),
        findings: Vec::new(),
    };
    match block {
        Block::Table(table) => {
            view.line = reviewed.line_name(table.line);
            view.header = table.header.clone();
            view.rows = table
                .rows
                .iter()
                .map(|row| RowView {
                    cells: row.cells.clone(),
                    line: reviewed.line_name(row.line),
                    marked: false,
                })
                .collect();
        }
        Block::Paragraph { text, line } => {
            view.line = reviewed.line_name(*line);
            view.text = text.clone();
        }
        Block::Heading { .. } => {}
    }
    view
}
