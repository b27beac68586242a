//! Pictures drawn from report values, as SVG: the organisation chart from the organisation
//! tree, the risk matrix with its axes named and each risk named in its cell, and the
//! investment plan's yearly totals as bars. A chart holds only what the report (and
//! `styr_reports::shown`) worked out; drawing it scales and places, it computes no figure.
//! The colours come from the municipality's profile, so the picture changes with its look.
//!
//! ```text
//! Chart::Bars { labels: ["2025", …], values: [106 790 tkr, …], texts: ["106 790", …] }
//!   .svg(&profile) → <svg width="640" height="260"> bars, the figures above them </svg>
//! ```
//!
//! The same SVG goes into the PDF (typst draws it), the HTML page (inline) and Word (as a PNG
//! drawn by the same SVG renderer, `styr-typst`).

mod bars;
mod matrix;
mod organisation;
mod svg;

use styr_domain::money::Amount;
use styr_domain::profile::Profile;

/// The width every chart is drawn at, in CSS pixels: the text width of an A4 page.
pub const WIDTH: u32 = 640;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chart {
    /// The organisation tree in order, each unit with its depth (0 at the top).
    Organisation(Vec<Unit>),
    /// Rows from probability 4 down to 1, each with materiality 1 to 4.
    RiskMatrix(Vec<Vec<MatrixCell>>),
    /// One bar per label: the figure and the text printed above it (as the table prints it).
    Bars {
        labels: Vec<String>,
        values: Vec<Amount>,
        texts: Vec<String>,
        unit: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub depth: u8,
    pub name: String,
    pub separately_reported: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    pub value: u8,
    pub band: String,
    /// "#rrggbb", the band's colour.
    pub colour: String,
    pub risks: Vec<String>,
}

/// A drawn chart: the SVG document and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawing {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

impl Chart {
    pub fn draw(&self, profile: &Profile) -> Drawing {
        match self {
            Chart::Organisation(units) => organisation::draw(units, profile),
            Chart::RiskMatrix(rows) => matrix::draw(rows, profile),
            Chart::Bars {
                labels,
                values,
                texts,
                unit,
            } => bars::draw(labels, values, texts, unit, profile),
        }
    }
}
