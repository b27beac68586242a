//! The kommun among similar municipalities: for a KPI and a year, the kommun's value, the
//! peers' median and quartiles, its rank, and whether it beats the median in the KPI's
//! direction — all exact, from Kolada's values for the total (gender T).
//!
//! ```text
//! N00097 2024, Alingsås -1,2 among 7 peers (-3,0 … 4,1):
//!   median 0,8 · Q1 -0,85 · Q3 2,35 · rank 2 of 8 (lower is better) · better than the median
//! ```
//!
//! The quartiles interpolate between the sorted peer values as R's and pandas' default does
//! (h = (n − 1)·p; a value at h lies between the values at ⌊h⌋ and ⌈h⌉), which with p a
//! quarter is exact to two more decimals. The peers are the group's members other than the
//! kommun itself (Kolada's "Liknande kommuner" groups leave it out); a peer without a value
//! that year is named, not counted.

use std::collections::HashMap;

use serde::Serialize;
use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::goals::Direction;
use styr_domain::kolada::{Gender, KoladaValue};

/// Kolada's values for the total, indexed by KPI and year, then municipality.
#[derive(Debug, Default)]
pub struct KoladaIndex {
    values: HashMap<(String, Year), HashMap<String, Decimal>>,
}

impl KoladaIndex {
    pub fn new(values: &[KoladaValue]) -> KoladaIndex {
        let mut index = KoladaIndex::default();
        for value in values.iter().filter(|value| value.gender == Gender::T) {
            if let Some(figure) = value.value {
                index
                    .values
                    .entry((value.kpi.clone(), value.year))
                    .or_default()
                    .insert(value.municipality.clone(), figure);
            }
        }
        index
    }

    pub fn value(&self, kpi: &str, municipality: &str, year: Year) -> Option<Decimal> {
        self.values
            .get(&(kpi.to_string(), year))
            .and_then(|by_municipality| by_municipality.get(municipality))
            .copied()
    }

    /// The years the index has a value of `kpi` for `municipality` in, in order.
    pub fn years(&self, kpi: &str, municipality: &str) -> Vec<Year> {
        let mut years: Vec<Year> = self
            .values
            .iter()
            .filter(|((id, _), by_municipality)| {
                id == kpi && by_municipality.contains_key(municipality)
            })
            .map(|((_, year), _)| *year)
            .collect();
        years.sort();
        years
    }

    fn of(&self, kpi: &str, year: Year) -> Option<&HashMap<String, Decimal>> {
        self.values.get(&(kpi.to_string(), year))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerValue {
    pub municipality: String,
    pub value: Decimal,
}

/// The comparison of one KPI in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerComparison {
    pub kpi: String,
    pub year: Year,
    pub direction: Direction,
    pub own: Option<Decimal>,
    /// The peers with a value, best first in the KPI's direction.
    pub peers: Vec<PeerValue>,
    /// Peers without a value that year.
    pub missing: Vec<String>,
    pub median: Option<Decimal>,
    pub lower_quartile: Option<Decimal>,
    pub upper_quartile: Option<Decimal>,
    /// 1 is best; out of the peers with a value and the kommun.
    pub rank: Option<(usize, usize)>,
    pub better_than_median: Option<bool>,
}

/// The value at share `quarter / 4` of `sorted` (ascending), interpolated exactly.
fn quantile(sorted: &[Decimal], quarters: usize) -> Option<Decimal> {
    let last = sorted.len().checked_sub(1)?;
    let position = last * quarters; // h · 4
    let below = position / 4;
    let fraction = i64::try_from(position % 4).ok()?; // quarters of a step
    let low = sorted[below];
    if fraction == 0 {
        return Some(low);
    }
    let high = sorted[below + 1];
    low.checked_add(high.checked_sub(low)?.times(fraction * 25, 2)?)
}

pub fn compare(
    index: &KoladaIndex,
    kpi: &str,
    direction: Direction,
    own: &str,
    peers: &[String],
    year: Year,
) -> PeerComparison {
    let values = index.of(kpi, year);
    let own_value = values.and_then(|values| values.get(own)).copied();
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for peer in peers.iter().filter(|peer| peer.as_str() != own) {
        match values.and_then(|values| values.get(peer)) {
            Some(value) => found.push(PeerValue {
                municipality: peer.clone(),
                value: *value,
            }),
            None => missing.push(peer.clone()),
        }
    }
    let mut sorted: Vec<Decimal> = found.iter().map(|peer| peer.value).collect();
    sorted.sort();
    let median = quantile(&sorted, 2);
    found.sort_by(|left, right| match direction {
        Direction::HigherIsBetter => right.value.cmp(&left.value),
        Direction::LowerIsBetter => left.value.cmp(&right.value),
    });
    let rank = own_value.map(|value| {
        let better = found
            .iter()
            .filter(|peer| direction.beats(peer.value, value))
            .count();
        (better + 1, found.len() + 1)
    });
    PeerComparison {
        kpi: kpi.to_string(),
        year,
        direction,
        own: own_value,
        missing,
        lower_quartile: quantile(&sorted, 1),
        upper_quartile: quantile(&sorted, 3),
        better_than_median: own_value
            .zip(median)
            .map(|(value, median)| direction.beats(value, median)),
        median,
        rank,
        peers: found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Decimal {
        Decimal::parse(text).expect("a decimal")
    }

    fn year() -> Year {
        Year::new(2024).expect("a year")
    }

    fn kolada(municipality: &str, figure: Option<&str>) -> KoladaValue {
        KoladaValue {
            kpi: "N00097".into(),
            municipality: municipality.into(),
            year: year(),
            gender: Gender::T,
            value: figure.map(value),
            count: Some(1),
            status: String::new(),
        }
    }

    fn peers(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    #[test]
    fn median_and_quartiles_interpolate_exactly_as_pandas_does() {
        // pandas: Series([1, 2, 4, 7]).quantile([.25, .5, .75]) → 1.75, 3.0, 4.75
        let values = [
            kolada("0001", Some("1")),
            kolada("0002", Some("2")),
            kolada("0003", Some("4")),
            kolada("0004", Some("7")),
            kolada("1489", Some("3.5")),
        ];
        let index = KoladaIndex::new(&values);
        let result = compare(
            &index,
            "N00097",
            Direction::HigherIsBetter,
            "1489",
            &peers(&["0001", "0002", "0003", "0004", "1489"]),
            year(),
        );
        assert_eq!(result.lower_quartile, Some(value("1.75")));
        assert_eq!(result.median, Some(value("3")));
        assert_eq!(result.upper_quartile, Some(value("4.75")));
        assert_eq!(result.rank, Some((3, 5)), "7 and 4 beat 3,5: it is third");
        assert_eq!(result.better_than_median, Some(true));
        assert_eq!(result.peers.len(), 4, "the kommun is not its own peer");
    }

    #[test]
    fn lower_is_better_turns_the_rank_and_the_judgement() {
        let values = [
            kolada("0001", Some("-3")),
            kolada("0002", Some("0.8")),
            kolada("0003", Some("4.1")),
            kolada("1489", Some("1.2")),
        ];
        let index = KoladaIndex::new(&values);
        let result = compare(
            &index,
            "N00097",
            Direction::LowerIsBetter,
            "1489",
            &peers(&["0001", "0002", "0003"]),
            year(),
        );
        assert_eq!(result.median, Some(value("0.8")));
        assert_eq!(result.better_than_median, Some(false));
        assert_eq!(result.rank, Some((3, 4)));
        assert_eq!(result.peers[0].municipality, "0001", "best first");
    }

    #[test]
    fn a_peer_without_a_value_is_named_and_a_kommun_without_one_is_not_ranked() {
        let values = [
            kolada("0001", Some("2")),
            kolada("0002", None),
            kolada("0003", Some("5")),
        ];
        let index = KoladaIndex::new(&values);
        let result = compare(
            &index,
            "N00097",
            Direction::HigherIsBetter,
            "1489",
            &peers(&["0001", "0002", "0003"]),
            year(),
        );
        assert_eq!(result.missing, ["0002"]);
        assert_eq!(result.median, Some(value("3.5")));
        assert_eq!(result.rank, None);
        assert_eq!(result.better_than_median, None);
        let none = compare(
            &index,
            "N00097",
            Direction::HigherIsBetter,
            "1489",
            &[],
            year(),
        );
        assert_eq!(none.median, None);
    }
}
