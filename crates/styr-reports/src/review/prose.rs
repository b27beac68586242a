//! Figures in prose against the tables they speak of. A sentence is tied to the nearest table
//! above it in the same section, and to a row by the row's name in the sentence ("Personal-
//! kostnaderna" → Personalkostnader); sums and averages of "investeringar" go to the table's
//! total row. Each sentence is read clause by clause, since one sentence often states several
//! figures ("År 2025 uppgår investeringsnivån till 106,8 mnkr, för att sedan …").

use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::money::{Amount, Precision, Stated, Unit};
use styr_domain::parse::{parse_amount, parse_percent};
use styr_domain::source_document::{Block, Document};
use styr_domain::statement::Direction;

use super::amounts::{AmountRow, AmountTable, year_in};
use super::{Review, Unchecked};
use crate::finding::notes::{change_text, unit_slip_note};
use crate::finding::{Finding, FindingKind, Severity, Shown, severity_of};

/// Why a figure the document states is not checked when styr cannot compute it exactly.
const TOO_LARGE: &str = "beloppet blir för stort för att räknas exakt";

/// One amount written in a clause, where it stands.
struct Written {
    stated: Stated,
    /// The word position of the amount's first word.
    at: usize,
}

fn words(clause: &str) -> Vec<String> {
    clause
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|character: char| {
                matches!(character, ',' | '.' | ';' | ':' | '(' | ')' | '”' | '"')
            })
            .to_string()
        })
        .collect()
}

/// Amounts with a unit ("8,1 mnkr", "233 tkr", "omkring 90 mnkr", "1 234 tkr") in a clause.
fn amounts(clause: &str) -> Vec<Written> {
    let words = words(clause);
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let unit = match word.as_str() {
            "mnkr" => Unit::Mnkr,
            "tkr" => Unit::Tkr,
            _ => continue,
        };
        let mut start = index;
        while start > 0
            && words[start - 1]
                .chars()
                .all(|character| character.is_ascii_digit() || character == ',' || character == '-')
            && !words[start - 1].is_empty()
        {
            start -= 1;
            if words[start].contains(',') || words[start].len() != 3 {
                break;
            }
        }
        if start == index {
            continue;
        }
        let about = start > 0 && matches!(words[start - 1].as_str(), "omkring" | "cirka" | "ca");
        let text = format!(
            "{}{} {}",
            if about { "omkring " } else { "" },
            words[start..index].join(" "),
            unit.symbol()
        );
        if let Ok(stated) = parse_amount(&text, unit) {
            found.push(Written {
                stated,
                at: if about { start - 1 } else { start },
            });
        }
    }
    found
}

/// Years written as a range ("åren 2026–2028", "2025-2029") or a pair ("mellan 2023 och 2024").
fn year_range(clause: &str) -> Option<(Year, Year)> {
    let lower = clause.to_lowercase();
    for separator in ['–', '-'] {
        for (position, _) in lower.match_indices(separator) {
            let before = year_in(&lower[position.saturating_sub(4)..position]);
            let after = year_in(
                lower
                    .get(position + separator.len_utf8()..position + separator.len_utf8() + 4)
                    .unwrap_or(""),
            );
            if let (Some(from), Some(to)) = (before, after)
                && from < to
            {
                return Some((from, to));
            }
        }
    }
    let between = lower.find("mellan ")?;
    let rest = &lower[between + 7..];
    let and = rest.find(" och ")?;
    Some((year_in(&rest[..and])?, year_in(&rest[and + 5..])?))
}

/// "År 2025", "år 2029", "för år 2024": the single year a clause speaks of.
fn single_year(clause: &str) -> Option<Year> {
    let lower = clause.to_lowercase();
    let marker = "år ";
    let position = lower.find(marker)?;
    year_in(lower.get(position + marker.len()..position + marker.len() + 4)?)
}

/// The row a clause is about: the longest row name the clause contains at a word start.
fn row_named<'t>(table: &'t AmountTable<'_>, clause: &str) -> Option<&'t AmountRow> {
    let lower = format!(" {}", clause.to_lowercase());
    table
        .rows
        .iter()
        .filter(|row| {
            !row.label.is_empty() && lower.contains(&format!(" {}", row.label.to_lowercase()))
        })
        .max_by_key(|row| row.label.len())
}

fn total_row<'t>(table: &'t AmountTable<'_>) -> Option<&'t AmountRow> {
    table.rows.iter().rev().find(|row| {
        let lower = row.label.to_lowercase();
        row.bold && (lower.starts_with("total") || lower.starts_with("summa"))
    })
}

fn value_of(table: &AmountTable<'_>, row: &AmountRow, year: Year) -> Option<Amount> {
    row.values.get(table.column(year)?).copied().flatten()
}

fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let characters: Vec<(usize, char)> = text.char_indices().collect();
    for (index, (position, character)) in characters.iter().enumerate() {
        let next_is_capital = characters
            .get(index + 2)
            .is_some_and(|(_, next)| next.is_uppercase());
        let followed_by_space = characters
            .get(index + 1)
            .is_some_and(|(_, next)| *next == ' ');
        if *character == '.' && followed_by_space && next_is_capital {
            sentences.push(text[start..=*position].trim());
            start = position + 1;
        }
    }
    sentences.push(text[start..].trim());
    sentences
        .into_iter()
        .filter(|sentence| !sentence.is_empty())
        .collect()
}

struct Context<'a, 'r> {
    section: &'a str,
    sentence: &'a str,
    line: usize,
    review: &'r mut Review,
}

impl Context<'_, '_> {
    fn place(&self) -> String {
        format!("”{}” (rad {})", self.sentence, self.line)
    }

    fn disagree(&mut self, severity: Severity, stated: Shown, computed: Shown, note: String) {
        let finding = Finding {
            severity,
            kind: FindingKind::Figure,
            section: self.section.to_string(),
            place: self.place(),
            stated,
            computed,
            note,
        };
        self.review.findings.push(finding);
    }

    fn leave(&mut self, reason: &str) {
        self.review.unchecked.push(Unchecked {
            section: self.section.to_string(),
            place: self.place(),
            reason: reason.to_string(),
        });
    }

    /// A stated amount against a computed one at the stated precision. A figure that agrees
    /// with the table as its rows compute it (`alternative`) is not wrong on its own: the table
    /// disagrees with itself, and that is reported once, at the table.
    fn compare(
        &mut self,
        stated: Stated,
        computed: Amount,
        terms: usize,
        alternative: Option<Amount>,
    ) {
        if stated.agrees_with(computed)
            || alternative.is_some_and(|alternative| stated.agrees_with(alternative))
        {
            return;
        }
        let severity = severity_of(computed, stated.value, terms, stated.precision);
        let note = unit_slip_note(stated, computed);
        self.disagree(
            severity,
            Shown::amount(stated.value, stated.precision),
            Shown::amount(computed, stated.precision),
            note,
        );
    }
}

pub fn check(document: &Document, tables: &[AmountTable<'_>], review: &mut Review) {
    for (block_index, (section, block)) in document.with_sections().into_iter().enumerate() {
        let Block::Paragraph { text, line } = block else {
            continue;
        };
        let table = tables
            .iter()
            .rev()
            .find(|table| table.block < block_index && table.section == section);
        for sentence in sentences(text) {
            let mut context = Context {
                section,
                sentence,
                line: *line,
                review,
            };
            if sentence.contains("procent")
                && (sentence.contains("mnkr") || sentence.contains("tkr"))
                && sentence.contains("(")
            {
                index_step(&mut context);
                continue;
            }
            let has_amount = !amounts(sentence).is_empty();
            let has_index = sentence.contains("procent år");
            match table {
                Some(table) if has_amount || has_index => {
                    for clause in sentence.split(", ") {
                        claim(&mut context, table, clause);
                    }
                    if has_index {
                        index_percentages(&mut context, table);
                    }
                }
                None if has_amount => context.leave("ingen tabell ovanför i avsnittet"),
                _ => {}
            }
            if sentence.contains("oförändrat")
                && let Some(table) = table
            {
                unchanged(&mut context, table);
            }
        }
    }
}

/// One clause: a change, a value, a sum or an average.
fn claim(context: &mut Context<'_, '_>, table: &AmountTable<'_>, clause: &str) {
    let written = amounts(clause);
    let Some(first) = written.first() else { return };
    let lower = clause.to_lowercase();
    let words = words(clause);
    let verb = words
        .iter()
        .position(|word| word == "ökar" || word == "minskar");
    let row = row_named(table, clause)
        .or_else(|| row_named(table, context.sentence))
        .or_else(|| {
            if context.sentence.to_lowercase().contains("investering") {
                total_row(table)
            } else {
                None
            }
        });
    let Some(row) = row else {
        context.leave("meningen nämner ingen rad i tabellen");
        return;
    };
    if let Some(verb) = verb.filter(|verb| {
        words.get(verb + 1).is_some_and(|word| word == "med") && first.at == verb + 2
    }) {
        let direction = if words[verb] == "ökar" {
            Direction::Increases
        } else {
            Direction::Decreases
        };
        change(context, table, row, clause, direction, first.stated);
        return;
    }
    if first.at > 0 && words.get(first.at - 1).is_some_and(|word| word == "med") {
        // "höjs med 5,0 mnkr": a change, but not against a year the table has.
        context.leave("en förändring som inte jämförs med tabellens år");
        return;
    }
    if lower.contains("sammanlagt") {
        let Some((from, to)) = year_range(clause).or_else(|| year_range(context.sentence)) else {
            return context.leave("summan anger inga år");
        };
        aggregate(context, table, row, from, to, first.stated, false);
    } else if lower.contains("i genomsnitt") {
        let Some((from, to)) = year_range(clause).or_else(|| year_range(context.sentence)) else {
            return context.leave("genomsnittet anger inga år");
        };
        aggregate(context, table, row, from, to, first.stated, true);
    } else if let Some(year) = single_year(clause).or_else(|| single_year(context.sentence)) {
        match value_of(table, row, year) {
            Some(value) => {
                let alternative = table
                    .column(year)
                    .and_then(|column| table.value_from_rows(row, column));
                context.compare(first.stated, value, 1, alternative);
            }
            None => missing_year(context, table, year),
        }
    } else {
        context.leave("oklart vilket år beloppet gäller");
    }
}

fn missing_year(context: &mut Context<'_, '_>, table: &AmountTable<'_>, year: Year) {
    let years: Vec<String> = table.years.iter().map(Year::to_string).collect();
    let note = format!(
        "Tabellen har inget år {year} (den har {}).",
        years.join(", ")
    );
    context.disagree(
        Severity::Error,
        Shown::text(year.to_string()),
        Shown::text("kan inte beräknas"),
        note,
    );
}

fn change(
    context: &mut Context<'_, '_>,
    table: &AmountTable<'_>,
    row: &AmountRow,
    clause: &str,
    direction: Direction,
    stated: Stated,
) {
    let (from, to) = match year_range(clause).or_else(|| year_range(context.sentence)) {
        Some(years) => years,
        None => {
            let Some(to) = table.budget_year() else {
                return context.leave("tabellen har inget budgetår");
            };
            let Some(from) = table
                .column(to)
                .and_then(|column| column.checked_sub(1))
                .map(|column| table.years[column])
            else {
                return context.leave("tabellen har inget år före budgetåret");
            };
            (from, to)
        }
    };
    let (Some(before), Some(after)) = (value_of(table, row, from), value_of(table, row, to)) else {
        let year = if table.column(from).is_none() {
            from
        } else {
            to
        };
        missing_year(context, table, year);
        if let Some(fitting) = table.years.windows(2).find(|pair| {
            let (Some(a), Some(b)) = (value_of(table, row, pair[0]), value_of(table, row, pair[1]))
            else {
                return false;
            };
            Direction::of_change(a, b)
                .is_ok_and(|(found, size)| found == direction && stated.agrees_with(size))
        }) && let Some(finding) = context.review.findings.last_mut()
        {
            finding.note.push_str(&format!(
                " Förändringen stämmer för {}–{}.",
                fitting[0], fitting[1]
            ));
        }
        return;
    };
    let Ok((found, size)) = Direction::of_change(before, after) else {
        return context.leave(TOO_LARGE);
    };
    let direction_agrees = found == direction || size.shown_alike(Amount::ZERO, stated.precision);
    if direction_agrees && stated.agrees_with(size) {
        return;
    }
    let text = |direction: Direction, size: Amount| change_text(direction, size, stated.precision);
    let severity = if direction_agrees {
        severity_of(size, stated.value, 2, stated.precision)
    } else {
        Severity::Error
    };
    context.disagree(
        severity,
        Shown::text(text(direction, stated.value)),
        Shown::text(text(found, size)),
        format!("{} {from}–{to}.", row.label),
    );
}

fn aggregate(
    context: &mut Context<'_, '_>,
    table: &AmountTable<'_>,
    row: &AmountRow,
    from: Year,
    to: Year,
    stated: Stated,
    mean: bool,
) {
    let mut sum = Amount::ZERO;
    let mut from_rows = Some(Amount::ZERO);
    let mut count = 0;
    let mut year = from;
    while year <= to {
        match value_of(table, row, year) {
            Some(value) => {
                let Ok(added) = sum.checked_add(value) else {
                    return context.leave(TOO_LARGE);
                };
                sum = added;
                let own = table
                    .column(year)
                    .and_then(|column| table.value_from_rows(row, column))
                    .unwrap_or(value);
                from_rows = from_rows.and_then(|total| total.checked_add(own).ok());
            }
            None => return missing_year(context, table, year),
        }
        count += 1;
        year = year.next();
    }
    let mean_of = |total: Amount| {
        if mean {
            total.average_over(count)
        } else {
            total
        }
    };
    context.compare(
        stated,
        mean_of(sum),
        if mean { 1 } else { count },
        from_rows.map(mean_of),
    );
}

/// "Kommunbidraget är därmed oförändrat jämfört med föregående år".
fn unchanged(context: &mut Context<'_, '_>, table: &AmountTable<'_>) {
    let Some(row) = row_named(table, context.sentence) else {
        return;
    };
    let Some(to) = table.budget_year() else {
        return;
    };
    let Some(from) = table
        .column(to)
        .and_then(|column| column.checked_sub(1))
        .map(|column| table.years[column])
    else {
        return;
    };
    let (Some(before), Some(after)) = (value_of(table, row, from), value_of(table, row, to)) else {
        return;
    };
    if before != after {
        let Ok((direction, size)) = Direction::of_change(before, after) else {
            return context.leave(TOO_LARGE);
        };
        let computed = format!(
            "{} med {}",
            direction.swedish(),
            format::with_unit(size, Precision::new(table.precision.unit, 0))
        );
        context.disagree(
            Severity::Error,
            Shown::text("oförändrat"),
            Shown::text(computed),
            format!("{} {from}–{to}.", row.label),
        );
    }
}

/// "Grundbudgeten från år 2024 (113,3 mnkr) uppräknas …, vilket innebär 0,2 procent ökning, till
/// 113,5 mnkr": the base in parentheses, a percentage, and the result after "till".
fn index_step(context: &mut Context<'_, '_>) {
    let sentence = context.sentence;
    let (Some(open), Some(close)) = (sentence.find('('), sentence.find(')')) else {
        return;
    };
    let Some(base) = amounts(&sentence[open + 1..close]).into_iter().next() else {
        return;
    };
    let Some(result_at) = sentence.rfind(" till ") else {
        return context.leave("uppräkningen anger inget resultat");
    };
    let Some(result) = amounts(&sentence[result_at..]).into_iter().next() else {
        return;
    };
    let before_percent = &sentence[..sentence.rfind(" procent").unwrap_or(0)];
    let Some(percent_text) = before_percent.split_whitespace().last() else {
        return;
    };
    let Ok(percent) = parse_percent(percent_text) else {
        return context.leave("procentsatsen kunde inte läsas");
    };
    match percent.uprate(base.stated.value) {
        Ok(computed) => context.compare(result.stated, computed, 1, None),
        Err(_) => context.leave(TOO_LARGE),
    }
}

/// "… vilket innebär 2,5 procent år 2025 och 3,2 procent år 2026": each percentage against the
/// row's change from that year to the next (or into that year), within what whole-unit rounding
/// of the table allows.
fn index_percentages(context: &mut Context<'_, '_>, table: &AmountTable<'_>) {
    let Some(row) = table
        .rows
        .iter()
        .find(|row| row.label.eq_ignore_ascii_case("Kommunbidrag"))
    else {
        return;
    };
    let words = words(context.sentence);
    for (index, word) in words.iter().enumerate() {
        if word != "procent" || words.get(index + 1).map(String::as_str) != Some("år") {
            continue;
        }
        let (Some(percent), Some(year)) = (
            index
                .checked_sub(1)
                .and_then(|before| parse_percent(&words[before]).ok()),
            words.get(index + 2).and_then(|year| year_in(year)),
        ) else {
            continue;
        };
        let decimals = words[index - 1].split(',').nth(1).map_or(0, str::len) as u32;
        let fits = |from: Year, to: Year| -> Option<bool> {
            let (before, after) = (value_of(table, row, from)?, value_of(table, row, to)?);
            Some(percent_fits(
                before,
                after,
                percent.ten_thousandths(),
                decimals,
                table.precision,
            ))
        };
        let forward = fits(year, year.next());
        let backward = fits(year.previous(), year);
        if forward == Some(false) && backward != Some(true) {
            context.disagree(
                Severity::Error,
                Shown::text(format!("{} procent år {year}", percent.to_swedish())),
                Shown::text("en annan förändring"),
                format!(
                    "{} {}–{} stämmer inte med {} procent.",
                    row.label,
                    year,
                    year.next(),
                    percent.to_swedish()
                ),
            );
        }
    }
}

/// Whether uprating `before` by the stated percentage can give `after`, both shown rounded to
/// whole table units and the percentage rounded to `decimals`.
fn percent_fits(
    before: Amount,
    after: Amount,
    stated_ten_thousandths: i64,
    decimals: u32,
    precision: Precision,
) -> bool {
    let half = i128::from(precision.step_ore()) / 2;
    let (before, after) = (i128::from(before.ore()), i128::from(after.ore()));
    if before - half <= 0 {
        return false;
    }
    // The percentage written with `decimals` covers ± half its last digit.
    let step = 10i128.pow(4 - decimals.min(4));
    let low = i128::from(stated_ten_thousandths) * 2 - step;
    let high = i128::from(stated_ten_thousandths) * 2 + step;
    // Growth in ten-thousandths of a percent ×2, at the extremes of rounding: after/before - 1.
    let growth =
        |numerator: i128, denominator: i128| (numerator - denominator) * 2_000_000 / denominator;
    let smallest = growth(after - half, before + half);
    let largest = growth(after + half, before - half);
    largest >= low && smallest <= high
}
