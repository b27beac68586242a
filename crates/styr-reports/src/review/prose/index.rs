//! Index uprating stated in prose: a step from a base in parentheses by a percentage to a
//! result ("Grundbudgeten från år 2024 (113,3 mnkr) uppräknas med 0,2 procent till 113,5
//! mnkr"), and percentages against a row's change year by year ("2,5 procent år 2025").

use styr_domain::calendar::Year;
use styr_domain::money::{Amount, Precision};
use styr_domain::parse::parse_percent;

use super::context::{Context, TOO_LARGE, value_of};
use super::reading::{amounts, words};
use crate::finding::{Severity, Shown};
use crate::review::amounts::{AmountTable, year_in};

/// "Grundbudgeten från år 2024 (113,3 mnkr) uppräknas …, vilket innebär 0,2 procent ökning, till
/// 113,5 mnkr": the base in parentheses, a percentage, and the result after "till".
pub(super) fn index_step(context: &mut Context<'_, '_>) {
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
pub(super) fn index_percentages(context: &mut Context<'_, '_>, table: &AmountTable<'_>) {
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
