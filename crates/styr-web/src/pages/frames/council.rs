//! The board's kommunbidrag beside kommunfullmäktige's frame for it, year by year, when the
//! municipality's budget for the year is kept (`App::council_frame`): the Ramberäkning says
//! whether the board's frames sum to the council's figure, and names each year that does not.

use styr_app::municipal::FrameAgainstCouncil;
use styr_domain::format;

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
    pub years: Vec<CouncilYear>,
}

pub fn council_view(comparison: &FrameAgainstCouncil) -> CouncilView {
    CouncilView {
        href: format!("/kommun/{}/ramar", comparison.municipal_year),
        title: comparison.council_title.clone(),
        agrees: comparison.agrees(),
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
