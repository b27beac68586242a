//! The books made into the follow-up's tables: each group's rows and months, the total over
//! the groups the board reports together (a separately reported unit stays apart), and each
//! unit's own rows for the tree per ansvar, with the forecasts and explanations entered.

use super::*;

impl<'a> Books<'a> {
    /// The groups', the total's and the units' rows.
    pub fn build(
        &self,
        input: &FollowupInput<'_>,
        booked: &[bool; 12],
        through: u8,
    ) -> Result<Built, OverflowAt> {
        let title = input.budget.map_or_else(
            || input.title.clone(),
            |budget| budget.unit_name(&budget.board).to_string(),
        );
        let rollup = match self.budget {
            Some(budget) => Some(Rollup::new(budget, &self.own, input.forecasts, input.year)?),
            None => None,
        };
        let row_set = |group: &Group| -> Vec<OperatingRow> {
            let has_kommunbidrag = input.budget.is_some() && group.code != UNASSIGNED;
            ROWS.iter()
                .copied()
                .filter(|row| {
                    has_kommunbidrag
                        || (*row != OperatingRow::Kommunbidrag
                            && (input.budget.is_none() || *row != OperatingRow::Result))
                })
                .collect()
        };
        let mut groups = Vec::new();
        for group in self
            .groups
            .iter()
            .filter(|group| group.code != UNASSIGNED || !group.figures.actual.is_empty())
        {
            let forecast = |row: OperatingRow, year_budget: Amount| match (&rollup, &group.unit) {
                (Some(rollup), Some(unit)) => rollup.of(unit, row, year_budget),
                _ => file_forecast(input, group, row, year_budget),
            };
            let explanation = |row| {
                group
                    .unit
                    .as_ref()
                    .and_then(|unit| explanation_of(input, unit, row))
            };
            let named = Named {
                figures: &group.figures,
                year: input.year,
                name: &group.name,
            };
            let rows = named.rows(&RowsOf {
                rows: &row_set(group),
                through,
                booked,
                forecast: &forecast,
                explanation: &explanation,
            })?;
            groups.push(GroupFollowup {
                code: group.code.clone(),
                unit: group.unit.clone(),
                name: group.name.clone(),
                separately_reported: group.separately_reported,
                rows,
            });
        }
        let total = self.total(input, &title, &groups, booked, through)?;
        let units = match (self.budget, &rollup) {
            (Some(budget), Some(rollup)) => TreeOf {
                input,
                budget,
                own: &self.own,
                rollup,
                tables: &table_units(budget),
                through,
                booked,
            }
            .units()?,
            _ => Vec::new(),
        };
        Ok(Built {
            title,
            groups,
            total,
            units,
        })
    }

    /// The board's total: every group but the separately reported, its forecast the sum of
    /// theirs.
    fn total(
        &self,
        input: &FollowupInput<'_>,
        title: &str,
        groups: &[GroupFollowup],
        booked: &[bool; 12],
        through: u8,
    ) -> Result<GroupFollowup, OverflowAt> {
        let apart: Vec<&str> = self
            .groups
            .iter()
            .filter(|group| group.separately_reported)
            .map(|group| group.name.as_str())
            .collect();
        let name = if apart.is_empty() {
            format!("{title}, totalt")
        } else {
            format!("{title}, totalt (exkl. {})", apart.join(" och "))
        };
        let counted: Vec<&GroupFollowup> = groups
            .iter()
            .filter(|group| !group.separately_reported)
            .collect();
        let figures = Figures::total(
            self.groups
                .iter()
                .filter(|group| !group.separately_reported)
                .map(|group| &group.figures),
            input.year,
            &name,
        )?;
        let mut sums: BTreeMap<OperatingRow, RowForecast> = BTreeMap::new();
        for row in super::super::ENTERED
            .iter()
            .chain([&OperatingRow::Kommunbidrag])
        {
            let parts: Vec<&super::super::RowFollowup> =
                counted.iter().filter_map(|group| group.row(*row)).collect();
            if parts.is_empty() {
                continue;
            }
            let amount = Amount::try_sum(parts.iter().map(|part| part.forecast))
                .map_err(|_| AmountOverflow.at(place(input.year, &name, *row, None)))?;
            sums.insert(
                *row,
                RowForecast {
                    amount,
                    entered: parts.iter().any(|part| part.forecast_entered),
                    comment: String::new(),
                },
            );
        }
        let forecast = |row: OperatingRow, year_budget: Amount| {
            sums.get(&row).cloned().unwrap_or(RowForecast {
                amount: year_budget,
                entered: false,
                comment: String::new(),
            })
        };
        let none = |_| None;
        let rows = Named {
            figures: &figures,
            year: input.year,
            name: &name,
        }
        .rows(&RowsOf {
            rows: &if input.budget.is_some() {
                ROWS.to_vec()
            } else {
                ROWS.iter()
                    .copied()
                    .filter(|row| *row != OperatingRow::Kommunbidrag)
                    .collect()
            },
            through,
            booked,
            forecast: &forecast,
            explanation: &none,
        })?;
        Ok(GroupFollowup {
            code: String::new(),
            unit: None,
            name,
            separately_reported: false,
            rows,
        })
    }
}

/// Without a budget (a file's own cost centres), a forecast entered for the cost centre.
fn file_forecast(
    input: &FollowupInput<'_>,
    group: &Group,
    row: OperatingRow,
    year_budget: Amount,
) -> RowForecast {
    input
        .forecasts
        .iter()
        .find(|forecast| {
            forecast.year == input.year
                && group.unit.as_ref() == Some(&forecast.unit)
                && forecast.row == row
        })
        .map_or(
            RowForecast {
                amount: year_budget,
                entered: false,
                comment: String::new(),
            },
            |forecast| RowForecast {
                amount: forecast.amount,
                entered: true,
                comment: forecast.comment.clone(),
            },
        )
}
