//! `[balance]`: the opening balance in the balansräkning's items (all seven, which must
//! balance: assets equal equity, provisions and liabilities) and the series that move it.

use styr_domain::money::{Amount, Precision, Unit};
use styr_domain::municipal::{Balance, OpeningBalance};
use toml::Spanned;

use super::raw::RawBalance;
use super::series::Columns;
use crate::budget_file::reader::Reader;

const ITEMS: [&str; 7] = [
    "fixed_assets",
    "current_assets",
    "cash",
    "equity",
    "provisions",
    "long_term_liabilities",
    "current_liabilities",
];

pub fn balance(reader: &mut Reader, raw: &Spanned<RawBalance>, columns: &Columns) -> Balance {
    let balance = raw.get_ref();
    let opening = opening(reader, balance);
    let mut series = |values: Option<&Spanned<_>>, what: &str| {
        columns
            .optional(reader, values, what)
            .unwrap_or_else(|| vec![Amount::ZERO; columns.years().len()])
    };
    Balance {
        provisions_change: series(
            balance.provisions_change.as_ref(),
            "förändring av avsättningar",
        ),
        borrowing: series(balance.borrowing.as_ref(), "nyupptagna lån"),
        amortisation: series(balance.amortisation.as_ref(), "amortering"),
        realisation_gains: series(balance.realisation_gains.as_ref(), "realisationsvinster"),
        equalisation_reserve: series(
            balance.equalisation_reserve.as_ref(),
            "resultatutjämningsreserv",
        ),
        opening: opening.unwrap_or_default(),
    }
}

fn opening(reader: &mut Reader, balance: &RawBalance) -> Option<OpeningBalance> {
    let written = balance.opening.get_ref();
    let mut figures = [Amount::ZERO; 7];
    let mut complete = true;
    for (key, value) in written {
        match ITEMS.iter().position(|item| item == key.get_ref()) {
            Some(position) => match reader.amount(value, Unit::Tkr) {
                Some(stated) => figures[position] = stated.value,
                None => complete = false,
            },
            None => {
                reader.issue(
                    key.span(),
                    format!(
                        "”{}” är ingen post i ingående balans; posterna är {}",
                        key.get_ref(),
                        ITEMS.join(", ")
                    ),
                );
                complete = false;
            }
        }
    }
    let missing: Vec<&str> = ITEMS
        .iter()
        .filter(|item| !written.keys().any(|key| key.get_ref() == *item))
        .copied()
        .collect();
    if !missing.is_empty() {
        reader.issue(
            balance.opening.span(),
            format!("ingående balans saknar {}", missing.join(", ")),
        );
        return None;
    }
    if !complete {
        return None;
    }
    let [
        fixed_assets,
        current_assets,
        cash,
        equity,
        provisions,
        long_term_liabilities,
        current_liabilities,
    ] = figures;
    let assets =
        i128::from(fixed_assets.ore()) + i128::from(current_assets.ore()) + i128::from(cash.ore());
    let claims = i128::from(equity.ore())
        + i128::from(provisions.ore())
        + i128::from(long_term_liabilities.ore())
        + i128::from(current_liabilities.ore());
    if assets != claims {
        let shown = |ore: i128| {
            i64::try_from(ore)
                .map(|ore| styr_domain::format::with_unit(Amount::from_ore(ore), Precision::TKR))
                .unwrap_or_else(|_| "ett för stort belopp".to_string())
        };
        reader.issue(
            balance.opening.span(),
            format!(
                "ingående balans går inte ihop: tillgångarna är {} men eget kapital, avsättningar och skulder {}",
                shown(assets),
                shown(claims)
            ),
        );
        return None;
    }
    Some(OpeningBalance {
        fixed_assets,
        current_assets,
        cash,
        equity,
        provisions,
        long_term_liabilities,
        current_liabilities,
    })
}
