//! The numbered record of every change applied to the open plan: each [`Record`] holds the edit
//! and the edit that undoes it. The autosave marks how far the stored draft goes; the records
//! after that mark are what the crash journal keeps.

use std::collections::VecDeque;

use super::Edit;

/// Why a record was applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The user's own change.
    Do,
    /// Undoing an earlier record.
    Undo,
    /// Redoing an undone one.
    Redo,
}

/// One applied edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Numbered from 1 in the order applied; never reused while the log lives.
    pub seq: u64,
    pub edit: Edit,
    /// Applied right after `edit`, gives back the plan as it was before.
    pub undo: Edit,
    pub kind: Kind,
}

/// The records of one open plan, from the oldest still needed (to undo, or not yet stored).
#[derive(Clone, Debug, Default)]
pub struct EditLog {
    records: VecDeque<Record>,
    /// The number of the last record applied (0: none yet).
    head: u64,
    /// Records up to and including this number are in the stored draft.
    saved: u64,
}

impl EditLog {
    /// The number of the last record applied; 0 when none was.
    pub fn head(&self) -> u64 {
        self.head
    }

    /// The number of the last record the stored draft holds.
    pub fn saved(&self) -> u64 {
        self.saved
    }

    /// Whether records were applied since the last save.
    pub fn has_unsaved(&self) -> bool {
        self.head > self.saved
    }

    /// The records the stored draft does not hold yet, oldest first.
    pub fn unsaved(&self) -> impl Iterator<Item = &Record> {
        let saved = self.saved;
        self.records.iter().filter(move |record| record.seq > saved)
    }

    /// Record `seq`, while it is kept.
    pub fn get(&self, seq: u64) -> Option<&Record> {
        let first = self.records.front()?.seq;
        let at = usize::try_from(seq.checked_sub(first)?).ok()?;
        self.records.get(at)
    }

    /// The stored draft now holds every record up to `seq` (a save of the plan at record `seq`).
    pub(super) fn mark_saved(&mut self, seq: u64) {
        self.saved = seq.min(self.head);
    }

    pub(super) fn push(&mut self, edit: Edit, undo: Edit, kind: Kind) -> u64 {
        self.head += 1;
        self.records.push_back(Record {
            seq: self.head,
            edit,
            undo,
            kind,
        });
        self.head
    }

    /// Drops the records before `seq` that are stored: nothing reads them any more.
    pub(super) fn forget_before(&mut self, seq: u64) {
        let keep_from = seq.min(self.saved + 1);
        while self
            .records
            .front()
            .is_some_and(|record| record.seq < keep_from)
        {
            self.records.pop_front();
        }
    }

    /// Starts afresh (another plan is open): no records, and what is shown counts as stored.
    pub(super) fn clear(&mut self) {
        self.records.clear();
        self.saved = self.head;
    }

    /// How many records are kept (for tests of how long the log grows).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}
