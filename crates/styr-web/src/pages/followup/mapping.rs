//! Kontomappning: which budget line each account counts towards (by the start of its number),
//! which unit each cost centre belongs to (with validity dates), and how each line's yearly
//! budget is spread over the months (twelve weights, or evenly).
//!
//! ```text
//! 3     → Verksamhetens intäkter      (every account starting with 3)
//! 8410  → Finansnetto
//! 1200  → enhet ks, 2025-01-01 –
//! ```

use askama::Template;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_reports::followup::ENTERED;

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::pages::{PageResult, html, invalid, see};
use crate::view::{NavItem, nav};

pub struct AccountRuleView {
    pub prefix: String,
    pub row: String,
}

pub struct CostCentreRuleView {
    pub object: String,
    pub name: String,
    pub unit: String,
    pub valid_from: String,
    pub valid_to: String,
}

#[derive(Template)]
#[template(path = "followup_mapping.html")]
pub struct MappingPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub account_rules: Vec<AccountRuleView>,
    pub cost_centre_rules: Vec<CostCentreRuleView>,
    pub rows: Vec<(&'static str, &'static str)>,
    pub units: Vec<(String, String)>,
    /// Per line: its key, its name and its twelve weights as typed ("" for an even spread).
    pub profiles: Vec<(&'static str, &'static str, Vec<String>)>,
    /// Each month's abbreviation and its full name: "jan", "januari".
    pub month_abbreviations: Vec<(String, &'static str)>,
    pub messages: Vec<String>,
    /// Whether this person may change the mapping (a läsare reads it only).
    pub may_edit: bool,
}

/// The rows an account rule may point at: the entered rows, kommunbidrag, and "left out" ("").
fn rule_rows() -> Vec<(&'static str, &'static str)> {
    ENTERED
        .iter()
        .chain(&[OperatingRow::Kommunbidrag])
        .map(|row| (row.key(), row.label()))
        .chain([("", "Ingår inte i uppföljningen")])
        .collect()
}

type TypedMapping = (
    Vec<AccountRuleView>,
    Vec<CostCentreRuleView>,
    Vec<(&'static str, &'static str, Vec<String>)>,
);

async fn mapping_page(
    state: &Acting,
    id: i64,
    typed: Option<TypedMapping>,
    messages: Vec<String>,
) -> Result<MappingPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let outcome_names = state.app.followup_names(id).await?;
    let (mut account_rules, mut cost_centre_rules, profiles) = match typed {
        Some(typed) => typed,
        None => {
            let stored = state.app.line_profiles(id).await?;
            let profiles: Vec<(&'static str, &'static str, Vec<String>)> = LineKind::ALL
                .iter()
                .map(|kind| {
                    let weights = stored.get(kind).map_or_else(
                        || vec![String::new(); 12],
                        |profile| profile.0.iter().map(u32::to_string).collect(),
                    );
                    (kind.key(), OperatingRow::Line(*kind).label(), weights)
                })
                .collect();
            let accounts = state.app.account_mapping(id).await?;
            let centres = state.app.cost_centre_mapping(id).await?;
            (
                accounts
                    .rules
                    .iter()
                    .map(|rule| AccountRuleView {
                        prefix: rule.prefix.clone(),
                        row: rule
                            .row
                            .map_or_else(String::new, |row| row.key().to_string()),
                    })
                    .collect(),
                centres
                    .rules
                    .iter()
                    .map(|rule| CostCentreRuleView {
                        object: rule.object.clone(),
                        name: outcome_names.get(&rule.object).cloned().unwrap_or_default(),
                        unit: rule.unit.0.clone(),
                        valid_from: rule
                            .valid_from
                            .map(|date| date.to_string())
                            .unwrap_or_default(),
                        valid_to: rule
                            .valid_to
                            .map(|date| date.to_string())
                            .unwrap_or_default(),
                    })
                    .collect(),
                profiles,
            )
        }
    };
    // Room for new rules.
    for _ in 0..3 {
        account_rules.push(AccountRuleView {
            prefix: String::new(),
            row: String::new(),
        });
        cost_centre_rules.push(CostCentreRuleView {
            object: String::new(),
            name: String::new(),
            unit: String::new(),
            valid_from: String::new(),
            valid_to: String::new(),
        });
    }
    Ok(MappingPage {
        title: format!("Kontomappning – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        account_rules,
        cost_centre_rules,
        rows: rule_rows(),
        units: snapshot
            .budget
            .organisation
            .units()
            .iter()
            .map(|unit| (unit.id.0.clone(), unit.name.clone()))
            .collect(),
        profiles,
        month_abbreviations: styr_domain::followup::month::MONTH_NAMES
            .iter()
            .map(|name| (name.chars().take(3).collect(), *name))
            .collect(),
        may_edit: crate::view::may_follow_up(
            state,
            &snapshot,
            &styr_domain::access::Action::EditMapping,
        ),
        messages,
    })
}

pub async fn mapping(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&mapping_page(&state, id, None, Vec::new()).await?)
}

/// Replaces all account rules and cost-centre rules with what the form holds; a rule whose
/// code is left empty is removed. Nothing is saved unless every rule reads.
pub async fn save_mapping(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> PageResult {
    let values = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
            .collect()
    };
    let (prefixes, rows) = (values("prefix"), values("rad"));
    let (objects, units, froms, tos) = (
        values("kostnadsstalle"),
        values("enhet"),
        values("fran"),
        values("till"),
    );
    let mut messages = Vec::new();
    for typed in prefixes.iter().chain(&objects) {
        if let Err(message) = crate::input::line(typed) {
            messages.push(format!("{}.", crate::error::capitalised(&message)));
            break;
        }
    }
    let mut account_rules = Vec::new();
    for (prefix, row) in prefixes
        .iter()
        .zip(&rows)
        .filter(|(prefix, _)| !prefix.is_empty())
    {
        let operating_row = if row.is_empty() {
            None
        } else {
            match OperatingRow::from_key(row) {
                Some(found) => Some(found),
                None => {
                    messages.push(format!("Raden ”{row}” finns inte."));
                    continue;
                }
            }
        };
        account_rules.push(styr_domain::followup::AccountRule {
            prefix: prefix.clone(),
            row: operating_row,
        });
    }
    let mut profiles = std::collections::BTreeMap::new();
    let mut typed_profiles = Vec::new();
    for kind in LineKind::ALL {
        let weights = values(&format!("profil_{}", kind.key()));
        let label = OperatingRow::Line(kind).label();
        typed_profiles.push((kind.key(), label, weights.clone()));
        if weights.iter().all(String::is_empty) {
            continue;
        }
        let parsed: Option<Vec<u32>> = weights
            .iter()
            .map(|weight| weight.parse::<u32>().ok().filter(|value| *value <= 1000))
            .collect();
        match parsed.and_then(|parsed| <[u32; 12]>::try_from(parsed).ok()) {
            Some(parsed) if parsed.iter().any(|weight| *weight > 0) => {
                profiles.insert(kind, styr_domain::followup::Profile(parsed));
            }
            _ => messages.push(format!(
                "Periodiseringen av {}: skriv tolv vikter, heltal 0–1 000 och inte alla noll, eller lämna alla tomma för jämn fördelning.",
                label.to_lowercase()
            )),
        }
    }
    let accounts = styr_domain::followup::AccountMapping::new(account_rules)
        .map_err(|error| messages.push(format!("Kontomappningen: {error}.")))
        .ok();
    let snapshot = state.app.snapshot(id).await?;
    let mut centre_rules = Vec::new();
    for (((object, unit), from), to) in objects.iter().zip(&units).zip(&froms).zip(&tos) {
        if object.is_empty() {
            continue;
        }
        if snapshot
            .budget
            .organisation
            .unit(&UnitId(unit.clone()))
            .is_none()
        {
            messages.push(format!(
                "Kostnadsställe {object}: välj en enhet ur organisationen."
            ));
            continue;
        }
        let dates = (
            crate::input::optional_date(Some(from)),
            crate::input::optional_date(Some(to)),
        );
        let (Ok(valid_from), Ok(valid_to)) = dates else {
            messages.push(format!(
                "Kostnadsställe {object}: datum skrivs ÅÅÅÅ-MM-DD, till exempel 2025-01-01."
            ));
            continue;
        };
        centre_rules.push(styr_domain::followup::CostCentreRule {
            object: object.clone(),
            unit: UnitId(unit.clone()),
            valid_from,
            valid_to,
        });
    }
    match accounts {
        Some(accounts) if messages.is_empty() => {
            let centres = styr_domain::followup::CostCentreMapping {
                rules: centre_rules,
            };
            state
                .app
                .set_followup_settings(&state.actor, id, &accounts, &centres, &profiles)
                .await?;
            see(format!("/budget/{id}/uppfoljning"))
        }
        _ => {
            let names = state.app.followup_names(id).await?;
            let typed = (
                prefixes
                    .iter()
                    .zip(&rows)
                    .filter(|(prefix, _)| !prefix.is_empty())
                    .map(|(prefix, row)| AccountRuleView {
                        prefix: prefix.clone(),
                        row: row.clone(),
                    })
                    .collect(),
                objects
                    .iter()
                    .zip(&units)
                    .zip(&froms)
                    .zip(&tos)
                    .filter(|(((object, _), _), _)| !object.is_empty())
                    .map(|(((object, unit), from), to)| CostCentreRuleView {
                        name: names.get(object).cloned().unwrap_or_default(),
                        object: object.clone(),
                        unit: unit.clone(),
                        valid_from: from.clone(),
                        valid_to: to.clone(),
                    })
                    .collect(),
                typed_profiles,
            );
            messages.push("Ingenting har sparats; det du skrev finns kvar.".into());
            invalid(&mapping_page(&state, id, Some(typed), messages).await?)
        }
    }
}
