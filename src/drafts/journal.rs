//! The journal of a tab's edits not yet in its stored draft: each field write is written at once
//! (a small entry: the field's path and its new text), any other change as the whole plan, so a
//! tab that crashes before its autosave loses nothing. The next save folds the journal in and
//! clears it; a tab that opens the draft later replays a journal left behind, and sets aside,
//! unchanged and reported in words, one it cannot read or apply. The stored draft is never the
//! worse for a journal.
//!
//! Layout: this tab's entries under [`journal_key`] (draft id and tab id), and the whole plan, when
//! a change other than a field write came, under the same key plus [`WHOLE_SUFFIX`] — so a keystroke
//! rewrites a few bytes, not the plan.

use serde::{Deserialize, Serialize};

use super::{BlankWrite, DraftError, DraftMeta, DraftStore, Drafts, Notice, StoreError};
use crate::form::node::set_text_at;
use crate::plan::json::{from_json, to_json};
use crate::plan::Plan;

/// Prefix of every journal key.
pub const JOURNAL_PREFIX: &str = "support-ops.journal.";
/// Added to a journal's key for the whole plan it starts from.
pub const WHOLE_SUFFIX: &str = ".whole";

const JOURNAL_FORMAT: u32 = 1;

/// The key of tab `tab`'s journal for draft `draft`.
pub fn journal_key(draft: &str, tab: &str) -> String {
    format!("{JOURNAL_PREFIX}{draft}.{tab}")
}

/// Edits made on top of one stored revision of a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    pub format: u32,
    /// The stored revision the edits were made on.
    pub revision: u64,
    /// Whether the edits start from the whole plan kept beside the journal rather than from the
    /// stored draft (a change other than a field write came first).
    #[serde(default)]
    pub whole: bool,
    /// Field writes in order; a field written again keeps only its latest text.
    #[serde(default)]
    pub edits: Vec<FieldEdit>,
}

/// One field's new text, at its path in the plan (`header.product`, `taxonomy[2].name`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldEdit {
    pub path: String,
    pub text: String,
}

impl Journal {
    /// An empty journal over stored revision `revision`.
    pub fn new(revision: u64) -> Journal {
        Journal {
            format: JOURNAL_FORMAT,
            revision,
            whole: false,
            edits: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.whole && self.edits.is_empty()
    }

    /// Records that the field at `path` now reads `text`.
    pub fn field(&mut self, path: &str, text: &str) {
        self.edits.retain(|edit| edit.path != path);
        self.edits.push(FieldEdit {
            path: path.to_string(),
            text: text.to_string(),
        });
    }

    /// Records a change other than a field write: from now on the edits start from the whole
    /// plan, which the caller keeps beside the journal.
    pub fn starts_from_whole(&mut self) {
        self.whole = true;
        self.edits.clear();
    }

    /// The plan the journal leads to from `start` (the stored plan, or the whole plan kept).
    pub fn replay(&self, start: Plan) -> Result<Plan, String> {
        let mut plan = start;
        for edit in &self.edits {
            set_text_at(&mut plan, &edit.path, &edit.text)?;
        }
        Ok(plan)
    }
}

/// Why a journal left behind was not applied.
enum NotApplied {
    /// It could not be read, or its edits do not fit the plan.
    Unreadable(String),
    /// The draft was saved after the edits were made (in another tab).
    Outdated,
}

impl<S: DraftStore> Drafts<S> {
    /// Writes this tab's journal for draft `id`; `whole` is the plan to start from when the
    /// journal says so and it changed. Writes only this tab's keys.
    pub fn write_journal(
        &self,
        id: &str,
        journal: &Journal,
        whole: Option<&Plan>,
    ) -> Result<(), DraftError> {
        let key = journal_key(id, self.tab());
        if let Some(plan) = whole {
            self.store
                .set(&format!("{key}{WHOLE_SUFFIX}"), &to_json(plan))?;
        }
        let text = serde_json::to_string(journal)
            .map_err(|error| DraftError::Store(StoreError::Other(error.to_string())))?;
        Ok(self.store.set(&key, &text)?)
    }

    /// Removes this tab's journal for draft `id` (its edits are stored, or were dropped on purpose).
    pub fn clear_journal(&self, id: &str) -> Result<(), DraftError> {
        let key = journal_key(id, self.tab());
        self.store.remove(&key)?;
        Ok(self.store.remove(&format!("{key}{WHOLE_SUFFIX}"))?)
    }

    fn tab(&self) -> &str {
        self.writer.as_deref().unwrap_or("tab")
    }

    /// Journals other tabs left for draft `meta` (a tab that crashed before its save): each is
    /// replayed onto `plan` and saved at once, then removed. One that cannot be read or applied is
    /// set aside unchanged and reported; one that cannot be saved now stays for the next opening.
    /// Returns the draft and plan as they are stored afterwards.
    pub(super) fn replay_journals(
        &mut self,
        mut meta: DraftMeta,
        mut plan: Plan,
        now: u64,
    ) -> (DraftMeta, Plan) {
        let prefix = format!("{JOURNAL_PREFIX}{}.", meta.id);
        let own = journal_key(&meta.id, self.tab());
        let Ok(mut keys) = self.store.keys() else {
            return (meta, plan);
        };
        keys.retain(|key| key.starts_with(&prefix) && !key.ends_with(WHOLE_SUFFIX) && *key != own);
        keys.sort();
        for key in keys {
            let Ok(Some(text)) = self.store.get(&key) else {
                continue;
            };
            match self.apply_journal(&key, &text, &meta, &plan) {
                Ok(replayed) if replayed == plan => self.remove_journal(&key),
                Ok(replayed) => {
                    match self.save(
                        &meta.id,
                        &replayed,
                        meta.revision,
                        BlankWrite::UserEmptied,
                        now,
                    ) {
                        Ok(saved) => {
                            self.remove_journal(&key);
                            meta = saved;
                            plan = replayed;
                        }
                        // Kept as it is, for the next opening.
                        Err(_) => continue,
                    }
                }
                Err(why) => self.set_journal_aside(&key, &text, &meta, why, now),
            }
        }
        (meta, plan)
    }

    /// The plan journal `text` (stored under `key`) leads to from `plan`, stored at `meta`.
    fn apply_journal(
        &self,
        key: &str,
        text: &str,
        meta: &DraftMeta,
        plan: &Plan,
    ) -> Result<Plan, NotApplied> {
        let journal: Journal = serde_json::from_str(text)
            .map_err(|error| NotApplied::Unreadable(error.to_string()))?;
        if journal.revision != meta.revision {
            return Err(NotApplied::Outdated);
        }
        let start = if journal.whole {
            let whole = self
                .store
                .get(&format!("{key}{WHOLE_SUFFIX}"))
                .ok()
                .flatten()
                .ok_or_else(|| {
                    NotApplied::Unreadable("the plan it starts from is missing".to_string())
                })?;
            from_json(&whole).map_err(|error| NotApplied::Unreadable(error.to_string()))?
        } else {
            plan.clone()
        };
        journal.replay(start).map_err(NotApplied::Unreadable)
    }

    /// Removes every tab's journal of draft `id` (the draft is deleted).
    pub(super) fn remove_journals(&self, id: &str) -> Result<(), DraftError> {
        let prefix = format!("{JOURNAL_PREFIX}{id}.");
        for key in self.store.keys()? {
            if key.starts_with(&prefix) {
                self.store.remove(&key)?;
            }
        }
        Ok(())
    }

    fn remove_journal(&self, key: &str) {
        let _ = self.store.remove(key);
        let _ = self.store.remove(&format!("{key}{WHOLE_SUFFIX}"));
    }

    /// Keeps an unusable journal's text under a set-aside key (left where it is if that fails),
    /// and says so.
    fn set_journal_aside(
        &mut self,
        key: &str,
        text: &str,
        meta: &DraftMeta,
        why: NotApplied,
        now: u64,
    ) {
        if self.set_aside("journal", text, now).is_ok() {
            self.remove_journal(key);
        }
        let reason = match why {
            NotApplied::Unreadable(reason) => format!("they could not be read ({reason})"),
            NotApplied::Outdated => {
                "the draft was saved in another tab after they were typed".to_string()
            }
        };
        self.notices.push(Notice::JournalSetAside {
            name: meta.name.clone(),
            reason,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::tests::plan_for;
    use crate::drafts::{MemoryStore, SET_ASIDE_PREFIX};

    /// A tab that typed into draft "Acme" and crashed before its save: its journal is all that
    /// holds the typing.
    fn crashed_tab_typing(store: &MemoryStore, typed: &[(&str, &str)]) -> DraftMeta {
        let mut crashed = Drafts::with_writer(store, "crashed");
        let meta = crashed.create("Acme", &plan_for("Acme"), 1).unwrap();
        let mut journal = Journal::new(meta.revision);
        for (path, text) in typed {
            journal.field(path, text);
        }
        crashed.write_journal(&meta.id, &journal, None).unwrap();
        meta
    }

    #[test]
    fn typing_a_crashed_tab_left_in_its_journal_is_back_and_stored_on_the_next_start() {
        let store = MemoryStore::new();
        let meta = crashed_tab_typing(
            &store,
            &[
                ("header.product", "Acm"),
                ("header.product", "Acme Helpdesk"),
                ("header.team_size", "12"),
            ],
        );
        let mut next = Drafts::with_writer(&store, "next");
        let (opened, plan) = next.restore(2).unwrap().unwrap();
        assert_eq!(plan.header.product, "Acme Helpdesk");
        assert_eq!(plan.header.team_size, 12);
        // Folded in: stored as a new revision, the journal gone, nothing to tell.
        assert_eq!(opened.revision, meta.revision + 1);
        assert_eq!(next.read_plan(&meta.id, 3).unwrap(), plan);
        assert!(store
            .keys()
            .unwrap()
            .iter()
            .all(|k| !k.starts_with(JOURNAL_PREFIX)));
        assert!(next.take_notices().is_empty());
    }

    #[test]
    fn a_change_other_than_a_field_write_is_replayed_from_the_whole_plan() {
        let store = MemoryStore::new();
        let mut crashed = Drafts::with_writer(&store, "crashed");
        let meta = crashed.create("Acme", &plan_for("Acme"), 1).unwrap();
        let mut restructured = plan_for("Acme");
        restructured.priorities.truncate(1);
        let mut journal = Journal::new(meta.revision);
        journal.starts_from_whole();
        journal.field("header.product", "Acme, restructured");
        crashed
            .write_journal(&meta.id, &journal, Some(&restructured))
            .unwrap();
        let (_, plan) = Drafts::with_writer(&store, "next")
            .restore(2)
            .unwrap()
            .unwrap();
        assert_eq!(plan.priorities.len(), 1);
        assert_eq!(plan.header.product, "Acme, restructured");
    }

    #[test]
    fn a_corrupt_journal_is_set_aside_unchanged_reported_and_the_draft_kept() {
        let store = MemoryStore::new();
        let meta = crashed_tab_typing(&store, &[("header.product", "Typed")]);
        let key = journal_key(&meta.id, "crashed");
        let corrupt = r#"{"format":1,"revision":1,"edits":[{"path":"header.prod"#;
        store.set(&key, corrupt).unwrap();
        let mut next = Drafts::with_writer(&store, "next");
        let (opened, plan) = next.restore(2).unwrap().unwrap();
        assert_eq!(plan, plan_for("Acme"));
        assert_eq!(opened.revision, meta.revision);
        let kept: Vec<String> = store
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
            .map(|k| store.get(&k).unwrap().unwrap_or_default())
            .collect();
        assert_eq!(kept, vec![corrupt.to_string()]);
        assert_eq!(store.get(&key).unwrap(), None);
        let notices = next.take_notices();
        assert_eq!(notices.len(), 1);
        let said = notices[0].to_string();
        assert!(
            said.contains("“Acme”") && said.contains("could not be read"),
            "{said}"
        );
    }

    #[test]
    fn edits_made_on_a_revision_another_tab_replaced_are_set_aside_not_applied() {
        let store = MemoryStore::new();
        let meta = crashed_tab_typing(&store, &[("header.product", "Mine")]);
        let mut other = Drafts::with_writer(&store, "other");
        other
            .save(
                &meta.id,
                &plan_for("Theirs"),
                meta.revision,
                BlankWrite::Refuse,
                2,
            )
            .unwrap();
        let mut next = Drafts::with_writer(&store, "next");
        let (_, plan) = next.restore(3).unwrap().unwrap();
        assert_eq!(plan.header.product, "Theirs");
        let said = next.take_notices()[0].to_string();
        assert!(said.contains("saved in another tab"), "{said}");
    }

    #[test]
    fn a_tab_never_replays_its_own_journal_and_clearing_removes_it() {
        let store = MemoryStore::new();
        let mut tab = Drafts::with_writer(&store, "tab");
        let meta = tab.create("Acme", &plan_for("Acme"), 1).unwrap();
        let mut journal = Journal::new(meta.revision);
        journal.starts_from_whole();
        tab.write_journal(&meta.id, &journal, Some(&plan_for("Live edit")))
            .unwrap();
        let (_, plan) = tab.open(&meta.id, 2).unwrap();
        assert_eq!(plan, plan_for("Acme"));
        tab.clear_journal(&meta.id).unwrap();
        assert!(store
            .keys()
            .unwrap()
            .iter()
            .all(|k| !k.starts_with(JOURNAL_PREFIX)));
    }
}
