//! Grafisk profil: the municipality's look, which every budget of the municipality's documents
//! is written in — colours, typeface, the cover page, header and footer texts, and the logo
//! (uploaded as PNG or SVG). A change is a `Change::SetProfile`, audited like every change.
//! Someone who may not edit the document reads the look as a table, with no field.

use std::collections::BTreeMap;

use askama::Template;
use styr_domain::change::Change;
use styr_domain::profile::{Colour, Logo, Profile, Typeface, text};

use super::{FormState, PageResult, after_change, html, invalid};
use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::view::{NavItem, nav};

#[derive(Template)]
#[template(path = "profile.html")]
pub struct ProfilePage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub revision: i64,
    pub municipality: String,
    pub primary: String,
    pub table: String,
    pub fonts: Vec<(&'static str, bool)>,
    pub cover: bool,
    pub cover_text: String,
    pub header: String,
    pub footer: String,
    /// The logo as a `data:` URL for the page's own `<img>`.
    pub logo: Option<String>,
    pub form: FormState,
    pub message: String,
    /// Whether the person may change the look (else the page only reads it).
    pub may_edit: bool,
}

async fn page(
    state: &Acting,
    id: i64,
    form: FormState,
    message: String,
) -> Result<ProfilePage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    let profile = state.app.profile(id).await?;
    Ok(ProfilePage {
        title: format!("Grafisk profil – {}", snapshot.budget.municipality.name),
        nav: nav(id, "profil"),
        id,
        revision: snapshot.revision,
        municipality: snapshot.budget.municipality.name.clone(),
        primary: profile.primary.hex(),
        table: profile.table.hex(),
        fonts: Typeface::ALL
            .iter()
            .map(|typeface| (typeface.name(), *typeface == profile.font))
            .collect(),
        cover: profile.cover,
        cover_text: profile.cover_text.clone(),
        header: profile.header.clone(),
        footer: profile.footer.clone(),
        logo: profile.logo.as_ref().map(|logo| {
            use base64::Engine;
            format!(
                "data:{};base64,{}",
                logo.format.media_type(),
                base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
            )
        }),
        form,
        message,
        may_edit: crate::view::may(state, &snapshot, &styr_domain::access::Action::EditDocument),
    })
}

pub async fn show(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(&page(&state, id, FormState::default(), String::new()).await?)
}

/// The form's fields over the profile as it is (the logo kept unless it is to go).
fn read(
    values: &BTreeMap<String, String>,
    mut profile: Profile,
) -> Result<Profile, BTreeMap<String, String>> {
    let get = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
    let mut errors = BTreeMap::new();
    let mut note = |field: &str, error: styr_domain::profile::ProfileError| {
        errors.insert(field.to_string(), error.to_string());
    };
    match Colour::parse(get("primary")) {
        Ok(colour) => profile.primary = colour,
        Err(error) => note("primary", error),
    }
    match Colour::parse(get("table")) {
        Ok(colour) => profile.table = colour,
        Err(error) => note("table", error),
    }
    match Typeface::from_name(get("font")) {
        Ok(typeface) => profile.font = typeface,
        Err(error) => note("font", error),
    }
    for (field, label, target) in [
        (
            "cover_text",
            "Försättsbladets text",
            &mut profile.cover_text,
        ),
        ("header", "Sidhuvudet", &mut profile.header),
        ("footer", "Sidfoten", &mut profile.footer),
    ] {
        match text(label, get(field)) {
            Ok(value) => *target = value,
            Err(error) => note(field, error),
        }
    }
    profile.cover = get("cover") == "ja";
    if get("remove_logo") == "ja" {
        profile.logo = None;
    }
    if errors.is_empty() {
        Ok(profile)
    } else {
        Err(errors)
    }
}

pub async fn save(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(values): PageForm<BTreeMap<String, String>>,
) -> PageResult {
    let revision = values.get("revision").and_then(|value| value.parse().ok());
    let profile = match read(&values, state.app.profile(id).await?) {
        Ok(profile) => profile,
        Err(errors) => {
            let form = FormState::failed("profile", values, errors);
            return invalid(&page(&state, id, form, String::new()).await?);
        }
    };
    let result = state
        .app
        .change(&state.actor, id, revision, &Change::SetProfile { profile })
        .await;
    let form = FormState::failed("profile", values, BTreeMap::new());
    after_change(
        result,
        format!("/budget/{id}/profil"),
        form,
        "form",
        |form, message| page(&state, id, form, message),
    )
    .await
}

/// A new logo, PNG or SVG. Whether the actor may is asked before the file is read; a file that
/// is no PNG or SVG, too large, or an SVG that does not draw, changes nothing.
pub async fn upload_logo(
    state: Acting,
    PagePath(id): PagePath<i64>,
    request: axum::extract::Request,
) -> PageResult {
    crate::upload::permission::logo(&state, id).await?;
    let form = crate::upload::form(request, crate::upload::LOGO).await?;
    let state = &state;
    let refused = |message: String| async move {
        let shown = page(state, id, FormState::default(), message).await?;
        invalid(&shown)
    };
    let Some((_, file)) = form.file.filter(|(_, file)| !file.is_empty()) else {
        return refused("Välj en logotyp (PNG eller SVG) att ladda upp.".into()).await;
    };
    let bytes = file.bytes().await.map_err(PageError::from)?;
    let logo = match Logo::from_bytes(bytes) {
        Ok(logo) => logo,
        Err(error) => return refused(format!("Logotypen laddades inte upp: {error}.")).await,
    };
    if let Err(error) = styr_output::check_logo(&logo) {
        return refused(format!("Logotypen laddades inte upp: {error}.")).await;
    }
    let mut profile = state.app.profile(id).await?;
    profile.logo = Some(logo);
    let result = state
        .app
        .change(&state.actor, id, None, &Change::SetProfile { profile })
        .await;
    after_change(
        result,
        format!("/budget/{id}/profil"),
        FormState::default(),
        "logo",
        |form, message| page(state, id, form, message),
    )
    .await
}
