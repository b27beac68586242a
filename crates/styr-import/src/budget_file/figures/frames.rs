//! Frames (`[[frame]]`): a unit's kommunbidrag per year, each year entered or derived from a
//! base — the previous year or an amount — by the steps in `steps`.

use std::collections::BTreeMap;

use styr_domain::frame::{Base, Derivation, Frame, FrameYear, IndexChoice, IndexTable};
use styr_domain::money::Unit;
use toml::Spanned;

use super::steps::steps;
use crate::budget_file::raw::{RawFrame, RawFrameYear};
use crate::budget_file::reader::Reader;

pub fn frames(reader: &mut Reader, raw_frames: &[RawFrame], index: &IndexTable) -> Vec<Frame> {
    raw_frames
        .iter()
        .filter_map(|raw| {
            let unit = reader.unit(&raw.unit);
            let choice = index_choice(reader, &raw.index, &raw.vintage, index);
            let mut years = BTreeMap::new();
            for raw_year in &raw.year {
                let year = reader.year(&raw_year.year);
                let frame_year = frame_year(reader, raw_year);
                if let (Some(year), Some(frame_year)) = (year, frame_year)
                    && years.insert(year, frame_year).is_some()
                {
                    reader.issue(
                        raw_year.year.span(),
                        format!("året {year} finns redan i ramen"),
                    );
                }
            }
            Some(Frame {
                unit: unit?,
                heading: raw.heading.clone(),
                index: choice,
                years,
            })
        })
        .collect()
}

/// The index a frame is uprated by, which must be one of the file's `[[index]]` vintages.
pub fn index_choice(
    reader: &mut Reader,
    name: &Spanned<String>,
    vintage: &str,
    index: &IndexTable,
) -> IndexChoice {
    let choice = IndexChoice {
        name: name.get_ref().clone(),
        vintage: vintage.to_string(),
    };
    if !index
        .vintages
        .iter()
        .any(|known| known.name == choice.name && known.vintage == choice.vintage)
    {
        reader.issue(
            name.span(),
            format!(
                "indexet ”{}” med årgången ”{}” finns inte bland [[index]]",
                choice.name, choice.vintage
            ),
        );
    }
    choice
}

pub fn frame_year(reader: &mut Reader, raw: &RawFrameYear) -> Option<FrameYear> {
    let derivation = match &raw.base {
        Some(base) => Some(Derivation {
            base: frame_base(reader, base)?,
            steps: steps(reader, &raw.step)?,
        }),
        None if !raw.step.is_empty() => {
            reader.issue(raw.year.span(), "stegen behöver en utgångspunkt: ange base = { year = …, amount = … } eller base = { frame = … }");
            return None;
        }
        None => None,
    };
    match (&raw.amount, derivation) {
        (Some(amount), trail) => {
            let amount = reader.amount(amount, Unit::Tkr)?;
            Some(FrameYear::Entered {
                amount: amount.value,
                trail,
            })
        }
        (None, Some(derivation)) => Some(FrameYear::Derived { derivation }),
        (None, None) => {
            reader.issue(
                raw.year.span(),
                "året behöver ett belopp (amount = …) eller en härledning (base = …)",
            );
            None
        }
    }
}

pub(super) fn frame_base(
    reader: &mut Reader,
    base: &Spanned<crate::budget_file::raw::RawBase>,
) -> Option<Base> {
    let raw = base.get_ref();
    match (&raw.frame, &raw.year, &raw.amount) {
        (Some(frame), None, None) => Some(Base::Frame {
            year: reader.year(frame)?,
        }),
        (None, Some(year), Some(amount)) => Some(Base::Amount {
            year: reader.year(year)?,
            amount: reader.amount(amount, Unit::Tkr)?,
        }),
        _ => {
            reader.issue(
                base.span(),
                "base är antingen { frame = ÅR } eller { year = ÅR, amount = BELOPP }",
            );
            None
        }
    }
}
