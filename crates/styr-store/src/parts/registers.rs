//! Text sections, goals with their KPIs, efficiency investigations and the statements of
//! figures in prose.

use sqlx::{AnyConnection, Row};
use styr_domain::budget::Budget;
use styr_domain::document::Section;
use styr_domain::efficiency::EfficiencyInvestigation;
use styr_domain::goals::{Goal, GoalKind};
use styr_domain::investment::{InvestmentCategory, InvestmentRow};
use styr_domain::operating::OperatingRow;
use styr_domain::organisation::UnitId;
use styr_domain::statement::{Claim, Direction, Figure, StatedChange, Statement};

mod kpis;

pub(crate) use kpis::decimal;

use super::{clear, owned_by, position};
use crate::codec;
use crate::{BudgetId, StoreError};

pub async fn write(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &Budget,
) -> Result<(), StoreError> {
    for table in [
        "sections",
        "kpi_targets",
        "kpis",
        "goals",
        "efficiency_investigations",
        "statements",
    ] {
        clear(connection, table, id).await?;
    }
    for (index, section) in budget.sections.iter().enumerate() {
        sqlx::query("INSERT INTO sections (budget_id, position, heading, level, body, shows) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id)
            .bind(position(index))
            .bind(&section.heading)
            .bind(i64::from(section.level))
            .bind(&section.text)
            .bind(section.shows.clone())
            .execute(&mut *connection)
            .await?;
    }
    for (index, goal) in budget.goals.iter().enumerate() {
        sqlx::query("INSERT INTO goals (budget_id, position, id, kind, title, statement, body, unit, directions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
            .bind(id)
            .bind(position(index))
            .bind(&goal.id)
            .bind(goal.kind.key())
            .bind(&goal.title)
            .bind(&goal.statement)
            .bind(&goal.text)
            .bind(goal.unit.as_ref().map(|unit| unit.0.clone()))
            .bind(goal.directions.join(","))
            .execute(&mut *connection)
            .await?;
        kpis::write(connection, id, goal).await?;
    }
    for (index, investigation) in budget.efficiency.iter().enumerate() {
        sqlx::query(
            "INSERT INTO efficiency_investigations (budget_id, position, proposed_by, investigation, handling, coordinators, prioritised) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(position(index))
        .bind(&investigation.proposed_by)
        .bind(&investigation.investigation)
        .bind(&investigation.handling)
        .bind(investigation.coordinators.join("\n"))
        .bind(codec::flag(investigation.prioritised))
        .execute(&mut *connection)
        .await?;
    }
    for (index, statement) in budget.statements.iter().enumerate() {
        let (claim, years, direction, stated) = match &statement.claim {
            Claim::Change { from, to, stated } => (
                "change",
                vec![*from, *to],
                Some(direction_key(stated.direction)),
                stated.magnitude,
            ),
            Claim::Value { year, stated } => ("value", vec![*year], None, *stated),
            Claim::Sum { years, stated } => ("sum", years.clone(), None, *stated),
            Claim::Average { years, stated } => ("average", years.clone(), None, *stated),
        };
        sqlx::query(
            "INSERT INTO statements (budget_id, position, section, sentence, figure, claim, years, direction, stated_ore, stated_precision, superseded) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(position(index))
        .bind(&statement.section)
        .bind(&statement.text)
        .bind(figure_key(&statement.figure))
        .bind(claim)
        .bind(codec::years_text(&years))
        .bind(direction.map(str::to_string))
        .bind(stated.value.ore())
        .bind(codec::precision_text(stated.precision))
        .bind(codec::flag(statement.superseded))
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

pub async fn read(
    connection: &mut AnyConnection,
    id: BudgetId,
    budget: &mut Budget,
) -> Result<(), StoreError> {
    for row in sqlx::query("SELECT * FROM sections WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        budget.sections.push(Section {
            heading: row.try_get("heading")?,
            level: u8::try_from(row.try_get::<i64, _>("level")?)
                .map_err(|_| codec::corrupt("rubriknivå"))?,
            text: row.try_get("body")?,
            shows: row.try_get("shows")?,
        });
    }
    let target_rows = kpis::target_rows(connection, id).await?;
    let kpi_rows =
        sqlx::query("SELECT * FROM kpis WHERE budget_id = $1 ORDER BY goal_id, position")
            .bind(id)
            .fetch_all(&mut *connection)
            .await?;
    for row in sqlx::query("SELECT * FROM goals WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let goal_id: String = row.try_get("id")?;
        let kind: String = row.try_get("kind")?;
        let mut kpis = Vec::new();
        for kpi in owned_by(&kpi_rows, "goal_id", &goal_id) {
            kpis.push(kpis::read(kpi, &target_rows, &goal_id)?);
        }
        budget.goals.push(Goal {
            kind: GoalKind::from_key(&kind)
                .ok_or_else(|| codec::corrupt(format!("”{kind}” är ingen måltyp")))?,
            id: goal_id,
            title: row.try_get("title")?,
            statement: row.try_get("statement")?,
            text: row.try_get("body")?,
            kpis,
            unit: row.try_get::<Option<String>, _>("unit")?.map(UnitId),
            directions: kpis::keys(&row.try_get::<String, _>("directions")?),
        });
    }
    for row in sqlx::query(
        "SELECT * FROM efficiency_investigations WHERE budget_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *connection)
    .await?
    {
        let coordinators: String = row.try_get("coordinators")?;
        budget.efficiency.push(EfficiencyInvestigation {
            proposed_by: row.try_get("proposed_by")?,
            investigation: row.try_get("investigation")?,
            handling: row.try_get("handling")?,
            coordinators: coordinators
                .split('\n')
                .filter(|name| !name.is_empty())
                .map(String::from)
                .collect(),
            prioritised: row.try_get::<i64, _>("prioritised")? != 0,
        });
    }
    for row in sqlx::query("SELECT * FROM statements WHERE budget_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    {
        let stated = codec::stated(
            row.try_get("stated_ore")?,
            &row.try_get::<String, _>("stated_precision")?,
        )?;
        let years = codec::years(&row.try_get::<String, _>("years")?)?;
        let claim: String = row.try_get("claim")?;
        let claim = match (claim.as_str(), years.as_slice()) {
            ("change", [from, to]) => {
                let direction: Option<String> = row.try_get("direction")?;
                let direction = direction
                    .as_deref()
                    .and_then(direction_from_key)
                    .ok_or_else(|| codec::corrupt("riktning"))?;
                Claim::Change {
                    from: *from,
                    to: *to,
                    stated: StatedChange {
                        direction,
                        magnitude: stated,
                    },
                }
            }
            ("value", [year]) => Claim::Value {
                year: *year,
                stated,
            },
            ("sum", _) => Claim::Sum { years, stated },
            ("average", _) => Claim::Average { years, stated },
            (other, _) => return Err(codec::corrupt(format!("påståendet ”{other}”"))),
        };
        let figure: String = row.try_get("figure")?;
        budget.statements.push(Statement {
            section: row.try_get("section")?,
            text: row.try_get("sentence")?,
            figure: figure_from_key(&figure)
                .ok_or_else(|| codec::corrupt(format!("siffran ”{figure}”")))?,
            claim,
            superseded: row.try_get::<i64, _>("superseded")? != 0,
        });
    }
    Ok(())
}

pub fn direction_key(direction: Direction) -> &'static str {
    match direction {
        Direction::Increases => "increases",
        Direction::Decreases => "decreases",
        Direction::Unchanged => "unchanged",
    }
}

pub fn direction_from_key(key: &str) -> Option<Direction> {
    [
        Direction::Increases,
        Direction::Decreases,
        Direction::Unchanged,
    ]
    .into_iter()
    .find(|direction| direction_key(*direction) == key)
}

/// A statement's figure as the budget file writes it: "operating:ks:revenue", "frame:ks" …
fn figure_key(figure: &Figure) -> String {
    match figure {
        Figure::Operating { unit, row } => format!("operating:{unit}:{}", row.key()),
        Figure::Frame { unit } => format!("frame:{unit}"),
        Figure::Investment { row } => format!("investment:{}", investment_row_key(row)),
    }
}

fn figure_from_key(key: &str) -> Option<Figure> {
    let parts: Vec<&str> = key.splitn(3, ':').collect();
    match parts.as_slice() {
        ["operating", unit, row] => Some(Figure::Operating {
            unit: UnitId((*unit).into()),
            row: OperatingRow::from_key(row)?,
        }),
        ["frame", unit] => Some(Figure::Frame {
            unit: UnitId((*unit).into()),
        }),
        ["investment", rest @ ..] => Some(Figure::Investment {
            row: investment_row_from_key(&rest.join(":"))?,
        }),
        _ => None,
    }
}

/// "total", a category key, or "project:NAME".
pub fn investment_row_key(row: &InvestmentRow) -> String {
    match row {
        InvestmentRow::Total => "total".into(),
        InvestmentRow::Category(category) => category.key().into(),
        InvestmentRow::Project(name) => format!("project:{name}"),
    }
}

pub fn investment_row_from_key(key: &str) -> Option<InvestmentRow> {
    match key {
        "total" => Some(InvestmentRow::Total),
        _ => match key.strip_prefix("project:") {
            Some(name) => Some(InvestmentRow::Project(name.to_string())),
            None => InvestmentCategory::from_key(key).map(InvestmentRow::Category),
        },
    }
}
