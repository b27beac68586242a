//! Edits of a municipality's budget year: each makes its one change and the year still reads;
//! each kind of bad edit is refused with the reader's words.

use styr_domain::money::Amount;
use styr_domain::organisation::UnitId;

use super::tests::{SMALL, issues};
use super::*;

fn edited(edit: &MunicipalEdit) -> MunicipalBudget {
    let written = super::edit(SMALL, std::slice::from_ref(edit)).expect("the edit is made");
    parse_municipal_budget(&written).expect("and reads")
}

fn refused(edit: &MunicipalEdit) -> String {
    match super::edit(SMALL, std::slice::from_ref(edit)) {
        Ok(_) => panic!("made although it should not be: {edit:?}"),
        Err(issues) => issues
            .iter()
            .map(|issue| issue.message.clone())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn line(ansvar: &str, group: &str, year: i64, tkr: i64) -> MunicipalEdit {
    MunicipalEdit::SetLine {
        board: "ks".into(),
        ansvar: ansvar.into(),
        group: group.into(),
        year,
        amount: Amount::from_tkr(tkr),
    }
}

#[test]
fn a_line_is_set_for_one_year_and_a_new_line_starts_at_zero() {
    let budget = edited(&line("ekonomi", "50", 2027, -1200));
    let lines = &budget.boards[0].lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0].amounts,
        [-1000, -1020, -1200].map(Amount::from_tkr).to_vec()
    );
    let budget = edited(&line("kansli", "46", 2026, -300));
    let lines = &budget.boards[0].lines;
    assert_eq!(lines.len(), 2, "a line is added");
    assert_eq!(
        lines[1].amounts,
        [0, -300, 0].map(Amount::from_tkr).to_vec()
    );
}

#[test]
fn several_edits_are_made_together_or_not_at_all() {
    let both = [
        line("ekonomi", "50", 2026, -1),
        line("ekonomi", "50", 2027, -2),
    ];
    let written = super::edit(SMALL, &both).expect("made");
    let budget = parse_municipal_budget(&written).expect("reads");
    assert_eq!(
        budget.boards[0].lines[0].amounts,
        [-1000, -1, -2].map(Amount::from_tkr).to_vec()
    );
    let one_bad = [
        line("ekonomi", "50", 2026, -1),
        line("skola", "50", 2026, -1),
    ];
    assert!(super::edit(SMALL, &one_bad).is_err());
}

#[test]
fn a_line_outside_the_board_or_its_years_is_refused() {
    assert!(refused(&line("skola", "50", 2026, -1)).contains("hör inte till"));
    assert!(refused(&line("ekonomi", "50", 2030, -1)).contains("2030"));
    assert!(refused(&line("ekonomi", "80", 2026, 5)).contains("80"));
    let other = MunicipalEdit::SetLine {
        board: "bun".into(),
        ansvar: "ekonomi".into(),
        group: "50".into(),
        year: 2026,
        amount: Amount::from_tkr(1),
    };
    assert!(refused(&other).contains("nämnden ”bun” finns inte"));
}

#[test]
fn a_frame_decision_is_a_named_step_on_a_derived_year() {
    let decision = |year| MunicipalEdit::FrameDecision {
        board: "ks".into(),
        year,
        name: "Fler elever".into(),
        amount: Amount::from_tkr(40),
        permanent: true,
        text: "Beslut i KF.".into(),
    };
    let budget = edited(&decision(2026));
    let frame = format!("{:?}", budget.boards[0].frame.years);
    assert!(frame.contains("Fler elever"), "{frame}");
    assert!(refused(&decision(2025)).contains("angivet belopp"));
    assert!(refused(&decision(2029)).contains("inget år 2029"));
}

#[test]
fn the_organisation_is_edited_and_a_circle_is_refused() {
    let added = edited(&MunicipalEdit::AddAnsvar {
        board: "ks".into(),
        id: "it".into(),
        name: "IT-enheten".into(),
        parent: Some("kansli".into()),
    });
    let it = added.boards[0]
        .ansvar
        .iter()
        .find(|ansvar| ansvar.id.0 == "it")
        .expect("added");
    assert_eq!(it.parent, Some(UnitId("kansli".into())));
    let moved = edited(&MunicipalEdit::MoveAnsvar {
        board: "ks".into(),
        id: "ekonomi".into(),
        parent: None,
        date: None,
    });
    assert_eq!(moved.boards[0].ansvar[1].parent, None);
    let renamed = edited(&MunicipalEdit::RenameAnsvar {
        board: "ks".into(),
        id: "ekonomi".into(),
        name: "Ekonomienheten".into(),
    });
    assert_eq!(renamed.boards[0].ansvar[1].name, "Ekonomienheten");
    let circle = refused(&MunicipalEdit::MoveAnsvar {
        board: "ks".into(),
        id: "kansli".into(),
        parent: Some("ekonomi".into()),
        date: None,
    });
    assert!(circle.contains("hamnar under sig självt"), "{circle}");
    let twice = refused(&MunicipalEdit::AddAnsvar {
        board: "ks".into(),
        id: "ekonomi".into(),
        name: "Igen".into(),
        parent: None,
    });
    assert!(twice.contains("finns redan"), "{twice}");
    let board_id = refused(&MunicipalEdit::AddAnsvar {
        board: "ks".into(),
        id: "ks".into(),
        name: "Som nämnden".into(),
        parent: None,
    });
    assert!(board_id.contains("hela kommunen"), "{board_id}");
    let nowhere = refused(&MunicipalEdit::MoveAnsvar {
        board: "ks".into(),
        id: "ekonomi".into(),
        parent: Some("saknas".into()),
        date: None,
    });
    assert!(nowhere.contains("finns inte"), "{nowhere}");
}

/// Ekonomi placed under `parent` (directly under the board when none) from `date`.
fn dated_move(parent: Option<&str>, date: &str) -> MunicipalEdit {
    MunicipalEdit::MoveAnsvar {
        board: "ks".into(),
        id: "ekonomi".into(),
        parent: parent.map(String::from),
        date: Some(date.into()),
    }
}

#[test]
fn a_move_within_the_board_from_a_date_is_recorded_with_where_the_ansvar_lay() {
    let moved = edited(&dated_move(None, "2027-03-01"));
    assert_eq!(moved.boards[0].ansvar[1].parent, None);
    let [record] = moved.reorganisations.as_slice() else {
        panic!("one move recorded: {:?}", moved.reorganisations)
    };
    assert_eq!(record.date.to_string(), "2027-03-01");
    assert_eq!(
        (record.from_board.0.as_str(), record.to_board.0.as_str()),
        ("ks", "ks")
    );
    assert_eq!(record.from_parent, Some(UnitId("kansli".into())));
    assert_eq!(record.to_parent, None);
    let nothing = refused(&dated_move(Some("kansli"), "2027-03-01"));
    assert!(nothing.contains("ligger redan under"), "{nothing}");
    let no_day = refused(&dated_move(None, "1 mars"));
    assert!(no_day.contains("inget datum"), "{no_day}");
    let too_early = refused(&dated_move(None, "2024-12-31"));
    assert!(
        too_early.contains("före budgetens första år"),
        "{too_early}"
    );
}

#[test]
fn moves_stand_in_date_order_so_each_earlier_day_can_be_read() {
    let backwards = [
        dated_move(None, "2027-03-01"),
        dated_move(Some("kansli"), "2027-02-01"),
    ];
    let Err(refusal) = super::edit(SMALL, &backwards) else {
        panic!("a move dated before the one recorded is made")
    };
    assert!(
        refusal[0]
            .message
            .contains("redan registrerad från och med 2027-03-01"),
        "{refusal:?}"
    );
    let same_day = [
        dated_move(None, "2027-03-01"),
        dated_move(Some("kansli"), "2027-03-01"),
    ];
    assert!(
        super::edit(SMALL, &same_day).is_ok(),
        "a day's moves in their order"
    );
    // A file whose moves go back in time is refused where the later record's date is.
    let record = |date: &str| {
        format!(
            "[[reorganisation]]\ndate = {date}\nansvar = \"ekonomi\"\nname = \"Ekonomi\"\nfrom_board = \"ks\"\nto_board = \"ks\"\n"
        )
    };
    let file = format!("{SMALL}{}{}", record("2027-03-01"), record("2026-05-01"));
    let found = issues(&file);
    assert!(
        found
            .iter()
            .any(|issue| issue.contains("står efter en från och med 2027-03-01")),
        "{found:?}"
    );
}

#[test]
fn a_new_municipality_reads_and_takes_a_board_with_an_uprated_frame() {
    let values = [("2027", "3,0"), ("2028", "3,1"), ("2029", "3,0")]
        .map(|(year, percent)| (year.to_string(), percent.to_string()))
        .into();
    let new = NewMunicipality {
        name: "Nyby kommun",
        code: "9998",
        year: 2027,
        plan_years: 2,
        vintage: "SKR 2026-10",
        values: &values,
        invented: true,
    };
    let source = new_municipality(&new).expect("made");
    let budget = parse_municipal_budget(&source).expect("reads");
    assert!(budget.boards.is_empty() && budget.invented);
    assert_eq!(budget.years.columns().len(), 4);
    let board = MunicipalEdit::AddBoard {
        board: "kfn".into(),
        name: "Kultur- och fritidsnämnden".into(),
        comparison_frame: Amount::from_tkr(100_000),
    };
    let written = super::edit(&source, std::slice::from_ref(&board)).expect("added");
    let budget = parse_municipal_budget(&written).expect("reads");
    assert_eq!(budget.boards[0].frame.years.len(), 4);
    assert!(
        super::edit(&written, &[board]).is_err(),
        "a board is added once"
    );
    let bad = NewMunicipality { code: "12", ..new };
    assert!(new_municipality(&bad).is_err());
}

#[test]
fn an_ansvar_moves_to_another_board_with_its_lines_and_the_move_is_recorded() {
    let two = format!(
        "{SMALL}\n[[board]]\nid = \"sn\"\nname = \"Socialnämnden\"\n[board.frame]\nindex = \"PKV\"\nvintage = \"prov\"\n[[board.frame.year]]\nyear = 2025\namount = 0\n[[board.frame.year]]\nyear = 2026\namount = 0\n[[board.frame.year]]\nyear = 2027\namount = 0\n"
    );
    let moving = |date: &str, to: &str| MunicipalEdit::MoveAnsvarToBoard {
        board: "ks".into(),
        id: "kansli".into(),
        to_board: to.into(),
        to_parent: None,
        date: date.into(),
    };
    let written = super::edit(&two, &[moving("2027-01-01", "sn")]).expect("moved");
    let budget = parse_municipal_budget(&written).expect("reads");
    assert!(budget.boards[0].ansvar.is_empty() && budget.boards[0].lines.is_empty());
    let sn = &budget.boards[1];
    assert_eq!(sn.ansvar.len(), 2, "kansli with ekonomi under it");
    assert_eq!(
        sn.lines[0].amounts[0],
        Amount::from_tkr(-1000),
        "the comparison year too"
    );
    let recorded = &budget.reorganisations[0];
    assert_eq!(
        (
            recorded.from_board.0.as_str(),
            recorded.to_board.0.as_str(),
            recorded.date.to_string()
        ),
        ("ks", "sn", "2027-01-01".to_string())
    );
    for (date, to) in [
        ("2027-02-30", "sn"),
        ("2027-01-01", "ks"),
        ("2027-01-01", "bun"),
    ] {
        assert!(
            super::edit(&two, &[moving(date, to)]).is_err(),
            "{date} {to}"
        );
    }
    let entered = MunicipalEdit::SetEnteredFrame {
        board: "sn".into(),
        year: 2025,
        amount: Amount::from_tkr(1000),
    };
    let written = super::edit(&written, &[entered]).expect("set");
    assert!(written.contains("amount = 1000"));
}

#[test]
fn an_ansvar_is_closed_only_when_nothing_is_left_on_it() {
    let close = |id: &str| MunicipalEdit::CloseAnsvar {
        board: "ks".into(),
        id: id.into(),
    };
    assert!(refused(&close("kansli")).contains("har ansvar under sig (ekonomi)"));
    let budgeted = refused(&close("ekonomi"));
    assert!(
        budgeted.contains("har budget kvar") && budgeted.contains("50 2026: -1020"),
        "{budgeted}"
    );
    let zeroed = super::edit(
        SMALL,
        &[
            line("ekonomi", "50", 2025, 0),
            line("ekonomi", "50", 2026, 0),
            line("ekonomi", "50", 2027, 0),
            close("ekonomi"),
        ],
    )
    .expect("closed");
    let budget = parse_municipal_budget(&zeroed).expect("reads");
    assert_eq!(budget.boards[0].ansvar.len(), 1);
    assert!(budget.boards[0].lines.is_empty());
}

#[test]
fn an_ansvar_id_is_one_ansvar_even_between_boards_of_one_name() {
    let twin = format!(
        "{SMALL}\n[[board]]\nid = \"ks2\"\nname = \"Kommunstyrelsen\"\n[board.frame]\nindex = \"PKV\"\nvintage = \"prov\"\n[[board.frame.year]]\nyear = 2025\namount = 0\n[[board.frame.year]]\nyear = 2026\namount = 0\n[[board.frame.year]]\nyear = 2027\namount = 0\n[[board.ansvar]]\nid = \"ekonomi\"\nname = \"Ekonomi igen\"\n"
    );
    let found = issues(&twin);
    assert!(
        found.iter().any(|issue| issue.contains("hela kommunen")),
        "{found:?}"
    );
}
