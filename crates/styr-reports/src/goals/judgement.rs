//! The overarching goal judged: "bättre kvalitet än liknande kommuner till en kostnad som inte
//! överstiger referenskostnaden", for a year, with every figure behind it.
//!
//! ```text
//! Kvalitet: 3 av 4 kvalitetsnyckeltal bättre än medianen för liknande kommuner (75 %)
//! Kostnad: nettokostnadsavvikelse -1,2 % (-18,4 mnkr), under referenskostnaden
//! → ja
//! ```
//!
//! The rule ([`RULE`]): the quality is better when more than half of the chosen quality KPIs
//! (the overarching goal's KPIs for quality that have a Kolada id and a peer value) beat the
//! peers' median; the cost is within when the total net-cost deviation (the first
//! net-cost-deviation KPI) is at or below zero. Both: ja; one: delvis; neither: nej; without a
//! comparable quality KPI or the deviation it cannot be judged.
//!
//! Referenskostnad: a net-cost deviation KPI (nettokostnadsavvikelse, Kolada N00097 for the
//! total, N15001 for grundskola …) is (nettokostnad − referenskostnad) / referenskostnad in
//! percent; its twin in mnkr (N15045 …) gives the amount. Positive is a cost above the
//! reference cost.

use serde::Serialize;
use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::goals::{Goal, KpiPurpose};

use super::peers::{KoladaIndex, PeerComparison, compare};

pub const RULE: &str = "Kvaliteten är bättre när mer än hälften av de valda kvalitetsnyckeltalen är bättre än medianen för liknande kommuner; kostnaden överstiger inte referenskostnaden när den totala nettokostnadsavvikelsen är högst 0 %. Båda: ja. Det ena: delvis. Inget: nej.";

/// One verksamhet's cost against its reference cost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReferenceCost {
    pub kpi: String,
    pub name: String,
    pub year: Year,
    pub percent: Option<Decimal>,
    pub mnkr: Option<Decimal>,
    /// "1,2 % (18,4 mnkr) under referenskostnaden".
    pub sentence: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Yes,
    Partly,
    No,
    CannotJudge,
}

impl Verdict {
    pub const fn swedish(self) -> &'static str {
        match self {
            Verdict::Yes => "ja",
            Verdict::Partly => "delvis",
            Verdict::No => "nej",
            Verdict::CannotJudge => "kan inte bedömas",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Judgement {
    pub goal: String,
    pub year: Year,
    pub verdict: Verdict,
    pub quality: Vec<PeerComparison>,
    /// Quality KPIs compared (own value and a median) and how many beat the median.
    pub compared: usize,
    pub better: usize,
    pub quality_better: Option<bool>,
    pub cost: Vec<ReferenceCost>,
    pub cost_within: Option<bool>,
    /// Every figure in sentences, in order.
    pub trail: Vec<String>,
}

fn share(better: usize, compared: usize) -> String {
    // Whole percent, half away from zero; exact in integers.
    let percent = (better * 200 + compared) / (compared * 2).max(1);
    format!("{percent} %")
}

pub fn reference_costs(
    goal: &Goal,
    index: &KoladaIndex,
    own: &str,
    year: Year,
) -> Vec<ReferenceCost> {
    goal.kpis
        .iter()
        .filter_map(|kpi| match (&kpi.purpose, &kpi.kolada_id) {
            (KpiPurpose::NetCostDeviation { amount_kolada_id }, Some(id)) => {
                let percent = index.value(id, own, year);
                let mnkr = amount_kolada_id
                    .as_deref()
                    .and_then(|amount| index.value(amount, own, year));
                let sentence = match percent {
                    None => format!("{}: inget värde i Kolada för {year}", kpi.name),
                    Some(percent) => {
                        let amount = mnkr.map_or_else(String::new, |mnkr| {
                            format!(" ({} mnkr)", abs(mnkr).to_swedish_fixed(1))
                        });
                        let side = if percent.is_negative() {
                            "under"
                        } else if percent == Decimal::ZERO {
                            "lika med"
                        } else {
                            "över"
                        };
                        format!(
                            "{}: {} %{amount} {side} referenskostnaden {year}",
                            kpi.name,
                            abs(percent).to_swedish()
                        )
                    }
                };
                Some(ReferenceCost {
                    kpi: id.clone(),
                    name: kpi.name.clone(),
                    year,
                    percent,
                    mnkr,
                    sentence,
                })
            }
            _ => None,
        })
        .collect()
}

fn abs(value: Decimal) -> Decimal {
    if value.is_negative() {
        Decimal::ZERO.checked_sub(value).unwrap_or(value)
    } else {
        value
    }
}

pub fn judge(
    goal: &Goal,
    index: &KoladaIndex,
    own: &str,
    peers: &[String],
    year: Year,
) -> Judgement {
    let quality: Vec<PeerComparison> = goal
        .kpis
        .iter()
        .filter(|kpi| kpi.purpose == KpiPurpose::Quality)
        .filter_map(|kpi| {
            kpi.kolada_id
                .as_deref()
                .map(|id| compare(index, id, kpi.direction, own, peers, year))
        })
        .collect();
    judge_compared(goal, quality, index, own, year)
}

/// As [`judge`], with the quality KPIs already compared (in the goal's order of its quality
/// KPIs with a Kolada id): the follow-up compares each KPI once.
pub fn judge_compared(
    goal: &Goal,
    quality: Vec<PeerComparison>,
    index: &KoladaIndex,
    own: &str,
    year: Year,
) -> Judgement {
    let compared = quality
        .iter()
        .filter(|comparison| comparison.better_than_median.is_some())
        .count();
    let better = quality
        .iter()
        .filter(|comparison| comparison.better_than_median == Some(true))
        .count();
    let quality_better = (compared > 0).then_some(better * 2 > compared);
    let cost = reference_costs(goal, index, own, year);
    let cost_within = cost
        .first()
        .and_then(|total| total.percent)
        .map(|percent| percent <= Decimal::ZERO);
    let mut trail = Vec::new();
    for (comparison, kpi) in quality.iter().zip(
        goal.kpis
            .iter()
            .filter(|kpi| kpi.purpose == KpiPurpose::Quality && kpi.kolada_id.is_some()),
    ) {
        trail.push(match (comparison.own, comparison.median) {
            (Some(own_value), Some(median)) => format!(
                "{}: {} mot medianen {} för {} liknande kommuner ({}), {}",
                kpi.name,
                kpi.unit.show(own_value),
                kpi.unit.show(median),
                comparison.peers.len(),
                kpi.direction.swedish(),
                if comparison.better_than_median == Some(true) {
                    "bättre"
                } else {
                    "inte bättre"
                }
            ),
            (None, _) => format!("{}: inget värde för kommunen {year}", kpi.name),
            (Some(_), None) => format!("{}: inga värden för liknande kommuner {year}", kpi.name),
        });
    }
    trail.push(match quality_better {
        Some(better_quality) => format!(
            "Kvalitet: {better} av {compared} kvalitetsnyckeltal bättre än medianen ({}), {}",
            share(better, compared),
            if better_quality {
                "bättre kvalitet än liknande kommuner"
            } else {
                "inte bättre kvalitet än liknande kommuner"
            }
        ),
        None => "Kvalitet: inget kvalitetsnyckeltal kan jämföras".to_string(),
    });
    trail.extend(cost.iter().map(|cost| cost.sentence.clone()));
    trail.push(match cost_within {
        Some(true) => "Kostnad: överstiger inte referenskostnaden".to_string(),
        Some(false) => "Kostnad: överstiger referenskostnaden".to_string(),
        None => "Kostnad: ingen nettokostnadsavvikelse att jämföra".to_string(),
    });
    let verdict = match (quality_better, cost_within) {
        (Some(true), Some(true)) => Verdict::Yes,
        (Some(false), Some(false)) => Verdict::No,
        (Some(_), Some(_)) => Verdict::Partly,
        _ => Verdict::CannotJudge,
    };
    Judgement {
        goal: goal.id.clone(),
        year,
        verdict,
        quality,
        compared,
        better,
        quality_better,
        cost,
        cost_within,
        trail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use styr_domain::goals::{Direction, GoalKind, Kpi, KpiUnit};
    use styr_domain::kolada::{Gender, KoladaValue};

    fn year() -> Year {
        Year::new(2024).expect("a year")
    }

    fn kolada(kpi: &str, municipality: &str, figure: &str) -> KoladaValue {
        KoladaValue {
            kpi: kpi.into(),
            municipality: municipality.into(),
            year: year(),
            gender: Gender::T,
            value: Decimal::parse(figure).ok(),
            count: Some(1),
            status: String::new(),
        }
    }

    fn overarching() -> Goal {
        let quality = |id: &str, kolada: &str| Kpi {
            kolada_id: Some(kolada.into()),
            unit: KpiUnit::Percent,
            ..Kpi::named(id, id)
        };
        Goal {
            id: "sveriges-mest-effektiva-kommun".into(),
            kind: GoalKind::Overarching,
            title: "Sveriges mest effektiva kommun".into(),
            statement: String::new(),
            text: String::new(),
            kpis: vec![
                quality("behoriga", "U15001"),
                quality("nojda", "U07455"),
                Kpi {
                    kolada_id: Some("N00097".into()),
                    direction: Direction::LowerIsBetter,
                    unit: KpiUnit::Percent,
                    purpose: KpiPurpose::NetCostDeviation {
                        amount_kolada_id: Some("N00098".into()),
                    },
                    ..Kpi::named("nettokostnadsavvikelse", "Nettokostnadsavvikelse totalt")
                },
            ],
            unit: None,
            directions: Vec::new(),
        }
    }

    fn peers() -> Vec<String> {
        ["0001", "0002", "0003"].map(String::from).to_vec()
    }

    #[test]
    fn better_quality_at_a_cost_below_the_reference_is_yes_with_every_figure() {
        let values = [
            kolada("U15001", "1489", "90"),
            kolada("U15001", "0001", "80"),
            kolada("U15001", "0002", "85"),
            kolada("U15001", "0003", "95"),
            kolada("U07455", "1489", "70"),
            kolada("U07455", "0001", "60"),
            kolada("U07455", "0002", "65"),
            kolada("U07455", "0003", "75"),
            kolada("N00097", "1489", "-1.2"),
            kolada("N00098", "1489", "-18.44"),
        ];
        let judgement = judge(
            &overarching(),
            &KoladaIndex::new(&values),
            "1489",
            &peers(),
            year(),
        );
        assert_eq!(judgement.verdict, Verdict::Yes);
        assert_eq!((judgement.better, judgement.compared), (2, 2));
        assert_eq!(
            judgement.cost[0].sentence,
            "Nettokostnadsavvikelse totalt: 1,2 % (18,4 mnkr) under referenskostnaden 2024"
        );
        assert!(judgement.trail.iter().any(|line| line == "Kvalitet: 2 av 2 kvalitetsnyckeltal bättre än medianen (100 %), bättre kvalitet än liknande kommuner"), "{:?}", judgement.trail);
    }

    #[test]
    fn half_the_quality_kpis_is_not_better_and_a_cost_above_the_reference_makes_it_no() {
        let values = [
            kolada("U15001", "1489", "90"),
            kolada("U15001", "0001", "80"),
            kolada("U15001", "0002", "85"),
            kolada("U15001", "0003", "95"),
            kolada("U07455", "1489", "60"),
            kolada("U07455", "0001", "60"),
            kolada("U07455", "0002", "65"),
            kolada("U07455", "0003", "75"),
            kolada("N00097", "1489", "2.5"),
        ];
        let judgement = judge(
            &overarching(),
            &KoladaIndex::new(&values),
            "1489",
            &peers(),
            year(),
        );
        assert_eq!(
            judgement.quality_better,
            Some(false),
            "1 of 2 is not more than half"
        );
        assert_eq!(judgement.cost_within, Some(false));
        assert_eq!(judgement.verdict, Verdict::No);
        assert_eq!(
            judgement.cost[0].sentence,
            "Nettokostnadsavvikelse totalt: 2,5 % över referenskostnaden 2024"
        );
    }

    #[test]
    fn without_the_deviation_it_cannot_be_judged_and_one_of_two_is_partly() {
        let values = [
            kolada("U15001", "1489", "90"),
            kolada("U15001", "0001", "80"),
        ];
        let index = KoladaIndex::new(&values);
        assert_eq!(
            judge(&overarching(), &index, "1489", &peers(), year()).verdict,
            Verdict::CannotJudge
        );
        let values = [
            kolada("U15001", "1489", "90"),
            kolada("U15001", "0001", "80"),
            kolada("N00097", "1489", "0.5"),
        ];
        assert_eq!(
            judge(
                &overarching(),
                &KoladaIndex::new(&values),
                "1489",
                &peers(),
                year()
            )
            .verdict,
            Verdict::Partly
        );
    }
}
