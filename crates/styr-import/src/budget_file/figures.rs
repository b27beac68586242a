//! Converting the budget file's figures: index vintages, frames, operating lines, the
//! investment plan and the statements of figures in prose.

use std::collections::BTreeMap;

use styr_domain::budget::OperatingTable;
use styr_domain::calendar::Year;
use styr_domain::frame::{
    Base, Derivation, Frame, FrameYear, IndexChoice, IndexTable, IndexVintage, Permanence, Step,
    StepKind,
};
use styr_domain::investment::{
    InvestmentCategory, InvestmentPlan, InvestmentProject, InvestmentRow,
};
use styr_domain::money::{Amount, Stated, Unit};
use styr_domain::operating::{ChangeExplanation, LineKind, OperatingRow, UnitLines};
use styr_domain::percent::Percent;
use styr_domain::statement::{Claim, Figure, Statement};
use toml::Spanned;

use super::raw::{
    RawFrame, RawFrameYear, RawIndex, RawInvestment, RawOperating, RawStatement, RawStep,
    YearAmounts,
};
use super::reader::Reader;
use crate::amount::{parse_change, parse_percent};

pub fn index(reader: &mut Reader, raw_indices: &[RawIndex]) -> IndexTable {
    let vintages = raw_indices
        .iter()
        .map(|raw| {
            let mut values = BTreeMap::new();
            for (key, value) in &raw.values {
                let year = reader.year_key(key);
                let percent = match parse_percent(value.get_ref()) {
                    Ok(percent) => Some(percent),
                    Err(message) => {
                        reader.issue(value.span(), message);
                        None
                    }
                };
                if let (Some(year), Some(percent)) = (year, percent) {
                    values.insert(year, percent);
                }
            }
            IndexVintage {
                name: raw.name.clone(),
                vintage: raw.vintage.clone(),
                values,
            }
        })
        .collect();
    IndexTable { vintages }
}

pub fn frames(reader: &mut Reader, raw_frames: &[RawFrame], index: &IndexTable) -> Vec<Frame> {
    raw_frames
        .iter()
        .filter_map(|raw| {
            let unit = reader.unit(&raw.unit);
            let choice = IndexChoice {
                name: raw.index.get_ref().clone(),
                vintage: raw.vintage.clone(),
            };
            if !index
                .vintages
                .iter()
                .any(|vintage| vintage.name == choice.name && vintage.vintage == choice.vintage)
            {
                reader.issue(
                    raw.index.span(),
                    format!(
                        "indexet ”{}” med årgången ”{}” finns inte bland [[index]]",
                        choice.name, choice.vintage
                    ),
                );
            }
            let mut years = BTreeMap::new();
            for raw_year in &raw.year {
                let year = reader.year(&raw_year.year);
                let frame_year = frame_year(reader, raw_year);
                if let (Some(year), Some(frame_year)) = (year, frame_year)
                    && years.insert(year, frame_year).is_some()
                {
                    reader.issue(
                        raw_year.year.span(),
                        format!("året {year} finns redan i ramen"),
                    );
                }
            }
            Some(Frame {
                unit: unit?,
                heading: raw.heading.clone(),
                index: choice,
                years,
            })
        })
        .collect()
}

fn frame_year(reader: &mut Reader, raw: &RawFrameYear) -> Option<FrameYear> {
    let derivation = match &raw.base {
        Some(base) => Some(Derivation {
            base: frame_base(reader, base)?,
            steps: steps(reader, &raw.step)?,
        }),
        None if !raw.step.is_empty() => {
            reader.issue(raw.year.span(), "stegen behöver en utgångspunkt: ange base = { year = …, amount = … } eller base = { frame = … }");
            return None;
        }
        None => None,
    };
    match (&raw.amount, derivation) {
        (Some(amount), trail) => {
            let amount = reader.amount(amount, Unit::Tkr)?;
            Some(FrameYear::Entered {
                amount: amount.value,
                trail,
            })
        }
        (None, Some(derivation)) => Some(FrameYear::Derived { derivation }),
        (None, None) => {
            reader.issue(
                raw.year.span(),
                "året behöver ett belopp (amount = …) eller en härledning (base = …)",
            );
            None
        }
    }
}

fn frame_base(reader: &mut Reader, base: &Spanned<super::raw::RawBase>) -> Option<Base> {
    let raw = base.get_ref();
    match (&raw.frame, &raw.year, &raw.amount) {
        (Some(frame), None, None) => Some(Base::Frame {
            year: reader.year(frame)?,
        }),
        (None, Some(year), Some(amount)) => Some(Base::Amount {
            year: reader.year(year)?,
            amount: reader.amount(amount, Unit::Tkr)?,
        }),
        _ => {
            reader.issue(
                base.span(),
                "base är antingen { frame = ÅR } eller { year = ÅR, amount = BELOPP }",
            );
            None
        }
    }
}

fn steps(reader: &mut Reader, raw_steps: &[RawStep]) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut complete = true;
    for raw in raw_steps {
        let stated_result = raw
            .result
            .as_ref()
            .and_then(|result| reader.amount(result, Unit::Tkr));
        let kind = match (&raw.uprating, &raw.adjustment) {
            (Some(index_year), None) => {
                let share = match &raw.share {
                    None => Some(Percent::HUNDRED),
                    Some(share) => parse_percent(share.get_ref())
                        .map_err(|message| reader.issue(share.span(), message))
                        .ok(),
                };
                reader
                    .year(index_year)
                    .zip(share)
                    .map(|(index_year, share)| StepKind::Uprating { index_year, share })
            }
            (None, Some(name)) => match &raw.amount {
                Some(amount) => {
                    reader
                        .amount(amount, Unit::Tkr)
                        .map(|amount| StepKind::Adjustment {
                            name: name.get_ref().clone(),
                            amount,
                            permanence: if raw.permanent {
                                Permanence::Permanent
                            } else {
                                Permanence::Temporary
                            },
                        })
                }
                None => {
                    reader.issue(
                        name.span(),
                        format!(
                            "justeringen ”{}” saknar belopp (amount = …)",
                            name.get_ref()
                        ),
                    );
                    None
                }
            },
            (Some(span), Some(_)) => {
                reader.issue(
                    span.span(),
                    "ett steg är antingen en uppräkning (uprating) eller en justering (adjustment)",
                );
                None
            }
            (None, None) => {
                let span = raw.result.as_ref().map(Spanned::span).unwrap_or(0..0);
                reader.issue(
                    span,
                    "ett steg behöver uprating = ÅR eller adjustment = \"namn\"",
                );
                None
            }
        };
        match kind {
            Some(kind) => steps.push(Step {
                kind,
                stated_result,
                text: raw.text.clone(),
            }),
            None => complete = false,
        }
    }
    complete.then_some(steps)
}

const LINE_KEYS: [&str; 5] = [
    "revenue",
    "personnel",
    "premises_rent",
    "purchased_services",
    "other_costs",
];
const ROW_KEYS: [&str; 10] = [
    "revenue",
    "personnel",
    "premises_rent",
    "purchased_services",
    "other_costs",
    "costs",
    "net_cost",
    "kommunbidrag",
    "financial_net",
    "result",
];

fn exact(figures: BTreeMap<Year, Stated>) -> BTreeMap<Year, Amount> {
    figures
        .into_iter()
        .map(|(year, stated)| (year, stated.value))
        .collect()
}

pub fn operating(
    reader: &mut Reader,
    raw_blocks: &[RawOperating],
    budget_years: (Year, Year),
) -> (Vec<UnitLines>, Vec<OperatingTable>) {
    let mut all_lines = Vec::new();
    let mut tables = Vec::new();
    for raw in raw_blocks {
        let Some(unit) = reader.unit(&raw.unit) else {
            continue;
        };
        let mut lines = BTreeMap::new();
        let entered: [(LineKind, &YearAmounts); 5] = [
            (LineKind::Revenue, &raw.revenue),
            (LineKind::Personnel, &raw.personnel),
            (LineKind::PremisesRent, &raw.premises_rent),
            (LineKind::PurchasedServices, &raw.purchased_services),
            (LineKind::OtherCosts, &raw.other_costs),
        ];
        for (kind, amounts) in entered {
            let amounts = exact(reader.year_amounts(amounts));
            if !amounts.is_empty() {
                lines.insert(kind, amounts);
            }
        }
        let financial_net = exact(reader.year_amounts(&raw.financial_net));
        let explanations = raw
            .explanation
            .iter()
            .filter_map(|explanation| {
                let line = reader.choice(
                    &explanation.line,
                    "budgetrad",
                    &LINE_KEYS,
                    LineKind::from_key,
                );
                let (from, to) = match &explanation.years {
                    Some(years) => year_pair(reader, years)?,
                    None => budget_years,
                };
                let stated = match &explanation.change {
                    Some(change) => Some(
                        parse_change(change.get_ref(), Unit::Tkr)
                            .map_err(|message| reader.issue(change.span(), message))
                            .ok()?,
                    ),
                    None => None,
                };
                Some(ChangeExplanation {
                    line: line?,
                    from,
                    to,
                    stated,
                    stated_sentence: explanation.sentence.clone(),
                    text: explanation.text.clone(),
                    superseded: explanation.superseded,
                })
            })
            .collect();
        let mut stated = BTreeMap::new();
        let mut superseded = BTreeMap::new();
        for (rows, into) in [
            (&raw.stated, &mut stated),
            (&raw.superseded, &mut superseded),
        ] {
            for (key, amounts) in rows {
                let Some(row) = reader.choice(key, "tabellrad", &ROW_KEYS, OperatingRow::from_key)
                else {
                    continue;
                };
                for (year, amount) in reader.year_amounts(amounts) {
                    into.insert((row, year), amount);
                }
            }
        }
        if let Some(heading) = &raw.heading {
            tables.push(OperatingTable {
                unit: unit.clone(),
                heading: heading.clone(),
                stated,
                superseded,
            });
        } else if let Some((key, _)) = raw.stated.iter().chain(&raw.superseded).next() {
            reader.issue(
                key.span(),
                "angivna tabellvärden (stated) hör till en tabell som visas: ange heading = \"…\"",
            );
        }
        all_lines.push(UnitLines {
            unit,
            lines,
            financial_net,
            explanations,
        });
    }
    (all_lines, tables)
}

fn year_pair(reader: &mut Reader, years: &Spanned<Vec<Spanned<i64>>>) -> Option<(Year, Year)> {
    match reader.years(years.get_ref()).as_slice() {
        [from, to] if years.get_ref().len() == 2 => Some((*from, *to)),
        _ => {
            reader.issue(years.span(), "years anger två år: [från, till]");
            None
        }
    }
}

const CATEGORY_KEYS: [&str; 4] = ["expansion", "image", "reinvestment", "adaptation"];

pub fn investment(reader: &mut Reader, raw: Option<&RawInvestment>) -> InvestmentPlan {
    let Some(raw) = raw else {
        return InvestmentPlan::default();
    };
    let years = reader.years(raw.years.get_ref());
    let mut projects: Vec<InvestmentProject> = Vec::new();
    for project in &raw.project {
        let category = reader.choice(
            &project.category,
            "investeringskategori",
            &CATEGORY_KEYS,
            InvestmentCategory::from_key,
        );
        let amounts = exact(reader.year_amounts(&project.amounts));
        if projects
            .iter()
            .any(|existing| &existing.name == project.name.get_ref())
        {
            reader.issue(
                project.name.span(),
                format!("projektet ”{}” finns redan", project.name.get_ref()),
            );
            continue;
        }
        if let Some(category) = category {
            let mut read =
                InvestmentProject::new(project.name.get_ref().clone(), category, amounts);
            super::details::project_details(reader, project, &mut read);
            projects.push(read);
        }
    }
    let stated = investment_rows(reader, &raw.stated);
    let superseded = investment_rows(reader, &raw.superseded);
    InvestmentPlan {
        heading: raw.heading.clone(),
        years,
        projects,
        stated,
        superseded,
    }
}

/// The plan's stated (or superseded) rows: a category's subtotal or the total, by year.
fn investment_rows(
    reader: &mut Reader,
    rows: &BTreeMap<Spanned<String>, YearAmounts>,
) -> BTreeMap<(InvestmentRow, Year), Stated> {
    let mut stated = BTreeMap::new();
    for (key, amounts) in rows {
        let row = if key.get_ref() == "total" {
            Some(InvestmentRow::Total)
        } else {
            let allowed = ["expansion", "image", "reinvestment", "adaptation", "total"];
            reader
                .choice(
                    key,
                    "investeringsrad",
                    &allowed,
                    InvestmentCategory::from_key,
                )
                .map(InvestmentRow::Category)
        };
        let Some(row) = row else { continue };
        for (year, amount) in reader.year_amounts(amounts) {
            stated.insert((row.clone(), year), amount);
        }
    }
    stated
}

pub fn statements(
    reader: &mut Reader,
    raw_statements: &[RawStatement],
    plan: &InvestmentPlan,
) -> Vec<Statement> {
    raw_statements
        .iter()
        .filter_map(|raw| {
            let figure = figure(reader, &raw.figure, plan);
            let claim = claim(reader, raw);
            Some(Statement {
                section: raw.section.clone(),
                text: raw.text.clone(),
                figure: figure?,
                claim: claim?,
                superseded: raw.superseded,
            })
        })
        .collect()
}

/// `operating:UNIT:ROW`, `frame:UNIT`, `investment:total`, `investment:CATEGORY` or
/// `investment:project:NAME`.
fn figure(reader: &mut Reader, value: &Spanned<String>, plan: &InvestmentPlan) -> Option<Figure> {
    let text = value.get_ref();
    let parts: Vec<&str> = text.splitn(3, ':').collect();
    let at = |part: &str| Spanned::new(value.span(), part.to_string());
    match parts.as_slice() {
        ["operating", unit, row] => {
            let unit = reader.unit(&at(unit));
            let row = reader.choice(&at(row), "tabellrad", &ROW_KEYS, OperatingRow::from_key);
            Some(Figure::Operating {
                unit: unit?,
                row: row?,
            })
        }
        ["frame", unit] => Some(Figure::Frame {
            unit: reader.unit(&at(unit))?,
        }),
        ["investment", "total"] => Some(Figure::Investment {
            row: InvestmentRow::Total,
        }),
        ["investment", "project", name] => {
            if plan.projects.iter().all(|project| project.name != *name) {
                reader.issue(
                    value.span(),
                    format!("investeringsplanen har inget projekt ”{name}”"),
                );
                return None;
            }
            Some(Figure::Investment {
                row: InvestmentRow::Project((*name).to_string()),
            })
        }
        ["investment", category] => {
            let category = reader.choice(
                &at(category),
                "investeringskategori",
                &CATEGORY_KEYS,
                InvestmentCategory::from_key,
            );
            Some(Figure::Investment {
                row: InvestmentRow::Category(category?),
            })
        }
        _ => {
            reader.issue(
                value.span(),
                format!("”{text}” pekar inte ut någon siffra; skriv operating:ENHET:RAD, frame:ENHET, investment:total, investment:KATEGORI eller investment:project:NAMN"),
            );
            None
        }
    }
}

fn claim(reader: &mut Reader, raw: &RawStatement) -> Option<Claim> {
    let given = [
        raw.change.is_some(),
        raw.value.is_some(),
        raw.sum.is_some(),
        raw.average.is_some(),
    ];
    if given.iter().filter(|given| **given).count() != 1 {
        reader.issue(
            raw.figure.span(),
            "ett påstående har precis en av change, value, sum och average",
        );
        return None;
    }
    let many_years = |reader: &mut Reader| match &raw.years {
        Some(years) if years.get_ref().len() >= 2 => Some(reader.years(years.get_ref())),
        Some(years) => {
            reader.issue(years.span(), "years anger minst två år");
            None
        }
        None => {
            reader.issue(
                raw.figure.span(),
                "ange vilka år påståendet gäller: years = [2026, 2027, 2028]",
            );
            None
        }
    };
    if let Some(change) = &raw.change {
        let stated = parse_change(change.get_ref(), Unit::Tkr)
            .map_err(|message| reader.issue(change.span(), message))
            .ok();
        let Some(years) = &raw.years else {
            reader.issue(change.span(), "en förändring anger years = [från, till]");
            return None;
        };
        let (from, to) = year_pair(reader, years)?;
        return Some(Claim::Change {
            from,
            to,
            stated: stated?,
        });
    }
    if let Some(value) = &raw.value {
        let stated = reader.amount(value, Unit::Tkr);
        let Some(year) = &raw.year else {
            reader.issue(
                value.span(),
                "ett värde anger vilket år det gäller: year = 2025",
            );
            return None;
        };
        return Some(Claim::Value {
            year: reader.year(year)?,
            stated: stated?,
        });
    }
    if let Some(sum) = &raw.sum {
        let stated = reader.amount(sum, Unit::Tkr);
        return Some(Claim::Sum {
            years: many_years(reader)?,
            stated: stated?,
        });
    }
    let average = raw.average.as_ref()?;
    let stated = reader.amount(average, Unit::Tkr);
    Some(Claim::Average {
        years: many_years(reader)?,
        stated: stated?,
    })
}
