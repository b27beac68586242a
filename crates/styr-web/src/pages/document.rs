//! Dokument: the governance-document metadata of the budget (styrdokument), with where it
//! stands against "revideras senast" today, the downloads, and the budget template. Those who
//! may not change the metadata read it; the template form is shown to those who may edit
//! some unit's lines, and the open-data link only once a version is adopted.

use std::collections::BTreeMap;

use askama::Template;
use styr_app::AppError;
use styr_domain::access::Action;
use styr_domain::change::Change;

use super::after_change;
use super::{FormState, PageResult, html, invalid};
use crate::auth::Acting;
use crate::extract::{PageForm, PagePath};
use crate::input::records;
use crate::view::{NavItem, nav};

pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
}

/// The metadata block's fields, labelled as the reference labels them.
pub const FIELDS: [Field; 10] = [
    Field {
        name: "title",
        label: "Titel",
        hint: "",
    },
    Field {
        name: "kind",
        label: "Typ av styrdokument",
        hint: "",
    },
    Field {
        name: "decided_by",
        label: "Beslutande instans",
        hint: "",
    },
    Field {
        name: "decision_date",
        label: "Datum för beslut",
        hint: "ÅÅÅÅ-MM-DD",
    },
    Field {
        name: "registry_number",
        label: "Diarienummer",
        hint: "",
    },
    Field {
        name: "applies_to",
        label: "Gäller för",
        hint: "",
    },
    Field {
        name: "validity",
        label: "Giltighetstid",
        hint: "som dokumentet skriver den, t.ex. t.o.m 2025-12-31",
    },
    Field {
        name: "valid_until",
        label: "Giltig till och med",
        hint: "ÅÅÅÅ-MM-DD",
    },
    Field {
        name: "revise_by",
        label: "Revideras senast",
        hint: "ÅÅÅÅ-MM-DD",
    },
    Field {
        name: "owner",
        label: "Dokumentansvarig",
        hint: "",
    },
];

#[derive(Template)]
#[template(path = "document.html")]
pub struct DocumentPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub fields: Vec<(&'static Field, String)>,
    pub form: FormState,
    pub message: String,
    /// The units with budget lines, for a template each: (id, name).
    pub units: Vec<(String, String)>,
    /// Problems of the last template read, each naming its sheet and cell.
    pub template_issues: Vec<String>,
    /// How many changes the last template made, after a successful read.
    pub template_changes: Option<usize>,
    pub may_edit: bool,
    /// Whether this person may read a filled-in template into the budget.
    pub may_import_template: bool,
    /// "Skulle ha reviderats senast 2025-12-31, för 336 dagar sedan." and whether that is due.
    pub revision_state: String,
    pub revision_due: bool,
    /// Whether a version is adopted, so that open data is published.
    pub adopted: bool,
}

fn current(document: &styr_domain::document::DocumentMetadata) -> BTreeMap<&'static str, String> {
    let date = |date: Option<styr_domain::calendar::Date>| {
        date.map(|date| date.to_string()).unwrap_or_default()
    };
    [
        ("title", document.title.clone()),
        ("kind", document.kind.clone()),
        ("decided_by", document.decided_by.clone()),
        ("decision_date", date(document.decision_date)),
        ("registry_number", document.registry_number.clone()),
        ("applies_to", document.applies_to.clone()),
        ("validity", document.validity.clone()),
        ("valid_until", date(document.valid_until)),
        ("revise_by", date(document.revise_by)),
        ("owner", document.owner.clone()),
    ]
    .into_iter()
    .collect()
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<DocumentPage, crate::error::PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let values = current(&snapshot.budget.document);
    let document = &snapshot.budget.document;
    let revision = document.revision(state.app.today());
    let template_unit = state
        .actor
        .role
        .scope()
        .cloned()
        .unwrap_or_else(|| snapshot.budget.board.clone());
    Ok(DocumentPage {
        may_edit: crate::view::may(state, &snapshot, &Action::EditDocument),
        may_import_template: crate::view::may(
            state,
            &snapshot,
            &Action::EditLines {
                unit: template_unit,
            },
        ),
        revision_state: revision.sentence(document.revise_by),
        revision_due: revision.is_due(),
        adopted: state.app.adopted_budget(id).await?.is_some(),
        title: format!("Dokument – {}", snapshot.budget.document.title),
        nav: nav(id, "dokument"),
        id,
        revision: snapshot.revision,
        fields: FIELDS
            .iter()
            .map(|field| (field, values.get(field.name).cloned().unwrap_or_default()))
            .collect(),
        form,
        message,
        units: snapshot
            .budget
            .lines
            .iter()
            .map(|lines| {
                let name = snapshot
                    .budget
                    .organisation
                    .unit(&lines.unit)
                    .map_or_else(|| lines.unit.to_string(), |unit| unit.name.clone());
                (lines.unit.to_string(), name)
            })
            .collect(),
        template_issues: Vec::new(),
        template_changes: None,
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, FormState::default(), String::new()).await?)
}

pub async fn save(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let parsed = records::document(&records::DocumentInput {
        title: get("title"),
        kind: get("kind"),
        decided_by: get("decided_by"),
        decision_date: Some(get("decision_date")),
        registry_number: get("registry_number"),
        applies_to: get("applies_to"),
        validity: get("validity"),
        valid_until: Some(get("valid_until")),
        revise_by: Some(get("revise_by")),
        owner: get("owner"),
    });
    let revision = get("revision").parse::<i64>().ok();
    let document = match parsed {
        Ok(document) => document,
        Err(errors) => {
            return invalid(
                &page(
                    &state,
                    id,
                    FormState::failed("document", values.clone(), errors),
                    String::new(),
                )
                .await?,
            );
        }
    };
    let result = state
        .app
        .change(
            &state.actor,
            id,
            revision,
            &Change::SetDocument { document },
        )
        .await;
    let form = FormState::failed("document", values, Default::default());
    after_change(
        result,
        format!("/budget/{id}/dokument"),
        form,
        "form",
        |form, message| page(&state, id, form, message),
    )
    .await
}

/// Reads a filled-in budget template; on any problem nothing changes and the page lists them
/// all, each with its sheet and cell. Whether the actor may is asked before the file is read.
pub async fn import_template(
    state: Acting,
    PagePath(id): PagePath<i64>,
    request: axum::extract::Request,
) -> PageResult {
    crate::upload::permission::template(&state, id).await?;
    let form = crate::upload::form(request, crate::upload::TEMPLATE).await?;
    let Some((_, file)) = form.file.filter(|(_, file)| !file.is_empty()) else {
        let mut shown = page(&state, id, FormState::default(), String::new()).await?;
        shown.template_issues = vec!["Välj en ifylld budgetmall (.xlsx) att läsa in.".into()];
        return invalid(&shown);
    };
    let workbook = file.bytes().await.map_err(crate::error::PageError::from)?;
    match state.app.import_template(&state.actor, id, &workbook).await {
        Ok(imported) => {
            let mut shown = page(&state, id, FormState::default(), String::new()).await?;
            shown.template_changes = Some(imported.changes);
            html(&shown)
        }
        Err(AppError::Unreadable(issues)) => {
            let mut shown = page(&state, id, FormState::default(), String::new()).await?;
            shown.template_issues = issues.iter().map(|issue| issue.message.clone()).collect();
            invalid(&shown)
        }
        Err(error) => Err(error.into()),
    }
}
