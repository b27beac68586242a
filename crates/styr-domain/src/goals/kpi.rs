//! A KPI (nyckeltal): what it measures, in which unit, which way is better, what it started
//! from (the baseline), what it should reach each year (målvärde), how near a target still
//! counts as partly reached (the tolerance), and which values it can take at all.
//!
//! ```text
//! Arbetsbelastningen: index, higher is better, range 1–5, baseline 2024: 3,4,
//!   targets 2025: 3,8 · 2026: 4,0, tolerance 0,2
//!   3,7 in 2025 → within tolerance (3,6–3,8) · 6 → refused: "högst 5"
//! ```

use serde::Serialize;
use thiserror::Error;

use super::period::Period;
use crate::calendar::Year;
use crate::decimal::Decimal;

/// Which way is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];

    pub const fn key(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher",
            Direction::LowerIsBetter => "lower",
        }
    }

    pub const fn swedish(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "högre är bättre",
            Direction::LowerIsBetter => "lägre är bättre",
        }
    }

    pub fn from_key(key: &str) -> Option<Direction> {
        Direction::ALL
            .into_iter()
            .find(|direction| direction.key() == key.trim())
    }

    /// Whether `value` is at least as good as `reference`.
    pub fn reaches(self, value: Decimal, reference: Decimal) -> bool {
        match self {
            Direction::HigherIsBetter => value >= reference,
            Direction::LowerIsBetter => value <= reference,
        }
    }

    /// Whether `value` is strictly better than `reference`.
    pub fn beats(self, value: Decimal, reference: Decimal) -> bool {
        value != reference && self.reaches(value, reference)
    }
}

/// The unit a KPI is measured in; it decides which values are possible at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiUnit {
    Percent,
    KronorPerInhabitant,
    /// A count: a whole number, never negative.
    Count,
    #[default]
    Index,
}

impl KpiUnit {
    pub const ALL: [KpiUnit; 4] = [
        KpiUnit::Percent,
        KpiUnit::KronorPerInhabitant,
        KpiUnit::Count,
        KpiUnit::Index,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            KpiUnit::Percent => "procent",
            KpiUnit::KronorPerInhabitant => "kr_per_invanare",
            KpiUnit::Count => "antal",
            KpiUnit::Index => "index",
        }
    }

    /// How a value is followed by its unit: "12,3 %", "54 321 kr/inv.".
    pub const fn symbol(self) -> &'static str {
        match self {
            KpiUnit::Percent => "%",
            KpiUnit::KronorPerInhabitant => "kr/inv.",
            KpiUnit::Count => "st.",
            KpiUnit::Index => "",
        }
    }

    pub const fn swedish(self) -> &'static str {
        match self {
            KpiUnit::Percent => "procent",
            KpiUnit::KronorPerInhabitant => "kronor per invånare",
            KpiUnit::Count => "antal",
            KpiUnit::Index => "index",
        }
    }

    pub fn from_key(key: &str) -> Option<KpiUnit> {
        let key = key.trim();
        KpiUnit::ALL
            .into_iter()
            .find(|unit| unit.key() == key || (key == "%" && *unit == KpiUnit::Percent))
    }

    /// The value with its unit, Swedish: "12,3 %".
    pub fn show(self, value: Decimal) -> String {
        match self.symbol() {
            "" => value.to_swedish(),
            symbol => format!("{} {symbol}", value.to_swedish()),
        }
    }
}

/// What a KPI is for in the judgement of the overarching goal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "purpose")]
pub enum KpiPurpose {
    /// A quality KPI: compared with the peers' median.
    #[default]
    Quality,
    /// A net-cost deviation (nettokostnadsavvikelse) in percent: cost above (positive) or
    /// below the referenskostnad; `amount_kolada_id` names the same deviation in mnkr.
    NetCostDeviation { amount_kolada_id: Option<String> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Baseline {
    pub period: Period,
    pub value: Decimal,
}

/// A year's målvärde.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    pub year: Year,
    pub value: Decimal,
}

/// A key figure that follows a goal up, and when it is measured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Kpi {
    /// The KPI's key, stable across budget years (its values are kept under it).
    pub id: String,
    pub name: String,
    /// Where the figure comes from: a survey, Kolada, the ledger.
    pub source: String,
    /// How many times a year it is measured (a pulse survey three times a year is 3).
    pub measurements_per_year: u8,
    /// A Kolada KPI id such as "N00097", when the figure is published there.
    pub kolada_id: Option<String>,
    pub direction: Direction,
    pub unit: KpiUnit,
    /// The lowest and highest value the KPI can take ("1–5" for a survey's scale).
    pub minimum: Option<Decimal>,
    pub maximum: Option<Decimal>,
    pub baseline: Option<Baseline>,
    /// Målvärden, one per year, in year order.
    pub targets: Vec<Target>,
    /// How far from a target (on the wrong side) still counts as partly reached.
    pub tolerance: Option<Decimal>,
    pub purpose: KpiPurpose,
    /// The political directions (their goal ids) this KPI follows up.
    pub directions: Vec<String>,
}

/// Why a value cannot be a KPI's; each message is a sentence naming the reason.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ValueError {
    #[error("{kpi} mäts i antal: ange ett heltal, inte {value}")]
    NotWhole { kpi: String, value: String },
    #[error("{kpi} mäts i antal och kan inte vara negativt ({value})")]
    NegativeCount { kpi: String, value: String },
    #[error("{kpi} mäts i procent och kan inte vara under -100 % ({value})")]
    BelowMinusHundredPercent { kpi: String, value: String },
    #[error("{kpi} kan som lägst vara {minimum}, inte {value}")]
    BelowMinimum {
        kpi: String,
        value: String,
        minimum: String,
    },
    #[error("{kpi} kan som högst vara {maximum}, inte {value}")]
    AboveMaximum {
        kpi: String,
        value: String,
        maximum: String,
    },
    #[error("{kpi} mäts {schedule}; {period} ligger utanför det schemat")]
    OutsideSchedule {
        kpi: String,
        schedule: String,
        period: String,
    },
}

impl Kpi {
    /// A KPI with only a name: an index measured once a year, higher is better.
    pub fn named(id: &str, name: &str) -> Kpi {
        Kpi {
            id: id.into(),
            name: name.into(),
            source: String::new(),
            measurements_per_year: 1,
            kolada_id: None,
            direction: Direction::default(),
            unit: KpiUnit::default(),
            minimum: None,
            maximum: None,
            baseline: None,
            targets: Vec::new(),
            tolerance: None,
            purpose: KpiPurpose::default(),
            directions: Vec::new(),
        }
    }

    /// The schedule in Swedish: "tre gånger per år".
    pub fn schedule(&self) -> String {
        let times = match self.measurements_per_year {
            1 => return "en gång per år".into(),
            2 => "två",
            3 => "tre",
            4 => "fyra",
            6 => "sex",
            12 => return "varje månad".into(),
            other => return format!("{other} gånger per år"),
        };
        format!("{times} gånger per år")
    }

    pub fn target(&self, year: Year) -> Option<Decimal> {
        self.targets
            .iter()
            .find(|target| target.year == year)
            .map(|target| target.value)
    }

    /// Sets (or with `None` removes) the target for `year`, keeping year order.
    pub fn set_target(&mut self, year: Year, value: Option<Decimal>) {
        self.targets.retain(|target| target.year != year);
        if let Some(value) = value {
            self.targets.push(Target { year, value });
            self.targets.sort_by_key(|target| target.year);
        }
    }

    /// Whether `value` is one this KPI can take: its unit's rule, then its range.
    pub fn check_value(&self, value: Decimal) -> Result<(), ValueError> {
        let kpi = || self.name.clone();
        let shown = || self.unit.show(value);
        match self.unit {
            KpiUnit::Count if !value.is_integer() => {
                return Err(ValueError::NotWhole {
                    kpi: kpi(),
                    value: shown(),
                });
            }
            KpiUnit::Count if value.is_negative() => {
                return Err(ValueError::NegativeCount {
                    kpi: kpi(),
                    value: shown(),
                });
            }
            KpiUnit::Percent if value < Decimal::from_integer(-100) => {
                return Err(ValueError::BelowMinusHundredPercent {
                    kpi: kpi(),
                    value: shown(),
                });
            }
            _ => {}
        }
        if let Some(minimum) = self.minimum.filter(|minimum| value < *minimum) {
            return Err(ValueError::BelowMinimum {
                kpi: kpi(),
                value: shown(),
                minimum: self.unit.show(minimum),
            });
        }
        if let Some(maximum) = self.maximum.filter(|maximum| value > *maximum) {
            return Err(ValueError::AboveMaximum {
                kpi: kpi(),
                value: shown(),
                maximum: self.unit.show(maximum),
            });
        }
        Ok(())
    }

    /// Whether `period` is one this KPI is measured in: a year always; a survey round only
    /// up to the number of measurements a year.
    pub fn check_period(&self, period: Period) -> Result<(), ValueError> {
        match period.part {
            super::PeriodPart::Round(round) if round > self.measurements_per_year => {
                Err(ValueError::OutsideSchedule {
                    kpi: self.name.clone(),
                    schedule: self.schedule(),
                    period: period.swedish(),
                })
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::PeriodPart;

    fn value(text: &str) -> Decimal {
        Decimal::parse(text).expect("a decimal")
    }

    fn survey() -> Kpi {
        Kpi {
            measurements_per_year: 3,
            minimum: Some(value("1")),
            maximum: Some(value("5")),
            ..Kpi::named("arbetsbelastning", "Arbetsbelastningen")
        }
    }

    #[test]
    fn a_pulse_survey_three_times_a_year_says_so() {
        let kpi = survey();
        assert_eq!(kpi.schedule(), "tre gånger per år");
        assert_eq!(
            Kpi {
                measurements_per_year: 12,
                ..kpi.clone()
            }
            .schedule(),
            "varje månad"
        );
        assert_eq!(
            Kpi {
                measurements_per_year: 5,
                ..kpi
            }
            .schedule(),
            "5 gånger per år"
        );
    }

    #[test]
    fn a_value_outside_the_range_is_refused_with_the_range() {
        let kpi = survey();
        assert_eq!(kpi.check_value(value("3.9")), Ok(()));
        assert_eq!(
            kpi.check_value(value("6"))
                .map_err(|error| error.to_string()),
            Err("Arbetsbelastningen kan som högst vara 5, inte 6".into())
        );
        assert!(kpi.check_value(value("0.5")).is_err());
    }

    #[test]
    fn a_count_is_whole_and_never_negative_and_a_percent_never_below_minus_hundred() {
        let count = Kpi {
            unit: KpiUnit::Count,
            ..Kpi::named("anmalningar", "Anmälningar")
        };
        assert!(count.check_value(value("12")).is_ok());
        assert_eq!(
            count
                .check_value(value("1.5"))
                .map_err(|error| error.to_string()),
            Err("Anmälningar mäts i antal: ange ett heltal, inte 1,5 st.".into())
        );
        assert!(count.check_value(value("-1")).is_err());
        let share = Kpi {
            unit: KpiUnit::Percent,
            ..Kpi::named("avvikelse", "Avvikelse")
        };
        assert!(share.check_value(value("-12.5")).is_ok());
        assert!(share.check_value(value("-100.1")).is_err());
    }

    #[test]
    fn a_fourth_round_of_a_survey_measured_three_times_is_outside_its_schedule() {
        let kpi = survey();
        let year = Year::new(2025).expect("a year");
        let round = |number| Period {
            year,
            part: PeriodPart::Round(number),
        };
        assert!(kpi.check_period(round(3)).is_ok());
        assert_eq!(
            kpi.check_period(round(4)).map_err(|error| error.to_string()),
            Err(
                "Arbetsbelastningen mäts tre gånger per år; omgång 4 2025 ligger utanför det schemat"
                    .into()
            )
        );
    }

    #[test]
    fn a_target_set_again_replaces_the_year_and_keeps_the_order() {
        let mut kpi = survey();
        let year = |number| Year::new(number).expect("a year");
        kpi.set_target(year(2026), Some(value("4")));
        kpi.set_target(year(2025), Some(value("3.8")));
        kpi.set_target(year(2026), Some(value("4.1")));
        assert_eq!(
            kpi.targets
                .iter()
                .map(|target| target.year)
                .collect::<Vec<_>>(),
            vec![year(2025), year(2026)]
        );
        assert_eq!(kpi.target(year(2026)), Some(value("4.1")));
        kpi.set_target(year(2025), None);
        assert_eq!(kpi.target(year(2025)), None);
    }
}
