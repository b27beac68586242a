//! Operating lines (`[[operating]]`): a unit's amounts by line and year, its financial net, the
//! explanations of changes between two years, and the operating tables as the document states
//! them.

use std::collections::BTreeMap;

use styr_domain::budget::OperatingTable;
use styr_domain::calendar::Year;
use styr_domain::money::{Amount, Stated, Unit};
use styr_domain::operating::{ChangeExplanation, LineKind, OperatingRow, UnitLines};
use toml::Spanned;

use crate::amount::parse_change;
use crate::budget_file::raw::{RawOperating, YearAmounts};
use crate::budget_file::reader::Reader;

pub(super) const LINE_KEYS: [&str; 5] = [
    "revenue",
    "personnel",
    "premises_rent",
    "purchased_services",
    "other_costs",
];

pub(super) const ROW_KEYS: [&str; 10] = [
    "revenue",
    "personnel",
    "premises_rent",
    "purchased_services",
    "other_costs",
    "costs",
    "net_cost",
    "kommunbidrag",
    "financial_net",
    "result",
];

pub(super) fn exact(figures: BTreeMap<Year, Stated>) -> BTreeMap<Year, Amount> {
    figures
        .into_iter()
        .map(|(year, stated)| (year, stated.value))
        .collect()
}

pub fn operating(
    reader: &mut Reader,
    raw_blocks: &[RawOperating],
    budget_years: (Year, Year),
) -> (Vec<UnitLines>, Vec<OperatingTable>) {
    let mut all_lines = Vec::new();
    let mut tables = Vec::new();
    for raw in raw_blocks {
        let Some(unit) = reader.unit(&raw.unit) else {
            continue;
        };
        let mut lines = BTreeMap::new();
        let entered: [(LineKind, &YearAmounts); 5] = [
            (LineKind::Revenue, &raw.revenue),
            (LineKind::Personnel, &raw.personnel),
            (LineKind::PremisesRent, &raw.premises_rent),
            (LineKind::PurchasedServices, &raw.purchased_services),
            (LineKind::OtherCosts, &raw.other_costs),
        ];
        for (kind, amounts) in entered {
            let amounts = exact(reader.year_amounts(amounts));
            if !amounts.is_empty() {
                lines.insert(kind, amounts);
            }
        }
        let financial_net = exact(reader.year_amounts(&raw.financial_net));
        let explanations = raw
            .explanation
            .iter()
            .filter_map(|explanation| {
                let line = reader.choice(
                    &explanation.line,
                    "budgetrad",
                    &LINE_KEYS,
                    LineKind::from_key,
                );
                let (from, to) = match &explanation.years {
                    Some(years) => year_pair(reader, years)?,
                    None => budget_years,
                };
                let stated = match &explanation.change {
                    Some(change) => Some(
                        parse_change(change.get_ref(), Unit::Tkr)
                            .map_err(|message| reader.issue(change.span(), message))
                            .ok()?,
                    ),
                    None => None,
                };
                Some(ChangeExplanation {
                    line: line?,
                    from,
                    to,
                    stated,
                    stated_sentence: explanation.sentence.clone(),
                    text: explanation.text.clone(),
                    superseded: explanation.superseded,
                })
            })
            .collect();
        let mut stated = BTreeMap::new();
        let mut superseded = BTreeMap::new();
        for (rows, into) in [
            (&raw.stated, &mut stated),
            (&raw.superseded, &mut superseded),
        ] {
            for (key, amounts) in rows {
                let Some(row) = reader.choice(key, "tabellrad", &ROW_KEYS, OperatingRow::from_key)
                else {
                    continue;
                };
                for (year, amount) in reader.year_amounts(amounts) {
                    into.insert((row, year), amount);
                }
            }
        }
        if let Some(heading) = &raw.heading {
            tables.push(OperatingTable {
                unit: unit.clone(),
                heading: heading.clone(),
                stated,
                superseded,
            });
        } else if let Some((key, _)) = raw.stated.iter().chain(&raw.superseded).next() {
            reader.issue(
                key.span(),
                "angivna tabellvärden (stated) hör till en tabell som visas: ange heading = \"…\"",
            );
        }
        all_lines.push(UnitLines {
            unit,
            lines,
            financial_net,
            explanations,
        });
    }
    (all_lines, tables)
}

pub(super) fn year_pair(
    reader: &mut Reader,
    years: &Spanned<Vec<Spanned<i64>>>,
) -> Option<(Year, Year)> {
    match reader.years(years.get_ref()).as_slice() {
        [from, to] if years.get_ref().len() == 2 => Some((*from, *to)),
        _ => {
            reader.issue(years.span(), "years anger två år: [från, till]");
            None
        }
    }
}
