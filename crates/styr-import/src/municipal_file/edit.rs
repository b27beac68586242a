//! One edit of a municipality's budget year, made where the year is kept (issue 15): the
//! council's frame decision for a board, a line per ansvar × kontogrupp, and the board's
//! organisation (an ansvar added, renamed or moved under another). The file is edited as TOML,
//! like [`super::next_year`], and read back before it is returned, so an edit that would break
//! the year — a line on an ansvar the board does not have, a move that makes a circle, a
//! year outside the columns — is refused with the reader's words and nothing changes.
//!
//! ```text
//! edit(source, &[MunicipalEdit::SetLine { board: "bun", ansvar: "bun-f1", group: "50",
//!      year: 2027, amount: Amount::from_tkr(-1200) }])   // → the file with that one figure
//! ```

use styr_domain::money::Amount;
use toml::{Table, Value};

use super::next_year::figure;
use super::table::{array, board, problem};
use crate::issue::Issue;

/// What one edit changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MunicipalEdit {
    /// A line's figure for one year; the line is added (0 in the other years) if missing.
    SetLine {
        board: String,
        ansvar: String,
        group: String,
        year: i64,
        amount: Amount,
    },
    /// A named decision on a board's frame for one year (a ramförändring): an adjustment step
    /// on a derived frame year, permanent ones carried into the years after.
    FrameDecision {
        board: String,
        year: i64,
        name: String,
        amount: Amount,
        permanent: bool,
        text: String,
    },
    /// A new board with its frame: the comparison year's kommunbidrag as decided, each later
    /// year the year before uprated by the file's latest PKV vintage.
    AddBoard {
        board: String,
        name: String,
        comparison_frame: Amount,
    },
    /// An ansvar, with everything under it and all their lines, moved to another board from
    /// `date` (ISO, "2027-01-01"), under `to_parent` there or directly under the board; the
    /// move is recorded as a `[[reorganisation]]`. The frames are not touched: the
    /// application adds the technical adjustment the moved figures call for.
    MoveAnsvarToBoard {
        board: String,
        id: String,
        to_board: String,
        to_parent: Option<String>,
        date: String,
    },
    /// A frame year decided as a figure gets a new figure (a technical adjustment of the
    /// comparison year at a reorganisation).
    SetEnteredFrame {
        board: String,
        year: i64,
        amount: Amount,
    },
    /// A new ansvar, under `parent` or directly under the board.
    AddAnsvar {
        board: String,
        id: String,
        name: String,
        parent: Option<String>,
    },
    RenameAnsvar {
        board: String,
        id: String,
        name: String,
    },
    /// An ansvar closed: taken out of the budget year. Refused while an ansvar lies under it
    /// or one of its lines has a figure other than 0, so no budget is left without a place.
    CloseAnsvar { board: String, id: String },
    /// The ansvar, with everything under it, placed under `parent` (the board when none).
    /// With a `date` (ISO) the move is a reorganisation from that day and is recorded as a
    /// `[[reorganisation]]` within the board, so the structure before it stays readable;
    /// without one it corrects where the ansvar was placed.
    MoveAnsvar {
        board: String,
        id: String,
        parent: Option<String>,
        date: Option<String>,
    },
}

impl MunicipalEdit {
    /// The board the edit is made in.
    pub fn board(&self) -> &str {
        match self {
            MunicipalEdit::SetLine { board, .. }
            | MunicipalEdit::FrameDecision { board, .. }
            | MunicipalEdit::AddBoard { board, .. }
            | MunicipalEdit::MoveAnsvarToBoard { board, .. }
            | MunicipalEdit::SetEnteredFrame { board, .. }
            | MunicipalEdit::AddAnsvar { board, .. }
            | MunicipalEdit::RenameAnsvar { board, .. }
            | MunicipalEdit::CloseAnsvar { board, .. }
            | MunicipalEdit::MoveAnsvar { board, .. } => board,
        }
    }
}

/// `source` with `edits` made in order, read back once; or why they cannot be made, and
/// then none of them is.
pub fn edit(source: &str, edits: &[MunicipalEdit]) -> Result<String, Vec<Issue>> {
    let mut file: Table =
        toml::from_str(source).map_err(|error| problem(error.message().to_string()))?;
    let columns = columns(&file)?;
    for edit in edits {
        apply(&mut file, &columns, edit)?;
    }
    let written = toml::to_string(&file).map_err(|error| problem(error.to_string()))?;
    super::parse_municipal_budget(&written)?;
    Ok(written)
}

fn apply(file: &mut Table, columns: &[i64], edit: &MunicipalEdit) -> Result<(), Vec<Issue>> {
    if let MunicipalEdit::AddBoard {
        board,
        name,
        comparison_frame,
    } = edit
    {
        return add_board(file, columns, (board, name), *comparison_frame);
    }
    if let MunicipalEdit::MoveAnsvarToBoard {
        board,
        id,
        to_board,
        to_parent,
        date,
    } = edit
    {
        return super::reorganise::move_to_board(
            file,
            (board, id),
            (to_board, to_parent.as_deref()),
            date,
        );
    }
    if let MunicipalEdit::MoveAnsvar {
        board,
        id,
        parent,
        date,
    } = edit
    {
        return super::reorganise::move_within(
            file,
            (board, id),
            parent.as_deref(),
            date.as_deref(),
        );
    }
    let board = board(file, edit.board())?;
    match edit {
        MunicipalEdit::SetLine {
            ansvar,
            group,
            year,
            amount,
            ..
        } => set_line(board, ansvar, group, *year, *amount, columns)?,
        MunicipalEdit::FrameDecision {
            year,
            name,
            amount,
            permanent,
            text,
            ..
        } => frame_decision(board, *year, name, *amount, *permanent, text)?,
        MunicipalEdit::AddBoard { .. }
        | MunicipalEdit::MoveAnsvarToBoard { .. }
        | MunicipalEdit::MoveAnsvar { .. } => {}
        MunicipalEdit::SetEnteredFrame { year, amount, .. } => {
            super::reorganise::set_entered_frame(board, *year, *amount)?;
        }
        MunicipalEdit::AddAnsvar {
            id, name, parent, ..
        } => {
            let mut ansvar = Table::new();
            ansvar.insert("id".into(), Value::String(id.clone()));
            ansvar.insert("name".into(), Value::String(name.clone()));
            if let Some(parent) = parent {
                ansvar.insert("parent".into(), Value::String(parent.clone()));
            }
            array(board, "ansvar")?.push(Value::Table(ansvar));
        }
        MunicipalEdit::RenameAnsvar { id, name, .. } => {
            ansvar(board, id)?.insert("name".into(), Value::String(name.clone()));
        }
        MunicipalEdit::CloseAnsvar { id, .. } => super::reorganise::close(board, id)?,
    }
    Ok(())
}

fn add_board(
    file: &mut Table,
    columns: &[i64],
    (id, name): (&str, &str),
    comparison_frame: Amount,
) -> Result<(), Vec<Issue>> {
    if name.trim().is_empty() {
        return Err(problem("nämnden behöver ett namn"));
    }
    let (index, vintage) = file
        .get("index")
        .and_then(Value::as_array)
        .and_then(|indices| indices.last())
        .and_then(Value::as_table)
        .and_then(|index| {
            let get = |key| index.get(key).and_then(Value::as_str).map(String::from);
            Some((get("name")?, get("vintage")?))
        })
        .ok_or_else(|| problem("kommunen har ingen PKV-årgång att räkna upp ramen med"))?;
    let mut years = Vec::new();
    for (position, year) in columns.iter().enumerate() {
        let mut entry = Table::new();
        entry.insert("year".into(), Value::Integer(*year));
        match position
            .checked_sub(1)
            .and_then(|before| columns.get(before))
        {
            None => {
                entry.insert("amount".into(), figure(comparison_frame));
            }
            Some(before) => {
                let mut base = Table::new();
                base.insert("frame".into(), Value::Integer(*before));
                entry.insert("base".into(), Value::Table(base));
                let mut step = Table::new();
                step.insert("uprating".into(), Value::Integer(*year));
                step.insert("share".into(), Value::String("100".into()));
                entry.insert("step".into(), Value::Array(vec![Value::Table(step)]));
            }
        }
        years.push(Value::Table(entry));
    }
    let mut frame = Table::new();
    frame.insert("index".into(), Value::String(index));
    frame.insert("vintage".into(), Value::String(vintage));
    frame.insert("year".into(), Value::Array(years));
    let mut board = Table::new();
    board.insert("id".into(), Value::String(id.to_string()));
    board.insert("name".into(), Value::String(name.trim().to_string()));
    board.insert("frame".into(), Value::Table(frame));
    array(file, "board")?.push(Value::Table(board));
    Ok(())
}

/// The column years: the comparison year, the budget year and the plan years.
fn columns(file: &Table) -> Result<Vec<i64>, Vec<Issue>> {
    let budget = file
        .get("budget")
        .and_then(Value::as_table)
        .ok_or_else(|| problem("[budget] saknas"))?;
    let mut years: Vec<i64> = ["previous_year", "year"]
        .iter()
        .filter_map(|key| budget.get(*key).and_then(Value::as_integer))
        .collect();
    if let Some(plan) = budget.get("plan_years").and_then(Value::as_array) {
        years.extend(plan.iter().filter_map(Value::as_integer));
    }
    Ok(years)
}

fn ansvar<'a>(board: &'a mut Table, id: &str) -> Result<&'a mut Table, Vec<Issue>> {
    let name = board
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    board
        .get_mut("ansvar")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_table_mut)
        .find(|ansvar| ansvar.get("id").and_then(Value::as_str) == Some(id))
        .ok_or_else(|| problem(format!("ansvaret ”{id}” finns inte i {name}")))
}

fn set_line(
    board: &mut Table,
    ansvar: &str,
    group: &str,
    year: i64,
    amount: Amount,
    columns: &[i64],
) -> Result<(), Vec<Issue>> {
    if !columns.contains(&year) {
        return Err(problem(format!("året {year} är inte ett av budgetens år")));
    }
    let lines = array(board, "line")?;
    let existing = lines
        .iter_mut()
        .filter_map(Value::as_table_mut)
        .find(|line| {
            line.get("ansvar").and_then(Value::as_str) == Some(ansvar)
                && line.get("group").and_then(Value::as_str) == Some(group)
        });
    let line = match existing {
        Some(line) => line,
        None => {
            let mut line = Table::new();
            line.insert("ansvar".into(), Value::String(ansvar.to_string()));
            line.insert("group".into(), Value::String(group.to_string()));
            let amounts: Table = columns
                .iter()
                .map(|year| (year.to_string(), Value::Integer(0)))
                .collect();
            line.insert("amounts".into(), Value::Table(amounts));
            lines.push(Value::Table(line));
            lines
                .last_mut()
                .and_then(Value::as_table_mut)
                .ok_or_else(|| problem("raden kunde inte läggas till"))?
        }
    };
    let amounts = line
        .entry("amounts")
        .or_insert_with(|| Value::Table(Table::new()));
    let amounts = amounts
        .as_table_mut()
        .ok_or_else(|| problem(format!("raden {ansvar} {group} har inga belopp per år")))?;
    amounts.insert(year.to_string(), figure(amount));
    Ok(())
}

fn frame_decision(
    board: &mut Table,
    year: i64,
    name: &str,
    amount: Amount,
    permanent: bool,
    text: &str,
) -> Result<(), Vec<Issue>> {
    if name.trim().is_empty() {
        return Err(problem("ramförändringen behöver ett namn"));
    }
    let years = board
        .get_mut("frame")
        .and_then(Value::as_table_mut)
        .and_then(|frame| frame.get_mut("year"))
        .and_then(Value::as_array_mut)
        .ok_or_else(|| problem("nämnden har ingen ram med år"))?;
    let entry = years
        .iter_mut()
        .filter_map(Value::as_table_mut)
        .find(|entry| entry.get("year").and_then(Value::as_integer) == Some(year))
        .ok_or_else(|| problem(format!("ramen har inget år {year}")))?;
    if !entry.contains_key("base") {
        return Err(problem(format!(
            "ramen {year} är ett angivet belopp (jämförelseåret), inte en ram som räknas fram; ett beslut läggs på ett budget- eller planår"
        )));
    }
    let mut step = Table::new();
    step.insert("adjustment".into(), Value::String(name.trim().to_string()));
    step.insert("amount".into(), figure(amount));
    step.insert("permanent".into(), Value::Boolean(permanent));
    if !text.trim().is_empty() {
        step.insert("text".into(), Value::String(text.trim().to_string()));
    }
    array(entry, "step")?.push(Value::Table(step));
    Ok(())
}
