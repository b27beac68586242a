//! Changes to the budget's registers: investment projects, risks, control activities and
//! their results, goals and efficiency investigations.
//!
//! A record is put (added, or replacing the one with its id) or removed; a record that others
//! refer to is not removed while they do (a risk a control activity follows), and a name a
//! person must see is never empty. A project's amounts enter the plan's subtotals and totals:
//! a project that would make one of them too large to compute is refused, the plan left as it
//! was. A project's amount in the comparison year is the previous year's budget as decided:
//! it stays as it is, and a project with one is not removed. A new control activity without
//! a description of its risk takes the risk analysis's. A risk graded anew has its stated
//! riskvärde re-stated, in the risk analysis and in the control plan.

use crate::budget::Budget;
use crate::efficiency::EfficiencyInvestigation;
use crate::goals::Goal;
use crate::internal_control::{ControlActivity, ControlResult};
use crate::investment::InvestmentProject;
use crate::risk::Risk;

use super::{ChangeError, require_text};

impl Budget {
    pub(super) fn put_project(
        &mut self,
        replacing: Option<&str>,
        project: &InvestmentProject,
    ) -> Result<(), ChangeError> {
        require_text("Projektets namn", &project.name)?;
        if let (Some(start), Some(end)) = (project.start, project.end)
            && end < start
        {
            return Err(ChangeError::ProjectEndsBeforeStart { start, end });
        }
        let comparison = self.years.previous;
        let decided = replacing
            .and_then(|name| self.investment.project_amount(name, comparison))
            .unwrap_or_default();
        if project
            .amounts
            .get(&comparison)
            .copied()
            .unwrap_or_default()
            != decided
        {
            return Err(ChangeError::ComparisonYear { year: comparison });
        }
        if let Some(year) = project
            .amounts
            .keys()
            .find(|year| !self.investment.years.contains(year))
        {
            return Err(ChangeError::YearOutsidePlan(*year));
        }
        let clash = self.investment.projects.iter().any(|existing| {
            existing.name == project.name && Some(existing.name.as_str()) != replacing
        });
        if clash {
            return Err(ChangeError::DuplicateProject(project.name.clone()));
        }
        let saved = self.investment.projects.clone();
        match replacing {
            Some(name) => {
                let existing = self
                    .investment
                    .projects
                    .iter_mut()
                    .find(|existing| existing.name == name);
                *existing.ok_or_else(|| ChangeError::UnknownProject(name.to_string()))? =
                    project.clone();
            }
            None => self.investment.projects.push(project.clone()),
        }
        self.keep_plan_computable(saved)
    }

    pub(super) fn remove_project(&mut self, name: &str) -> Result<(), ChangeError> {
        let comparison = self.years.previous;
        if self
            .investment
            .project_amount(name, comparison)
            .is_some_and(|amount| !amount.is_zero())
        {
            return Err(ChangeError::ProjectInComparisonYear {
                project: name.to_string(),
                year: comparison,
            });
        }
        let saved = self.investment.projects.clone();
        self.investment
            .projects
            .retain(|project| project.name != name);
        if self.investment.projects.len() == saved.len() {
            return Err(ChangeError::UnknownProject(name.to_string()));
        }
        // Taking a project away can make a sum larger too: the one it balanced.
        self.keep_plan_computable(saved)
    }

    /// Puts the projects back as `saved` when a sum of the plan no longer computes.
    fn keep_plan_computable(&mut self, saved: Vec<InvestmentProject>) -> Result<(), ChangeError> {
        match self.verify_investment() {
            Ok(()) => Ok(()),
            Err(overflow) => {
                self.investment.projects = saved;
                Err(overflow.into())
            }
        }
    }

    pub(super) fn put_risk(&mut self, risk: &Risk) -> Result<(), ChangeError> {
        require_text("Riskens namn", &risk.name)?;
        require_text("Riskens id", &risk.id)?;
        let known = self.risks.iter().any(|existing| existing.id == risk.id);
        require_new_key("Riskens id", known, &risk.id)?;
        let mut risk = risk.clone();
        let regraded = self
            .risk(&risk.id)
            .is_some_and(|existing| existing.value() != risk.value());
        if regraded {
            // The document's riskvärde was of the grades it gave; graded anew, the risk's
            // value is re-stated as it now is, here and in the control plan.
            let value = risk.value().value();
            risk.stated_value = risk.stated_value.map(|_| value);
            for control in self
                .controls
                .iter_mut()
                .filter(|control| control.risk == risk.id)
            {
                control.stated_value = control.stated_value.map(|_| value);
            }
        }
        match self
            .risks
            .iter_mut()
            .find(|existing| existing.id == risk.id)
        {
            Some(existing) => *existing = risk,
            None => self.risks.push(risk),
        }
        Ok(())
    }

    pub(super) fn remove_risk(&mut self, id: &str) -> Result<(), ChangeError> {
        if let Some(control) = self.controls.iter().find(|control| control.risk == id) {
            return Err(ChangeError::RiskInUse {
                risk: id.to_string(),
                control: control.id.clone(),
            });
        }
        let before = self.risks.len();
        self.risks.retain(|risk| risk.id != id);
        if self.risks.len() == before {
            return Err(ChangeError::UnknownRisk(id.to_string()));
        }
        Ok(())
    }

    pub(super) fn put_control(&mut self, control: &ControlActivity) -> Result<(), ChangeError> {
        require_text("Kontrollaktivitetens id", &control.id)?;
        let known = self
            .controls
            .iter()
            .any(|existing| existing.id == control.id);
        require_new_key("Kontrollaktivitetens id", known, &control.id)?;
        let Some(risk) = self.risk(&control.risk) else {
            return Err(ChangeError::UnknownRisk(control.risk.clone()));
        };
        // A new activity describes the risk as the risk analysis does, unless told otherwise.
        let mut control = control.clone();
        if !known && control.description.trim().is_empty() {
            control.description = risk.description.clone();
        }
        match self
            .controls
            .iter_mut()
            .find(|existing| existing.id == control.id)
        {
            Some(existing) => *existing = control,
            None => self.controls.push(control),
        }
        Ok(())
    }

    pub(super) fn remove_control(&mut self, id: &str) -> Result<(), ChangeError> {
        let before = self.controls.len();
        self.controls.retain(|control| control.id != id);
        if self.controls.len() == before {
            return Err(ChangeError::UnknownControl(id.to_string()));
        }
        Ok(())
    }

    pub(super) fn add_control_result(
        &mut self,
        control: &str,
        result: &ControlResult,
    ) -> Result<(), ChangeError> {
        require_text("Urvalet", &result.sample)?;
        self.controls
            .iter_mut()
            .find(|activity| activity.id == control)
            .ok_or_else(|| ChangeError::UnknownControl(control.to_string()))?
            .results
            .push(result.clone());
        Ok(())
    }

    pub(super) fn put_goal(&mut self, goal: &Goal) -> Result<(), ChangeError> {
        require_text("Målets rubrik", &goal.title)?;
        require_text("Målets id", &goal.id)?;
        let known = self.goals.iter().any(|existing| existing.id == goal.id);
        require_new_key("Målets id", known, &goal.id)?;
        check_kpis(&self.goals, goal)?;
        match self
            .goals
            .iter_mut()
            .find(|existing| existing.id == goal.id)
        {
            Some(existing) => *existing = goal.clone(),
            None => self.goals.push(goal.clone()),
        }
        Ok(())
    }

    pub(super) fn set_kpi_target(
        &mut self,
        goal: &str,
        kpi: &str,
        year: crate::calendar::Year,
        value: Option<crate::decimal::Decimal>,
    ) -> Result<(), ChangeError> {
        let found = self
            .goals
            .iter_mut()
            .find(|existing| existing.id == goal)
            .ok_or_else(|| ChangeError::UnknownGoal(goal.to_string()))?
            .kpis
            .iter_mut()
            .find(|existing| existing.id == kpi)
            .ok_or_else(|| ChangeError::UnknownKpi {
                goal: goal.to_string(),
                kpi: kpi.to_string(),
            })?;
        if let Some(value) = value {
            found.check_value(value)?;
        }
        found.set_target(year, value);
        Ok(())
    }

    pub(super) fn remove_goal(&mut self, id: &str) -> Result<(), ChangeError> {
        let before = self.goals.len();
        self.goals.retain(|goal| goal.id != id);
        if self.goals.len() == before {
            return Err(ChangeError::UnknownGoal(id.to_string()));
        }
        Ok(())
    }

    pub(super) fn put_efficiency(
        &mut self,
        position: Option<usize>,
        investigation: &EfficiencyInvestigation,
    ) -> Result<(), ChangeError> {
        require_text("Utredningen", &investigation.investigation)?;
        require_text("Förslag från nämnd", &investigation.proposed_by)?;
        match position {
            Some(position) => {
                let slot = self
                    .efficiency
                    .get_mut(position)
                    .ok_or(ChangeError::UnknownEfficiency(position))?;
                *slot = investigation.clone();
            }
            None => self.efficiency.push(investigation.clone()),
        }
        Ok(())
    }

    pub(super) fn remove_efficiency(&mut self, position: usize) -> Result<(), ChangeError> {
        if position >= self.efficiency.len() {
            return Err(ChangeError::UnknownEfficiency(position));
        }
        self.efficiency.remove(position);
        Ok(())
    }
}

/// A new record's id must be a key; a record already in the budget keeps the id it has.
fn require_new_key(field: &'static str, known: bool, key: &str) -> Result<(), ChangeError> {
    if known {
        return Ok(());
    }
    crate::key::check(key).map_err(|reason| ChangeError::Key { field, reason })
}

/// A goal's KPIs: each id a key, unique across the budget's goals (a KPI's values are kept
/// under its id), its targets values the KPI can take.
fn check_kpis(goals: &[Goal], goal: &Goal) -> Result<(), ChangeError> {
    let mut seen = std::collections::BTreeSet::new();
    for kpi in &goal.kpis {
        require_text("Nyckeltalets id", &kpi.id)?;
        crate::key::check(&kpi.id).map_err(|reason| ChangeError::Key {
            field: "Nyckeltalets id",
            reason,
        })?;
        let elsewhere = goals
            .iter()
            .filter(|other| other.id != goal.id)
            .any(|other| other.kpi(&kpi.id).is_some());
        if elsewhere || !seen.insert(kpi.id.as_str()) {
            return Err(ChangeError::DuplicateKpi(kpi.id.clone()));
        }
        for target in &kpi.targets {
            kpi.check_value(target.value)?;
        }
        if let Some(baseline) = &kpi.baseline {
            kpi.check_value(baseline.value)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::change::Change;
    use crate::investment::InvestmentCategory;
    use crate::money::Amount;
    use crate::testing::{budget, year};

    fn project(name: &str, tkr: i64) -> InvestmentProject {
        InvestmentProject::new(
            name,
            InvestmentCategory::Expansion,
            BTreeMap::from([(year(2025), Amount::from_tkr(tkr))]),
        )
    }

    fn with_plan(projects: Vec<InvestmentProject>) -> Budget {
        let mut budget = budget(&[[0; 5]; 3]);
        budget.investment.heading = "Investeringsbudget".into();
        budget.investment.years = vec![year(2025), year(2026)];
        budget.investment.projects = projects;
        budget
    }

    #[test]
    fn a_project_that_makes_a_total_too_large_is_refused_and_the_plan_kept() {
        let mut budget = with_plan(vec![project("Skola", 92_233_720_368_547)]);
        let before = budget.clone();
        let error = budget
            .apply(&Change::PutProject {
                replacing: None,
                project: project("Kaj", 1),
            })
            .expect_err("too large");
        assert_eq!(
            error.to_string(),
            "Investeringsbudget 2025, Expansionsinvesteringar: beloppet blir för stort för att räknas exakt"
        );
        assert_eq!(budget, before);
    }

    #[test]
    fn a_projects_comparison_year_stays_as_decided() {
        let mut budget = with_plan(vec![project("Skola", 1_000)]);
        budget.investment.years.insert(0, year(2024));
        budget.investment.projects[0]
            .amounts
            .insert(year(2024), Amount::from_tkr(300));
        let mut changed = budget.investment.projects[0].clone();
        changed.amounts.insert(year(2024), Amount::from_tkr(400));
        assert_eq!(
            budget.apply(&Change::PutProject {
                replacing: Some("Skola".into()),
                project: changed.clone(),
            }),
            Err(ChangeError::ComparisonYear { year: year(2024) })
        );
        changed.amounts.insert(year(2024), Amount::from_tkr(300));
        changed.amounts.insert(year(2025), Amount::from_tkr(1_200));
        budget
            .apply(&Change::PutProject {
                replacing: Some("Skola".into()),
                project: changed,
            })
            .expect("the plan years may change");
        assert!(matches!(
            budget.apply(&Change::RemoveProject {
                name: "Skola".into()
            }),
            Err(ChangeError::ProjectInComparisonYear { .. })
        ));
        let mut new = project("Kaj", 1);
        new.amounts.insert(year(2024), Amount::from_tkr(1));
        assert_eq!(
            budget.apply(&Change::PutProject {
                replacing: None,
                project: new,
            }),
            Err(ChangeError::ComparisonYear { year: year(2024) })
        );
    }

    #[test]
    fn a_risk_graded_anew_has_its_stated_value_re_stated_and_a_new_control_describes_it() {
        use crate::internal_control::ControlActivity;
        use crate::risk::{Grade, Handling, Risk};
        let mut budget = with_plan(Vec::new());
        let grade = |value| Grade::new(value).expect("a grade");
        let mut risk = Risk {
            id: "brand".into(),
            name: "Brand".into(),
            description: "Risk för brand i arkivet".into(),
            probability: grade(3),
            materiality: grade(4),
            stated_value: Some(12),
            handling: Handling::Control,
            handling_text: String::new(),
            owner: String::new(),
            category: String::new(),
            residual: None,
        };
        budget.risks.push(risk.clone());
        let control = ControlActivity {
            id: "brand".into(),
            risk: "brand".into(),
            stated_risk_name: None,
            stated_value: Some(12),
            description: String::new(),
            method: "Stickprov".into(),
            responsible: "Arkivarie".into(),
            results: Vec::new(),
            schedule: Default::default(),
            status: Default::default(),
            conclusion: String::new(),
        };
        budget
            .apply(&Change::PutControl { control })
            .expect("a new control");
        assert_eq!(budget.controls[0].description, "Risk för brand i arkivet");
        risk.probability = grade(2);
        budget.apply(&Change::PutRisk { risk }).expect("regraded");
        assert_eq!(budget.risks[0].stated_value, Some(8));
        assert_eq!(budget.controls[0].stated_value, Some(8));
    }

    #[test]
    fn a_project_that_ends_before_it_starts_is_refused() {
        let mut budget = with_plan(Vec::new());
        let mut dated = project("Kaj", 1);
        dated.start = crate::calendar::Date::new(2026, 1, 1).ok();
        dated.end = crate::calendar::Date::new(2025, 12, 31).ok();
        assert!(matches!(
            budget.apply(&Change::PutProject {
                replacing: None,
                project: dated,
            }),
            Err(ChangeError::ProjectEndsBeforeStart { .. })
        ));
    }

    #[test]
    fn removing_the_project_that_balanced_a_sum_is_refused() {
        let mut budget = with_plan(vec![
            project("Skola", 92_233_720_368_547),
            project("Försäljning", -1),
            project("Kaj", 1),
        ]);
        let before = budget.clone();
        let removal = Change::RemoveProject {
            name: "Försäljning".into(),
        };
        assert!(matches!(
            budget.apply(&removal),
            Err(ChangeError::Overflow(_))
        ));
        assert_eq!(budget, before);
    }
}
