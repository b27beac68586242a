//! What a statement claims about its figure: a value in a year, a change between two years, a
//! sum or an average over years.

use styr_domain::money::Unit;
use styr_domain::statement::Claim;

use super::operating::year_pair;
use crate::amount::parse_change;
use crate::budget_file::raw::RawStatement;
use crate::budget_file::reader::Reader;

pub(super) fn claim(reader: &mut Reader, raw: &RawStatement) -> Option<Claim> {
    let given = [
        raw.change.is_some(),
        raw.value.is_some(),
        raw.sum.is_some(),
        raw.average.is_some(),
    ];
    if given.iter().filter(|given| **given).count() != 1 {
        reader.issue(
            raw.figure.span(),
            "ett påstående har precis en av change, value, sum och average",
        );
        return None;
    }
    let many_years = |reader: &mut Reader| match &raw.years {
        Some(years) if years.get_ref().len() >= 2 => Some(reader.years(years.get_ref())),
        Some(years) => {
            reader.issue(years.span(), "years anger minst två år");
            None
        }
        None => {
            reader.issue(
                raw.figure.span(),
                "ange vilka år påståendet gäller: years = [2026, 2027, 2028]",
            );
            None
        }
    };
    if let Some(change) = &raw.change {
        let stated = parse_change(change.get_ref(), Unit::Tkr)
            .map_err(|message| reader.issue(change.span(), message))
            .ok();
        let Some(years) = &raw.years else {
            reader.issue(change.span(), "en förändring anger years = [från, till]");
            return None;
        };
        let (from, to) = year_pair(reader, years)?;
        return Some(Claim::Change {
            from,
            to,
            stated: stated?,
        });
    }
    if let Some(value) = &raw.value {
        let stated = reader.amount(value, Unit::Tkr);
        let Some(year) = &raw.year else {
            reader.issue(
                value.span(),
                "ett värde anger vilket år det gäller: year = 2025",
            );
            return None;
        };
        return Some(Claim::Value {
            year: reader.year(year)?,
            stated: stated?,
        });
    }
    if let Some(sum) = &raw.sum {
        let stated = reader.amount(sum, Unit::Tkr);
        return Some(Claim::Sum {
            years: many_years(reader)?,
            stated: stated?,
        });
    }
    let average = raw.average.as_ref()?;
    let stated = reader.amount(average, Unit::Tkr);
    Some(Claim::Average {
        years: many_years(reader)?,
        stated: stated?,
    })
}
