//! The delårsrapport and the verksamhetsberättelse, written from the data: the follow-up of a
//! period against the version compared with, the investment follow-up, the explanations and
//! the texts people wrote for the report, the goals and the internal control — every figure
//! and sentence as `styr_reports::shown::interim` works them out. The texts are kept per
//! report and period; writing them is the document's permission (a controller's).
//!
//! ```text
//! let report = app.interim_report(1, &ReportRequest { kind: Interim, through: 2025-08, … })?;
//! let document = styr_output::interim_document(&report);   // PDF, Word, HTML, Markdown
//! ```

use styr_domain::access::Action;
use styr_domain::followup::{Month, ReportKind, ReportPeriod, ReportTexts};
use styr_reports::shown::interim::{InterimInput, ShownInterim, shown_interim};
use styr_store::{BudgetId, Stamp};

use super::report::FollowupRequest;
use crate::{Actor, App, AppError};

/// Which report to write: the delårsrapport or the verksamhetsberättelse, its last month,
/// and the version to compare with (the latest adopted by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportRequest {
    pub kind: ReportKind,
    pub through: Month,
    pub version: Option<i64>,
}

impl ReportRequest {
    fn period(&self) -> ReportPeriod {
        ReportPeriod {
            kind: self.kind,
            through: self.through,
        }
    }
}

impl App {
    /// The report as `request` asks, every figure and sentence shown.
    pub async fn interim_report(
        &self,
        budget: BudgetId,
        request: &ReportRequest,
    ) -> Result<ShownInterim, AppError> {
        let current = self.snapshot(budget).await?;
        let followup_request = FollowupRequest {
            year: Some(request.through.year()),
            through: Some(request.through.number()),
            version: request.version,
        };
        let followup = self.followup_of(budget, &followup_request).await?;
        let investments = self.investment_followup(budget, &followup_request).await?;
        let (compared, _) = self.compared_version(budget, request.version).await?;
        let texts = self.store.report_texts(budget, request.period()).await?;
        shown_interim(&InterimInput {
            kind: request.kind,
            budget: &compared,
            current: &current.budget,
            followup: &followup,
            investments: &investments,
            texts: &texts,
        })
        .map_err(|overflow| {
            AppError::DoesNotCompute(
                overflow
                    .at(format!("{} {}", request.kind.title(), request.through))
                    .into(),
            )
        })
    }

    pub async fn report_texts(
        &self,
        budget: BudgetId,
        kind: ReportKind,
        through: Month,
    ) -> Result<ReportTexts, AppError> {
        self.snapshot(budget).await?;
        Ok(self
            .store
            .report_texts(budget, ReportPeriod { kind, through })
            .await?)
    }

    /// Replaces the texts people write for a report (the events of importance, the outlook).
    pub async fn set_report_texts(
        &self,
        actor: &Actor,
        budget: BudgetId,
        kind: ReportKind,
        through: Month,
        texts: &ReportTexts,
    ) -> Result<(), AppError> {
        self.require(actor, &Action::EditDocument, Some(budget), None)
            .await?;
        self.snapshot(budget).await?;
        self.store
            .set_report_texts(
                budget,
                ReportPeriod { kind, through },
                texts,
                &Stamp::now(&actor.name),
            )
            .await?;
        tracing::info!(budget, kind = kind.key(), period = %through, by = %actor.name, "rapporttexter sparade");
        Ok(())
    }
}
