//! Index vintages (`[[index]]`): a named series of yearly percentages, such as SKR's PKV of
//! December 2024, that frames uprate by.

use std::collections::BTreeMap;

use styr_domain::frame::{IndexTable, IndexVintage};

use crate::amount::parse_percent;
use crate::budget_file::raw::RawIndex;
use crate::budget_file::reader::Reader;

pub fn index(reader: &mut Reader, raw_indices: &[RawIndex]) -> IndexTable {
    let vintages = raw_indices
        .iter()
        .map(|raw| {
            let mut values = BTreeMap::new();
            for (key, value) in &raw.values {
                let year = reader.year_key(key);
                let percent = match parse_percent(value.get_ref()) {
                    Ok(percent) => Some(percent),
                    Err(message) => {
                        reader.issue(value.span(), message);
                        None
                    }
                };
                if let (Some(year), Some(percent)) = (year, percent) {
                    values.insert(year, percent);
                }
            }
            IndexVintage {
                name: raw.name.clone(),
                vintage: raw.vintage.clone(),
                values,
            }
        })
        .collect();
    IndexTable { vintages }
}
