//! Importprofiler: how a CSV export from an accounting system is read — its delimiter,
//! decimal sign and which column holds the date, account, cost centre and amount. Profiles are
//! saved by name and serve every budget.

use askama::Template;
use serde::Deserialize;
use styr_app::AppError;

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath};
use crate::pages::{PageResult, html, invalid, see};
use crate::view::{NavItem, nav};

/// A profile to start from: the columns a typical municipal ledger export has.
const PROFILE_EXAMPLE: &str = "delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\ncost_centre = \"Ansvar\"\namount = \"Belopp\"\ntext = \"Text\"\nvoucher = \"Verifikation\"\n";

#[derive(Template)]
#[template(path = "followup_profiles.html")]
pub struct ProfilesPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub saved: Vec<(String, String)>,
    pub name: String,
    pub definition: String,
    pub messages: Vec<String>,
    /// Whether this person may save a profile (a läsare reads them only).
    pub may_edit: bool,
}

async fn profiles_page(
    state: &Acting,
    id: i64,
    name: String,
    definition: String,
    messages: Vec<String>,
) -> Result<ProfilesPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok(ProfilesPage {
        title: format!("Importprofiler – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        saved: state.app.import_profiles().await?.into_iter().collect(),
        name,
        definition,
        messages,
        may_edit: crate::view::may(state, &snapshot, &styr_domain::access::Action::EditMapping),
    })
}

pub async fn profiles(state: Acting, PagePath(id): PagePath<i64>) -> PageResult {
    html(
        &profiles_page(
            &state,
            id,
            String::new(),
            PROFILE_EXAMPLE.into(),
            Vec::new(),
        )
        .await?,
    )
}

/// The profile form; its fields keep their Swedish names in the page.
#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(rename = "namn")]
    pub name: String,
    #[serde(rename = "profil")]
    pub definition: String,
}

/// Saves a CSV import profile under its name (replacing one of the same name), if it reads.
pub async fn save_profile(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(form): PageForm<ProfileForm>,
) -> PageResult {
    let (name, refused) = match crate::input::line(&form.name) {
        Ok(name) => (name, None),
        Err(message) => (String::new(), Some(message)),
    };
    let result = if let Some(message) = refused {
        Err(vec![format!("Profilens namn: {message}.")])
    } else if name.is_empty() {
        Err(vec![
            "Ge profilen ett namn, till exempel ekonomisystemets.".to_string(),
        ])
    } else {
        match state
            .app
            .save_import_profile(&state.actor, &name, &form.definition)
            .await
        {
            Ok(()) => Ok(()),
            Err(AppError::Unreadable(issues)) => {
                Err(issues.iter().map(ToString::to_string).collect())
            }
            Err(error) => return Err(error.into()),
        }
    };
    match result {
        Ok(()) => see(format!("/budget/{id}/uppfoljning/importprofiler")),
        Err(messages) => {
            invalid(&profiles_page(&state, id, name, form.definition, messages).await?)
        }
    }
}
