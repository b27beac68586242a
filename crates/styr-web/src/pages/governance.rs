//! Styrdokument: the municipality's register of governance documents — every policy,
//! riktlinje, plan and budget with its type, decision, validity and "revideras senast" —,
//! what is due for revision (passed, or within 90 days), and for those who may change it
//! (`EditDocument`) forms to add and change documents and a confirmation before one is
//! removed. A budget's own document is a row of its municipality's register, changed on that
//! budget's Dokument page. The start page reminds of what is due (`due_reminders`).
//!
//! ```text
//! /styrdokument                         the registers, and what is due
//! POST /styrdokument                    add (no version) or save over the version read
//! /styrdokument/1489/{id}/ta-bort       confirm, then remove
//! ```

use std::collections::BTreeMap;

use askama::Template;
use styr_app::{AppError, Register};
use styr_domain::access::ActionKind;
use styr_domain::governance::{GovernanceDocument, RevisionState};

use super::{FormState, PageResult, html, invalid, see, shown_again};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::input::{Key, key, records, slug};

/// A document as the register lists it.
pub struct RowView {
    pub target: String,
    pub id: String,
    pub municipality: String,
    pub version: String,
    pub title: String,
    pub kind: String,
    pub decided_by: String,
    pub decision_date: String,
    pub registry_number: String,
    pub applies_to: String,
    pub validity: String,
    pub valid_until: String,
    pub revise_by: String,
    pub owner: String,
    /// Where it stands against "revideras senast".
    pub state: String,
    /// The same, short, for the register's table: "passerat för 336 dagar sedan", "om 46 dagar".
    pub state_short: String,
    pub due: bool,
    pub overdue: bool,
    pub expired: bool,
    /// A budget's own document: the address of its Dokument page.
    pub budget_page: String,
}

pub struct RegisterView {
    pub municipality: String,
    pub name: String,
    pub rows: Vec<RowView>,
    /// The targets of the rows that are due, most overdue first.
    pub due: Vec<RowView>,
    pub new_row: RowView,
}

#[derive(Template)]
#[template(path = "governance.html")]
pub struct GovernancePage {
    pub title: String,
    pub registers: Vec<RegisterView>,
    pub form: FormState,
    pub message: String,
    pub may_edit: bool,
}

fn row(row: &styr_app::RegisterRow) -> RowView {
    let document = &row.document;
    let metadata = &document.metadata;
    let date = |date: Option<styr_domain::calendar::Date>| {
        date.map(|date| date.to_string()).unwrap_or_default()
    };
    RowView {
        target: format!("{}-{}", document.municipality, document.id),
        id: document.id.clone(),
        municipality: document.municipality.clone(),
        version: row
            .version
            .map(|version| version.to_string())
            .unwrap_or_default(),
        title: metadata.title.clone(),
        kind: metadata.kind.clone(),
        decided_by: metadata.decided_by.clone(),
        decision_date: date(metadata.decision_date),
        registry_number: metadata.registry_number.clone(),
        applies_to: metadata.applies_to.clone(),
        validity: metadata.validity.clone(),
        valid_until: date(metadata.valid_until),
        revise_by: date(metadata.revise_by),
        owner: metadata.owner.clone(),
        state: row.revision.sentence(metadata.revise_by),
        state_short: match row.revision {
            RevisionState::Overdue { days } => format!("passerat för {days} dagar sedan"),
            RevisionState::Due { days: 0 } => "i dag".into(),
            RevisionState::Due { days } => format!("om {days} dagar"),
            RevisionState::Fine { .. } => String::new(),
            RevisionState::NoDate => "inget datum angivet".into(),
        },
        due: row.revision.is_due(),
        overdue: matches!(row.revision, RevisionState::Overdue { .. }),
        expired: row.expired,
        budget_page: row
            .budget
            .map(|id| format!("/budget/{id}/dokument"))
            .unwrap_or_default(),
    }
}

fn register_view(register: &Register) -> RegisterView {
    RegisterView {
        municipality: register.municipality.clone(),
        name: register.name.clone(),
        rows: register.rows.iter().map(row).collect(),
        due: register.due().into_iter().map(row).collect(),
        new_row: RowView {
            target: format!("{}-", register.municipality),
            id: String::new(),
            municipality: register.municipality.clone(),
            version: String::new(),
            title: String::new(),
            kind: String::new(),
            decided_by: String::new(),
            decision_date: String::new(),
            registry_number: String::new(),
            applies_to: String::new(),
            validity: String::new(),
            valid_until: String::new(),
            revise_by: String::new(),
            owner: String::new(),
            state: String::new(),
            state_short: String::new(),
            due: false,
            overdue: false,
            expired: false,
            budget_page: String::new(),
        },
    }
}

async fn page(
    state: &Acting,
    form: FormState,
    message: String,
) -> Result<GovernancePage, PageError> {
    let registers = state.app.registers().await?;
    Ok(GovernancePage {
        title: "Styrdokument".into(),
        registers: registers.iter().map(register_view).collect(),
        form,
        message,
        may_edit: ActionKind::EditDocument.allowed_for(state.actor.role.kind()),
    })
}

pub async fn show(state: Acting) -> PageResult {
    html(&page(&state, FormState::default(), String::new()).await?)
}

/// The start page's reminders: every document due for revision, in every register.
pub async fn due_reminders(state: &Acting) -> Result<Vec<RowView>, PageError> {
    Ok(state
        .app
        .registers()
        .await?
        .iter()
        .flat_map(|register| register.due().into_iter().map(row).collect::<Vec<_>>())
        .collect())
}

/// Adds a document (no `version`) or saves it over the version the form read.
pub async fn save(
    state: Acting,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let municipality = get("municipality").to_string();
    let version = get("version").parse::<i64>().ok();
    let given = get("id");
    let id = if given.is_empty() {
        slug(get("title"))
    } else {
        given.to_string()
    };
    let target = format!(
        "{municipality}-{}",
        if version.is_some() { id.as_str() } else { "" }
    );
    let mut errors = BTreeMap::new();
    if let Err(message) = key(&id) {
        errors.insert(
            "title".to_string(),
            format!("titeln ger inget id: {message}"),
        );
    }
    let metadata = records::document(&records::DocumentInput {
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
    let metadata = match metadata {
        Ok(metadata) if errors.is_empty() => metadata,
        Ok(_) => return failed(&state, target, values, errors).await,
        Err(more) => {
            errors.extend(more);
            return failed(&state, target, values, errors).await;
        }
    };
    let document = GovernanceDocument {
        id,
        municipality,
        metadata,
    };
    match state
        .app
        .put_governance_document(&state.actor, &document, version)
        .await
    {
        Ok(_) => see(format!(
            "/styrdokument#dok-{}-{}",
            document.municipality, document.id
        )),
        Err(error @ (AppError::Rejected(_) | AppError::Stale { .. })) => {
            let kind = crate::error::kind_of(&error);
            let mut form = FormState::failed(target, values, BTreeMap::new());
            form.errors.insert("title".to_string(), error.to_string());
            if let AppError::Stale {
                current_version, ..
            } = &error
            {
                form.values
                    .insert("version".into(), current_version.clone());
            }
            shown_again(kind, &page(&state, form, format!("{error}.")).await?)
        }
        Err(error) => Err(error.into()),
    }
}

async fn failed(
    state: &Acting,
    target: String,
    values: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
) -> PageResult {
    invalid(
        &page(
            state,
            FormState::failed(target, values, errors),
            "Uppgifterna kunde inte sparas; se fälten markerade nedan.".into(),
        )
        .await?,
    )
}

fn found<'a>(
    registers: &'a [Register],
    municipality: &str,
    id: &str,
) -> Option<&'a styr_app::RegisterRow> {
    registers
        .iter()
        .filter(|register| register.municipality == municipality)
        .flat_map(|register| &register.rows)
        .find(|row| row.document.id == id && row.version.is_some())
}

/// Asks whether the document should be removed from the register.
pub async fn confirm_remove(
    state: Acting,
    PagePath((municipality, id)): PagePath<(Key, Key)>,
) -> PageResult {
    let (municipality, id) = (municipality.into_inner(), id.into_inner());
    let registers = state.app.registers().await?;
    let Some(row) = found(&registers, &municipality, &id) else {
        return Err(PageError::not_found());
    };
    if !ActionKind::EditDocument.allowed_for(state.actor.role.kind()) {
        state
            .app
            .require(
                &state.actor,
                &styr_domain::access::Action::EditDocument,
                None,
                None,
            )
            .await?;
    }
    let metadata = &row.document.metadata;
    html(&super::confirm::ConfirmPage {
        title: format!("Ta bort ”{}”", metadata.title),
        nav: Vec::new(),
        heading: format!("Ta bort ”{}” ur registret", metadata.title),
        question: format!(
            "Vill du ta bort styrdokumentet ”{}” ur registret?",
            metadata.title
        ),
        details: vec![format!(
            "{}, beslutat av {}{}.",
            if metadata.kind.is_empty() {
                "Styrdokument"
            } else {
                &metadata.kind
            },
            if metadata.decided_by.is_empty() {
                "–"
            } else {
                &metadata.decided_by
            },
            metadata
                .decision_date
                .map(|date| format!(" {date}"))
                .unwrap_or_default()
        )],
        action: format!(
            "/styrdokument/{municipality}/{id}/ta-bort?version={}",
            row.version.unwrap_or_default()
        ),
        button: format!("Ja, ta bort ”{}”", metadata.title),
        back: format!("/styrdokument#dok-{municipality}-{id}"),
    })
}

#[derive(serde::Deserialize)]
pub struct RemoveQuery {
    pub version: i64,
}

pub async fn remove(
    state: Acting,
    PagePath((municipality, id)): PagePath<(Key, Key)>,
    crate::extract::PageQuery(query): crate::extract::PageQuery<RemoveQuery>,
) -> PageResult {
    let (municipality, id) = (municipality.into_inner(), id.into_inner());
    match state
        .app
        .remove_governance_document(&state.actor, &municipality, &id, query.version)
        .await
    {
        Ok(()) => see("/styrdokument".into()),
        Err(error @ (AppError::Rejected(_) | AppError::Stale { .. })) => shown_again(
            crate::error::kind_of(&error),
            &page(&state, FormState::default(), format!("{error}.")).await?,
        ),
        Err(error) => Err(error.into()),
    }
}
