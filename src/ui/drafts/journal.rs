//! The open draft's journal in the browser: at each record of the edit log, the records the stored
//! draft does not hold yet go to local storage; the next save clears it. A tab that crashes before
//! its autosave thereby loses no keystroke: the next start replays the journal (`drafts::journal`).

use leptos::prelude::*;

use super::Workspace;

impl Workspace {
    /// Writes the log's records the stored draft does not hold yet (called at each record).
    pub(super) fn journal_unsaved_records(self) {
        let Some(id) = self.journaled_draft() else {
            return;
        };
        let revision = self
            .current
            .with_untracked(|open| open.as_ref().map_or(0, |meta| meta.revision));
        let journal = self.history.journal(revision);
        if journal.is_empty() {
            return;
        }
        // A journal that cannot be written (storage full) is no worse than none: the save
        // reports it.
        let _ = self
            .store
            .try_with_value(|drafts| drafts.write_journal(&id, &journal));
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
}
