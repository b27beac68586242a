//! A KPI value, a period and a fulfilment as typed: "3,6", "2025-O1", "delvis_uppfyllt".

use styr_domain::decimal::Decimal;
use styr_domain::goals::{Fulfilment, Period};

pub fn decimal(value: &str) -> Result<Decimal, String> {
    Decimal::parse(value).map_err(|error| error.to_string())
}

pub fn period(value: &str) -> Result<Period, String> {
    Period::parse(value).map_err(|error| error.to_string())
}

pub fn fulfilment(value: &str) -> Result<Fulfilment, String> {
    Fulfilment::from_key(value).ok_or_else(|| {
        "välj bedömning: uppfyllt, delvis_uppfyllt, ej_uppfyllt eller ej_bedomt".to_string()
    })
}
