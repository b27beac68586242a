//! A move of an ansvar between boards from a date (issue 15), made as one revision: the ansvar
//! with everything under it and their lines go to the other board in every column — the
//! comparison year too, so it is restated in the new structure — and both boards' frames get
//! the technical adjustment (teknisk justering) of the moved net cost in whole tkr (frames are
//! whole tkr), year by year:
//! a decided year's figure changed, a derived year a ramförändring for the year. Each board's
//! result against its frame is then what it was. The move is the council's controllers' (it
//! touches two boards: the organisation of both must be the mover's). The year it was opened
//! from keeps the structure as it was.

use styr_domain::access::Action;
use styr_domain::frame::FrameYear;
use styr_domain::money::Amount;
use styr_domain::municipal::MunicipalBudget;
use styr_domain::organisation::UnitId;
use styr_import::municipal_file::MunicipalEdit;
use styr_reports::municipal::MunicipalReport;
use styr_store::{AuditEntry, Stamp};

use super::computed;
use super::edit::{board_organisation, open_for_edit};
use crate::{Actor, App, AppError};

/// Where an ansvar goes.
pub struct Destination<'a> {
    pub board: &'a str,
    pub parent: Option<&'a str>,
    /// ISO date from which it belongs there.
    pub date: &'a str,
}

fn overflow(error: impl std::fmt::Display) -> AppError {
    AppError::Rejected(format!("flytten kan inte räknas fram: {error}"))
}

/// The moved ansvar's net (revenue + costs) per column: its subtree's lines.
fn moved_net(budget: &MunicipalBudget, board: &str, ansvar: &str) -> Result<Vec<Amount>, AppError> {
    let found = budget
        .boards
        .iter()
        .find(|found| found.id.0 == board)
        .ok_or(AppError::NotFound)?;
    let position = found
        .ansvar
        .iter()
        .position(|found| found.id.0 == ansvar)
        .ok_or_else(|| {
            AppError::Rejected(format!("ansvaret ”{ansvar}” finns inte i {}", found.name))
        })?;
    let subtree = found.subtree(position);
    let mut net = vec![Amount::ZERO; budget.columns().len()];
    for line in found
        .lines
        .iter()
        .filter(|line| subtree.contains(&line.ansvar))
    {
        for (sum, amount) in net.iter_mut().zip(&line.amounts) {
            *sum = sum.checked_add(*amount).map_err(overflow)?;
        }
    }
    Ok(net)
}

fn kommunbidrag(report: &MunicipalReport, board: &str) -> Vec<Amount> {
    report
        .boards
        .iter()
        .find(|found| found.id == board)
        .map(|found| found.kommunbidrag())
        .unwrap_or_default()
}

/// The frame edits that bring `board`'s kommunbidrag from `now` to `target`, year by year.
fn adjustments(
    budget: &MunicipalBudget,
    board: &str,
    (now, target): (&[Amount], &[Amount]),
    entered_only: bool,
    name: &str,
) -> Result<Vec<MunicipalEdit>, AppError> {
    let frame = &budget
        .boards
        .iter()
        .find(|found| found.id.0 == board)
        .ok_or(AppError::NotFound)?
        .frame;
    let mut edits = Vec::new();
    for ((year, now), target) in budget.columns().iter().zip(now).zip(target) {
        let difference = target.checked_sub(*now).map_err(overflow)?;
        if difference == Amount::ZERO {
            continue;
        }
        match frame.years.get(year) {
            Some(FrameYear::Entered { .. }) => edits.push(MunicipalEdit::SetEnteredFrame {
                board: board.to_string(),
                year: i64::from(year.number()),
                amount: *target,
            }),
            Some(FrameYear::Derived { .. }) if !entered_only => {
                edits.push(MunicipalEdit::FrameDecision {
                    board: board.to_string(),
                    year: i64::from(year.number()),
                    name: name.to_string(),
                    amount: difference,
                    permanent: false,
                    text: String::new(),
                })
            }
            _ => {}
        }
    }
    Ok(edits)
}

impl App {
    /// Moves `ansvar` of `board` to `to`, in budget year `id` made on `revision`; the new
    /// revision.
    pub async fn move_ansvar_to_board(
        &self,
        actor: &Actor,
        (id, revision): (i64, i64),
        (board, ansvar): (&str, &str),
        to: &Destination<'_>,
    ) -> Result<i64, AppError> {
        let row = self.stored_year(id).await?;
        let (before, report) = computed(&row.source, self.limits())?;
        let asks = [
            (
                board,
                Action::EditOrganisation {
                    unit: UnitId(ansvar.to_string()),
                },
            ),
            (
                to.board,
                Action::EditOrganisation {
                    unit: UnitId(to.parent.unwrap_or(to.board).to_string()),
                },
            ),
            (board, Action::EditFrames),
        ];
        for (in_board, action) in asks {
            let organisation = board_organisation(&before, in_board).ok_or(AppError::NotFound)?;
            self.ask_in_board(actor, &before, (in_board, &organisation), &action)
                .await?;
        }
        open_for_edit(&row, revision)?;
        // Frames are whole tkr: the adjustment is the moved net cost in whole tkr.
        let net = moved_net(&before, board, ansvar)?
            .into_iter()
            .map(|amount| amount.round_to(styr_domain::money::Precision::TKR))
            .collect::<Result<Vec<_>, _>>()
            .map_err(overflow)?;
        let name = before
            .boards
            .iter()
            .flat_map(|found| &found.ansvar)
            .find(|found| found.id.0 == ansvar)
            .map(|found| found.name.clone())
            .unwrap_or_else(|| ansvar.to_string());
        let to_name = before
            .boards
            .iter()
            .find(|found| found.id.0 == to.board)
            .map(|found| found.name.clone())
            .ok_or(AppError::NotFound)?;
        // The targets: the moved net cost leaves one frame and joins the other, exactly.
        let shift = |frame: Vec<Amount>, add: bool| -> Result<Vec<Amount>, AppError> {
            frame
                .iter()
                .zip(&net)
                .map(|(frame, net)| {
                    if add {
                        frame.checked_sub(*net)
                    } else {
                        frame.checked_add(*net)
                    }
                })
                .collect::<Result<_, _>>()
                .map_err(overflow)
        };
        let from_target = shift(kommunbidrag(&report, board), false)?;
        let to_target = shift(kommunbidrag(&report, to.board), true)?;
        let step = format!(
            "Teknisk justering: {name} flyttas till {to_name} från {}",
            to.date
        );
        let edit = |source: &str, edits: &[MunicipalEdit]| {
            styr_import::municipal_file::edit(source, edits).map_err(AppError::Unreadable)
        };
        let moved = MunicipalEdit::MoveAnsvarToBoard {
            board: board.to_string(),
            id: ansvar.to_string(),
            to_board: to.board.to_string(),
            to_parent: to.parent.map(String::from),
            date: to.date.to_string(),
        };
        let mut source = edit(&row.source, std::slice::from_ref(&moved))?;
        // First the decided years, which the derived ones are uprated from; then what is left
        // in each derived year, as a ramförändring for that year alone.
        let mut made = vec![moved];
        for entered_only in [true, false] {
            let (budget, now) = computed(&source, self.limits())?;
            let mut edits = adjustments(
                &budget,
                board,
                (&kommunbidrag(&now, board), &from_target),
                entered_only,
                &step,
            )?;
            edits.extend(adjustments(
                &budget,
                to.board,
                (&kommunbidrag(&now, to.board), &to_target),
                entered_only,
                &step,
            )?);
            if !edits.is_empty() {
                source = edit(&source, &edits)?;
                made.extend(edits);
            }
        }
        let (_, after) = computed(&source, self.limits())?;
        if kommunbidrag(&after, board) != from_target || kommunbidrag(&after, to.board) != to_target
        {
            return Err(AppError::Rejected(
                "ramarnas tekniska justering går inte jämnt upp; inget flyttades".to_string(),
            ));
        }
        let code = &before.municipality.code;
        let year = before.years.budget;
        let mut stamp = Stamp::now(&actor.name).with(
            AuditEntry::new(
                "kommunbudget: ansvar flyttat till annan nämnd",
                None,
                format!("kommun/{code}/{year}/{board}/{ansvar}"),
            )
            .values(
                Some(format!("{name} i {board}")),
                Some(format!("i {} från {}", to.board, to.date)),
            ),
        );
        for adjustment in &made[1..] {
            let (entity, figure) = match adjustment {
                MunicipalEdit::SetEnteredFrame {
                    board,
                    year: column,
                    amount,
                } => (
                    format!("kommun/{code}/{year}/{board}/ram/{column}"),
                    format!("{} tkr", styr_domain::format::tkr(*amount)),
                ),
                MunicipalEdit::FrameDecision {
                    board,
                    year: column,
                    amount,
                    ..
                } => (
                    format!("kommun/{code}/{year}/{board}/ram/{column}"),
                    format!("{step}: {} tkr", styr_domain::format::tkr(*amount)),
                ),
                _ => continue,
            };
            stamp = stamp.with(
                AuditEntry::new("kommunbudget: teknisk ramjustering", None, entity)
                    .values(None, Some(figure)),
            );
        }
        self.keep_edited((id, revision), &source, &stamp).await
    }
}
