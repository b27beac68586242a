//! How domain values are written into portable SQL columns and read back: years as BIGINT,
//! dates as ISO text, money as BIGINT öre, a stated figure's precision as short text
//! ("tkr", "mnkr.1", "mnkr~10"), lists of years as "2025,2026".

use styr_domain::calendar::{Date, Year};
use styr_domain::money::{Amount, Precision, Stated, Unit};
use styr_domain::workflow::Status;

use crate::StoreError;

pub fn year(value: i64) -> Result<Year, StoreError> {
    Year::new(value).map_err(|error| StoreError::Corrupt(error.to_string()))
}

pub fn years_text(years: &[Year]) -> String {
    years
        .iter()
        .map(Year::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

pub fn years(text: &str) -> Result<Vec<Year>, StoreError> {
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<i64>()
                .map_err(|_| corrupt(format!("”{part}” är inget år")))
                .and_then(year)
        })
        .collect()
}

pub fn date(text: &str) -> Result<Date, StoreError> {
    let mut parts = text.splitn(3, '-').map(str::parse::<i64>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) => {
            let month =
                u8::try_from(month).map_err(|_| corrupt(format!("”{text}” är inget datum")))?;
            let day = u8::try_from(day).map_err(|_| corrupt(format!("”{text}” är inget datum")))?;
            Date::new(year, month, day).map_err(|error| corrupt(error.to_string()))
        }
        _ => Err(corrupt(format!("”{text}” är inget datum"))),
    }
}

pub fn optional_date(text: Option<String>) -> Result<Option<Date>, StoreError> {
    text.as_deref().map(date).transpose()
}

pub fn precision_text(precision: Precision) -> String {
    let unit = precision.unit.symbol();
    if precision.tens > 1 {
        format!("{unit}~{}", precision.tens)
    } else if precision.decimals > 0 {
        format!("{unit}.{}", precision.decimals)
    } else {
        unit.to_string()
    }
}

pub fn precision(text: &str) -> Result<Precision, StoreError> {
    let bad = || corrupt(format!("”{text}” är ingen precision"));
    let (unit_text, rest, about) = match text.split_once('~') {
        Some((unit, tens)) => (unit, Some(tens), true),
        None => match text.split_once('.') {
            Some((unit, decimals)) => (unit, Some(decimals), false),
            None => (text, None, false),
        },
    };
    let unit = [Unit::Kr, Unit::Tkr, Unit::Mnkr]
        .into_iter()
        .find(|unit| unit.symbol() == unit_text)
        .ok_or_else(bad)?;
    let number = rest
        .map(|rest| rest.parse::<u8>().map_err(|_| bad()))
        .transpose()?;
    Ok(match (about, number) {
        (true, Some(tens)) => Precision::about(unit, tens),
        (false, Some(decimals)) => Precision::new(unit, decimals),
        _ => Precision::new(unit, 0),
    })
}

pub fn stated(ore: i64, precision_text: &str) -> Result<Stated, StoreError> {
    Ok(Stated::new(
        Amount::from_ore(ore),
        precision(precision_text)?,
    ))
}

pub fn flag(value: bool) -> i64 {
    i64::from(value)
}

pub fn corrupt(message: impl Into<String>) -> StoreError {
    StoreError::Corrupt(message.into())
}

/// A workflow status from its stored key ("utkast", "inlamnad", "faststalld").
pub fn status(key: &str) -> Result<Status, StoreError> {
    Status::from_key(key).ok_or_else(|| corrupt(format!("okänd status ”{key}”")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precisions_survive_the_text_form() {
        for precision in [
            Precision::TKR,
            Precision::MNKR_ONE_DECIMAL,
            Precision::about(Unit::Mnkr, 10),
            Precision::new(Unit::Kr, 2),
        ] {
            assert_eq!(
                super::precision(&precision_text(precision)).ok(),
                Some(precision)
            );
        }
        assert!(super::precision("euro").is_err());
    }

    #[test]
    fn dates_and_year_lists_survive_the_text_form() {
        let decided = Date::new(2024, 12, 16).expect("a real date");
        assert_eq!(date(&decided.to_string()).ok(), Some(decided));
        assert!(date("2024-13-01").is_err());
        let list = years("2026,2027").expect("two years");
        assert_eq!(years_text(&list), "2026,2027");
        assert_eq!(years("").map(|years| years.len()).ok(), Some(0));
    }
}
