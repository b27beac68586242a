//! Måluppfyllelse: a goal's fulfilment in a period, computed from its KPIs by a stated rule
//! ([`RULE`]) and shown with its trail, and the assessment a responsible person sets instead,
//! with a reason. Both are kept: the computed one is always worked out again from the
//! values, the chosen one is stored with the computed one it overrode.
//!
//! ```text
//! Arbetsbelastningen 2025: 3,9 (omgång 3 2025) mot målvärdet 3,8 — når målet
//! → Arbetsmiljömål 2025: uppfyllt (1 av 1 nyckeltal når sitt målvärde)
//! ```

use serde::Serialize;

use super::Goal;
use super::kpi::Kpi;
use super::measurement::Measurement;
use super::period::Period;
use crate::decimal::Decimal;

/// The rule, as the pages and the document state it.
pub const RULE: &str = "Ett nyckeltals värde för en period är det senaste mätvärdet samma år till och med periodens slut, och det jämförs med årets målvärde i nyckeltalets riktning. Målet är uppfyllt när varje nyckeltal når sitt målvärde, ej uppfyllt när inget nyckeltal når målvärdet eller ligger inom toleransen, delvis uppfyllt däremellan, och ej bedömt när inget nyckeltal har både ett mätvärde och ett målvärde.";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fulfilment {
    Fulfilled,
    PartlyFulfilled,
    NotFulfilled,
    NotAssessed,
}

impl Fulfilment {
    pub const ALL: [Fulfilment; 4] = [
        Fulfilment::Fulfilled,
        Fulfilment::PartlyFulfilled,
        Fulfilment::NotFulfilled,
        Fulfilment::NotAssessed,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Fulfilment::Fulfilled => "uppfyllt",
            Fulfilment::PartlyFulfilled => "delvis_uppfyllt",
            Fulfilment::NotFulfilled => "ej_uppfyllt",
            Fulfilment::NotAssessed => "ej_bedomt",
        }
    }

    pub const fn swedish(self) -> &'static str {
        match self {
            Fulfilment::Fulfilled => "uppfyllt",
            Fulfilment::PartlyFulfilled => "delvis uppfyllt",
            Fulfilment::NotFulfilled => "ej uppfyllt",
            Fulfilment::NotAssessed => "ej bedömt",
        }
    }

    /// The traffic light's colour, named (pages show the name and a shape, never the colour
    /// alone).
    pub const fn light(self) -> &'static str {
        match self {
            Fulfilment::Fulfilled => "grön",
            Fulfilment::PartlyFulfilled => "gul",
            Fulfilment::NotFulfilled => "röd",
            Fulfilment::NotAssessed => "grå",
        }
    }

    pub fn from_key(key: &str) -> Option<Fulfilment> {
        Fulfilment::ALL
            .into_iter()
            .find(|fulfilment| fulfilment.key() == key.trim())
    }
}

/// Where a KPI stands against its target in a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiStanding {
    AtTarget,
    WithinTolerance,
    Missed,
    NoValue,
    NoTarget,
}

impl KpiStanding {
    /// The KPI's own light.
    pub const fn fulfilment(self) -> Fulfilment {
        match self {
            KpiStanding::AtTarget => Fulfilment::Fulfilled,
            KpiStanding::WithinTolerance => Fulfilment::PartlyFulfilled,
            KpiStanding::Missed => Fulfilment::NotFulfilled,
            KpiStanding::NoValue | KpiStanding::NoTarget => Fulfilment::NotAssessed,
        }
    }
}

/// A KPI in a period: its value there (and the period it was measured in), the year's target,
/// where it stands, and the sentence that says why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KpiFulfilment {
    pub kpi: String,
    pub name: String,
    pub measured: Option<(Period, Decimal)>,
    pub target: Option<Decimal>,
    pub standing: KpiStanding,
    pub trail: String,
}

/// A goal in a period, computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalFulfilment {
    pub goal: String,
    pub period: Period,
    pub computed: Fulfilment,
    pub kpis: Vec<KpiFulfilment>,
    pub trail: String,
}

/// The fulfilment a responsible person set, with the reason, beside the one computed then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub goal: String,
    pub period: Period,
    pub chosen: Fulfilment,
    pub reason: String,
    pub computed: Fulfilment,
    pub by: String,
    pub at: String,
}

/// The KPI's value for `period`: the latest of its measurements in the same year that ends
/// no later than the period does.
pub fn value_at<'a>(
    kpi: &Kpi,
    measurements: &'a [Measurement],
    period: Period,
) -> Option<&'a Measurement> {
    let rounds = kpi.measurements_per_year;
    let end = period.end(rounds);
    measurements
        .iter()
        .filter(|measurement| measurement.kpi == kpi.id)
        .filter(|measurement| measurement.period.year == period.year)
        .filter(|measurement| measurement.period.end(rounds) <= end)
        .max_by_key(|measurement| measurement.period.end(rounds))
}

pub fn assess_kpi(kpi: &Kpi, measurements: &[Measurement], period: Period) -> KpiFulfilment {
    let measured = value_at(kpi, measurements, period)
        .map(|measurement| (measurement.period, measurement.value));
    let target = kpi.target(period.year);
    let show = |value: Decimal| kpi.unit.show(value);
    let (standing, trail) = match (measured, target) {
        (None, _) => (
            KpiStanding::NoValue,
            format!(
                "{}: inget mätvärde {} till och med {}",
                kpi.name,
                period.year,
                period.swedish()
            ),
        ),
        (Some((at, value)), None) => (
            KpiStanding::NoTarget,
            format!(
                "{}: {} ({}), men inget målvärde för {}",
                kpi.name,
                show(value),
                at.swedish(),
                period.year
            ),
        ),
        (Some((at, value)), Some(target)) => {
            let head = format!(
                "{}: {} ({}) mot målvärdet {} för {}, {}",
                kpi.name,
                show(value),
                at.swedish(),
                show(target),
                period.year,
                kpi.direction.swedish()
            );
            if kpi.direction.reaches(value, target) {
                (KpiStanding::AtTarget, format!("{head} — når målvärdet"))
            } else {
                let gap = match kpi.direction {
                    super::Direction::HigherIsBetter => target.checked_sub(value),
                    super::Direction::LowerIsBetter => value.checked_sub(target),
                };
                let within = match (gap, kpi.tolerance) {
                    (Some(gap), Some(tolerance)) => gap <= tolerance,
                    _ => false,
                };
                let gap_text = gap.map_or_else(String::new, |gap| format!(" med {}", show(gap)));
                match kpi.tolerance {
                    Some(tolerance) if within => (
                        KpiStanding::WithinTolerance,
                        format!(
                            "{head} — når inte målvärdet{gap_text}, men inom toleransen {}",
                            show(tolerance)
                        ),
                    ),
                    _ => (
                        KpiStanding::Missed,
                        format!("{head} — når inte målvärdet{gap_text}"),
                    ),
                }
            }
        }
    };
    KpiFulfilment {
        kpi: kpi.id.clone(),
        name: kpi.name.clone(),
        measured,
        target,
        standing,
        trail,
    }
}

/// The goal's fulfilment in `period` by [`RULE`].
pub fn assess_goal(goal: &Goal, measurements: &[Measurement], period: Period) -> GoalFulfilment {
    let kpis: Vec<KpiFulfilment> = goal
        .kpis
        .iter()
        .map(|kpi| assess_kpi(kpi, measurements, period))
        .collect();
    goal_fulfilment(goal, kpis, period)
}

/// The goal's fulfilment by [`RULE`] from its KPIs' fulfilments in `period` (in the goal's
/// order, one each, as [`assess_kpi`] gives them): what a caller that has already assessed
/// each KPI uses, rather than assessing them again.
pub fn goal_fulfilment(goal: &Goal, kpis: Vec<KpiFulfilment>, period: Period) -> GoalFulfilment {
    let count = |standing: KpiStanding| kpis.iter().filter(|kpi| kpi.standing == standing).count();
    let at_target = count(KpiStanding::AtTarget);
    let within = count(KpiStanding::WithinTolerance);
    let missed = count(KpiStanding::Missed);
    let assessed = at_target + within + missed;
    let total = kpis.len();
    let computed = if assessed == 0 {
        Fulfilment::NotAssessed
    } else if at_target == total {
        Fulfilment::Fulfilled
    } else if at_target + within == 0 {
        Fulfilment::NotFulfilled
    } else {
        Fulfilment::PartlyFulfilled
    };
    let trail = if total == 0 {
        "målet har inga nyckeltal".to_string()
    } else {
        let mut trail = format!("{at_target} av {total} nyckeltal når sitt målvärde");
        if within > 0 {
            trail.push_str(&format!(", {within} ligger inom toleransen"));
        }
        if missed > 0 {
            trail.push_str(&format!(", {missed} når det inte"));
        }
        if assessed < total {
            trail.push_str(&format!(", {} kan inte bedömas", total - assessed));
        }
        trail
    };
    GoalFulfilment {
        goal: goal.id.clone(),
        period,
        computed,
        kpis,
        trail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Year;
    use crate::goals::{Direction, GoalKind, Source};

    fn value(text: &str) -> Decimal {
        Decimal::parse(text).expect("a decimal")
    }

    fn period(text: &str) -> Period {
        Period::parse(text).expect("a period")
    }

    fn year() -> Year {
        Year::new(2025).expect("a year")
    }

    fn survey() -> Kpi {
        let mut kpi = Kpi {
            measurements_per_year: 3,
            tolerance: Some(value("0.2")),
            ..Kpi::named("arbetsbelastning", "Arbetsbelastningen")
        };
        kpi.set_target(year(), Some(value("3.8")));
        kpi
    }

    fn measured(kpi: &str, at: &str, figure: &str) -> Measurement {
        Measurement {
            kpi: kpi.into(),
            period: period(at),
            value: value(figure),
            source: Source::Entered,
            entered_by: "anna".into(),
            entered_at: "2025-05-02T10:00:00Z".into(),
            comment: String::new(),
        }
    }

    fn goal(kpis: Vec<Kpi>) -> Goal {
        Goal {
            id: "arbetsmiljomal".into(),
            kind: GoalKind::Board,
            title: "Arbetsmiljömål".into(),
            statement: String::new(),
            text: String::new(),
            kpis,
            unit: None,
            directions: Vec::new(),
        }
    }

    #[test]
    fn the_value_of_a_year_is_its_latest_round_and_of_a_tertial_the_latest_so_far() {
        let kpi = survey();
        let values = [
            measured("arbetsbelastning", "2025-O1", "3.6"),
            measured("arbetsbelastning", "2025-O3", "3.9"),
            measured("arbetsbelastning", "2025-O2", "3.7"),
            measured("arbetsbelastning", "2024-O3", "3.1"),
        ];
        let at = |text: &str| value_at(&kpi, &values, period(text)).map(|found| found.value);
        assert_eq!(at("2025"), Some(value("3.9")));
        assert_eq!(at("2025-T2"), Some(value("3.7")));
        assert_eq!(at("2025-T1"), Some(value("3.6")));
        assert_eq!(at("2025-02"), None, "no round has ended by February");
    }

    #[test]
    fn three_rounds_with_the_last_at_target_fulfil_the_goal_with_a_trail() {
        let values = [
            measured("arbetsbelastning", "2025-O1", "3.6"),
            measured("arbetsbelastning", "2025-O2", "3.7"),
            measured("arbetsbelastning", "2025-O3", "3.9"),
        ];
        let result = assess_goal(&goal(vec![survey()]), &values, period("2025"));
        assert_eq!(result.computed, Fulfilment::Fulfilled);
        assert_eq!(result.trail, "1 av 1 nyckeltal når sitt målvärde");
        assert_eq!(
            result.kpis[0].trail,
            "Arbetsbelastningen: 3,9 (omgång 3 2025) mot målvärdet 3,8 för 2025, högre är bättre — når målvärdet"
        );
        let at_second = assess_goal(&goal(vec![survey()]), &values, period("2025-T2"));
        assert_eq!(
            at_second.computed,
            Fulfilment::PartlyFulfilled,
            "3,7 is within 0,2 of 3,8"
        );
    }

    #[test]
    fn a_lower_is_better_kpi_misses_above_its_target() {
        let mut sick_leave = Kpi {
            direction: Direction::LowerIsBetter,
            ..Kpi::named("sjukfranvaro", "Sjukfrånvaro")
        };
        sick_leave.set_target(year(), Some(value("6")));
        let values = [measured("sjukfranvaro", "2025", "6.5")];
        let result = assess_kpi(&sick_leave, &values, period("2025"));
        assert_eq!(result.standing, KpiStanding::Missed);
        assert!(
            result.trail.ends_with("når inte målvärdet med 0,5"),
            "{}",
            result.trail
        );
    }

    #[test]
    fn no_value_and_no_target_are_not_assessed_and_say_so() {
        let no_target = Kpi::named("nojd", "Nöjdhet");
        let values = [measured("nojd", "2025", "70")];
        let goal = goal(vec![survey(), no_target]);
        let result = assess_goal(&goal, &values, period("2025"));
        assert_eq!(result.computed, Fulfilment::NotAssessed);
        assert_eq!(result.kpis[0].standing, KpiStanding::NoValue);
        assert_eq!(result.kpis[1].standing, KpiStanding::NoTarget);
        assert_eq!(
            result.trail,
            "0 av 2 nyckeltal når sitt målvärde, 2 kan inte bedömas"
        );
    }

    #[test]
    fn one_kpi_at_target_and_one_missed_is_partly_fulfilled_and_none_reached_is_not() {
        let mut second = survey();
        second.id = "andra".into();
        second.tolerance = None;
        let values = [
            measured("arbetsbelastning", "2025", "4"),
            measured("andra", "2025", "3"),
        ];
        let goal_of_two = goal(vec![survey(), second.clone()]);
        assert_eq!(
            assess_goal(&goal_of_two, &values, period("2025")).computed,
            Fulfilment::PartlyFulfilled
        );
        let missed = [measured("andra", "2025", "3")];
        assert_eq!(
            assess_goal(&goal(vec![second]), &missed, period("2025")).computed,
            Fulfilment::NotFulfilled
        );
    }

    #[test]
    fn every_fulfilment_reads_back_from_its_key() {
        for fulfilment in Fulfilment::ALL {
            assert_eq!(Fulfilment::from_key(fulfilment.key()), Some(fulfilment));
        }
    }
}
