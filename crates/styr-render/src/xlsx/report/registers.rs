//! The workbook's register sheets: the kommunbidrag of every frame and year (entered or
//! derived), the risks with the risk value as the formula probability × materiality, the
//! internal control plan and the efficiency register.

use styr_reports::BudgetReport;

use super::{FIRST, header, title_rows};
use crate::text::one_line;
use crate::xlsx::{Cell, Look, Sheet, Value, reference};

pub fn frames(report: &BudgetReport) -> Sheet {
    let mut rows = title_rows(
        "Kommunbidrag",
        header(["Ram", "År", "Kommunbidrag (tkr)", "Beslutat eller härlett"].map(String::from)),
    );
    for frame in &report.frames {
        for year in &frame.years {
            rows.push(vec![
                Some(Cell::text(&frame.heading, Look::Text)),
                Some(Cell {
                    value: Value::Number(year.year.to_string()),
                    look: Look::Text,
                }),
                Some(Cell::tkr(year.kommunbidrag, Look::Tkr)),
                Some(Cell::text(
                    if year.entered { "beslutat" } else { "härlett" },
                    Look::Text,
                )),
            ]);
        }
    }
    Sheet {
        name: "Kommunbidrag".into(),
        rows,
        widths: vec![50, 8, 20, 22],
    }
}

pub fn risks(report: &BudgetReport) -> Sheet {
    let mut rows = title_rows(
        "Risk- och väsentlighetsanalys",
        header(
            [
                "Risk",
                "Riskbeskrivning",
                "Sannolikhet",
                "Väsentlighet",
                "Riskvärde",
                "Nivå",
                "Hantering",
            ]
            .map(String::from),
        ),
    );
    for (index, risk) in report.risks.risks.iter().enumerate() {
        let row = FIRST + index;
        rows.push(vec![
            Some(Cell::text(&risk.name, Look::Bold)),
            Some(Cell::text(one_line(&risk.description), Look::Wrapped)),
            Some(number(risk.probability)),
            Some(number(risk.materiality)),
            Some(Cell {
                value: Value::Formula {
                    formula: format!("{}*{}", reference(2, row), reference(3, row)),
                    value: risk.value.to_string(),
                },
                look: Look::Text,
            }),
            Some(Cell::text(&risk.band, Look::Text)),
            Some(Cell::text(one_line(&risk.handling_text), Look::Wrapped)),
        ]);
    }
    Sheet {
        name: "Risker".into(),
        rows,
        widths: vec![30, 50, 12, 12, 10, 10, 70],
    }
}

fn number(value: u8) -> Cell {
    Cell {
        value: Value::Number(value.to_string()),
        look: Look::Text,
    }
}

pub fn control_plan(report: &BudgetReport) -> Sheet {
    let mut rows = title_rows(
        "Internkontrollplan",
        header(["Risk", "Riskbeskrivning", "Riskvärde", "Metod", "Ansvarig"].map(String::from)),
    );
    for row in &report.control_plan {
        rows.push(vec![
            Some(Cell::text(&row.risk, Look::Bold)),
            Some(Cell::text(one_line(&row.description), Look::Wrapped)),
            Some(number(row.value)),
            Some(Cell::text(one_line(&row.method), Look::Wrapped)),
            Some(Cell::text(&row.responsible, Look::Text)),
        ]);
    }
    Sheet {
        name: "Internkontroll".into(),
        rows,
        widths: vec![30, 50, 10, 60, 26],
    }
}

pub fn efficiency(report: &BudgetReport) -> Sheet {
    let mut rows = title_rows(
        "Effektiviseringsåtgärder och utredningar",
        header(
            [
                "Förslag från nämnd",
                "Utredning",
                "Hantering",
                "Samordnas av",
            ]
            .map(String::from),
        ),
    );
    for row in &report.efficiency {
        rows.push(vec![
            Some(Cell::text(&row.proposed_by, Look::Text)),
            Some(Cell::text(&row.investigation, Look::Wrapped)),
            Some(Cell::text(one_line(&row.handling), Look::Wrapped)),
            Some(Cell::text(
                if row.prioritised {
                    row.coordinators.join(", ")
                } else {
                    "Ej prioriterad".into()
                },
                Look::Text,
            )),
        ]);
    }
    Sheet {
        name: "Effektivisering".into(),
        rows,
        widths: vec![28, 40, 80, 30],
    }
}
