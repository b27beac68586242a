//! The Kolada cache as a use case: a fetch's answer written (the fetch itself is
//! styr-kolada's, so this crate needs no network), a saved answer or CSV download imported,
//! a peer group chosen for a municipality, a user's own list of peers kept. All of it is the
//! controllers' (ImportKolada), asked before a file is read.

use styr_domain::access::Action;
use styr_domain::kolada::{
    GroupMember, KpiMetadata, MunicipalityGroup, is_group_id, is_municipality_id,
};
use styr_import::kolada::KoladaFile;
use styr_store::{FetchRecord, KoladaRefresh, RefreshCounts, Stamp};

use crate::{Actor, App, AppError};

/// What the cache holds, for a page or the API.
#[derive(Clone, Debug)]
pub struct KoladaCache {
    pub kpis: Vec<KpiMetadata>,
    pub groups: Vec<MunicipalityGroup>,
    pub fetches: Vec<FetchRecord>,
    pub peer_choice: Option<String>,
}

impl App {
    /// Asks whether `actor` may change the Kolada cache; a refusal is recorded.
    pub async fn may_change_kolada(&self, actor: &Actor) -> Result<(), AppError> {
        self.require(actor, &Action::ImportKolada, None, None).await
    }

    /// Writes what a fetch brought into the cache.
    pub async fn refresh_kolada(
        &self,
        actor: &Actor,
        refresh: &KoladaRefresh,
    ) -> Result<RefreshCounts, AppError> {
        self.may_change_kolada(actor).await?;
        Ok(self
            .store
            .refresh_kolada(refresh, "hämta från Kolada", &Stamp::now(&actor.name))
            .await?)
    }

    /// Imports a saved Kolada answer (JSON) or CSV download; nothing is written unless the
    /// whole file reads.
    pub async fn import_kolada_file(
        &self,
        actor: &Actor,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<RefreshCounts, AppError> {
        self.may_change_kolada(actor).await?;
        let file =
            styr_import::kolada::read_file(bytes, self.limits()).map_err(AppError::Unreadable)?;
        let mut refresh = KoladaRefresh {
            origin: file_name.chars().take(200).collect(),
            pages: 1,
            ..KoladaRefresh::default()
        };
        match file {
            KoladaFile::Values(values) => refresh.values = values,
            KoladaFile::Kpis(kpis) => refresh.kpis = kpis,
            KoladaFile::Groups(groups) => refresh.groups = groups,
            KoladaFile::Municipalities(names) => refresh.municipalities = names,
        }
        Ok(self
            .store
            .refresh_kolada(&refresh, "importera Kolada-fil", &Stamp::now(&actor.name))
            .await?)
    }

    /// A KPI's cached values for every municipality, with when each was fetched.
    pub async fn kolada_values(
        &self,
        kpi: &str,
    ) -> Result<Vec<(styr_domain::kolada::KoladaValue, String)>, AppError> {
        Ok(self.store.kolada_values(&[kpi.to_string()]).await?)
    }

    /// Municipalities' names as Kolada gave them.
    pub async fn kolada_names(
        &self,
    ) -> Result<std::collections::BTreeMap<String, String>, AppError> {
        Ok(self.store.kolada_names().await?)
    }

    pub async fn kolada_cache(&self, municipality: &str) -> Result<KoladaCache, AppError> {
        Ok(KoladaCache {
            kpis: self.store.kolada_kpis().await?,
            groups: self.store.kolada_groups().await?,
            fetches: self.store.kolada_fetches(50).await?,
            peer_choice: self.store.peer_choice(municipality).await?,
        })
    }

    /// Chooses the group `municipality` is compared with.
    pub async fn choose_peers(
        &self,
        actor: &Actor,
        municipality: &str,
        group: &str,
    ) -> Result<(), AppError> {
        self.may_change_kolada(actor).await?;
        if !is_municipality_id(municipality) {
            return Err(AppError::Rejected(format!(
                "”{municipality}” är ingen kommunkod"
            )));
        }
        if !self
            .store
            .kolada_groups()
            .await?
            .iter()
            .any(|found| found.id == group)
        {
            return Err(AppError::Rejected(format!(
                "jämförelsegruppen ”{}” finns inte; hämta den från Kolada eller spara en egen först",
                group.chars().take(40).collect::<String>()
            )));
        }
        Ok(self
            .store
            .set_peer_choice(municipality, group, &Stamp::now(&actor.name))
            .await?)
    }

    /// Keeps a user's own list of peers as a group ("G" and letters or digits).
    pub async fn put_own_group(
        &self,
        actor: &Actor,
        id: &str,
        title: &str,
        members: &[String],
    ) -> Result<(), AppError> {
        self.may_change_kolada(actor).await?;
        if !is_group_id(id) {
            return Err(AppError::Rejected(
                "en jämförelsegrupps id är G och bokstäver eller siffror, till exempel Gegen1"
                    .into(),
            ));
        }
        if title.trim().is_empty() || members.is_empty() {
            return Err(AppError::Rejected(
                "en jämförelsegrupp behöver ett namn och minst en kommun".into(),
            ));
        }
        if let Some(bad) = members.iter().find(|member| !is_municipality_id(member)) {
            return Err(AppError::Rejected(format!(
                "”{}” är ingen kommunkod (fyra siffror)",
                bad.chars().take(40).collect::<String>()
            )));
        }
        if self
            .store
            .kolada_groups()
            .await?
            .iter()
            .any(|found| found.id == id && !found.own)
        {
            return Err(AppError::Rejected(format!(
                "{id} är en av Koladas egna grupper och kan inte ändras"
            )));
        }
        let group = MunicipalityGroup {
            id: id.to_string(),
            title: title.trim().to_string(),
            members: members
                .iter()
                .map(|member| GroupMember {
                    id: member.clone(),
                    title: String::new(),
                })
                .collect(),
            own: true,
        };
        Ok(self
            .store
            .put_own_group(&group, &Stamp::now(&actor.name))
            .await?)
    }
}
