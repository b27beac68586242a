//! The board's kommunbidrag beside kommunfullmäktige's frame for it, year by year, when the
//! municipality's budget for the year is kept (`App::council_frame`): the Ramberäkning says
//! whether the board's frames sum to the council's figure, and names each year that does not.

use std::collections::BTreeMap;

use styr_app::municipal::FrameAgainstCouncil;
use styr_domain::calendar::Year;
use styr_domain::format;

use crate::auth::Acting;
use crate::extract::{PageForm, PagePath};
use crate::pages::{FormState, PageResult, after_change};

pub struct CouncilYear {
    pub year: u16,
    pub council: String,
    pub board: String,
    pub agrees: bool,
}

pub struct CouncilView {
    pub href: String,
    pub title: String,
    pub agrees: bool,
    /// Whether a year after the comparison year differs: the board may take the council's.
    pub takes: bool,
    pub years: Vec<CouncilYear>,
}

pub fn council_view(comparison: &FrameAgainstCouncil, comparison_year: Year) -> CouncilView {
    CouncilView {
        href: format!("/kommun/{}/ramar", comparison.municipal_year),
        title: comparison.council_title.clone(),
        agrees: comparison.agrees(),
        takes: comparison
            .years
            .iter()
            .any(|year| !year.agrees() && year.year != comparison_year),
        years: comparison
            .years
            .iter()
            .map(|year| CouncilYear {
                year: year.year.number(),
                council: format::tkr(year.council),
                board: format::tkr(year.board),
                agrees: year.agrees(),
            })
            .collect(),
    }
}

/// Gives the board's own frame the council's kommunbidrag in every year after the comparison
/// year that differs (`App::take_council_frame`).
pub async fn take_council_frame(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let revision = values
        .get("revision")
        .and_then(|revision| revision.parse::<i64>().ok());
    let result = state
        .app
        .take_council_frame(&state.actor, id, revision)
        .await;
    after_change(
        result,
        format!("/budget/{id}/ram#kf-ram-ruta"),
        FormState::failed("kf", values, Default::default()),
        "kf",
        |form, message| super::page(&state, id, form, message),
    )
    .await
}
