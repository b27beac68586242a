//! The municipality's statements, computed from the boards and the central items: the
//! resultatbudget in the layout of LKBR 4 kap., the kassaflödesbudget (indirect method), the
//! balansbudget chained from the opening balance, and the balanskravsutredning (KL 11 kap.
//! 12 §). Each is a [`StatementTable`]; its sums are worked out from its shown rows.

use styr_domain::money::{Amount, AmountOverflow, OverflowAt};
use styr_domain::municipal::{MunicipalBudget, StatementRow};

use super::boards::BoardFigures;
use super::table::{StatementTable, add_columns};

pub const RESULT: &str = "Årets resultat";
pub const OPERATING_NET: &str = "Verksamhetens nettokostnader";
pub const RESULT_AFTER_FINANCE: &str = "Resultat efter finansiella poster";
pub const BALANCE_RESULT: &str = "Årets balanskravsresultat";
pub const TOTAL_ASSETS: &str = "Summa tillgångar";
pub const EQUITY: &str = "Eget kapital";
pub const INVESTMENTS: &str = "Summa nettoinvesteringar";

/// Every row of the resultaträkning that lines are entered on, added up per column over the
/// boards and the central items.
pub fn row_totals(
    budget: &MunicipalBudget,
    boards: &[BoardFigures],
    row: StatementRow,
) -> Result<Vec<Amount>, OverflowAt> {
    let width = budget.columns().len();
    let from_boards: Vec<&[Amount]> = boards
        .iter()
        .filter_map(|board| match row {
            StatementRow::Revenue => Some(board.revenue.as_slice()),
            StatementRow::Costs => Some(board.costs.as_slice()),
            StatementRow::Depreciation => Some(board.depreciation.as_slice()),
            _ => None,
        })
        .collect();
    let central = budget
        .central
        .iter()
        .filter(|item| item.group.statement_row() == row)
        .map(|item| item.amounts.as_slice());
    add_columns(from_boards.into_iter().chain(central), width, || {
        format!("Resultatbudget › {}", row.label())
    })
}

pub fn income_statement(
    budget: &MunicipalBudget,
    boards: &[BoardFigures],
) -> Result<StatementTable, OverflowAt> {
    let mut table = StatementTable::new("Resultatbudget", budget.columns().len());
    let entered = |table: &mut StatementTable, row| {
        let totals = row_totals(budget, boards, row)?;
        table.line(row.label(), totals)
    };
    let revenue = entered(&mut table, StatementRow::Revenue)?;
    let costs = entered(&mut table, StatementRow::Costs)?;
    let depreciation = entered(&mut table, StatementRow::Depreciation)?;
    let net = table.sum(
        OPERATING_NET,
        &[(revenue, false), (costs, false), (depreciation, false)],
    )?;
    let tax = entered(&mut table, StatementRow::Tax)?;
    let grants = entered(&mut table, StatementRow::Grants)?;
    let operating = table.sum(
        "Verksamhetens resultat",
        &[(net, false), (tax, false), (grants, false)],
    )?;
    let income = entered(&mut table, StatementRow::FinancialIncome)?;
    let costs = entered(&mut table, StatementRow::FinancialCosts)?;
    let after = table.sum(
        RESULT_AFTER_FINANCE,
        &[(operating, false), (income, false), (costs, false)],
    )?;
    let extraordinary = entered(&mut table, StatementRow::Extraordinary)?;
    table.sum(RESULT, &[(after, false), (extraordinary, false)])?;
    Ok(table)
}

/// A column's figures chained from a starting figure: each year's end is the start plus the
/// year's change, exact and as shown.
fn chain(
    start: Amount,
    changes: &[(Vec<Amount>, Vec<Amount>)],
    place: &str,
) -> Result<(Vec<Amount>, Vec<Amount>), OverflowAt> {
    let width = changes.first().map_or(0, |change| change.0.len());
    let overflow = |_: AmountOverflow| AmountOverflow.at(place);
    let mut exact_end = start;
    let mut shown_end = start
        .round_to(styr_domain::money::Precision::TKR)
        .map_err(overflow)?;
    let (mut exact, mut shown) = (Vec::with_capacity(width), Vec::with_capacity(width));
    for column in 0..width {
        for (exact_change, shown_change) in changes {
            exact_end = exact_end
                .checked_add(exact_change[column])
                .map_err(overflow)?;
            shown_end = shown_end
                .checked_add(shown_change[column])
                .map_err(overflow)?;
        }
        exact.push(exact_end);
        shown.push(shown_end);
    }
    Ok((exact, shown))
}

fn negated(line: &[Amount], place: &str) -> Result<Vec<Amount>, OverflowAt> {
    line.iter()
        .map(|amount| amount.checked_neg().map_err(|overflow| overflow.at(place)))
        .collect()
}

/// The rows a later table carries over, exact and as shown.
fn figures(table: &StatementTable, label: &str) -> (Vec<Amount>, Vec<Amount>) {
    table
        .row(label)
        .map(|line| (line.exact.clone(), line.shown.clone()))
        .unwrap_or_default()
}

pub fn cash_flow(
    budget: &MunicipalBudget,
    income: &StatementTable,
    investments: &StatementTable,
) -> Result<StatementTable, OverflowAt> {
    let mut table = StatementTable::new("Kassaflödesbudget", budget.columns().len());
    let (result, result_shown) = figures(income, RESULT);
    let result = table.given(RESULT, result, result_shown);
    let (depreciation, depreciation_shown) = figures(income, StatementRow::Depreciation.label());
    let place = "Kassaflödesbudget › Justering för avskrivningar";
    let depreciation = table.given(
        "Justering för avskrivningar",
        negated(&depreciation, place)?,
        negated(&depreciation_shown, place)?,
    );
    let provisions = table.line(
        "Förändring av avsättningar",
        budget.balance.provisions_change.clone(),
    )?;
    let operating = table.sum(
        "Kassaflöde från den löpande verksamheten",
        &[(result, false), (depreciation, false), (provisions, false)],
    )?;
    let (spent, spent_shown) = figures(investments, INVESTMENTS);
    let place = "Kassaflödesbudget › Investeringar";
    let spent = table.given(
        "Investeringar i materiella anläggningstillgångar",
        negated(&spent, place)?,
        negated(&spent_shown, place)?,
    );
    let investing = table.sum(
        "Kassaflöde från investeringsverksamheten",
        &[(spent, false)],
    )?;
    let borrowing = table.line("Nyupptagna lån", budget.balance.borrowing.clone())?;
    let amortisation = table.line(
        "Amortering av skuld",
        negated(
            &budget.balance.amortisation,
            "Kassaflödesbudget › Amortering av skuld",
        )?,
    )?;
    let financing = table.sum(
        "Kassaflöde från finansieringsverksamheten",
        &[(borrowing, false), (amortisation, false)],
    )?;
    let year = table.sum(
        "Årets kassaflöde",
        &[(operating, false), (investing, false), (financing, false)],
    )?;
    let change = (
        table.lines[year].exact.clone(),
        table.lines[year].shown.clone(),
    );
    let (end, end_shown) = chain(
        budget.balance.opening.cash,
        std::slice::from_ref(&change),
        "Likvida medel",
    )?;
    // The year's start is the year before's end: the opening balance in the first column.
    let start_exact = starts(budget.balance.opening.cash, &end);
    let start_shown = starts(
        budget
            .balance
            .opening
            .cash
            .round_to(styr_domain::money::Precision::TKR)
            .map_err(|overflow| overflow.at("Likvida medel vid årets början"))?,
        &end_shown,
    );
    let start = table.given("Likvida medel vid årets början", start_exact, start_shown);
    table.sum(
        "Likvida medel vid årets slut",
        &[(start, false), (year, false)],
    )?;
    Ok(table)
}

fn starts(opening: Amount, ends: &[Amount]) -> Vec<Amount> {
    std::iter::once(opening)
        .chain(ends.iter().copied())
        .take(ends.len())
        .collect()
}

pub fn balance_sheet(
    budget: &MunicipalBudget,
    income: &StatementTable,
    investments: &StatementTable,
    cash_flow: &StatementTable,
) -> Result<StatementTable, OverflowAt> {
    let opening = &budget.balance.opening;
    let width = budget.columns().len();
    let rounded = |amounts: &[Amount], place: &str| -> Result<Vec<Amount>, OverflowAt> {
        amounts
            .iter()
            .map(|amount| {
                amount
                    .round_to(styr_domain::money::Precision::TKR)
                    .map_err(|overflow| overflow.at(place))
            })
            .collect()
    };
    let entered =
        |amounts: &[Amount], place: &str| -> Result<(Vec<Amount>, Vec<Amount>), OverflowAt> {
            Ok((amounts.to_vec(), rounded(amounts, place)?))
        };
    let mut table = StatementTable::new("Balansbudget", budget.columns().len());
    let fixed = chain(
        opening.fixed_assets,
        &[
            figures(investments, INVESTMENTS),
            figures(income, StatementRow::Depreciation.label()),
        ],
        "Balansbudget › Anläggningstillgångar",
    )?;
    let fixed = table.given("Anläggningstillgångar", fixed.0, fixed.1);
    let current = chain(
        opening.current_assets,
        &[(vec![Amount::ZERO; width], vec![Amount::ZERO; width])],
        "Balansbudget › Omsättningstillgångar",
    )?;
    let current = table.given("Omsättningstillgångar", current.0, current.1);
    let (cash, cash_shown) = figures(cash_flow, "Likvida medel vid årets slut");
    let cash = table.given("Likvida medel", cash, cash_shown);
    table.sum(
        TOTAL_ASSETS,
        &[(fixed, false), (current, false), (cash, false)],
    )?;
    let equity = chain(
        opening.equity,
        &[figures(income, RESULT)],
        "Balansbudget › Eget kapital",
    )?;
    let equity = table.given(EQUITY, equity.0, equity.1);
    let provisions = chain(
        opening.provisions,
        &[entered(
            &budget.balance.provisions_change,
            "Balansbudget › Avsättningar",
        )?],
        "Balansbudget › Avsättningar",
    )?;
    let provisions = table.given("Avsättningar", provisions.0, provisions.1);
    let amortisation = negated(
        &budget.balance.amortisation,
        "Balansbudget › Långfristiga skulder",
    )?;
    let long_term = chain(
        opening.long_term_liabilities,
        &[
            entered(
                &budget.balance.borrowing,
                "Balansbudget › Långfristiga skulder",
            )?,
            entered(&amortisation, "Balansbudget › Långfristiga skulder")?,
        ],
        "Balansbudget › Långfristiga skulder",
    )?;
    let long_term = table.given("Långfristiga skulder", long_term.0, long_term.1);
    let short = chain(
        opening.current_liabilities,
        &[(vec![Amount::ZERO; width], vec![Amount::ZERO; width])],
        "Balansbudget › Kortfristiga skulder",
    )?;
    let short = table.given("Kortfristiga skulder", short.0, short.1);
    table.sum(
        "Summa eget kapital, avsättningar och skulder",
        &[
            (equity, false),
            (provisions, false),
            (long_term, false),
            (short, false),
        ],
    )?;
    Ok(table)
}

pub fn balance_requirement(
    budget: &MunicipalBudget,
    income: &StatementTable,
) -> Result<StatementTable, OverflowAt> {
    let mut table = StatementTable::new("Balanskravsutredning", budget.columns().len());
    let (result, shown) = figures(income, RESULT);
    let result = table.given(RESULT, result, shown);
    let gains = table.line(
        "Samtliga realisationsvinster",
        negated(
            &budget.balance.realisation_gains,
            "Balanskravsutredning › Realisationsvinster",
        )?,
    )?;
    let adjusted = table.sum(
        "Årets resultat efter balanskravsjusteringar",
        &[(result, false), (gains, false)],
    )?;
    let reserve = table.line(
        "Medel till (-) eller från (+) resultatutjämningsreserv",
        budget.balance.equalisation_reserve.clone(),
    )?;
    table.sum(BALANCE_RESULT, &[(adjusted, false), (reserve, false)])?;
    Ok(table)
}
