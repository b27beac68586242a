//! The time to render the reference budget's whole document in each format, in-process:
//! the report computed from the budget, then each renderer. Prints the median of a number of
//! runs per format (STYR_BENCH_RUNS, default 30) in milliseconds, and one line per format for
//! bench/render.sh to compare with its peers. No timing is asserted anywhere.

use std::time::{Duration, Instant};

use styr_output::{Format, render};

/// A format's name and the work of rendering it once (returning the output's size).
type Renderer<'a> = (&'static str, Box<dyn FnMut() -> usize + 'a>);

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// "12,345 ms": microseconds as milliseconds with a decimal comma, in integers.
fn milliseconds(duration: Duration) -> String {
    let micros = duration.as_micros();
    format!("{},{:03} ms", micros / 1000, micros % 1000)
}

fn time(runs: usize, mut work: impl FnMut() -> usize) -> (Duration, usize) {
    let mut size = work();
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            size = std::hint::black_box(work());
            start.elapsed()
        })
        .collect();
    (median(times), size)
}

fn main() {
    let runs: usize = std::env::var("STYR_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(30);
    let source = include_str!("../../../examples/alingsas-ks-2025.toml");
    let budget = styr_import::parse_budget(source).expect("the example reads");
    let report = styr_reports::budget_report(&budget).expect("the example computes");
    let document = styr_output::budget_document(&report).expect("the figures fit");

    println!(
        "Rendering the reference budget (Kommunstyrelsen i Alingsås 2025–2027), median of {runs} runs:"
    );
    let mut rows: Vec<Renderer> = vec![(
        "report",
        Box::new(|| {
            let report = styr_reports::budget_report(&budget).expect("computes");
            styr_output::budget_document(&report)
                .expect("the figures fit")
                .blocks
                .len()
        }),
    )];
    for format in Format::ALL {
        let document = &document;
        rows.push((
            format.key(),
            Box::new(move || render(document, format).expect("a file").len()),
        ));
    }
    rows.push((
        "template",
        Box::new(|| {
            styr_render::xlsx::template::template_workbook(&budget, &[])
                .expect("a template")
                .len()
        }),
    ));
    for (format, mut work) in rows {
        let (median, size) = time(runs, &mut work);
        println!(
            "  {format:<9} {:>12}   ({size} {})",
            milliseconds(median),
            if format == "report" {
                "blocks"
            } else {
                "bytes"
            }
        );
        println!("RESULT {format} {}", median.as_micros());
    }
}
