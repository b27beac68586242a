//! Sentences generated from figures, in the wording of Swedish budget documents. The figure in
//! a sentence is rounded exactly as the reader will see it (0,1 mnkr), so text and table agree.

use styr_domain::calendar::Year;
use styr_domain::format;
use styr_domain::money::{Amount, AmountOverflow, Precision};
use styr_domain::operating::LineKind;
use styr_domain::statement::Direction;

/// The line's name as the subject of a sentence: "Personalkostnaderna", "Köp av tjänster".
pub fn line_subject(line: LineKind) -> &'static str {
    match line {
        LineKind::Revenue => "Verksamhetens intäkter",
        LineKind::Personnel => "Personalkostnaderna",
        LineKind::PremisesRent => "Lokalhyrorna",
        LineKind::PurchasedServices => "Köp av tjänster",
        LineKind::OtherCosts => "Övriga kostnader",
    }
}

/// "Personalkostnaderna ökar med 2,0 mnkr." A change that rounds to 0,0 mnkr is "oförändrade"
/// only when it is exactly zero; otherwise the sentence says "ökar med 0,0 mnkr" rather than hide it.
pub fn line_change(line: LineKind, direction: Direction, magnitude: Amount) -> String {
    let subject = line_subject(line);
    match direction {
        Direction::Unchanged => format!("{subject} är oförändrade."),
        _ => format!(
            "{subject} {} med {}.",
            direction.swedish(),
            format::mnkr(magnitude)
        ),
    }
}

/// The precision prose states an amount in: mnkr with one decimal, or whole tkr when the
/// amount is under 1 mnkr (the reference's "233 tkr"), so a small figure never reads "0,2 mnkr".
pub fn prose_precision(amount: Amount) -> Precision {
    if amount.unsigned_abs() < styr_domain::money::ORE_PER_MNKR.unsigned_abs() {
        Precision::TKR
    } else {
        Precision::MNKR_ONE_DECIMAL
    }
}

/// An amount as prose states it: "118,5 mnkr", "233 tkr".
pub fn in_prose(amount: Amount) -> String {
    format::with_unit(amount, prose_precision(amount))
}

/// "År 2025 tilldelas Kommunstyrelsen ett kommunbidrag om 118,5 mnkr."
pub fn frame_allocation(recipient: &str, year: Year, kommunbidrag: Amount) -> String {
    format!(
        "År {year} tilldelas {recipient} ett kommunbidrag om {}.",
        in_prose(kommunbidrag)
    )
}

/// "Kommunbidraget ökar med 4,2 mnkr jämfört med föregående år." The change is between the two
/// years' kommunbidrag as the table shows them; [`AmountOverflow`] when it is too large to hold.
pub fn frame_change(previous: Amount, current: Amount) -> Result<String, AmountOverflow> {
    let (direction, magnitude) = Direction::of_change(previous, current)?;
    Ok(match direction {
        Direction::Unchanged => {
            "Kommunbidraget är oförändrat jämfört med föregående år.".to_string()
        }
        _ => format!(
            "Kommunbidraget {} med {} jämfört med föregående år.",
            direction.swedish(),
            in_prose(magnitude)
        ),
    })
}

/// "År 2025 uppgår investeringsnivån till 106,8 mnkr."
pub fn investment_level(year: Year, total: Amount) -> String {
    format!(
        "År {year} uppgår investeringsnivån till {}.",
        in_prose(total)
    )
}

/// The plan's course over its years, as the reference describes it: the first year, the
/// average of the years between, and the last year. "År 2025 uppgår investeringsnivån till
/// 106,8 mnkr, åren 2026–2028 i genomsnitt till 140,1 mnkr och år 2029 till 86,6 mnkr."
/// `totals` are the plan years' totals as the table shows them, in order; [`AmountOverflow`]
/// when the years between add up to more than an amount holds.
pub fn investment_course(totals: &[(Year, Amount)]) -> Result<String, AmountOverflow> {
    Ok(match totals {
        [] => String::new(),
        [(year, total)] => investment_level(*year, *total),
        [(first, first_total), (last, last_total)] => format!(
            "År {first} uppgår investeringsnivån till {} och år {last} till {}.",
            in_prose(*first_total),
            in_prose(*last_total)
        ),
        [(first, first_total), between @ .., (last, last_total)] => {
            let sum = Amount::try_sum(between.iter().map(|(_, total)| *total))?;
            let average = sum.average_over(between.len());
            let (from, to) = (between[0].0, between[between.len() - 1].0);
            let middle = if from == to {
                format!("år {from} till {}", in_prose(average))
            } else {
                format!("åren {from}–{to} i genomsnitt till {}", in_prose(average))
            };
            format!(
                "År {first} uppgår investeringsnivån till {}, {middle} och år {last} till {}.",
                in_prose(*first_total),
                in_prose(*last_total)
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_sentences_read_as_the_reference_writes_them() {
        let year = Year::new(2025).expect("a year");
        assert_eq!(
            frame_allocation("kommunstyrelsen", year, Amount::from_tkr(118_535)),
            "År 2025 tilldelas kommunstyrelsen ett kommunbidrag om 118,5 mnkr."
        );
        assert_eq!(
            frame_allocation("exploateringsenheten", year, Amount::from_tkr(233)),
            "År 2025 tilldelas exploateringsenheten ett kommunbidrag om 233 tkr."
        );
        assert_eq!(
            frame_change(Amount::from_tkr(114_308), Amount::from_tkr(118_535)).as_deref(),
            Ok("Kommunbidraget ökar med 4,2 mnkr jämfört med föregående år.")
        );
        assert_eq!(
            frame_change(Amount::from_tkr(233), Amount::from_tkr(233)).as_deref(),
            Ok("Kommunbidraget är oförändrat jämfört med föregående år.")
        );
        let years = |first: i64| (first..).map(|year| Year::new(year).expect("a year"));
        let totals: Vec<(Year, Amount)> = years(2025)
            .zip([106_790, 144_853, 136_350, 139_080, 86_625].map(Amount::from_tkr))
            .collect();
        assert_eq!(
            investment_course(&totals).as_deref(),
            Ok(
                "År 2025 uppgår investeringsnivån till 106,8 mnkr, åren 2026–2028 i genomsnitt till 140,1 mnkr och år 2029 till 86,6 mnkr."
            )
        );
        assert_eq!(
            investment_course(&totals[..3]).as_deref(),
            Ok(
                "År 2025 uppgår investeringsnivån till 106,8 mnkr, år 2026 till 144,9 mnkr och år 2027 till 136,4 mnkr."
            )
        );
        assert_eq!(
            investment_course(&totals[..2]).as_deref(),
            Ok("År 2025 uppgår investeringsnivån till 106,8 mnkr och år 2026 till 144,9 mnkr.")
        );
        assert_eq!(
            investment_level(year, Amount::from_tkr(106_790)),
            "År 2025 uppgår investeringsnivån till 106,8 mnkr."
        );
    }

    #[test]
    fn a_cost_increase_reads_as_the_reference_writes_it() {
        assert_eq!(
            line_change(
                LineKind::Personnel,
                Direction::Increases,
                Amount::from_tkr(2_009)
            ),
            "Personalkostnaderna ökar med 2,0 mnkr."
        );
        assert_eq!(
            line_change(
                LineKind::PurchasedServices,
                Direction::Decreases,
                Amount::from_tkr(2_630)
            ),
            "Köp av tjänster minskar med 2,6 mnkr."
        );
        assert_eq!(
            line_change(LineKind::PremisesRent, Direction::Unchanged, Amount::ZERO),
            "Lokalhyrorna är oförändrade."
        );
    }
}
