//! Mutants of the corpus's clean excerpts (`tests/corpus/`): one figure of a table changed, two
//! of its digits swapped, or moved by one unit of its last digit. A changed or swapped figure
//! that a relation reaches must be reported as an error, at that figure's column or line; a
//! figure one unit off is rounding and must not be, unless the table's own rounding was already
//! at its limit there. Recall and precision per kind are printed
//! (`cargo test --test corpus_mutations -- --nocapture`), against every figure of the tables,
//! reached by a relation or not.

use std::path::Path;

use styr_reports::check::Severity;
use styr_reports::review::review;

const CLEAN: [&str; 10] = [
    "sjobo-budget-2025",
    "sjobo-budget-2024",
    "sjobo-budget-2018",
    "goteborg-arsredovisning-2018",
    "goteborg-arsredovisning-2019",
    "gnesta-arsredovisning-2013",
    "vastervik-arsredovisning-2020",
    "helsingborg-arsredovisning-2016",
    "kungsbacka-arsredovisning-2014",
    "angelholm-arsredovisning-2021",
];

/// A figure as printed: its sign prefix ("– ", "-"), its digits, its decimals, and whether it
/// groups thousands with spaces.
struct Printed {
    sign: String,
    digits: String,
    decimals: usize,
    grouped: bool,
}

fn printed(cell: &str) -> Option<Printed> {
    let trimmed = cell.trim();
    let body = trimmed.trim_start_matches(['-', '–', '−', ' ']);
    let sign = trimmed[..trimmed.len() - body.len()].to_string();
    let (whole, fraction) = body.split_once(',').unwrap_or((body, ""));
    let grouped = whole.contains(' ');
    let whole: String = whole
        .chars()
        .filter(|character| *character != ' ')
        .collect();
    let valid = !whole.is_empty()
        && whole.chars().all(|character| character.is_ascii_digit())
        && fraction.chars().all(|character| character.is_ascii_digit());
    valid.then(|| Printed {
        sign,
        digits: format!("{whole}{fraction}"),
        decimals: fraction.len(),
        grouped,
    })
}

fn written(figure: &Printed, digits: &str) -> String {
    let digits = digits.trim_start_matches('0');
    let digits = format!("{digits:0>width$}", width = figure.decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - figure.decimals);
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if figure.grouped && index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        format!("{}{grouped}", figure.sign)
    } else {
        format!("{}{grouped},{fraction}", figure.sign)
    }
}

fn plus(digits: &str, units: u128) -> String {
    (digits.parse::<u128>().unwrap_or(0) + units).to_string()
}

/// Two neighbouring digits swapped, the rightmost pair that differs.
fn swapped(digits: &str) -> Option<String> {
    let mut bytes = digits.as_bytes().to_vec();
    let at = (0..bytes.len().saturating_sub(1))
        .rev()
        .find(|at| bytes[*at] != bytes[at + 1] && !(*at == 0 && bytes[1] == b'0'))?;
    bytes.swap(at, at + 1);
    String::from_utf8(bytes).ok()
}

#[derive(Default)]
struct Tally {
    mutants: usize,
    detected: usize,
    new_errors: usize,
    at_the_figure: usize,
}

fn errors(source: &str) -> Vec<String> {
    let document = styr_import::document::parse_text(source).expect("readable");
    review(&document)
        .findings
        .into_iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(|finding| finding.place)
        .collect()
}

#[test]
fn mutants_of_the_clean_excerpts_are_found_where_a_relation_reaches_them() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut tallies: [(&str, Tally); 3] = [
        ("cell ändrad", Tally::default()),
        ("siffror omkastade", Tally::default()),
        ("avrundning (en enhet)", Tally::default()),
    ];
    for name in CLEAN {
        let source = std::fs::read_to_string(folder.join(format!("{name}.txt"))).expect("excerpt");
        assert!(errors(&source).is_empty(), "{name} is clean");
        let lines: Vec<&str> = source.lines().collect();
        let mut header: Vec<&str> = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            if !line.contains('\t') {
                header.clear();
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            if header.is_empty() {
                header = cells;
                continue;
            }
            for (column, cell) in cells.iter().enumerate().skip(1) {
                let heading = header.get(column).copied().unwrap_or("");
                let Some(figure) = printed(cell).filter(|_| heading.trim() != "Not") else {
                    continue;
                };
                let mutants = [
                    Some(plus(&figure.digits, 37)),
                    swapped(&figure.digits),
                    Some(plus(&figure.digits, 1)),
                ];
                for ((_, tally), digits) in tallies.iter_mut().zip(mutants) {
                    let Some(digits) = digits else { continue };
                    let mut mutated_cells: Vec<String> =
                        cells.iter().map(|cell| cell.to_string()).collect();
                    mutated_cells[column] = written(&figure, &digits);
                    let mut mutated: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                    mutated[index] = mutated_cells.join("\t");
                    let found = errors(&mutated.join("\n"));
                    tally.mutants += 1;
                    tally.detected += usize::from(!found.is_empty());
                    tally.new_errors += found.len();
                    let line_mark = format!("(rad {})", index + 1);
                    tally.at_the_figure += found
                        .iter()
                        .filter(|place| {
                            place.contains(&line_mark)
                                || (!heading.is_empty()
                                    && place.contains(&format!(", {heading} (rad")))
                        })
                        .count();
                }
            }
        }
    }
    // Ratios in thousandths: exact, and printed as "0,953".
    let ratio = |part: usize, whole: usize| (part * 1000).checked_div(whole).unwrap_or(1000);
    let shown = |thousandths: usize| format!("{},{:03}", thousandths / 1000, thousandths % 1000);
    for (kind, tally) in &tallies {
        println!(
            "{kind}: {} mutanter, upptäckta {} (recall {}), {} fel rapporterade, {} vid den \
             ändrade siffran (precision {})",
            tally.mutants,
            tally.detected,
            shown(ratio(tally.detected, tally.mutants)),
            tally.new_errors,
            tally.at_the_figure,
            shown(ratio(tally.at_the_figure, tally.new_errors))
        );
    }
    let [(_, changed), (_, transposed), (_, rounding)] = &tallies;
    // Floors at what the review reaches today, so that a regression fails.
    assert!(
        ratio(changed.detected, changed.mutants) >= FLOOR_CHANGED,
        "changed cells"
    );
    assert!(
        ratio(transposed.detected, transposed.mutants) >= FLOOR_TRANSPOSED,
        "swapped digits"
    );
    assert!(
        ratio(changed.at_the_figure, changed.new_errors) >= 950,
        "errors at the figure"
    );
    assert!(
        ratio(transposed.at_the_figure, transposed.new_errors) >= 950,
        "swapped digits reported at the figure"
    );
    // One unit off stays inside the rounding of a sum, unless the printed figures already used
    // up its rounding (a clean table's avrundning at its limit): then it is rightly an error.
    assert!(
        ratio(rounding.detected, rounding.mutants) <= 10,
        "one unit off is rounding"
    );
}

/// What the review reaches today, in thousandths of the mutants (0,859 and 0,889 measured):
/// the rest are figures no relation reaches (see the coverage line of `tests/corpus.rs`).
const FLOOR_CHANGED: usize = 850;
const FLOOR_TRANSPOSED: usize = 880;
