//! Importprofiler: how a CSV export from an accounting system is read — its delimiter,
//! decimal sign, which column holds the date, account, amount, cost centre, project, text
//! and voucher, and whether costs are shown positive or negative — edited as a form in
//! Swedish. Profiles are saved by name (as the profile file `styr import --profile` reads) and
//! serve every budget.

use askama::Template;
use serde::Deserialize;
use styr_app::AppError;
use styr_import::csv::{Profile, Sign};

use crate::auth::Acting;
use crate::error::PageError;
use crate::extract::{PageForm, PagePath, PageQuery};
use crate::pages::{PageResult, html, invalid, see};
use crate::view::{NavItem, nav};

/// A profile as the form holds it: every field as typed, in Swedish.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ProfileForm {
    #[serde(rename = "namn", default)]
    pub name: String,
    /// semikolon | komma | tabb
    #[serde(rename = "avgransare", default)]
    pub delimiter: String,
    /// komma | punkt
    #[serde(rename = "decimaltecken", default)]
    pub decimal: String,
    #[serde(rename = "datum", default)]
    pub date: String,
    #[serde(rename = "konto", default)]
    pub account: String,
    #[serde(rename = "belopp", default)]
    pub amount: String,
    /// debet (debet positivt, kostnader positiva) | kredit (kostnader negativa)
    #[serde(rename = "tecken", default)]
    pub sign: String,
    #[serde(rename = "kostnadsstalle", default)]
    pub cost_centre: String,
    #[serde(rename = "projekt", default)]
    pub project: String,
    #[serde(rename = "text", default)]
    pub text: String,
    #[serde(rename = "verifikation", default)]
    pub voucher: String,
}

impl ProfileForm {
    /// A typical municipal ledger export, to start from.
    fn example() -> ProfileForm {
        ProfileForm {
            name: String::new(),
            delimiter: "semikolon".into(),
            decimal: "komma".into(),
            date: "Datum".into(),
            account: "Konto".into(),
            amount: "Belopp".into(),
            sign: "debet".into(),
            cost_centre: "Ansvar".into(),
            project: String::new(),
            text: "Text".into(),
            voucher: "Verifikation".into(),
        }
    }

    fn of(name: &str, profile: &Profile) -> ProfileForm {
        let word = |sign: &str| match sign {
            ";" => "semikolon",
            "," => "komma",
            "\t" => "tabb",
            "." => "punkt",
            _ => "",
        };
        ProfileForm {
            name: name.to_string(),
            delimiter: word(&profile.delimiter).into(),
            decimal: word(&profile.decimal).into(),
            date: profile.date.clone(),
            account: profile.account.clone(),
            amount: profile.amount.clone(),
            sign: match profile.sign {
                Sign::Debit => "debet".into(),
                Sign::Credit => "kredit".into(),
            },
            cost_centre: profile.cost_centre.clone().unwrap_or_default(),
            project: profile.project.clone().unwrap_or_default(),
            text: profile.text.clone().unwrap_or_default(),
            voucher: profile.voucher.clone().unwrap_or_default(),
        }
    }

    /// The profile the form describes, or every field's message.
    fn profile(&self) -> Result<Profile, Vec<String>> {
        let mut messages = Vec::new();
        let mut column = |value: &str, what: &str, required: bool| -> Option<String> {
            match crate::input::line(value) {
                Ok(text) if text.is_empty() => {
                    if required {
                        messages.push(format!("Ange vilken kolumn som har {what}."));
                    }
                    None
                }
                Ok(text) => Some(text),
                Err(message) => {
                    messages.push(format!("Kolumnen för {what}: {message}."));
                    None
                }
            }
        };
        let date = column(&self.date, "datumet", true);
        let account = column(&self.account, "kontot", true);
        let amount = column(&self.amount, "beloppet", true);
        let cost_centre = column(&self.cost_centre, "kostnadsstället", false);
        let project = column(&self.project, "projektet", false);
        let text = column(&self.text, "texten", false);
        let voucher = column(&self.voucher, "verifikationen", false);
        let delimiter = match self.delimiter.as_str() {
            "semikolon" => ";",
            "komma" => ",",
            "tabb" => "\t",
            _ => {
                messages.push("Välj avgränsare: semikolon, komma eller tabb.".into());
                ""
            }
        };
        let decimal = match self.decimal.as_str() {
            "komma" => ",",
            "punkt" => ".",
            _ => {
                messages.push("Välj decimaltecken: komma eller punkt.".into());
                ""
            }
        };
        let sign = match self.sign.as_str() {
            "kredit" => Sign::Credit,
            _ => Sign::Debit,
        };
        if !messages.is_empty() {
            return Err(messages);
        }
        let (Some(date), Some(account), Some(amount)) = (date, account, amount) else {
            return Err(vec!["Ange kolumnerna för datum, konto och belopp.".into()]);
        };
        Ok(Profile {
            delimiter: delimiter.into(),
            decimal: decimal.into(),
            date,
            account,
            amount,
            cost_centre,
            project,
            text,
            voucher,
            sign,
        })
    }
}

/// A saved profile as the list shows it, in Swedish.
pub struct SavedView {
    pub name: String,
    pub form: ProfileForm,
    /// The stored text does not read as a profile (saved by an older version or the API).
    pub unreadable: bool,
}

#[derive(Template)]
#[template(path = "followup_profiles.html")]
pub struct ProfilesPage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub saved: Vec<SavedView>,
    pub form: ProfileForm,
    pub messages: Vec<String>,
    /// Whether this person may save a profile (a läsare reads them only).
    pub may_edit: bool,
}

async fn profiles_page(
    state: &Acting,
    id: i64,
    form: ProfileForm,
    messages: Vec<String>,
) -> Result<ProfilesPage, PageError> {
    let snapshot = state.app.snapshot(id).await?;
    Ok(ProfilesPage {
        title: format!("Importprofiler – {}", snapshot.budget.document.title),
        nav: nav(id, "uppfoljning"),
        id,
        saved: state
            .app
            .import_profiles()
            .await?
            .into_iter()
            .map(|(name, definition)| match Profile::parse(&definition) {
                Ok(profile) => SavedView {
                    form: ProfileForm::of(&name, &profile),
                    name,
                    unreadable: false,
                },
                Err(_) => SavedView {
                    form: ProfileForm::default(),
                    name,
                    unreadable: true,
                },
            })
            .collect(),
        form,
        messages,
        may_edit: crate::view::may_follow_up(
            state,
            &snapshot,
            &styr_domain::access::Action::EditMapping,
        ),
    })
}

#[derive(Deserialize, Default)]
pub struct ProfileQuery {
    /// A saved profile to edit.
    #[serde(rename = "profil", default)]
    pub profile: String,
}

pub async fn profiles(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageQuery(query): PageQuery<ProfileQuery>,
) -> PageResult {
    let saved = state.app.import_profiles().await?;
    let form = saved
        .get(&query.profile)
        .and_then(|definition| Profile::parse(definition).ok())
        .map_or_else(ProfileForm::example, |profile| {
            ProfileForm::of(&query.profile, &profile)
        });
    html(&profiles_page(&state, id, form, Vec::new()).await?)
}

/// Saves a CSV import profile under its name (replacing one of the same name), if it reads.
pub async fn save_profile(
    state: Acting,
    PagePath(id): PagePath<i64>,
    PageForm(form): PageForm<ProfileForm>,
) -> PageResult {
    let mut messages = Vec::new();
    let name = match crate::input::line(&form.name) {
        Ok(name) if name.is_empty() => {
            messages.push("Ge profilen ett namn, till exempel ekonomisystemets.".to_string());
            name
        }
        Ok(name) => name,
        Err(message) => {
            messages.push(format!("Profilens namn: {message}."));
            String::new()
        }
    };
    let profile = form.profile().map_err(|found| messages.extend(found)).ok();
    let result = match (profile, messages.is_empty()) {
        (Some(profile), true) => {
            match state
                .app
                .save_import_profile(&state.actor, &name, &profile.to_toml())
                .await
            {
                Ok(()) => Ok(()),
                Err(AppError::Unreadable(issues)) => {
                    Err(issues.iter().map(|issue| issue.message.clone()).collect())
                }
                Err(error) => return Err(error.into()),
            }
        }
        _ => Err(messages),
    };
    match result {
        Ok(()) => see(format!("/budget/{id}/uppfoljning/importprofiler")),
        Err(messages) => invalid(&profiles_page(&state, id, form, messages).await?),
    }
}
