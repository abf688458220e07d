//! Plans open in this tab that the browser would not store (its storage full, or refusing writes):
//! kept in memory with the name they are to get, and stored as soon as the storage takes them —
//! over the draft they are an edited version of while that draft is still as this tab last saw it,
//! else as a new draft, so no stored draft is ever written over with a version it did not lead to.

use super::{copy_name, BlankWrite, DraftError, DraftMeta, DraftStore, Drafts};
use crate::plan::Plan;

/// A plan kept in this tab only, waiting for the storage to take it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unstored {
    /// The name its draft gets when stored (made unique then).
    pub name: String,
    /// The stored draft this plan is an edited version of, as this tab last loaded or saved it;
    /// `None` for a plan never stored (an import, a template).
    pub base: Option<DraftMeta>,
    pub plan: Plan,
}

impl<S: DraftStore> Drafts<S> {
    /// Stores an unstored plan: saved over its draft when that is still at the revision this tab
    /// saw, else (changed in another tab, deleted, unreadable) created as a new draft beside it.
    /// On a storage error nothing stored has changed and the plan is still the caller's.
    pub fn store_unstored(
        &mut self,
        unstored: &Unstored,
        now: u64,
    ) -> Result<DraftMeta, DraftError> {
        let Some(base) = &unstored.base else {
            return self.create(&unstored.name, &unstored.plan, now);
        };
        let saved = self.save(
            &base.id,
            &unstored.plan,
            base.revision,
            BlankWrite::UserEmptied,
            now,
        );
        match saved {
            Err(DraftError::NotFound(_)) => self.create(&base.name, &unstored.plan, now),
            Err(DraftError::Conflict { .. } | DraftError::Unreadable { .. }) => {
                self.create(&copy_name(&base.name), &unstored.plan, now)
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::drafts::tests::plan_for;
    use crate::drafts::{draft_key, MemoryStore, StoreError};
    use crate::plan::json::to_json;

    /// A store whose writes can be refused, as a full browser storage refuses them.
    #[derive(Default)]
    struct Refusing {
        inner: MemoryStore,
        refuse: Cell<bool>,
    }

    impl DraftStore for Refusing {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            if self.refuse.get() {
                return Err(StoreError::QuotaExceeded);
            }
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.inner.keys()
        }
    }

    fn stored_plan(store: &Refusing, id: &str) -> Option<String> {
        store.inner.get(&draft_key(id)).unwrap()
    }

    #[test]
    fn a_plan_the_storage_refuses_is_stored_once_it_takes_writes_and_the_stored_draft_stays() {
        let store = Refusing::default();
        let mut drafts = Drafts::new(&store);
        let acme = drafts.create("Acme", &plan_for("Acme"), 1).unwrap();
        store.refuse.set(true);
        let imported = Unstored {
            name: "Imported Co".to_string(),
            base: None,
            plan: plan_for("Imported Co"),
        };
        assert_eq!(
            drafts.store_unstored(&imported, 2),
            Err(DraftError::Store(StoreError::QuotaExceeded))
        );
        store.refuse.set(false);
        let stored = drafts.store_unstored(&imported, 3).unwrap();
        assert_eq!(stored.name, "Imported Co");
        assert_eq!(drafts.read_plan(&stored.id, 4).unwrap(), imported.plan);
        assert_eq!(
            stored_plan(&store, &acme.id),
            Some(to_json(&plan_for("Acme")))
        );
    }

    #[test]
    fn edits_of_a_draft_go_over_it_while_it_is_as_this_tab_saw_it() {
        let store = Refusing::default();
        let mut drafts = Drafts::new(&store);
        let acme = drafts.create("Acme", &plan_for("Acme"), 1).unwrap();
        let edited = Unstored {
            name: "Acme".to_string(),
            base: Some(acme.clone()),
            plan: plan_for("Acme, edited"),
        };
        let stored = drafts.store_unstored(&edited, 2).unwrap();
        assert_eq!(stored.id, acme.id);
        assert_eq!(stored.revision, acme.revision + 1);
        assert_eq!(drafts.index(3).unwrap().drafts.len(), 1);
    }

    #[test]
    fn edits_of_a_draft_another_tab_saved_meanwhile_become_a_copy_beside_it() {
        let store = Refusing::default();
        let mut drafts = Drafts::new(&store);
        let acme = drafts.create("Acme", &plan_for("Acme"), 1).unwrap();
        let mut other_tab = Drafts::new(&store);
        other_tab
            .save(
                &acme.id,
                &plan_for("Theirs"),
                acme.revision,
                BlankWrite::Refuse,
                2,
            )
            .unwrap();
        let mine = Unstored {
            name: "Acme".to_string(),
            base: Some(acme.clone()),
            plan: plan_for("Mine"),
        };
        let stored = drafts.store_unstored(&mine, 3).unwrap();
        assert_eq!(stored.name, "Copy of Acme");
        assert_eq!(drafts.read_plan(&acme.id, 4).unwrap(), plan_for("Theirs"));
        assert_eq!(drafts.read_plan(&stored.id, 4).unwrap(), plan_for("Mine"));
    }
}
