//! The KF document's generated sentences, from the figures as the tables show them, so a
//! sentence and its table cannot disagree: the result, the change of the net costs, the
//! frames and investments, the balanskrav and each financial goal per year.

use serde::Serialize;
use styr_domain::calendar::Year;
use styr_domain::direction::Direction;
use styr_domain::money::{AmountOverflow, OverflowAt};
use styr_domain::municipal::{MunicipalBudget, Reorganisation};
use styr_domain::organisation::UnitId;

use super::goals::GoalEvaluation;
use super::per_board::FRAMES_TOTAL;
use super::statements::{BALANCE_RESULT, INVESTMENTS, OPERATING_NET, RESULT};
use super::table::StatementTable;
use crate::sentences::in_prose;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sentences {
    pub result: String,
    pub operating_net: String,
    pub frames: String,
    pub investments: String,
    pub balance_requirement: String,
    /// One per financial goal, in the goals' order.
    pub goals: Vec<String>,
    /// One per reorganisation, in the file's order.
    pub moves: Vec<String>,
}

/// "2026 och 2027" or "2026, 2027 och 2028".
fn years_in_words(years: &[Year]) -> String {
    match years {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!(
            "{} och {last}",
            rest.iter()
                .map(Year::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn sentences(
    budget: &MunicipalBudget,
    columns: &[Year],
    income: &StatementTable,
    operating: &StatementTable,
    frames: &StatementTable,
    investments: &StatementTable,
    requirement: &StatementTable,
    goals: &[GoalEvaluation],
) -> Result<Sentences, OverflowAt> {
    let shown = |table: &StatementTable, label: &str| {
        table
            .row(label)
            .map(|line| line.shown.clone())
            .unwrap_or_default()
    };
    let at = |figures: &[styr_domain::money::Amount], year: Year| {
        columns
            .iter()
            .position(|column| *column == year)
            .and_then(|column| figures.get(column).copied())
            .unwrap_or_default()
    };
    let years = &budget.years;
    let result = shown(income, RESULT);
    let plan: Vec<String> = years
        .plan
        .iter()
        .map(|year| format!("{} {year}", in_prose(at(&result, *year))))
        .collect();
    let result_sentence = format!(
        "Årets resultat budgeteras till {} {}{}.",
        in_prose(at(&result, years.budget)),
        years.budget,
        if plan.is_empty() {
            String::new()
        } else {
            format!(" och planeras till {}", plan.join(" respektive "))
        }
    );
    let net = shown(operating, OPERATING_NET);
    let overflow = |_: AmountOverflow| AmountOverflow.at(OPERATING_NET);
    let (direction, magnitude) =
        Direction::of_change(at(&net, years.previous), at(&net, years.budget)).map_err(overflow)?;
    let operating_net = match direction {
        Direction::Unchanged => format!(
            "Verksamhetens nettokostnader är oförändrade {} jämfört med {}.",
            years.budget, years.previous
        ),
        _ => format!(
            "Verksamhetens nettokostnader {} med {} från {} till {}.",
            direction.swedish(),
            in_prose(magnitude),
            years.previous,
            years.budget
        ),
    };
    let frames_total = shown(frames, FRAMES_TOTAL);
    let frames_sentence = format!(
        "Nämndernas kommunbidrag uppgår till sammanlagt {} år {}.",
        in_prose(at(&frames_total, years.budget)),
        years.budget
    );
    let investment_total = shown(investments, INVESTMENTS);
    let investments_sentence = format!(
        "Nettoinvesteringarna budgeteras till {} år {}.",
        in_prose(at(&investment_total, years.budget)),
        years.budget
    );
    let requirement_exact = requirement
        .row(BALANCE_RESULT)
        .map(|line| line.exact.clone())
        .unwrap_or_default();
    let budget_years: Vec<Year> = columns
        .iter()
        .copied()
        .filter(|year| *year >= years.budget)
        .collect();
    let failing: Vec<Year> = budget_years
        .iter()
        .copied()
        .filter(|year| at(&requirement_exact, *year) < styr_domain::money::Amount::ZERO)
        .collect();
    let balance_requirement = if failing.is_empty() {
        format!(
            "Balanskravet uppfylls {}: balanskravsresultatet är inte negativt något av åren.",
            years_in_words(&budget_years)
        )
    } else {
        format!("Balanskravet uppfylls inte {}.", years_in_words(&failing))
    };
    let goals = goals
        .iter()
        .map(|goal| goal_sentence(goal, columns, &budget_years))
        .collect();
    Ok(Sentences {
        result: result_sentence,
        operating_net,
        frames: frames_sentence,
        investments: investments_sentence,
        balance_requirement,
        goals,
        moves: budget
            .reorganisations
            .iter()
            .map(|moved| move_sentence(budget, moved))
            .collect(),
    })
}

/// A reorganisation in words: within a board, from where to where under it; between boards,
/// with the frames' technical adjustment the move made.
fn move_sentence(budget: &MunicipalBudget, moved: &Reorganisation) -> String {
    let board = |id: &UnitId| {
        budget
            .board(&id.0)
            .map_or(id.0.clone(), |board| board.name.clone())
    };
    if moved.from_board != moved.to_board {
        return format!(
            "{} flyttas från {} till {} från och med {}. Enhetens budget följer med i alla år, jämförelseåret också, och båda nämndernas kommunbidrag är tekniskt justerade med dess nettokostnad.",
            moved.name,
            board(&moved.from_board),
            board(&moved.to_board),
            moved.date
        );
    }
    let place = |parent: &Option<UnitId>| match parent {
        None => "nämndens översta nivå".to_string(),
        Some(parent) => budget
            .boards
            .iter()
            .flat_map(|board| &board.ansvar)
            .find(|ansvar| &ansvar.id == parent)
            .map_or(parent.0.clone(), |ansvar| ansvar.name.clone()),
    };
    format!(
        "{} flyttas inom {} från {} till {} från och med {}. Enhetens budget följer med i alla år, jämförelseåret också; nämndens kommunbidrag ändras inte.",
        moved.name,
        board(&moved.from_board),
        place(&moved.from_parent),
        place(&moved.to_parent),
        moved.date
    )
}

fn goal_sentence(goal: &GoalEvaluation, columns: &[Year], years: &[Year]) -> String {
    let of = |year: &Year| {
        columns
            .iter()
            .position(|column| column == year)
            .and_then(|column| goal.years.get(column))
    };
    let met: Vec<Year> = years
        .iter()
        .copied()
        .filter(|year| of(year).and_then(|y| y.met) == Some(true))
        .collect();
    let unmet: Vec<Year> = years
        .iter()
        .copied()
        .filter(|year| of(year).and_then(|y| y.met) == Some(false))
        .collect();
    let unknown: Vec<Year> = years
        .iter()
        .copied()
        .filter(|year| of(year).is_none_or(|y| y.met.is_none()))
        .collect();
    let mut parts = Vec::new();
    if !met.is_empty() {
        parts.push(format!("uppfylls {}", years_in_words(&met)));
    }
    if !unmet.is_empty() {
        parts.push(format!("uppfylls inte {}", years_in_words(&unmet)));
    }
    if !unknown.is_empty() {
        parts.push(format!("kan inte beräknas {}", years_in_words(&unknown)));
    }
    format!(
        "Målet om {} på minst {} procent {}.",
        goal.kind.measure(),
        goal.minimum.to_swedish(),
        parts.join(" men ")
    )
}
