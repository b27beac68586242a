//! The investment plan (`[investment]`): its projects by category, with their amounts by year.

use std::collections::BTreeMap;

use styr_domain::calendar::Year;
use styr_domain::investment::{
    InvestmentCategory, InvestmentPlan, InvestmentProject, InvestmentRow,
};
use styr_domain::money::Stated;
use toml::Spanned;

use super::operating::exact;
use crate::budget_file::raw::{RawInvestment, YearAmounts};
use crate::budget_file::reader::Reader;

pub(super) const CATEGORY_KEYS: [&str; 4] = ["expansion", "image", "reinvestment", "adaptation"];

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
            crate::budget_file::details::project_details(reader, project, &mut read);
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
