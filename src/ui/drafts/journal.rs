//! The open draft's journal in the browser: every field write goes to local storage at once, as a
//! small entry, and any other change of the plan as the whole plan; the next save clears it. A tab
//! that crashes before its autosave thereby loses no keystroke: the next start replays the journal
//! (`drafts::journal`).

use leptos::prelude::*;

use super::Workspace;
use crate::drafts::Journal;
use crate::edit::Edit;
use crate::form::node::set_text_at;
use crate::plan::{Path, Plan};

impl Workspace {
    /// Journals a field's own write (called by the editor right after it wrote the plan).
    pub fn journal_field(self, path: &str, text: &str) {
        let Some(id) = self.journaled_draft() else {
            return;
        };
        self.journaled.update_value(|plan| {
            let _ = set_text_at(plan, path, text);
        });
        if let Some(path) = Path::parse(path) {
            self.journal
                .update_value(|journal| journal.push(Edit::set_field(path, text)));
        }
        self.write_journal(&id);
    }

    /// Journals whatever changed the plan other than field writes (rows added or removed, undo,
    /// capacity controls): the plan then differs from what the journal leads to.
    pub(super) fn journal_other_changes(self) {
        let Some(id) = self.journaled_draft() else {
            return;
        };
        let covered = self
            .plan
            .try_with_untracked(|plan| self.journaled.with_value(|journaled| journaled == plan))
            .unwrap_or(true);
        if covered {
            return;
        }
        let plan = self.plan.get_untracked();
        let Ok(whole) = Edit::replace_plan("Changes other than typing", &plan) else {
            return;
        };
        self.journal.update_value(|journal| {
            journal.edits.clear();
            journal.push(whole);
        });
        self.write_journal(&id);
        self.journaled.set_value(plan);
    }

    /// Starts an empty journal over the open draft as it is stored, `plan` (just loaded or saved).
    pub(super) fn reset_journal(self, plan: &Plan) {
        let revision = self
            .current
            .with_untracked(|open| open.as_ref().map_or(0, |meta| meta.revision));
        self.journal.set_value(Journal::new(revision));
        self.journaled.set_value(plan.clone());
    }

    /// Removes this tab's journal of the open draft: its edits are stored, kept in this tab as a
    /// plan of their own, or dropped on purpose ("Load their version").
    pub(super) fn forget_journal_of_open(self) {
        let Some(id) = self
            .current
            .with_untracked(|open| open.as_ref().map(|m| m.id.clone()))
        else {
            return;
        };
        let kept_here = self.kept.with_untracked(|kept| {
            kept.iter()
                .any(|k| k.unstored.base.as_ref().is_some_and(|base| base.id == id))
        });
        if !kept_here {
            self.forget_journal(&id);
        }
    }

    pub(super) fn forget_journal(self, id: &str) {
        let _ = self.store.try_with_value(|drafts| drafts.clear_journal(id));
    }

    /// The draft whose edits are journaled: the open one, when it is stored in local storage.
    fn journaled_draft(self) -> Option<String> {
        if self.memory_only {
            return None;
        }
        self.current
            .try_with_untracked(|open| open.as_ref().map(|meta| meta.id.clone()))
            .flatten()
    }

    /// A journal that cannot be written (storage full) is no worse than none: the save reports it.
    fn write_journal(self, id: &str) {
        let _ = self.journal.try_with_value(|journal| {
            self.store
                .with_value(|drafts| drafts.write_journal(id, journal))
        });
    }
}
