//! The API's public shapes. They are built from report values but are not the same types, so
//! the API stays stable when internals change; each derives its OpenAPI schema.

use serde::{Deserialize, Serialize};
use styr_app::Snapshot;
use styr_domain::calendar::Year;
use styr_domain::change::Change;
use styr_domain::money::Amount;
use styr_domain::operating::OperatingRow;
use styr_reports::check::Finding;
use styr_reports::followup::ENTERED;
use styr_reports::operating::OperatingTableReport;
use utoipa::ToSchema;

use crate::view::{signed_tkr, tkr};

/// An exact amount: öre, and the whole tkr a table shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct AmountDto {
    pub ore: i64,
    pub tkr: String,
}

impl From<Amount> for AmountDto {
    fn from(amount: Amount) -> AmountDto {
        AmountDto {
            ore: amount.ore(),
            tkr: tkr(amount),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct YearAmountDto {
    pub year: u16,
    pub ore: i64,
    pub tkr: String,
}

impl YearAmountDto {
    pub fn new(year: Year, amount: Amount) -> YearAmountDto {
        YearAmountDto {
            year: year.number(),
            ore: amount.ore(),
            tkr: tkr(amount),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ColumnDto {
    pub year: u16,
    /// "Budget 2025", "Plan 2026".
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BudgetListItemDto {
    pub id: i64,
    pub revision: i64,
    pub title: String,
    pub municipality: String,
    pub board: String,
    pub budget_year: i64,
    pub updated_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedDto {
    pub id: i64,
    pub location: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FindingDto {
    /// The finding as an adoption that passes over it names it: "section › place".
    pub key: String,
    /// fel | varning | avrundning
    pub severity: String,
    /// figure | name | balance
    pub kind: String,
    pub section: String,
    pub place: String,
    pub stated: String,
    pub computed: String,
    pub note: String,
}

impl From<&Finding> for FindingDto {
    fn from(finding: &Finding) -> FindingDto {
        FindingDto {
            key: finding.key(),
            severity: finding.severity.swedish().into(),
            kind: finding.kind.key().into(),
            section: finding.section.clone(),
            place: finding.place.clone(),
            stated: finding.stated.text.clone(),
            computed: finding.computed.text.clone(),
            note: finding.note.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FindingsDto {
    pub revision: i64,
    pub errors: usize,
    pub warnings: usize,
    pub rounding: usize,
    pub findings: Vec<FindingDto>,
}

/// A cell of an operating table: its year and amount, and for an entered row its version.
#[derive(Debug, Serialize, ToSchema)]
pub struct CellDto {
    pub year: u16,
    pub ore: i64,
    pub tkr: String,
    /// An entered row's cell: its version as read (its exact amount in öre, "" when empty),
    /// to send back as `version` in `CellInput`. Null for a computed row.
    pub version: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OperatingRowDto {
    /// The row's key: a line ("personnel"), "financial_net", or a derived row ("costs", "net_cost", "kommunbidrag", "result").
    pub key: String,
    pub label: String,
    pub emphasised: bool,
    /// Whether the row is entered (and so may be written) rather than computed.
    pub entered: bool,
    pub values: Vec<CellDto>,
    /// The change from the previous year to the budget year, signed, in tkr.
    pub change: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LineChangeDto {
    pub line: String,
    /// ökar | minskar | oförändrat
    pub direction: String,
    pub magnitude: AmountDto,
    /// "Personalkostnaderna ökar med 2,0 mnkr."
    pub sentence: String,
    pub explanation: String,
    /// The explanation's version as read, to send back as `version` in `TextInput`.
    pub version: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OperatingTableDto {
    pub unit: String,
    pub heading: String,
    pub revision: i64,
    pub columns: Vec<ColumnDto>,
    pub rows: Vec<OperatingRowDto>,
    pub changes: Vec<LineChangeDto>,
}

impl OperatingTableDto {
    /// `table` as the API shows it, from `snapshot`'s budget (which gives each cell's version).
    pub fn new(table: &OperatingTableReport, snapshot: &Snapshot) -> OperatingTableDto {
        let budget = &snapshot.budget;
        let position = |year| table.columns.iter().position(|column| column.year == year);
        let (previous_index, budget_index) = (
            position(budget.years.previous),
            position(budget.years.budget),
        );
        let cell_version = |row: OperatingRow, year| {
            let change = match row {
                OperatingRow::Line(line) => Change::SetLine {
                    unit: table.unit.clone(),
                    line,
                    year,
                    amount: Amount::ZERO,
                },
                OperatingRow::FinancialNet => Change::SetFinancialNet {
                    unit: table.unit.clone(),
                    year,
                    amount: Amount::ZERO,
                },
                _ => return None,
            };
            Some(styr_app::version_of(budget, &change))
        };
        OperatingTableDto {
            unit: table.unit.to_string(),
            heading: table.heading.clone(),
            revision: snapshot.revision,
            columns: table
                .columns
                .iter()
                .map(|column| ColumnDto {
                    year: column.year.number(),
                    label: column.label.clone(),
                })
                .collect(),
            rows: table
                .rows
                .iter()
                .map(|row| OperatingRowDto {
                    key: row.row.key().into(),
                    label: row.label.into(),
                    emphasised: row.emphasised,
                    entered: ENTERED.contains(&row.row),
                    values: table
                        .columns
                        .iter()
                        .zip(&row.values)
                        .map(|(column, value)| CellDto {
                            year: column.year.number(),
                            ore: value.ore(),
                            tkr: tkr(*value),
                            version: cell_version(row.row, column.year),
                        })
                        .collect(),
                    change: match (previous_index, budget_index) {
                        (Some(from), Some(to)) => row.values[to]
                            .checked_sub(row.values[from])
                            .map_or_else(|_| "för stort".into(), signed_tkr),
                        _ => String::new(),
                    },
                })
                .collect(),
            changes: table
                .changes
                .iter()
                .map(|change| LineChangeDto {
                    line: change.line.key().into(),
                    direction: change.direction.swedish().into(),
                    magnitude: change.magnitude.into(),
                    sentence: change.sentence.clone(),
                    explanation: change.explanation.clone(),
                    version: styr_app::version_of(
                        budget,
                        &Change::SetExplanation {
                            unit: table.unit.clone(),
                            line: change.line,
                            text: String::new(),
                        },
                    ),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewDto {
    pub id: i64,
    pub revision: i64,
    pub title: String,
    pub municipality: String,
    pub tables: Vec<OperatingTableDto>,
    pub investments: Vec<YearAmountDto>,
    pub findings: FindingsDto,
}

/// A cell written: an amount as text ("-47 652", "-47,7 mnkr"), and optionally the revision
/// the writer read, to refuse the write if someone else changed the budget since.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CellInput {
    pub amount: String,
    pub revision: Option<i64>,
    /// The cell's version as read (`version` of the cell in the table): the cell's exact
    /// amount in öre, "" when empty. When given and someone changed the cell since, the write
    /// is refused (409, error "stale", with the value now in fields.current).
    #[serde(default)]
    pub version: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PreviewCell {
    /// A line key or "financial_net".
    pub line: String,
    pub year: i64,
    pub amount: String,
}

/// A table's cells as someone is typing them: computed, never stored.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PreviewInput {
    pub cells: Vec<PreviewCell>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TextInput {
    pub text: String,
    pub revision: Option<i64>,
    /// The explanation's version as read; when given and someone changed it since, the
    /// write is refused (409, error "stale").
    #[serde(default)]
    pub version: Option<String>,
}
