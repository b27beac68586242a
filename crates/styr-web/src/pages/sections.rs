//! Texter: the document's sections — each a heading, its level, what it places (`shows`) and
//! its text in Markdown — edited, previewed as the document will show it, added, removed and
//! moved. Every save is a change (`PutSection`, `RemoveSection`, `MoveSection`): it moves the
//! budget's revision, is refused when someone saved since the page was read, and is audited.
//! Removing a section asks first (see `confirm`); someone who may not edit the document
//! reads the sections and their text as the document shows them, with no field or button.

use std::collections::BTreeMap;

use askama::Template;
use serde::Deserialize;
use styr_domain::access::Action;
use styr_domain::change::Change;
use styr_domain::document::Section;

use super::{FormState, PageResult, after_change, html, invalid};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath, PageQuery};
use crate::view::{NavItem, nav};

/// The longest section text the page takes: a chapter, not a book.
const TEXT_LIMIT: usize = 100_000;

pub struct SectionRow {
    pub number: usize,
    pub heading: String,
    pub level: u8,
    pub shows: String,
}

#[derive(Template)]
#[template(path = "sections.html")]
pub struct SectionsPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub sections: Vec<SectionRow>,
    /// The section being edited ("ny" for a new one), its fields, and its text as the
    /// document shows it.
    pub editing: String,
    pub heading: String,
    pub level: u8,
    pub shows: String,
    pub text: String,
    pub preview: String,
    pub form: FormState,
    pub message: String,
    /// Whether the person may edit the document's texts (else the page only reads).
    pub may_edit: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default, rename = "avsnitt")]
    pub section: Option<usize>,
}

async fn page(
    state: &Acting,
    id: i64,
    editing: Option<usize>,
    typed: Option<Section>,
    form: FormState,
    message: String,
) -> Result<SectionsPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let sections = &snapshot.budget.sections;
    let current = editing.and_then(|position| sections.get(position)).cloned();
    let shown = typed.or(current).unwrap_or(Section {
        heading: String::new(),
        level: 2,
        text: String::new(),
        shows: None,
    });
    let preview = styr_render::document::html::fragment(&styr_render::document::prose_within(
        &shown.text,
        shown.level,
    ));
    Ok(SectionsPage {
        title: format!("Texter – {}", snapshot.budget.document.title),
        nav: nav(id, "avsnitt"),
        id,
        revision: snapshot.revision,
        sections: sections
            .iter()
            .enumerate()
            .map(|(index, section)| SectionRow {
                number: index + 1,
                heading: section.heading.clone(),
                level: section.level,
                shows: section.shows.clone().unwrap_or_default(),
            })
            .collect(),
        editing: editing.map_or_else(|| "ny".to_string(), |position| (position + 1).to_string()),
        heading: shown.heading,
        level: shown.level,
        shows: shown.shows.unwrap_or_default(),
        text: shown.text,
        preview,
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &Action::EditDocument),
    })
}

pub async fn show(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<EditQuery>,
) -> PageResult {
    let editing = query.section.and_then(|number| number.checked_sub(1));
    html(
        &page(
            &state,
            id,
            editing,
            None,
            FormState::default(),
            String::new(),
        )
        .await?,
    )
}

/// `POST /budget/{id}/avsnitt/{position}` (`ny` for a new section) with `action` spara,
/// forhandsgranska, upp or ned; a removal goes through its confirmation ([`confirm_remove`]).
pub async fn save(
    state: Acting,
    PagePath((id, position)): PagePath<(i64, String)>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let position = match position.as_str() {
        "ny" => None,
        number => Some(
            number
                .parse::<usize>()
                .ok()
                .and_then(|number| number.checked_sub(1))
                .ok_or_else(PageError::not_found)?,
        ),
    };
    let revision = get("revision").parse::<i64>().ok();
    let typed = Section {
        heading: get("heading").trim().to_string(),
        level: get("level").parse().unwrap_or(0),
        text: get("text").replace("\r\n", "\n"),
        shows: Some(get("shows").trim().to_string()).filter(|shows| !shows.is_empty()),
    };
    let change = match (get("action"), position) {
        ("forhandsgranska", _) => {
            return html(
                &page(
                    &state,
                    id,
                    position,
                    Some(typed),
                    FormState::default(),
                    String::new(),
                )
                .await?,
            );
        }
        ("upp", Some(position)) if position > 0 => Change::MoveSection {
            from: position,
            to: position - 1,
        },
        ("ned", Some(position)) => Change::MoveSection {
            from: position,
            to: position + 1,
        },
        ("spara", position) => {
            if let Some(error) = problem(&typed) {
                let errors = BTreeMap::from([("text".to_string(), error)]);
                let form = FormState::failed("section", values.clone(), errors);
                return invalid(
                    &page(&state, id, position, Some(typed), form, String::new()).await?,
                );
            }
            Change::PutSection {
                position,
                section: typed.clone(),
            }
        }
        _ => return Err(PageError::not_found()),
    };
    let result = state.app.change(&state.actor, id, revision, &change).await;
    let form = FormState::failed("section", values.clone(), BTreeMap::new());
    after_change(
        result,
        format!("/budget/{id}/avsnitt"),
        form,
        "text",
        |form, message| page(&state, id, position, Some(typed), form, message),
    )
    .await
}

/// `GET /budget/{id}/avsnitt/{number}/ta-bort`: the question before a section is removed.
pub async fn confirm_remove(
    state: Acting,
    PagePath((id, number)): PagePath<(i64, usize)>,
) -> PageResult {
    let snapshot = state.app.snapshot(id).await?;
    let Some(section) = number
        .checked_sub(1)
        .and_then(|position| snapshot.budget.sections.get(position))
    else {
        return Err(PageError::not_found());
    };
    let shows = section
        .shows
        .as_ref()
        .map(|shows| format!(" Avsnittet visar {shows}, som då inte längre står i dokumentet."))
        .unwrap_or_default();
    super::confirm::removal(
        &state,
        &snapshot,
        super::confirm::Removal {
            page: "avsnitt",
            what: format!("avsnitt {number}, ”{}”", section.heading),
            details: vec![format!(
                "Rubrik på nivå {} med {} tecken text.{shows}",
                section.level,
                section.text.chars().count()
            )],
            action: format!("/budget/{id}/avsnitt/{number}/ta-bort"),
            back: format!("/budget/{id}/avsnitt"),
            permission: Action::EditDocument,
        },
    )
    .await
}

/// `POST /budget/{id}/avsnitt/{number}/ta-bort`: the confirmed removal.
pub async fn remove(state: Acting, PagePath((id, number)): PagePath<(i64, usize)>) -> PageResult {
    let position = number.checked_sub(1).ok_or_else(PageError::not_found)?;
    let result = state
        .app
        .change(&state.actor, id, None, &Change::RemoveSection { position })
        .await;
    after_change(
        result,
        format!("/budget/{id}/avsnitt"),
        FormState::default(),
        "text",
        |form, message| page(&state, id, None, None, form, message),
    )
    .await
}

/// What the page refuses before the domain sees it: a text past its limit or with control
/// characters other than line breaks and tabs.
fn problem(section: &Section) -> Option<String> {
    if section.text.len() > TEXT_LIMIT {
        return Some("Texten får vara högst 100 000 tecken.".into());
    }
    let control = |text: &str| {
        text.chars()
            .any(|character| character.is_control() && !matches!(character, '\n' | '\t'))
    };
    (control(&section.text) || control(&section.heading))
        .then(|| "Texten får inte innehålla styrtecken.".into())
}
