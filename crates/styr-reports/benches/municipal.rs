//! `cargo bench -p styr-reports --bench municipal` (or bench/municipal.sh, which adds a peer):
//! a municipality of 12 boards × 300 ansvar × 40 kontogrupper × 4 years (576 000 figures)
//! recomputed after one cell changes — every board against its frame, the resultat-,
//! kassaflödes- and balansbudget, the balanskravsutredning, the tables per nämnd, the frame
//! derivation and the financial goals. Prints the median of the runs (the bound is
//! 10 ms; nothing is asserted here). With STYR_BENCH_CSV=path it also writes the lines it
//! used, for the peer to read.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use styr_domain::budget::{BudgetYears, Municipality};
use styr_domain::calendar::Year;
use styr_domain::document::DocumentMetadata;
use styr_domain::frame::{Frame, FrameYear, IndexChoice, IndexTable};
use styr_domain::money::Amount;
use styr_domain::municipal::{
    AccountGroup, Ansvar, Balance, Board, CentralItem, FinancialGoal, GoalKind, Line,
    MunicipalBudget,
};
use styr_domain::organisation::UnitId;
use styr_domain::percent::Percent;
use styr_reports::municipal::municipal_report;

const BOARDS: usize = 12;
const ANSVAR: usize = 300;
const GROUPS: u8 = 40;
const RUNS: usize = 51;

fn year(number: i64) -> Year {
    Year::new(number).expect("a year")
}

fn municipality() -> MunicipalBudget {
    let mut state: u64 = 1489;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as i64
    };
    let years = BudgetYears {
        previous: year(2025),
        budget: year(2026),
        plan: vec![year(2027), year(2028)],
    };
    let columns = years.columns();
    let boards = (0..BOARDS)
        .map(|board| {
            let ansvar = (0..ANSVAR)
                .map(|position| Ansvar {
                    id: UnitId(format!("b{board}-{position}")),
                    name: format!("Ansvar {position}"),
                    parent: None,
                })
                .collect();
            let mut net = vec![0i64; columns.len()];
            let mut lines = Vec::with_capacity(ANSVAR * usize::from(GROUPS));
            for position in 0..ANSVAR {
                for group in 30..30 + GROUPS {
                    let group =
                        AccountGroup::new(&group.to_string()).expect("an operating kontogrupp");
                    let sign = if group.number() < 40 { 1 } else { -1 };
                    let amounts: Vec<Amount> = columns
                        .iter()
                        .enumerate()
                        .map(|(column, _)| {
                            let tkr = sign * (next() % 900 + 100);
                            net[column] += tkr;
                            Amount::from_tkr(tkr)
                        })
                        .collect();
                    lines.push(Line {
                        ansvar: position,
                        group,
                        amounts,
                    });
                }
            }
            let frame = Frame {
                unit: UnitId(format!("b{board}")),
                heading: format!("Kommunbidrag, nämnd {board}"),
                index: IndexChoice {
                    name: "PKV".into(),
                    vintage: "bench".into(),
                },
                years: columns
                    .iter()
                    .zip(&net)
                    .map(|(year, net)| {
                        (
                            *year,
                            FrameYear::Entered {
                                amount: Amount::from_tkr(-net),
                                trail: None,
                            },
                        )
                    })
                    .collect(),
            };
            Board {
                id: UnitId(format!("b{board}")),
                name: format!("Nämnd {board}"),
                frame,
                ansvar,
                lines,
                investments: vec![Amount::from_tkr(50_000); columns.len()],
            }
        })
        .collect();
    let central = [
        ("Skatteintäkter", "80", 9_000_000),
        ("Generella statsbidrag och utjämning", "82", 2_000_000),
        ("Finansiella kostnader", "85", -40_000),
    ]
    .into_iter()
    .map(|(name, group, tkr)| CentralItem {
        name: name.into(),
        group: AccountGroup::new(group).expect("a kontogrupp"),
        amounts: vec![Amount::from_tkr(tkr); columns.len()],
        source: "bench".into(),
    })
    .collect();
    MunicipalBudget {
        municipality: Municipality {
            name: "Benchby kommun".into(),
            code: String::new(),
        },
        invented: true,
        document: DocumentMetadata::default(),
        years,
        index: IndexTable {
            vintages: vec![styr_domain::frame::IndexVintage {
                name: "PKV".into(),
                vintage: "bench".into(),
                values: BTreeMap::new(),
            }],
        },
        boards,
        central,
        balance: Balance {
            provisions_change: vec![Amount::ZERO; columns.len()],
            borrowing: vec![Amount::ZERO; columns.len()],
            amortisation: vec![Amount::ZERO; columns.len()],
            realisation_gains: vec![Amount::ZERO; columns.len()],
            equalisation_reserve: vec![Amount::ZERO; columns.len()],
            ..Balance::default()
        },
        goals: vec![FinancialGoal {
            name: "Resultat".into(),
            kind: GoalKind::ResultShare,
            minimum: Percent::from_tenths(20),
        }],
        passages: Vec::new(),
        reorganisations: Vec::new(),
    }
}

fn main() {
    let mut budget = municipality();
    let cells: usize = budget
        .boards
        .iter()
        .map(|board| board.lines.len() * budget.columns().len())
        .sum();
    if let Ok(path) = std::env::var("STYR_BENCH_CSV") {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("the CSV file"));
        writeln!(out, "board,ansvar,group,year,tkr").expect("write");
        for board in &budget.boards {
            for line in &board.lines {
                for (year, amount) in budget.columns().iter().zip(&line.amounts) {
                    writeln!(
                        out,
                        "{},{},{},{year},{}",
                        board.id,
                        line.ansvar,
                        line.group,
                        amount.round_to_tkr()
                    )
                    .expect("write");
                }
            }
        }
    }
    let mut times = Vec::with_capacity(RUNS);
    for run in 0..RUNS {
        // One cell changes, as a budgetansvarig's edit does; then everything is recomputed.
        let line = &mut budget.boards[run % BOARDS].lines[run];
        line.amounts[1] = line.amounts[1]
            .checked_add(Amount::from_tkr(1))
            .expect("a small change");
        let start = Instant::now();
        let report = municipal_report(&budget).expect("the municipality computes");
        let elapsed = start.elapsed();
        std::hint::black_box(&report);
        times.push(elapsed.as_micros());
    }
    times.sort_unstable();
    let median = times[RUNS / 2];
    println!("{BOARDS} nämnder × {ANSVAR} ansvar × {GROUPS} kontogrupper × 4 år = {cells} belopp");
    println!(
        "omräkning efter en ändrad cell: median {},{:02} ms av {RUNS} körningar (gräns 10 ms)",
        median / 1000,
        median % 1000 / 10
    );
    println!("RESULT styr_us {median}");
    saved_through_the_file();
}

/// What a cell saved in the web app costs on the demo municipality, which keeps a year as its
/// municipality file: the file edited, read back and computed (the store's write is apart).
fn saved_through_the_file() {
    let demo = include_str!("../../../examples/demo/exempelby-kommun.toml");
    let mut times = Vec::with_capacity(RUNS);
    for run in 0..RUNS {
        let edit = styr_import::municipal_file::MunicipalEdit::SetLine {
            board: "bun".into(),
            ansvar: "bun-101".into(),
            group: "50".into(),
            year: 2027,
            amount: Amount::from_tkr(-14_000 - i64::try_from(run).unwrap_or_default()),
        };
        let start = Instant::now();
        let written = styr_import::municipal_file::edit(demo, &[edit]).expect("the edit is made");
        let budget = styr_import::parse_municipal_budget(&written).expect("and reads");
        let report = municipal_report(&budget).expect("and computes");
        let elapsed = start.elapsed();
        std::hint::black_box(&report);
        times.push(elapsed.as_micros());
    }
    times.sort_unstable();
    let median = times[RUNS / 2];
    println!(
        "en cell sparad i webbappen, demokommunen ({} rader): median {},{:02} ms (filen ändrad, läst och räknad)",
        demo.lines().count(),
        median / 1000,
        median % 1000 / 10
    );
    println!("RESULT edit_us {median}");
}
