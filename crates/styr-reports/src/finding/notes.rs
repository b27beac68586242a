//! The notes that say why a figure disagrees, where styr can tell: a number right in another
//! unit ("233 mnkr" for 233 tkr), a derived row that follows from the table's own row above it,
//! and a change written as prose writes it ("ökar med 2,0 mnkr").

use styr_domain::format;
use styr_domain::money::{Amount, Precision, Stated, Unit};
use styr_domain::operating::OperatingRow;
use styr_domain::statement::Direction;

/// A change as prose writes it: "ökar med 2,0 mnkr", or "oförändrat".
pub fn change_text(direction: Direction, magnitude: Amount, precision: Precision) -> String {
    match direction {
        Direction::Unchanged => "oförändrat".into(),
        _ => format!(
            "{} med {}",
            direction.swedish(),
            format::with_unit(magnitude, precision)
        ),
    }
}

/// The note for a derived row that agrees with the table's own row above it.
pub fn inherited_from(cause: OperatingRow) -> String {
    format!(
        "Stämmer med tabellens egen rad ”{}”; skillnaden följer därifrån.",
        cause.label()
    )
}

/// When the stated number is right in another unit ("233 mnkr" for 233 tkr), say so.
pub fn unit_slip_note(stated: Stated, computed: Amount) -> String {
    for unit in [Unit::Kr, Unit::Tkr, Unit::Mnkr] {
        if unit == stated.precision.unit {
            continue;
        }
        let other = Precision {
            unit,
            ..stated.precision
        };
        let number_in_other = format::number(computed, other);
        if number_in_other == format::number(stated.value, stated.precision) {
            return format!(
                "Talet stämmer om enheten är {} i stället för {}: {}.",
                unit,
                stated.precision.unit,
                format::with_unit(computed, other)
            );
        }
    }
    String::new()
}
