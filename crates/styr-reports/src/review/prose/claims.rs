//! The claims a clause makes about a table row, each checked against the row: a change
//! between two years ("Personalkostnaderna ökar med 2,0 mnkr"), a value in a year, a sum or an
//! average over years ("i genomsnitt 140,1 mnkr åren 2026–2028"), and "oförändrat".

use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::money::{Amount, Precision, Stated};
use styr_domain::statement::Direction;

use super::context::{Context, TOO_LARGE, missing_year, row_named, total_row, value_of};
use super::reading::{amounts, single_year, words, year_range};
use crate::finding::notes::change_text;
use crate::finding::{Severity, Shown, severity_of};
use crate::review::amounts::{AmountRow, AmountTable};

/// One clause: a change, a value, a sum or an average.
pub(super) fn claim(context: &mut Context<'_, '_>, table: &AmountTable<'_>, clause: &str) {
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
pub(super) fn unchanged(context: &mut Context<'_, '_>, table: &AmountTable<'_>) {
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
