//! An investment project from its name, category and an amount per plan year.

use styr_domain::calendar::Year;
use styr_domain::investment::{InvestmentCategory, InvestmentProject};

use crate::input::{Errors, FieldErrors, amount, line};

/// A project: its name, category key, and an amount text per plan year (empty is none).
pub fn project(
    name: &str,
    category: &str,
    amounts: &[(Year, String)],
) -> Result<InvestmentProject, FieldErrors> {
    let mut errors = Errors::default();
    let name = match line(name) {
        Ok(name) if name.is_empty() => {
            errors.add("name", "Projektets namn behöver fyllas i");
            name
        }
        Ok(name) => name,
        Err(message) => {
            errors.add("name", message);
            String::new()
        }
    };
    let category = InvestmentCategory::from_key(category);
    if category.is_none() {
        errors.add(
            "category",
            "välj en kategori: expansion, image, reinvestment eller adaptation",
        );
    }
    let mut parsed = std::collections::BTreeMap::new();
    for (year, text) in amounts {
        if text.trim().is_empty() {
            continue;
        }
        match amount(text) {
            Ok(amount) => {
                parsed.insert(*year, amount);
            }
            Err(message) => errors.add(&format!("amount:{year}"), message),
        }
    }
    // A value that did not read has its message already.
    let Some(category) = category else {
        return Err(errors.into_inner());
    };
    errors.finish(|| InvestmentProject {
        name,
        category,
        amounts: parsed,
    })
}
