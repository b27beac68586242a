//! A municipality's budget year edited where it is kept: the council's controllers decide the
//! frames, a nämndcontroller distributes the board's frame to its ansvar and keeps its
//! organisation, a budgetansvarig budgets the lines of their own ansvar subtree. Permission
//! is asked before the edit is made, against the board's own organisation (the
//! board, its ansvar under it); the edited year must read and compute before it is kept, on
//! the revision it was made on, and every edit is in the audit log with the figure before and
//! after.
//!
//! ```text
//! app.edit_municipal_year(&anna, 2, 5, &[MunicipalEdit::SetLine { board: "bun", … }]).await?
//!   // Ok(6) for budgetansvarig för bun-f1 on bun-f1; Forbidden on another ansvar
//! ```

use styr_domain::access::Action;
use styr_domain::format;
use styr_domain::money::Amount;
use styr_domain::municipal::{AccountGroup, MunicipalBudget};
use styr_domain::organisation::{Organisation, OrganisationUnit, UnitId, UnitKind};
use styr_import::municipal_file::MunicipalEdit;
use styr_store::{AuditEntry, MunicipalBudgetRow, Stamp, StoreError};

use super::computed;
use crate::{Actor, App, AppError};

/// The board's organisation as the roles read it: the board on top, its ansvar under it.
pub fn board_organisation(budget: &MunicipalBudget, board: &str) -> Option<Organisation> {
    let board = budget.boards.iter().find(|found| found.id.0 == board)?;
    let unit = |id: &UnitId, name: &str, kind, parent: Option<UnitId>| OrganisationUnit {
        id: id.clone(),
        name: name.to_string(),
        kind,
        parent,
        valid_from: None,
        valid_to: None,
        predecessor: None,
        separately_reported: false,
        description: String::new(),
    };
    let mut units = vec![unit(&board.id, &board.name, UnitKind::Board, None)];
    units.extend(board.ansvar.iter().map(|ansvar| {
        let parent = ansvar.parent.clone().unwrap_or_else(|| board.id.clone());
        unit(&ansvar.id, &ansvar.name, UnitKind::Unit, Some(parent))
    }));
    Organisation::new(units).ok()
}

/// What each edit asks permission for: a move asks for the ansvar and for where it goes.
pub fn actions_for(edit: &MunicipalEdit) -> Vec<Action> {
    let unit = |id: &str| UnitId(id.to_string());
    match edit {
        MunicipalEdit::SetLine { ansvar, .. } => vec![Action::EditLines { unit: unit(ansvar) }],
        MunicipalEdit::FrameDecision { .. }
        | MunicipalEdit::AddBoard { .. }
        | MunicipalEdit::SetEnteredFrame { .. } => vec![Action::EditFrames],
        MunicipalEdit::MoveAnsvarToBoard { id, .. } => vec![
            Action::EditOrganisation { unit: unit(id) },
            Action::EditFrames,
        ],
        MunicipalEdit::AddAnsvar { board, parent, .. } => vec![Action::EditOrganisation {
            unit: unit(parent.as_deref().unwrap_or(board)),
        }],
        MunicipalEdit::RenameAnsvar { id, .. } | MunicipalEdit::CloseAnsvar { id, .. } => {
            vec![Action::EditOrganisation { unit: unit(id) }]
        }
        MunicipalEdit::MoveAnsvar {
            board, id, parent, ..
        } => vec![
            Action::EditOrganisation { unit: unit(id) },
            Action::EditOrganisation {
                unit: unit(parent.as_deref().unwrap_or(board)),
            },
        ],
    }
}

/// Whether `actor` may take `action` in `board` of `budget`; the pages ask it to show only
/// the fields a person may use. It records nothing: the edit itself asks again.
pub fn may_in_board(actor: &Actor, budget: &MunicipalBudget, board: &str, action: &Action) -> bool {
    board_organisation(budget, board).is_some_and(|organisation| {
        actor
            .role
            .allows(action, &organisation, &UnitId(board.to_string()))
    })
}

/// The audit entry's words: what was changed, where, and the figure before and after.
fn described(
    budget: &MunicipalBudget,
    edit: &MunicipalEdit,
) -> (String, String, Option<String>, String) {
    let code = &budget.municipality.code;
    let year = budget.years.budget;
    match edit {
        MunicipalEdit::SetLine {
            board,
            ansvar,
            group,
            year: column,
            amount,
        } => {
            let before = line_amount(budget, board, ansvar, group, *column);
            (
                "kommunbudget: rad ändrad".into(),
                format!("kommun/{code}/{year}/{board}/{ansvar}/{group}/{column}"),
                before.map(format::tkr),
                format::tkr(*amount),
            )
        }
        MunicipalEdit::FrameDecision {
            board,
            year: column,
            name,
            amount,
            permanent,
            ..
        } => (
            "kommunbudget: ramförändring".into(),
            format!("kommun/{code}/{year}/{board}/ram/{column}"),
            None,
            format!(
                "{name}: {} tkr{}",
                format::tkr(*amount),
                if *permanent {
                    ", varaktig"
                } else {
                    ", tillfällig"
                }
            ),
        ),
        MunicipalEdit::SetEnteredFrame {
            board,
            year: column,
            amount,
        } => (
            "kommunbudget: ram ändrad".into(),
            format!("kommun/{code}/{year}/{board}/ram/{column}"),
            None,
            format!("{} tkr", format::tkr(*amount)),
        ),
        MunicipalEdit::MoveAnsvarToBoard {
            board,
            id,
            to_board,
            date,
            ..
        } => (
            "kommunbudget: ansvar flyttat till annan nämnd".into(),
            format!("kommun/{code}/{year}/{board}/{id}"),
            Some(format!("i {board}")),
            format!("i {to_board} från {date}"),
        ),
        MunicipalEdit::AddBoard {
            board,
            name,
            comparison_frame,
        } => (
            "kommunbudget: nämnd tillagd".into(),
            format!("kommun/{code}/{year}/{board}"),
            None,
            format!(
                "{name}, kommunbidrag {} tkr {}",
                format::tkr(*comparison_frame),
                budget.years.previous
            ),
        ),
        MunicipalEdit::AddAnsvar {
            board,
            id,
            name,
            parent,
        } => (
            "kommunbudget: ansvar tillagt".into(),
            format!("kommun/{code}/{year}/{board}/{id}"),
            None,
            format!("{name} under {}", parent.as_deref().unwrap_or(board)),
        ),
        MunicipalEdit::RenameAnsvar { board, id, name } => (
            "kommunbudget: ansvar omdöpt".into(),
            format!("kommun/{code}/{year}/{board}/{id}"),
            ansvar_of(budget, board, id).map(|(name, _)| name),
            name.clone(),
        ),
        MunicipalEdit::CloseAnsvar { board, id } => (
            "kommunbudget: ansvar stängt".into(),
            format!("kommun/{code}/{year}/{board}/{id}"),
            ansvar_of(budget, board, id).map(|(name, _)| name),
            "stängt".into(),
        ),
        MunicipalEdit::MoveAnsvar {
            board,
            id,
            parent,
            date,
        } => (
            "kommunbudget: ansvar flyttat".into(),
            format!("kommun/{code}/{year}/{board}/{id}"),
            ansvar_of(budget, board, id)
                .map(|(_, parent)| format!("under {}", parent.unwrap_or_else(|| board.clone()))),
            match date {
                Some(date) => format!("under {} från {date}", parent.as_deref().unwrap_or(board)),
                None => format!("under {}", parent.as_deref().unwrap_or(board)),
            },
        ),
    }
}

fn ansvar_of(budget: &MunicipalBudget, board: &str, id: &str) -> Option<(String, Option<String>)> {
    let board = budget.boards.iter().find(|found| found.id.0 == board)?;
    let ansvar = board.ansvar.iter().find(|ansvar| ansvar.id.0 == id)?;
    Some((
        ansvar.name.clone(),
        ansvar.parent.as_ref().map(|parent| parent.0.clone()),
    ))
}

/// A line's figure for a year as the budget has it, if the line is there.
pub fn line_amount(
    budget: &MunicipalBudget,
    board: &str,
    ansvar: &str,
    group: &str,
    year: i64,
) -> Option<Amount> {
    let board = budget.boards.iter().find(|found| found.id.0 == board)?;
    let position = board.ansvar.iter().position(|found| found.id.0 == ansvar)?;
    let group = AccountGroup::new(group)?;
    let column = budget
        .years
        .columns()
        .iter()
        .position(|found| i64::from(found.number()) == year)?;
    board
        .lines
        .iter()
        .find(|line| line.ansvar == position && line.group == group)
        .and_then(|line| line.amounts.get(column).copied())
}

/// The most edits one request makes: a whole ansvar's lines fit many times over, and a form
/// cannot make the server search the file for hours.
pub const MOST_EDITS: usize = 2_000;

impl App {
    /// Makes `edits` in budget year `id`, made on `revision`, as one new revision; that
    /// revision. Every edit must be allowed and the edited year must compute, or none is made.
    pub async fn edit_municipal_year(
        &self,
        actor: &Actor,
        id: i64,
        revision: i64,
        edits: &[MunicipalEdit],
    ) -> Result<i64, AppError> {
        let row = self.stored_year(id).await?;
        if edits.len() > MOST_EDITS {
            return Err(AppError::Rejected(format!(
                "{} ändringar på en gång är fler än de {MOST_EDITS} som görs i en sparning",
                edits.len()
            )));
        }
        let (budget, _) = computed(&row.source, self.limits())?;
        for edit in edits {
            self.require_in_board(actor, &budget, edit).await?;
        }
        open_for_edit(&row, revision)?;
        let comparison = i64::from(budget.years.previous.number());
        if edits
            .iter()
            .any(|edit| matches!(edit, MunicipalEdit::SetLine { year, .. } if *year == comparison))
        {
            return Err(AppError::Rejected(format!(
                "jämförelseåret {comparison} är den budget som beslutades förra året och ändras inte"
            )));
        }
        if edits.is_empty() {
            return Ok(row.revision);
        }
        if edits
            .iter()
            .any(|edit| matches!(edit, MunicipalEdit::MoveAnsvarToBoard { .. }))
        {
            return Err(AppError::Rejected(
                "ett ansvar flyttas till en annan nämnd med ramarnas tekniska justering (App::move_ansvar_to_board)".into(),
            ));
        }
        let written =
            styr_import::municipal_file::edit(&row.source, edits).map_err(AppError::Unreadable)?;
        computed(&written, self.limits())?;
        let mut stamp = Stamp::now(&actor.name);
        for edit in edits {
            let (label, entity, before, after) = described(&budget, edit);
            stamp = stamp.with(AuditEntry::new(&label, None, entity).values(before, Some(after)));
        }
        self.keep_edited((id, revision), &written, &stamp).await
    }

    /// Keeps the edited file of year `id`, made on `revision`; the new revision.
    pub(super) async fn keep_edited(
        &self,
        (id, revision): (i64, i64),
        source: &str,
        stamp: &Stamp,
    ) -> Result<i64, AppError> {
        match self
            .store
            .update_municipal_budget(id, revision, source, stamp)
            .await
        {
            Err(StoreError::Frozen(opened)) => Err(frozen(opened)),
            other => Ok(other?),
        }
    }

    /// Asks whether `actor` may take `action` in `board` of year `id`; a refusal is recorded.
    /// A page asks it before it reads a form it would turn into edits.
    pub async fn require_municipal(
        &self,
        actor: &Actor,
        id: i64,
        board: &str,
        action: &Action,
    ) -> Result<(), AppError> {
        let row = self.stored_year(id).await?;
        let (budget, _) = computed(&row.source, self.limits())?;
        let organisation = board_organisation(&budget, board).ok_or(AppError::NotFound)?;
        self.ask_in_board(actor, &budget, (board, &organisation), action)
            .await
    }

    /// Asks whether `actor` may take `action` in `board` with its `organisation`; a refusal is
    /// recorded. A unit the board does not have is no one's to change, whatever a role's scope.
    pub(super) async fn ask_in_board(
        &self,
        actor: &Actor,
        budget: &MunicipalBudget,
        (board, organisation): (&str, &Organisation),
        action: &Action,
    ) -> Result<(), AppError> {
        let known = action
            .unit()
            .is_none_or(|unit| organisation.unit(unit).is_some());
        if known
            && actor
                .role
                .allows(action, organisation, &UnitId(board.to_string()))
        {
            return Ok(());
        }
        let what = action.kind().label().to_lowercase();
        let error = AppError::Forbidden(match action.unit() {
            Some(unit) => format!("{what} för {unit} i {board}"),
            None => format!("{what} i {board}"),
        });
        let entity = format!("kommun/{}/{board}", budget.municipality.code);
        self.record_refusal(actor, None, entity, &error).await;
        Err(error)
    }

    /// Asks whether `actor` may make `edit` in its board; a refusal is recorded.
    async fn require_in_board(
        &self,
        actor: &Actor,
        budget: &MunicipalBudget,
        edit: &MunicipalEdit,
    ) -> Result<(), AppError> {
        let board = edit.board();
        // A board being added has no organisation yet; adding it is the council's.
        let organisation = match edit {
            MunicipalEdit::AddBoard { .. } => Organisation::default(),
            _ => board_organisation(budget, board).ok_or(AppError::NotFound)?,
        };
        for action in actions_for(edit) {
            self.ask_in_board(actor, budget, (board, &organisation), &action)
                .await?;
        }
        Ok(())
    }
}

/// Whether year `row` may be edited on `revision`: not frozen, not archived, not changed since.
pub(super) fn open_for_edit(row: &MunicipalBudgetRow, revision: i64) -> Result<(), AppError> {
    if let Some(opened) = row.opened_as {
        return Err(frozen(opened));
    }
    if row.archived_at.is_some() {
        return Err(archived());
    }
    if revision != row.revision {
        return Err(AppError::Conflict {
            current_revision: row.revision,
        });
    }
    Ok(())
}

pub(super) fn archived() -> AppError {
    AppError::Frozen(
        "budgetåret är arkiverat och ändras inte; återställ det för att ändra det".to_string(),
    )
}

pub(super) fn frozen(opened: i64) -> AppError {
    AppError::Frozen(format!(
        "nästa år är öppnat från den här budgeten, som nr {opened}; den här budgeten är låst och det året är det som ändras"
    ))
}
