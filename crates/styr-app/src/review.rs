//! Granskning of a document someone uploads (PDF, Word, text): read within the limits, its
//! figures reviewed, and nothing of it stored — the answer is the only thing that leaves.

use styr_domain::access::Action;
use styr_import::document::{Document, DocumentKind, PdfText};
use styr_reports::review::Review;

use crate::{Actor, App, AppError};

/// A document as read, its review, and for a PDF where its pages begin.
pub struct ReviewedDocument {
    pub document: Document,
    pub review: Review,
    pub pages: Option<PdfText>,
}

impl ReviewedDocument {
    /// A line of the text form as the reader of the original names it: "rad 12", or for a
    /// PDF "sida 3, rad 12".
    pub fn line_name(&self, line: usize) -> String {
        match &self.pages {
            Some(pages) => {
                let (page, on_page) = pages.place(line);
                format!("sida {page}, rad {on_page}")
            }
            None => format!("rad {line}"),
        }
    }

    /// A place of the review ("Summa, Budget 2025 (rad 41)") as the original names it.
    pub fn place_name(&self, place: &str) -> String {
        match &self.pages {
            Some(pages) => pages.restate(place),
            None => place.to_string(),
        }
    }
}

/// Reviews read at once: each is CPU work on a blocking thread, and a server has two cores
/// to spare for it, not one per request.
static REVIEWS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

impl App {
    /// Whether `actor` may have a document reviewed, asked before the upload is read; a
    /// refusal is audited.
    pub async fn may_review_document(&self, actor: &Actor) -> Result<(), AppError> {
        self.require(actor, &Action::ReviewDocument, None, None)
            .await
    }

    /// Reads `bytes` (named `name`) within the application's limits and reviews it. The
    /// document is read on a blocking thread: a 200-page PDF is CPU work that must not hold
    /// up the requests beside it.
    pub async fn review_document(
        &self,
        actor: &Actor,
        name: &str,
        bytes: Vec<u8>,
    ) -> Result<ReviewedDocument, AppError> {
        self.may_review_document(actor).await?;
        let kind = DocumentKind::of_name(name).ok_or_else(|| {
            AppError::Rejected(
                "styr granskar PDF, Word (.docx) och text (.txt, .md); filen har ett annat slag"
                    .to_string(),
            )
        })?;
        let limits = self.limits().clone();
        let _turn = REVIEWS
            .acquire()
            .await
            .map_err(|_| AppError::Rejected("dokumentet kunde inte granskas".to_string()))?;
        let read = tokio::task::spawn_blocking(move || {
            styr_import::document::read_document(kind, &bytes, &limits).map(|(document, pages)| {
                // Places stay lines of the text form, so that the page can find each finding's
                // table; it says them as the PDF's pages when it shows them.
                let review = styr_reports::review::review(&document);
                ReviewedDocument {
                    document,
                    review,
                    pages,
                }
            })
        })
        .await
        .map_err(|_| AppError::Rejected("dokumentet kunde inte granskas".to_string()))?;
        read.map_err(|message| {
            AppError::Unreadable(vec![styr_import::Issue::error("", 0..0, message)])
        })
    }
}
