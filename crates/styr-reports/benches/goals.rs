//! `cargo bench -p styr-reports --bench goals` (or bench/goals.sh, which adds a peer): the
//! follow-up of 50 KPIs × 290 municipalities × 10 years — Kolada's values indexed, then for
//! each year every KPI's value for the kommun, the peers' median and quartiles, its rank and
//! whether it beats the median, each goal's fulfilment and the overarching goal judged.
//! Prints the median of the runs (the bound is 20 ms; nothing is asserted here).
//! With STYR_BENCH_CSV=path it also writes the values it used, for the peer to read.

use std::time::Instant;

use styr_domain::calendar::Year;
use styr_domain::decimal::Decimal;
use styr_domain::goals::{Goal, GoalKind, Kpi, KpiUnit, Period};
use styr_domain::kolada::{Gender, GroupMember, KoladaValue, MunicipalityGroup};
use styr_reports::goals::{FollowUpInput, KoladaIndex, goals_followup};

const KPIS: usize = 50;
const MUNICIPALITIES: usize = 290;
const YEARS: i64 = 10;

fn municipality(index: usize) -> String {
    if index == 0 {
        "1489".into()
    } else {
        format!("{:04}", 2000 + index)
    }
}

fn values() -> Vec<KoladaValue> {
    // A small linear congruential generator: the same figures every run, no dependency.
    let mut state: u64 = 1489;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut values = Vec::with_capacity(KPIS * MUNICIPALITIES * YEARS as usize);
    for kpi in 0..KPIS {
        for index in 0..MUNICIPALITIES {
            for year in 0..YEARS {
                let tenths = i128::from(next() % 1000);
                values.push(KoladaValue {
                    kpi: format!("N{:05}", 10_000 + kpi),
                    municipality: municipality(index),
                    year: Year::new(2015 + year).expect("a year"),
                    gender: Gender::T,
                    value: Decimal::new(tenths, 1),
                    count: Some(1),
                    status: String::new(),
                });
            }
        }
    }
    values
}

/// This thread's time on a CPU so far, in nanoseconds (Linux's schedstat): on a machine
/// shared with other builds the wall time counts their turns too, this does not.
fn on_cpu() -> Option<u128> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut budget =
        styr_import::parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml"))
            .expect("the example reads");
    let kpis: Vec<Kpi> = (0..KPIS)
        .map(|kpi| Kpi {
            kolada_id: Some(format!("N{:05}", 10_000 + kpi)),
            unit: KpiUnit::Percent,
            targets: (0..YEARS)
                .map(|year| styr_domain::goals::Target {
                    year: Year::new(2015 + year).expect("a year"),
                    value: Decimal::from_integer(50),
                })
                .collect(),
            ..Kpi::named(&format!("kpi-{kpi}"), &format!("Nyckeltal {kpi}"))
        })
        .collect();
    budget.goals = vec![Goal {
        id: "sveriges-mest-effektiva-kommun".into(),
        kind: GoalKind::Overarching,
        title: "Sveriges mest effektiva kommun".into(),
        statement: String::new(),
        text: String::new(),
        kpis,
        unit: None,
        directions: Vec::new(),
    }];
    let values = values();
    if let Ok(path) = std::env::var("STYR_BENCH_CSV") {
        let mut csv = String::from("kpi,municipality,year,value\n");
        for value in &values {
            csv.push_str(&format!(
                "{},{},{},{}\n",
                value.kpi,
                value.municipality,
                value.year,
                value
                    .value
                    .map(|figure| figure.to_string())
                    .unwrap_or_default()
            ));
        }
        std::fs::write(&path, csv).expect("the values are written");
    }
    let group = MunicipalityGroup {
        id: "G1".into(),
        title: "Alla kommuner".into(),
        members: (0..MUNICIPALITIES)
            .map(|index| GroupMember {
                id: municipality(index),
                title: String::new(),
            })
            .collect(),
        own: false,
    };
    if std::env::var_os("STYR_BENCH_PARTS").is_some() {
        // Where the time goes: the index built once, then one year's follow-up.
        let started = Instant::now();
        let index = KoladaIndex::new(&values);
        let built = started.elapsed();
        let started = Instant::now();
        let followup = goals_followup(&FollowUpInput {
            budget: &budget,
            measurements: &[],
            assessments: &[],
            kolada: &index,
            peers: Some(&group),
            period: Period::year(Year::new(2020).expect("a year")),
        });
        println!(
            "parts: index {} µs, one year's follow-up {} µs ({} goals)",
            built.as_micros(),
            started.elapsed().as_micros(),
            followup.goals.len()
        );
    }
    let runs: usize = std::env::var("STYR_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(30);
    let mut times = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    let mut checksum = 0usize;
    for _ in 0..runs {
        let cpu_started = on_cpu();
        let started = Instant::now();
        let index = KoladaIndex::new(&values);
        for year in 0..YEARS {
            let followup = goals_followup(&FollowUpInput {
                budget: &budget,
                measurements: &[],
                assessments: &[],
                kolada: &index,
                peers: Some(&group),
                period: Period::year(Year::new(2015 + year).expect("a year")),
            });
            checksum += followup.judgement.map_or(0, |judgement| judgement.better);
        }
        times.push(started.elapsed());
        if let (Some(before), Some(after)) = (cpu_started, on_cpu()) {
            cpu.push(after.saturating_sub(before) / 1000);
        }
    }
    cpu.sort();
    times.sort();
    let median = times[times.len() / 2];
    let micros = median.as_micros();
    let ms = format!("{}.{:03}", micros / 1000, micros % 1000);
    println!(
        "goals follow-up, {KPIS} KPIs × {MUNICIPALITIES} municipalities × {YEARS} years ({} values): median {ms} ms of {runs} runs (bound 20 ms; checksum {checksum})",
        values.len()
    );
    if let Some(cpu_micros) = cpu.get(cpu.len() / 2) {
        println!(
            "  on a CPU (this thread's run time, not counting other processes' turns): median {}.{:03} ms",
            cpu_micros / 1000,
            cpu_micros % 1000
        );
        println!("RESULT styr_cpu_us {cpu_micros}");
    }
    println!("RESULT styr_us {micros}");
}
