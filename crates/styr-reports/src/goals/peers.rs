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

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;
use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::goals::Direction;
use styr_domain::kolada::{Gender, KoladaValue};

/// Kolada's values for the total (gender T), indexed for comparison: each KPI's years, and
/// for each year a value per municipality (by a small number, so a year of 290
/// municipalities is one array). Built in one pass; Kolada's rows come sorted by KPI and
/// municipality, so the last ids looked up are tried first.
#[derive(Debug, Default)]
pub struct KoladaIndex {
    kpis: FxHashMap<String, usize>,
    municipalities: FxHashMap<String, u32>,
    names: Vec<Arc<str>>,
    /// Per KPI: (year, value per municipality number), in year order.
    years: Vec<Vec<(Year, Vec<Option<Decimal>>)>>,
}

impl KoladaIndex {
    pub fn new(values: &[KoladaValue]) -> KoladaIndex {
        let mut index = KoladaIndex::default();
        let mut last_kpi: Option<(&str, usize)> = None;
        let mut last_municipality: Option<(&str, u32)> = None;
        for value in values.iter().filter(|value| value.gender == Gender::T) {
            let Some(figure) = value.value else { continue };
            let kpi = match last_kpi {
                Some((id, found)) if id == value.kpi => found,
                _ => {
                    let next = index.kpis.len();
                    let found = *index.kpis.entry(value.kpi.clone()).or_insert(next);
                    if found == index.years.len() {
                        index.years.push(Vec::new());
                    }
                    last_kpi = Some((&value.kpi, found));
                    found
                }
            };
            let municipality = match last_municipality {
                Some((id, found)) if id == value.municipality => found,
                _ => {
                    let found = index.number(&value.municipality);
                    last_municipality = Some((&value.municipality, found));
                    found
                }
            };
            let years = &mut index.years[kpi];
            let slot = match years.binary_search_by_key(&value.year, |(year, _)| *year) {
                Ok(slot) => slot,
                Err(slot) => {
                    years.insert(slot, (value.year, Vec::new()));
                    slot
                }
            };
            let by_municipality = &mut years[slot].1;
            let at = municipality as usize;
            if by_municipality.len() <= at {
                by_municipality.resize(at + 1, None);
            }
            by_municipality[at] = Some(figure);
        }
        index
    }

    fn number(&mut self, municipality: &str) -> u32 {
        if let Some(found) = self.municipalities.get(municipality) {
            return *found;
        }
        let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.municipalities.insert(municipality.to_string(), next);
        self.names.push(Arc::from(municipality));
        next
    }

    fn year_values(&self, kpi: &str, year: Year) -> Option<&[Option<Decimal>]> {
        let years = &self.years[*self.kpis.get(kpi)?];
        let slot = years
            .binary_search_by_key(&year, |(found, _)| *found)
            .ok()?;
        Some(&years[slot].1)
    }

    fn lookup(&self, values: Option<&[Option<Decimal>]>, municipality: &str) -> Option<Decimal> {
        let at = *self.municipalities.get(municipality)? as usize;
        values?.get(at).copied().flatten()
    }

    pub fn value(&self, kpi: &str, municipality: &str, year: Year) -> Option<Decimal> {
        self.lookup(self.year_values(kpi, year), municipality)
    }

    /// The years the index has a value of `kpi` for `municipality` in, in order.
    pub fn years(&self, kpi: &str, municipality: &str) -> Vec<Year> {
        let (Some(kpi), Some(at)) = (self.kpis.get(kpi), self.municipalities.get(municipality))
        else {
            return Vec::new();
        };
        self.years[*kpi]
            .iter()
            .filter(|(_, values)| values.get(*at as usize).copied().flatten().is_some())
            .map(|(year, _)| *year)
            .collect()
    }
}

fn as_str<S: serde::Serializer>(text: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text)
}

fn as_list<S: serde::Serializer>(
    peers: &Arc<[PeerValue]>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    peers.as_ref().serialize(serializer)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerValue {
    #[serde(serialize_with = "as_str")]
    pub municipality: Arc<str>,
    pub value: Decimal,
}

/// The comparison of one KPI in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerComparison {
    pub kpi: String,
    pub year: Year,
    pub direction: Direction,
    pub own: Option<Decimal>,
    /// The peers with a value, best first in the KPI's direction. Shared: the overarching
    /// goal's judgement holds the same comparisons as the goal's rows, without a copy.
    #[serde(serialize_with = "as_list")]
    pub peers: Arc<[PeerValue]>,
    /// Peers without a value that year.
    pub missing: Vec<String>,
    pub median: Option<Decimal>,
    pub lower_quartile: Option<Decimal>,
    pub upper_quartile: Option<Decimal>,
    /// 1 is best; out of the peers with a value and the kommun.
    pub rank: Option<(usize, usize)>,
    pub better_than_median: Option<bool>,
}

/// The value at share `quarters / 4` of `n` values in ascending order (`at(i)` is the i-th),
/// interpolated exactly.
fn quantile(n: usize, at: impl Fn(usize) -> Decimal, quarters: usize) -> Option<Decimal> {
    let last = n.checked_sub(1)?;
    let position = last * quarters; // h · 4
    let below = position / 4;
    let fraction = i64::try_from(position % 4).ok()?; // quarters of a step
    let low = at(below);
    if fraction == 0 {
        return Some(low);
    }
    let high = at(below + 1);
    low.checked_add(high.checked_sub(low)?.times(fraction * 25, 2)?)
}

/// The peers of a kommun as the index numbers them: resolved once for every comparison of a
/// follow-up. A peer the index has never seen has no number and no value.
#[derive(Clone, Debug, Default)]
pub struct PeerSet {
    own: String,
    numbered: Vec<u32>,
    unknown: Vec<String>,
}

impl KoladaIndex {
    pub fn peer_set(&self, own: &str, peers: &[String]) -> PeerSet {
        let mut set = PeerSet {
            own: own.to_string(),
            ..PeerSet::default()
        };
        for peer in peers.iter().filter(|peer| peer.as_str() != own) {
            match self.municipalities.get(peer.as_str()) {
                Some(number) => set.numbered.push(*number),
                None => set.unknown.push(peer.clone()),
            }
        }
        set
    }
}

pub fn compare(
    index: &KoladaIndex,
    kpi: &str,
    direction: Direction,
    own: &str,
    peers: &[String],
    year: Year,
) -> PeerComparison {
    compare_set(index, kpi, direction, &index.peer_set(own, peers), year)
}

pub fn compare_set(
    index: &KoladaIndex,
    kpi: &str,
    direction: Direction,
    peers: &PeerSet,
    year: Year,
) -> PeerComparison {
    let values = index.year_values(kpi, year);
    let own_value = index.lookup(values, &peers.own);
    let mut found: Vec<(i128, Decimal, u32)> = Vec::with_capacity(peers.numbered.len());
    let mut missing = peers.unknown.clone();
    for at in &peers.numbered {
        match values.and_then(|values| values.get(*at as usize).copied().flatten()) {
            Some(value) => found.push((0, value, *at)),
            None => missing.push(index.names[*at as usize].to_string()),
        }
    }
    // Sorted on whole numbers of the finest scale among them: exact, and cheap to compare.
    let scale = found
        .iter()
        .map(|(_, value, _)| value.scale())
        .max()
        .unwrap_or(0);
    for entry in &mut found {
        entry.0 = entry.1.units() * 10i128.pow(u32::from(scale - entry.1.scale()));
    }
    // Best first in the KPI's direction; ascending order is that read one way or the other.
    match direction {
        Direction::HigherIsBetter => {
            found.sort_unstable_by(|left, right| right.0.cmp(&left.0).then(left.2.cmp(&right.2)))
        }
        Direction::LowerIsBetter => {
            found.sort_unstable_by(|left, right| left.0.cmp(&right.0).then(left.2.cmp(&right.2)))
        }
    }
    let n = found.len();
    let ascending = |i: usize| match direction {
        Direction::HigherIsBetter => found[n - 1 - i].1,
        Direction::LowerIsBetter => found[i].1,
    };
    let median = quantile(n, ascending, 2);
    let rank = own_value.map(|value| {
        let better = found.partition_point(|peer| direction.beats(peer.1, value));
        (better + 1, n + 1)
    });
    PeerComparison {
        kpi: kpi.to_string(),
        year,
        direction,
        own: own_value,
        missing,
        lower_quartile: quantile(n, ascending, 1),
        upper_quartile: quantile(n, ascending, 3),
        better_than_median: own_value
            .zip(median)
            .map(|(value, median)| direction.beats(value, median)),
        median,
        rank,
        peers: found
            .iter()
            .map(|(_, value, at)| PeerValue {
                municipality: Arc::clone(&index.names[*at as usize]),
                value: *value,
            })
            .collect(),
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
        assert_eq!(&*result.peers[0].municipality, "0001", "best first");
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

    #[test]
    fn rows_in_any_order_and_of_any_scale_compare_exactly_and_a_peer_missing_one_year_is_named() {
        let at = |municipality: &str, year: i64, figure: &str| KoladaValue {
            year: Year::new(year).expect("a year"),
            ..kolada(municipality, Some(figure))
        };
        // Years and municipalities out of order, and decimals of one, two and no places.
        let values = [
            at("0002", 2024, "0.15"),
            at("1489", 2023, "9"),
            at("0001", 2024, "0.2"),
            at("0003", 2023, "1"),
            at("1489", 2024, "0.175"),
            at("0003", 2024, "1"),
        ];
        let index = KoladaIndex::new(&values);
        assert_eq!(
            index.years("N00097", "1489"),
            [Year::new(2023).expect("a year"), year()]
        );
        let result = compare(
            &index,
            "N00097",
            Direction::HigherIsBetter,
            "1489",
            &peers(&["0001", "0002", "0003", "0004"]),
            year(),
        );
        let order: Vec<&str> = result
            .peers
            .iter()
            .map(|peer| &*peer.municipality)
            .collect();
        assert_eq!(order, ["0003", "0001", "0002"], "1 > 0,2 > 0,15");
        assert_eq!(result.median, Some(value("0.2")));
        assert_eq!(result.rank, Some((3, 4)), "0,175 is between 0,2 and 0,15");
        assert_eq!(result.missing, ["0004"], "never seen by the index");
        let earlier = compare(
            &index,
            "N00097",
            Direction::HigherIsBetter,
            "1489",
            &peers(&["0001", "0002", "0003"]),
            Year::new(2023).expect("a year"),
        );
        assert_eq!(
            earlier.missing,
            ["0001", "0002"],
            "known, but without a 2023 value"
        );
        assert_eq!(earlier.rank, Some((1, 2)));
    }
}
