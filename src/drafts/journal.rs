//! The journal of a tab's edits not yet in its stored draft: the edit log's records after the last
//! save (`edit::EditLog::unsaved`), written to storage at each change, so a tab that crashes
//! before its autosave loses nothing. The next save clears it; a tab that opens the draft later
//! replays a journal left behind on the stored draft, and sets aside, unchanged and reported in
//! words, one it cannot read or apply. The stored draft is never the worse for a journal.
//!
//! Layout: this tab's journal under [`journal_key`] (draft id and tab id). Journals of format 1
//! (field writes only, any other change as the whole plan under the key plus [`WHOLE_SUFFIX`])
//! are still read and replayed, so an update of the app between a crash and the next start loses
//! nothing either.

use serde::{Deserialize, Serialize};

use super::{BlankWrite, DraftError, DraftMeta, DraftStore, Drafts, Notice, StoreError};
use crate::edit::{replay, Edit, EditLog};
use crate::plan::json::from_json;
use crate::plan::{Path, Plan};

/// Prefix of every journal key.
pub const JOURNAL_PREFIX: &str = "support-ops.journal.";
/// Added to a format-1 journal's key for the whole plan it starts from.
pub const WHOLE_SUFFIX: &str = ".whole";

/// The format this build writes: the edit log's records.
const JOURNAL_FORMAT: u32 = 2;
/// Field writes only, on the stored plan or on a whole plan kept beside them.
const FIELD_WRITES_FORMAT: u32 = 1;

/// The key of tab `tab`'s journal for draft `draft`.
pub fn journal_key(draft: &str, tab: &str) -> String {
    format!("{JOURNAL_PREFIX}{draft}.{tab}")
}

/// The edits made on top of one stored revision of a draft, in the order they were applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub format: u32,
    /// The stored revision the edits were made on.
    pub revision: u64,
    #[serde(default)]
    pub edits: Vec<Edit>,
}

impl Journal {
    /// An empty journal over stored revision `revision`.
    pub fn new(revision: u64) -> Journal {
        Journal {
            format: JOURNAL_FORMAT,
            revision,
            edits: Vec::new(),
        }
    }

    /// The records of `log` the stored draft (at `revision`) does not hold yet. Writes to one
    /// field in a row keep only the last: replayed, they lead to the same plan.
    pub fn of_log(revision: u64, log: &EditLog) -> Journal {
        let mut journal = Journal::new(revision);
        for record in log.unsaved() {
            journal.push(record.edit.clone());
        }
        journal
    }

    /// Adds `edit`, folding it into the last edit when both write the same field.
    pub fn push(&mut self, edit: Edit) {
        if let (Some(Edit::SetField { path: last, .. }), Edit::SetField { path, .. }) =
            (self.edits.last(), &edit)
        {
            if last == path {
                self.edits.pop();
            }
        }
        self.edits.push(edit);
    }

    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The plan the journal leads to from `start` (the stored plan).
    pub fn replay(&self, start: &Plan) -> Result<Plan, String> {
        replay(start, &self.edits).map_err(|error| error.to_string())
    }
}

/// A journal as format 1 wrote it: field writes, each a path and its text.
#[derive(Deserialize)]
struct FieldWrites {
    revision: u64,
    /// The writes start from the whole plan kept beside the journal, not from the stored one.
    #[serde(default)]
    whole: bool,
    #[serde(default)]
    edits: Vec<FieldWrite>,
}

#[derive(Deserialize)]
struct FieldWrite {
    path: String,
    text: String,
}

impl FieldWrites {
    /// The same writes as edits of today's format.
    fn edits(&self) -> Result<Vec<Edit>, String> {
        self.edits
            .iter()
            .map(|write| {
                Path::parse(&write.path)
                    .map(|path| Edit::set_field(path, &write.text))
                    .ok_or_else(|| format!("\"{}\" is not a path in a plan", write.path))
            })
            .collect()
    }
}

/// Only the format, read first to know how to read the rest.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// Why a journal left behind was not applied.
enum NotApplied {
    /// It could not be read, or its edits do not fit the plan.
    Unreadable(String),
    /// The draft was saved after the edits were made (in another tab).
    Outdated,
}

impl<S: DraftStore> Drafts<S> {
    /// Writes this tab's journal for draft `id`. Writes only this tab's key.
    pub fn write_journal(&self, id: &str, journal: &Journal) -> Result<(), DraftError> {
        let key = journal_key(id, self.tab());
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
        let unreadable = |error: serde_json::Error| NotApplied::Unreadable(error.to_string());
        let format = serde_json::from_str::<FormatOnly>(text).map_err(unreadable)?;
        match format.format {
            JOURNAL_FORMAT => {
                let journal: Journal = serde_json::from_str(text).map_err(unreadable)?;
                if journal.revision != meta.revision {
                    return Err(NotApplied::Outdated);
                }
                journal.replay(plan).map_err(NotApplied::Unreadable)
            }
            FIELD_WRITES_FORMAT => {
                let journal: FieldWrites = serde_json::from_str(text).map_err(unreadable)?;
                if journal.revision != meta.revision {
                    return Err(NotApplied::Outdated);
                }
                let start = if journal.whole {
                    self.whole_plan_beside(key)?
                } else {
                    plan.clone()
                };
                let edits = journal.edits().map_err(NotApplied::Unreadable)?;
                replay(&start, &edits).map_err(|error| NotApplied::Unreadable(error.to_string()))
            }
            other => Err(NotApplied::Unreadable(format!(
                "they were written in format {other}, which this version of the app does not know"
            ))),
        }
    }

    /// The whole plan a format-1 journal under `key` starts from.
    fn whole_plan_beside(&self, key: &str) -> Result<Plan, NotApplied> {
        let whole = self
            .store
            .get(&format!("{key}{WHOLE_SUFFIX}"))
            .ok()
            .flatten()
            .ok_or_else(|| {
                NotApplied::Unreadable("the plan it starts from is missing".to_string())
            })?;
        from_json(&whole).map_err(|error| NotApplied::Unreadable(error.to_string()))
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
        // A format-1 journal may start from a whole plan kept beside it: that is kept too.
        let whole_key = format!("{key}{WHOLE_SUFFIX}");
        let whole_kept = match self.store.get(&whole_key) {
            Ok(Some(whole)) => self.set_aside("journal-whole", &whole, now).is_ok(),
            Ok(None) => true,
            Err(_) => false,
        };
        if whole_kept && self.set_aside("journal", text, now).is_ok() {
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
            journal.push(Edit::set_field(Path::parse(path).unwrap(), text));
        }
        crashed.write_journal(&meta.id, &journal).unwrap();
        meta
    }

    /// The texts set aside in `store`, sorted.
    fn set_aside_texts(store: &MemoryStore) -> Vec<String> {
        let mut kept: Vec<String> = store
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
            .map(|k| store.get(&k).unwrap().unwrap_or_default())
            .collect();
        kept.sort();
        kept
    }

    /// The one notice `drafts` has, which must name draft “Acme” and say `words`.
    fn the_notice_about_acme(drafts: &mut Drafts<&MemoryStore>, words: &str) {
        let notices = drafts.take_notices();
        assert_eq!(notices.len(), 1, "{notices:?}");
        let said = notices[0].to_string();
        assert!(said.contains("“Acme”") && said.contains(words), "{said}");
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
    fn rows_removed_and_moved_are_replayed_as_the_records_say() {
        let store = MemoryStore::new();
        let mut crashed = Drafts::with_writer(&store, "crashed");
        let meta = crashed.create("Acme", &plan_for("Acme"), 1).unwrap();
        let mut editor = crate::edit::Editor::new();
        let mut live = plan_for("Acme");
        for edit in [
            Edit::RemoveRow {
                list: Path::field("priorities"),
                index: 3,
            },
            Edit::MoveRow {
                list: Path::field("priorities"),
                from: 2,
                to: 0,
            },
            Edit::set_field(Path::parse("priorities[0].name").unwrap(), "Urgent"),
        ] {
            editor.apply(&mut live, edit).unwrap();
        }
        let journal = Journal::of_log(meta.revision, editor.log());
        crashed.write_journal(&meta.id, &journal).unwrap();
        let (_, plan) = Drafts::with_writer(&store, "next")
            .restore(2)
            .unwrap()
            .unwrap();
        assert_eq!(plan, live);
        assert_eq!(plan.priorities.len(), 3);
        assert_eq!(plan.priorities[0].name, "Urgent");
    }

    /// A journal written by the app before the edit log (format 1): field writes by path, and the
    /// whole plan beside them after a change of another kind. Still replayed.
    #[test]
    fn a_journal_in_the_format_before_the_edit_log_is_still_replayed() {
        let store = MemoryStore::new();
        let mut crashed = Drafts::with_writer(&store, "crashed");
        let meta = crashed.create("Acme", &plan_for("Acme"), 1).unwrap();
        let mut restructured = plan_for("Acme");
        restructured.priorities.truncate(1);
        let key = journal_key(&meta.id, "crashed");
        store
            .set(
                &format!("{key}{WHOLE_SUFFIX}"),
                &crate::plan::json::to_json(&restructured),
            )
            .unwrap();
        let old = r#"{"format":1,"revision":1,"whole":true,"edits":[{"path":"header.product","text":"Acme, restructured"}]}"#;
        store.set(&key, old).unwrap();
        let mut next = Drafts::with_writer(&store, "next");
        let (_, plan) = next.restore(2).unwrap().unwrap();
        assert_eq!(plan.priorities.len(), 1);
        assert_eq!(plan.header.product, "Acme, restructured");
        assert!(next.take_notices().is_empty());
        assert!(store
            .keys()
            .unwrap()
            .iter()
            .all(|k| !k.starts_with(JOURNAL_PREFIX)));
    }

    /// An old journal whose field writes do not fit the plan is set aside with the whole plan it
    /// started from: neither is lost, and the user is told in words.
    #[test]
    fn an_old_journal_that_does_not_apply_is_set_aside_with_its_whole_plan() {
        let store = MemoryStore::new();
        let mut crashed = Drafts::with_writer(&store, "crashed");
        let meta = crashed.create("Acme", &plan_for("Acme"), 1).unwrap();
        let key = journal_key(&meta.id, "crashed");
        let whole = crate::plan::json::to_json(&plan_for("Whole"));
        store.set(&format!("{key}{WHOLE_SUFFIX}"), &whole).unwrap();
        let old = r#"{"format":1,"revision":1,"whole":true,"edits":[{"path":"channels[40].name","text":"x"}]}"#;
        store.set(&key, old).unwrap();
        let mut next = Drafts::with_writer(&store, "next");
        let (_, plan) = next.restore(2).unwrap().unwrap();
        assert_eq!(plan, plan_for("Acme"));
        let mut expected = vec![old.to_string(), whole];
        expected.sort();
        assert_eq!(set_aside_texts(&store), expected);
        the_notice_about_acme(&mut next, "channels[40].name");
    }

    #[test]
    fn a_journal_of_a_format_this_app_does_not_know_is_set_aside_with_words() {
        let store = MemoryStore::new();
        let meta = crashed_tab_typing(&store, &[]);
        let key = journal_key(&meta.id, "crashed");
        store
            .set(&key, r#"{"format":9,"revision":1,"records":[]}"#)
            .unwrap();
        let mut next = Drafts::with_writer(&store, "next");
        next.restore(2).unwrap();
        the_notice_about_acme(&mut next, "format 9");
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
        assert_eq!(set_aside_texts(&store), vec![corrupt.to_string()]);
        assert_eq!(store.get(&key).unwrap(), None);
        the_notice_about_acme(&mut next, "could not be read");
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
        journal.push(Edit::replace_plan("Live edit", &plan_for("Live edit")).unwrap());
        tab.write_journal(&meta.id, &journal).unwrap();
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
