//! The document's text sections: added, replaced, removed and moved. A section's place is its
//! position in the document; a heading must not be empty and its level is 1–4.

use super::{ChangeError, require_text};
use crate::budget::Budget;
use crate::document::Section;

impl Budget {
    pub(super) fn put_section(
        &mut self,
        position: Option<usize>,
        section: &Section,
    ) -> Result<(), ChangeError> {
        require_text("Rubriken", &section.heading)?;
        if !(1..=4).contains(&section.level) {
            return Err(ChangeError::SectionLevel(section.level));
        }
        match position {
            None => self.sections.push(section.clone()),
            Some(position) => {
                *self
                    .sections
                    .get_mut(position)
                    .ok_or(ChangeError::UnknownSection(position + 1))? = section.clone();
            }
        }
        Ok(())
    }

    pub(super) fn remove_section(&mut self, position: usize) -> Result<(), ChangeError> {
        if position >= self.sections.len() {
            return Err(ChangeError::UnknownSection(position + 1));
        }
        self.sections.remove(position);
        Ok(())
    }

    pub(super) fn move_section(&mut self, from: usize, to: usize) -> Result<(), ChangeError> {
        let count = self.sections.len();
        for position in [from, to] {
            if position >= count {
                return Err(ChangeError::UnknownSection(position + 1));
            }
        }
        let section = self.sections.remove(from);
        self.sections.insert(to, section);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::change::{Change, ChangeError};
    use crate::document::Section;
    use crate::testing::budget;

    fn section(heading: &str) -> Section {
        Section {
            heading: heading.into(),
            level: 2,
            text: String::new(),
            shows: None,
        }
    }

    fn headings(budget: &crate::budget::Budget) -> Vec<&str> {
        budget.sections.iter().map(|s| s.heading.as_str()).collect()
    }

    #[test]
    fn sections_are_added_replaced_moved_and_removed() {
        let mut budget = budget(&[[0; 5]; 3]);
        for heading in ["Inledning", "Verksamhet", "Bilaga"] {
            let change = Change::PutSection {
                position: None,
                section: section(heading),
            };
            budget.apply(&change).expect("added");
        }
        let moved = Change::MoveSection { from: 2, to: 0 };
        budget.apply(&moved).expect("moved");
        assert_eq!(headings(&budget), ["Bilaga", "Inledning", "Verksamhet"]);
        let replaced = Change::PutSection {
            position: Some(1),
            section: section("Förord"),
        };
        budget.apply(&replaced).expect("replaced");
        budget
            .apply(&Change::RemoveSection { position: 0 })
            .expect("removed");
        assert_eq!(headings(&budget), ["Förord", "Verksamhet"]);
    }

    #[test]
    fn a_section_that_is_not_there_or_has_no_heading_is_refused() {
        let mut budget = budget(&[[0; 5]; 3]);
        let before = budget.clone();
        assert_eq!(
            budget.apply(&Change::RemoveSection { position: 0 }),
            Err(ChangeError::UnknownSection(1))
        );
        assert_eq!(
            budget.apply(&Change::MoveSection { from: 0, to: 3 }),
            Err(ChangeError::UnknownSection(1))
        );
        let empty = Change::PutSection {
            position: None,
            section: section("  "),
        };
        assert!(matches!(
            budget.apply(&empty),
            Err(ChangeError::Empty { .. })
        ));
        let deep = Change::PutSection {
            position: None,
            section: Section {
                level: 5,
                ..section("Djup")
            },
        };
        assert_eq!(budget.apply(&deep), Err(ChangeError::SectionLevel(5)));
        assert_eq!(budget, before);
    }
}
