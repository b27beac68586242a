//! The file's side of a reorganisation: an ansvar and everything under it, with their lines,
//! placed under another ansvar of its board or taken out of one board and put into another,
//! and a move from a date recorded with where the ansvar lay before. What the frames need
//! after a move between boards is worked out by the application from the computed figures and
//! made with [`set_entered_frame`] and frame decisions; a move within a board leaves its net.

use styr_domain::money::Amount;
use toml::{Table, Value};

use super::next_year::figure;
use super::table::{array, board, problem};
use crate::issue::Issue;

fn text(table: &Table, key: &str) -> Option<String> {
    table.get(key).and_then(Value::as_str).map(String::from)
}

/// The ids of `root` and every ansvar under it in `ansvar`.
fn subtree(ansvar: &[Value], root: &str) -> Vec<String> {
    let mut found = vec![root.to_string()];
    let mut next = 0;
    while let Some(current) = found.get(next).cloned() {
        for entry in ansvar.iter().filter_map(Value::as_table) {
            if text(entry, "parent").as_deref() == Some(current.as_str())
                && let Some(id) = text(entry, "id")
                && !found.contains(&id)
            {
                found.push(id);
            }
        }
        next += 1;
    }
    found
}

/// The day a move is made from, as the file keeps it. It is not before the latest move already
/// recorded, so the moves stand in date order and undoing them, latest first, gives back each
/// earlier day's structure; and not before the comparison year, outside the file's years.
fn day(file: &Table, date: &str) -> Result<toml::value::Datetime, Vec<Issue>> {
    let date = date.trim();
    if date.is_empty() {
        return Err(problem(
            "ange från och med vilket datum ansvaret flyttas (ÅÅÅÅ-MM-DD)",
        ));
    }
    let day: styr_domain::calendar::Date = date
        .parse()
        .map_err(|_| problem(format!("”{date}” är inget datum (ÅÅÅÅ-MM-DD)")))?;
    let first = file
        .get("budget")
        .and_then(Value::as_table)
        .and_then(|budget| budget.get("previous_year"))
        .and_then(Value::as_integer)
        .and_then(|year| styr_domain::calendar::Year::new(year).ok())
        .map(styr_domain::calendar::Date::first_of);
    if let Some(first) = first
        && day < first
    {
        return Err(problem(format!(
            "flytten från och med {day} ligger före budgetens första år (från {first})"
        )));
    }
    let latest = file
        .get("reorganisation")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|moved| moved.get("date").and_then(Value::as_datetime))
        .filter_map(|date| date.to_string().parse::<styr_domain::calendar::Date>().ok())
        .max();
    if let Some(latest) = latest
        && day < latest
    {
        return Err(problem(format!(
            "en flytt är redan registrerad från och med {latest}; en ny flytt görs från den dagen eller senare, så att organisationen varje dag går att läsa"
        )));
    }
    Ok(toml::value::Datetime {
        date: Some(toml::value::Date {
            year: day.year().number(),
            month: day.month(),
            day: day.day(),
        }),
        time: None,
        offset: None,
    })
}

/// The move from `date` as the file keeps it: where `ansvar` (named `name`) lay and lies.
fn record(
    date: toml::value::Datetime,
    (ansvar, name): (&str, String),
    (from_board, from_parent): (&str, Option<String>),
    (to_board, to_parent): (&str, Option<&str>),
) -> Value {
    let mut record = Table::new();
    record.insert("date".into(), Value::Datetime(date));
    record.insert("ansvar".into(), Value::String(ansvar.to_string()));
    record.insert("name".into(), Value::String(name));
    record.insert("from_board".into(), Value::String(from_board.to_string()));
    if let Some(parent) = from_parent {
        record.insert("from_parent".into(), Value::String(parent));
    }
    record.insert("to_board".into(), Value::String(to_board.to_string()));
    if let Some(parent) = to_parent {
        record.insert("to_parent".into(), Value::String(parent.to_string()));
    }
    Value::Table(record)
}

/// Places ansvar `id` of `board` under `parent` (the board when none); with a `date`, as a
/// reorganisation from that day, recorded. A dated move to where the ansvar already lies is
/// refused: it would record a reorganisation that changes nothing.
pub(super) fn move_within(
    file: &mut Table,
    (board_id, id): (&str, &str),
    parent: Option<&str>,
    date: Option<&str>,
) -> Result<(), Vec<Issue>> {
    let date = date.map(|date| day(file, date)).transpose()?;
    let source = board(file, board_id)?;
    let board_name = text(source, "name").unwrap_or_default();
    let entry = array(source, "ansvar")?
        .iter_mut()
        .filter_map(Value::as_table_mut)
        .find(|entry| text(entry, "id").as_deref() == Some(id))
        .ok_or_else(|| problem(format!("ansvaret ”{id}” finns inte i {board_name}")))?;
    let before = text(entry, "parent");
    let name = text(entry, "name").unwrap_or_default();
    if date.is_some() && before.as_deref() == parent {
        let place = parent.map_or(board_name, |parent| format!("ansvaret ”{parent}”"));
        return Err(problem(format!(
            "ansvaret ”{id}” ligger redan under {place}; ingen flytt att registrera"
        )));
    }
    match parent {
        Some(parent) => entry.insert("parent".into(), Value::String(parent.to_string())),
        None => entry.remove("parent"),
    };
    if let Some(date) = date {
        let moved = record(date, (id, name), (board_id, before), (board_id, parent));
        array(file, "reorganisation")?.push(moved);
    }
    Ok(())
}

pub(super) fn move_to_board(
    file: &mut Table,
    (from, id): (&str, &str),
    (to, to_parent): (&str, Option<&str>),
    date: &str,
) -> Result<(), Vec<Issue>> {
    if from == to {
        return Err(problem(
            "ansvaret ligger redan i den nämnden; flytta det inom nämnden i stället",
        ));
    }
    let date = day(file, date)?;
    board(file, to)?;
    let source = board(file, from)?;
    let from_name = text(source, "name").unwrap_or_default();
    let ansvar = array(source, "ansvar")?;
    let moved = subtree(ansvar, id);
    let root = ansvar
        .iter()
        .filter_map(Value::as_table)
        .find(|entry| text(entry, "id").as_deref() == Some(id))
        .cloned()
        .ok_or_else(|| problem(format!("ansvaret ”{id}” finns inte i {from_name}")))?;
    let is_moved = |entry: &Value, key: &str| {
        entry
            .as_table()
            .and_then(|entry| text(entry, key))
            .is_some_and(|value| moved.contains(&value))
    };
    let mut taken: Vec<Value> = Vec::new();
    ansvar.retain(|entry| {
        let goes = is_moved(entry, "id");
        if goes {
            taken.push(entry.clone());
        }
        !goes
    });
    let lines = array(source, "line")?;
    let mut taken_lines: Vec<Value> = Vec::new();
    lines.retain(|line| {
        let goes = is_moved(line, "ansvar");
        if goes {
            taken_lines.push(line.clone());
        }
        !goes
    });
    for entry in taken.iter_mut().filter_map(Value::as_table_mut) {
        if text(entry, "id").as_deref() == Some(id) {
            match to_parent {
                Some(parent) => entry.insert("parent".into(), Value::String(parent.to_string())),
                None => entry.remove("parent"),
            };
        }
    }
    let target = board(file, to)?;
    array(target, "ansvar")?.extend(taken);
    array(target, "line")?.extend(taken_lines);
    let moved = record(
        date,
        (id, text(&root, "name").unwrap_or_default()),
        (from, text(&root, "parent")),
        (to, to_parent),
    );
    array(file, "reorganisation")?.push(moved);
    Ok(())
}

pub(super) fn set_entered_frame(
    board: &mut Table,
    year: i64,
    amount: Amount,
) -> Result<(), Vec<Issue>> {
    let entry = board
        .get_mut("frame")
        .and_then(Value::as_table_mut)
        .and_then(|frame| frame.get_mut("year"))
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_table_mut)
        .find(|entry| entry.get("year").and_then(Value::as_integer) == Some(year))
        .ok_or_else(|| problem(format!("ramen har inget år {year}")))?;
    if !entry.contains_key("amount") {
        return Err(problem(format!(
            "ramen {year} räknas fram; den ändras med en ramförändring"
        )));
    }
    entry.insert("amount".into(), figure(amount));
    Ok(())
}

/// Takes ansvar `id` out of `board`, with its lines, when nothing is budgeted on it and no
/// ansvar lies under it.
pub(super) fn close(board: &mut Table, id: &str) -> Result<(), Vec<Issue>> {
    let name = text(board, "name").unwrap_or_default();
    let ansvar = array(board, "ansvar")?;
    if !ansvar
        .iter()
        .filter_map(Value::as_table)
        .any(|entry| text(entry, "id").as_deref() == Some(id))
    {
        return Err(problem(format!("ansvaret ”{id}” finns inte i {name}")));
    }
    let under: Vec<String> = ansvar
        .iter()
        .filter_map(Value::as_table)
        .filter(|entry| text(entry, "parent").as_deref() == Some(id))
        .filter_map(|entry| text(entry, "id"))
        .collect();
    if !under.is_empty() {
        return Err(problem(format!(
            "ansvaret ”{id}” har ansvar under sig ({}); flytta eller stäng dem först",
            under.join(", ")
        )));
    }
    let lines = array(board, "line")?;
    let budgeted: Vec<String> = lines
        .iter()
        .filter_map(Value::as_table)
        .filter(|line| text(line, "ansvar").as_deref() == Some(id))
        .flat_map(|line| {
            let group = text(line, "group").unwrap_or_default();
            line.get("amounts")
                .and_then(Value::as_table)
                .into_iter()
                .flatten()
                .filter(|(_, amount)| amount.as_integer() != Some(0))
                .map(move |(year, amount)| format!("{group} {year}: {amount}"))
                .collect::<Vec<_>>()
        })
        .collect();
    if !budgeted.is_empty() {
        return Err(problem(format!(
            "ansvaret ”{id}” har budget kvar ({}); sätt beloppen till 0 eller flytta ansvaret innan det stängs",
            budgeted.join("; ")
        )));
    }
    lines.retain(|line| {
        line.as_table()
            .and_then(|line| text(line, "ansvar"))
            .as_deref()
            != Some(id)
    });
    array(board, "ansvar")?.retain(|entry| {
        entry
            .as_table()
            .and_then(|entry| text(entry, "id"))
            .as_deref()
            != Some(id)
    });
    Ok(())
}
