//! Organisation: the tree on the first day of the budget year, every unit with its validity
//! dates, and the reorganisation into the year.

use askama::Template;

use super::{PageResult, html};
use crate::auth::Acting;
use crate::extract::PagePath;
use crate::view::{NavItem, nav};

pub struct UnitView {
    pub name: String,
    pub kind: &'static str,
    pub parent: String,
    pub valid_from: String,
    pub valid_to: String,
    pub predecessor: String,
    pub separately_reported: bool,
}

#[derive(Template)]
#[template(path = "organisation.html")]
pub struct OrganisationPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub on: String,
    /// The tree as nested lists, already escaped.
    pub tree: String,
    pub moves: Vec<(String, String, String)>,
    pub units: Vec<UnitView>,
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let report = &snapshot.report().organisation;
    let organisation = &snapshot.budget.organisation;
    let name_of = |unit: Option<&styr_domain::organisation::UnitId>| {
        unit.and_then(|unit| organisation.unit(unit))
            .map(|unit| unit.name.clone())
            .unwrap_or_default()
    };
    html(&OrganisationPage {
        title: format!("Organisation – {}", snapshot.budget.document.title),
        nav: nav(id, "organisation"),
        on: report.on.to_string(),
        tree: nested_lists(report),
        moves: report
            .moves
            .iter()
            .map(|moved| {
                (
                    moved.name.clone(),
                    moved.from_parent.clone(),
                    moved.to_parent.clone(),
                )
            })
            .collect(),
        units: organisation
            .units()
            .iter()
            .map(|unit| UnitView {
                name: unit.name.clone(),
                kind: unit.kind.swedish(),
                parent: name_of(unit.parent.as_ref()),
                valid_from: unit
                    .valid_from
                    .map(|date| date.to_string())
                    .unwrap_or_default(),
                valid_to: unit
                    .valid_to
                    .map(|date| date.to_string())
                    .unwrap_or_default(),
                predecessor: name_of(unit.predecessor.as_ref()),
                separately_reported: unit.separately_reported,
            })
            .collect(),
    })
}

/// The tree's depth-first list as nested `<ul>`s, so screen readers hear the levels.
fn nested_lists(report: &styr_reports::organisation::OrganisationReport) -> String {
    let mut html = String::from("<ul class=\"tree\">");
    let mut depth = 0;
    for (index, node) in report.tree.iter().enumerate() {
        if index > 0 {
            if node.depth > depth {
                html.push_str("<ul>");
            } else {
                html.push_str("</li>");
                for _ in node.depth..depth {
                    html.push_str("</ul></li>");
                }
            }
        }
        depth = node.depth;
        let marker = if node.separately_reported {
            " (särredovisas)"
        } else {
            ""
        };
        html.push_str(&format!(
            "<li>{} <span class=\"hint\">– {}{marker}</span>",
            styr_render::html::escape(&node.name),
            node.kind
        ));
    }
    if !report.tree.is_empty() {
        html.push_str("</li>");
        for _ in 0..depth {
            html.push_str("</ul></li>");
        }
    }
    html.push_str("</ul>");
    html
}
