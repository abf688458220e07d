//! Several named drafts of a plan kept in a `DraftStore`: list, create, duplicate, rename, delete,
//! open and save — ordered so that no failure (full storage, broken data, a second tab) loses work.
//!
//! Layout in the store: the draft list (an index, JSON) under [`INDEX_KEY`]; each draft's plan JSON
//! under [`draft_key`]. Anything that cannot be read is copied under a `support-ops.set-aside.` key
//! and never overwritten. Every write puts the plan before the list, so the list never names a
//! plan that is not there. Each draft has a `revision`, raised on every save; a save that does not
//! start from the stored revision is refused as a conflict (another tab saved in between). Each
//! save also records which tab wrote it, so a tab can tell when a save of the same revision by
//! another tab replaced its own (two saves that raced where saves cannot be serialised).

mod journal;
mod store;
mod unstored;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::plan::json::{from_json, to_json};
use crate::plan::Plan;

pub use journal::{journal_key, Journal, JOURNAL_PREFIX};
pub use store::{DraftStore, MemoryStore, StoreError};
pub use unstored::Unstored;

/// Where the list of drafts is kept.
pub const INDEX_KEY: &str = "support-ops.drafts";
/// Prefix of the key of each draft's plan.
pub const DRAFT_PREFIX: &str = "support-ops.draft.";
/// Prefix of the keys unreadable text is copied to.
pub const SET_ASIDE_PREFIX: &str = "support-ops.set-aside.";
/// Name of a new blank draft.
pub const UNTITLED: &str = "Untitled plan";

const INDEX_FORMAT: u32 = 1;

/// The key a draft's plan JSON is stored under.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The name a duplicate of `name` gets (made unique when created).
pub fn copy_name(name: &str) -> String {
    format!("Copy of {name}")
}

/// The list of drafts, stored as JSON under [`INDEX_KEY`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftIndex {
    pub format: u32,
    /// The draft that was open last, reopened on the next visit.
    #[serde(default)]
    pub last_open: Option<String>,
    #[serde(default)]
    pub drafts: Vec<DraftMeta>,
}

impl DraftIndex {
    pub fn get(&self, id: &str) -> Option<&DraftMeta> {
        self.drafts.iter().find(|d| d.id == id)
    }

    fn position(&self, id: &str) -> Result<usize, DraftError> {
        self.drafts
            .iter()
            .position(|d| d.id == id)
            .ok_or_else(|| DraftError::NotFound(id.to_string()))
    }

    /// `name`, or `name (2)`, `name (3)`… — the first no other draft uses.
    pub fn unique_name(&self, name: &str) -> String {
        let taken = |candidate: &str| self.drafts.iter().any(|d| d.name == candidate);
        if !taken(name) {
            return name.to_string();
        }
        (2..)
            .map(|n| format!("{name} ({n})"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| name.to_string())
    }
}

/// One draft in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftMeta {
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970 (the caller's clock).
    pub created: u64,
    pub updated: u64,
    /// Raised by one on every save of the plan; detects saves from another tab.
    pub revision: u64,
    /// Set when the stored plan could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<Unreadable>,
    /// Which tab made the last save (see [`Drafts::with_writer`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writer: Option<String>,
}

/// What another tab's change to a stored draft means for a tab that last saw it as `mine`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TheirChange {
    /// Nothing about the plan changed (a rename, or this tab's own save).
    Unchanged,
    /// Another tab saved a newer revision.
    Newer,
    /// Another tab saved the same revision as this tab: two saves raced and the stored one is not
    /// this tab's. Only possible where saves cannot be serialised across tabs.
    ReplacedMine,
}

impl DraftMeta {
    /// How the stored `theirs` differs from the `self` this tab last loaded or saved.
    pub fn their_change(&self, theirs: &DraftMeta) -> TheirChange {
        if theirs.revision != self.revision {
            TheirChange::Newer
        } else if theirs.writer.is_some() && theirs.writer != self.writer {
            TheirChange::ReplacedMine
        } else {
            TheirChange::Unchanged
        }
    }
}

/// Why a stored draft could not be read and where its text is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    pub reason: String,
    /// The key holding the text exactly as it was stored (`None` if nothing was stored).
    pub kept_at: Option<String>,
}

/// Something the user should be told once, returned by [`Drafts::take_notices`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A draft could not be read and was set aside.
    DraftSetAside {
        id: String,
        name: String,
        reason: String,
    },
    /// The list of drafts could not be read: its text was set aside and the list rebuilt.
    IndexSetAside {
        reason: String,
        kept_at: String,
        recovered: usize,
    },
    /// Edits a closed tab left in its journal could not be applied: set aside unchanged.
    JournalSetAside { name: String, reason: String },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::DraftSetAside { name, reason, .. } => write!(
                f,
                "The saved draft “{name}” could not be read ({reason}). It has been set aside, \
                 unchanged; you can download its text."
            ),
            Notice::IndexSetAside {
                reason, recovered, ..
            } => write!(
                f,
                "The list of saved drafts could not be read ({reason}). It has been set aside, \
                 unchanged, and rebuilt from the {recovered} draft(s) found."
            ),
            Notice::JournalSetAside { name, reason } => write!(
                f,
                "The last edits typed in “{name}” before its tab closed were not applied: \
                 {reason}. They have been set aside, unchanged, and the saved draft is as it was."
            ),
        }
    }
}

/// Why a draft operation did not happen. Nothing stored was changed unless it says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// The browser's storage refused.
    Store(StoreError),
    /// No draft with this id (deleted in another tab?).
    NotFound(String),
    /// The stored draft cannot be read; it is set aside.
    Unreadable { name: String, reason: String },
    /// Another tab saved this draft after this tab last loaded or saved it.
    Conflict { name: String, theirs: u64 },
    /// The save would replace a draft that has content with an empty plan.
    WouldBlank { name: String },
    /// A draft needs a name.
    EmptyName,
}

impl From<StoreError> for DraftError {
    fn from(error: StoreError) -> Self {
        DraftError::Store(error)
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Store(StoreError::QuotaExceeded) => {
                f.write_str("Not saved: storage is full — export your plan")
            }
            DraftError::Store(error) => write!(f, "Not saved: {error} — export your plan"),
            DraftError::NotFound(_) => f.write_str(
                "That draft is no longer saved in this browser (deleted in another tab?)",
            ),
            DraftError::Unreadable { name, reason } => write!(
                f,
                "The draft “{name}” could not be read ({reason}); it has been set aside unchanged"
            ),
            DraftError::Conflict { name, .. } => write!(
                f,
                "Not saved: “{name}” was changed in another tab since this tab last saved it"
            ),
            DraftError::WouldBlank { name } => write!(
                f,
                "Not saved: that would replace “{name}” with an empty plan"
            ),
            DraftError::EmptyName => f.write_str("A draft needs a name"),
        }
    }
}

impl std::error::Error for DraftError {}

/// May a save replace a draft that has content with a blank plan?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlankWrite {
    /// Only if the user emptied it themselves (an edit or an undo).
    UserEmptied,
    /// Never: refuse with [`DraftError::WouldBlank`].
    Refuse,
}

/// The drafts kept in one store.
pub struct Drafts<S> {
    store: S,
    notices: Vec<Notice>,
    writer: Option<String>,
}

impl<S: DraftStore> Drafts<S> {
    pub fn new(store: S) -> Drafts<S> {
        Drafts {
            store,
            notices: Vec::new(),
            writer: None,
        }
    }

    /// Drafts whose saves are marked as made by `writer` (one id per browser tab), so that a tab
    /// can notice when another tab's save of the same revision replaced its own.
    pub fn with_writer(store: S, writer: &str) -> Drafts<S> {
        Drafts {
            writer: Some(writer.to_string()),
            ..Drafts::new(store)
        }
    }

    /// The tab id saves are marked with, if any.
    pub fn writer(&self) -> Option<&str> {
        self.writer.as_deref()
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// What the user should be told since the last call (set-aside drafts, a rebuilt list).
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// The list of drafts. A broken list is set aside and rebuilt from the drafts in the store.
    pub fn index(&mut self, now: u64) -> Result<DraftIndex, DraftError> {
        let Some(text) = self.store.get(INDEX_KEY)? else {
            let index = self.rebuild_index(now)?;
            if !index.drafts.is_empty() {
                self.write_index(&index)?;
            }
            return Ok(index);
        };
        match serde_json::from_str::<DraftIndex>(&text) {
            Ok(index) => Ok(index),
            Err(error) => {
                let kept_at = self.set_aside("draft-list", &text, now)?;
                let index = self.rebuild_index(now)?;
                self.write_index(&index)?;
                self.notices.push(Notice::IndexSetAside {
                    reason: error.to_string(),
                    kept_at,
                    recovered: index.drafts.len(),
                });
                Ok(index)
            }
        }
    }

    /// Creates a draft holding `plan` and makes it the one to reopen next time.
    /// The name is made unique ("Acme (2)").
    pub fn create(&mut self, name: &str, plan: &Plan, now: u64) -> Result<DraftMeta, DraftError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DraftError::EmptyName);
        }
        let mut index = self.index(now)?;
        let id = self.fresh_id(&index, now)?;
        let key = draft_key(&id);
        self.store.set(&key, &to_json(plan))?;
        let meta = DraftMeta {
            id: id.clone(),
            name: index.unique_name(name),
            created: now,
            updated: now,
            revision: 1,
            unreadable: None,
            writer: self.writer.clone(),
        };
        index.drafts.push(meta.clone());
        index.last_open = Some(id);
        if let Err(error) = self.write_index(&index) {
            // The new plan is nobody's yet: take it back so it does not linger unlisted.
            let _ = self.store.remove(&key);
            return Err(error);
        }
        Ok(meta)
    }

    /// Creates "Copy of X" from the stored plan of draft `id`.
    pub fn duplicate(&mut self, id: &str, now: u64) -> Result<DraftMeta, DraftError> {
        let (meta, plan) = self.read(id, now)?;
        self.create(&copy_name(&meta.name), &plan, now)
    }

    pub fn rename(&mut self, id: &str, name: &str, now: u64) -> Result<DraftMeta, DraftError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DraftError::EmptyName);
        }
        let mut index = self.index(now)?;
        let position = index.position(id)?;
        let meta = &mut index.drafts[position];
        meta.name = name.to_string();
        meta.updated = now;
        let meta = meta.clone();
        self.write_index(&index)?;
        Ok(meta)
    }

    /// Deletes draft `id` (the user has confirmed), with any set-aside copy of it.
    pub fn delete(&mut self, id: &str, now: u64) -> Result<(), DraftError> {
        let mut index = self.index(now)?;
        let position = index.position(id)?;
        let meta = index.drafts.remove(position);
        if index.last_open.as_deref() == Some(id) {
            index.last_open = None;
        }
        // The list first: it must never name a plan that is gone.
        self.write_index(&index)?;
        self.store.remove(&draft_key(id))?;
        if let Some(kept_at) = meta.unreadable.and_then(|u| u.kept_at) {
            self.store.remove(&kept_at)?;
        }
        self.remove_journals(id)
    }

    /// Opens draft `id`: its plan, and it becomes the one to reopen next time.
    /// A plan that cannot be read is set aside and reported as [`DraftError::Unreadable`].
    pub fn open(&mut self, id: &str, now: u64) -> Result<(DraftMeta, Plan), DraftError> {
        let (meta, plan) = self.read(id, now)?;
        // Typing a tab could not save before it closed is folded in first.
        let (meta, plan) = self.replay_journals(meta, plan, now);
        let mut index = self.index(now)?;
        if index.last_open.as_deref() != Some(id) {
            index.last_open = Some(id.to_string());
            // Remembering which draft was open is a convenience; a full store must not block opening.
            let _ = self.write_index(&index);
        }
        Ok((meta, plan))
    }

    /// Opens the draft open last time; else the most recently changed readable one; `None` when
    /// there is none (a first visit): nothing is stored until the user starts a plan, so a visit
    /// that only reads a shared plan leaves no stray "Untitled plan" behind.
    pub fn restore(&mut self, now: u64) -> Result<Option<(DraftMeta, Plan)>, DraftError> {
        let index = self.index(now)?;
        let mut candidates: Vec<&DraftMeta> = index
            .drafts
            .iter()
            .filter(|d| d.unreadable.is_none())
            .collect();
        candidates.sort_by_key(|d| {
            (
                index.last_open.as_deref() != Some(d.id.as_str()),
                std::cmp::Reverse(d.updated),
            )
        });
        let ids: Vec<String> = candidates.iter().map(|d| d.id.clone()).collect();
        for id in ids {
            match self.open(&id, now) {
                Ok(opened) => return Ok(Some(opened)),
                Err(DraftError::Unreadable { .. } | DraftError::NotFound(_)) => continue,
                Err(error) => return Err(error),
            }
        }
        Ok(None)
    }

    /// Saves `plan` as draft `id`. `base_revision` is the revision this tab loaded or last saved;
    /// if the stored one differs, another tab saved in between and nothing is written.
    /// On any error the stored draft is unchanged and the caller still holds `plan`.
    pub fn save(
        &mut self,
        id: &str,
        plan: &Plan,
        base_revision: u64,
        blank: BlankWrite,
        now: u64,
    ) -> Result<DraftMeta, DraftError> {
        let mut index = self.index(now)?;
        let position = index.position(id)?;
        let meta = &index.drafts[position];
        if let Some(unreadable) = &meta.unreadable {
            return Err(DraftError::Unreadable {
                name: meta.name.clone(),
                reason: unreadable.reason.clone(),
            });
        }
        if meta.revision != base_revision {
            return Err(DraftError::Conflict {
                name: meta.name.clone(),
                theirs: meta.revision,
            });
        }
        let key = draft_key(id);
        if blank == BlankWrite::Refuse && *plan == Plan::blank() {
            let stored_has_content = match self.store.get(&key)? {
                Some(text) => from_json(&text).map_or(true, |stored| stored != Plan::blank()),
                None => false,
            };
            if stored_has_content {
                return Err(DraftError::WouldBlank {
                    name: meta.name.clone(),
                });
            }
        }
        self.store.set(&key, &to_json(plan))?;
        let meta = &mut index.drafts[position];
        meta.revision += 1;
        meta.updated = now;
        meta.writer = self.writer.clone();
        let meta = meta.clone();
        index.last_open = Some(id.to_string());
        self.write_index(&index)?;
        Ok(meta)
    }

    /// Draft `id`'s plan, read to look at (a comparison) without opening it: the draft to reopen
    /// next time stays as it was. A plan that cannot be read is set aside as [`Self::open`] does.
    pub fn read_plan(&mut self, id: &str, now: u64) -> Result<Plan, DraftError> {
        self.read(id, now).map(|(_, plan)| plan)
    }

    /// The text stored for draft `id` exactly as it is (for an unreadable draft: its set-aside copy).
    pub fn raw_text(&mut self, id: &str, now: u64) -> Result<Option<String>, DraftError> {
        let index = self.index(now)?;
        let meta = &index.drafts[index.position(id)?];
        let key = match &meta.unreadable {
            Some(unreadable) => match &unreadable.kept_at {
                Some(key) => key.clone(),
                None => return Ok(None),
            },
            None => draft_key(id),
        };
        Ok(self.store.get(&key)?)
    }

    /// Reads draft `id`'s plan without changing which draft is open.
    fn read(&mut self, id: &str, now: u64) -> Result<(DraftMeta, Plan), DraftError> {
        let mut index = self.index(now)?;
        let position = index.position(id)?;
        let meta = index.drafts[position].clone();
        if let Some(unreadable) = &meta.unreadable {
            return Err(DraftError::Unreadable {
                name: meta.name,
                reason: unreadable.reason.clone(),
            });
        }
        let key = draft_key(id);
        let (reason, kept_at) = match self.store.get(&key)? {
            Some(text) => match from_json(&text) {
                Ok(plan) => return Ok((meta, plan)),
                Err(error) => (error.to_string(), self.move_aside(&key, id, &text, now)),
            },
            None => (
                "its saved plan is missing from this browser's storage".to_string(),
                None,
            ),
        };
        index.drafts[position].unreadable = Some(Unreadable {
            reason: reason.clone(),
            kept_at: kept_at.clone(),
        });
        self.notices.push(Notice::DraftSetAside {
            id: id.to_string(),
            name: meta.name.clone(),
            reason: reason.clone(),
        });
        if self.write_index(&index).is_ok() && kept_at.as_deref() != Some(key.as_str()) {
            // The copy is safe and listed: now the original slot can be freed.
            let _ = self.store.remove(&key);
        }
        Err(DraftError::Unreadable {
            name: meta.name,
            reason,
        })
    }

    /// Copies unreadable `text` from `key` to a set-aside key, returning where the text now is
    /// (the original key if the copy could not be made — it is then left exactly where it was).
    fn move_aside(&self, key: &str, label: &str, text: &str, now: u64) -> Option<String> {
        match self.set_aside(label, text, now) {
            Ok(kept_at) => Some(kept_at),
            Err(_) => Some(key.to_string()),
        }
    }

    /// Stores `text` under a fresh set-aside key (never one in use) and checks it reads back.
    fn set_aside(&self, label: &str, text: &str, now: u64) -> Result<String, DraftError> {
        let base = format!("{SET_ASIDE_PREFIX}{label}.{now}");
        let mut key = base.clone();
        let mut n = 1;
        while self.store.get(&key)?.is_some() {
            n += 1;
            key = format!("{base}-{n}");
        }
        self.store.set(&key, text)?;
        if self.store.get(&key)?.as_deref() != Some(text) {
            return Err(DraftError::Store(StoreError::Other(
                "the set-aside copy did not read back the same".to_string(),
            )));
        }
        Ok(key)
    }

    /// A list made from every draft plan found in the store (when the list is missing or broken).
    fn rebuild_index(&self, now: u64) -> Result<DraftIndex, DraftError> {
        let mut index = DraftIndex {
            format: INDEX_FORMAT,
            ..DraftIndex::default()
        };
        let mut keys = self.store.keys()?;
        keys.sort();
        for key in keys {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            let Some(text) = self.store.get(&key)? else {
                continue;
            };
            let (name, unreadable) = match from_json(&text) {
                Ok(plan) if !plan.header.product.trim().is_empty() => {
                    (plan.header.product.trim().to_string(), None)
                }
                Ok(_) => ("Recovered plan".to_string(), None),
                Err(error) => (
                    "Recovered plan".to_string(),
                    Some(Unreadable {
                        reason: error.to_string(),
                        kept_at: Some(key.clone()),
                    }),
                ),
            };
            let name = index.unique_name(&name);
            index.drafts.push(DraftMeta {
                id: id.to_string(),
                name,
                created: now,
                updated: now,
                revision: 1,
                unreadable,
                writer: None,
            });
        }
        Ok(index)
    }

    fn fresh_id(&self, index: &DraftIndex, now: u64) -> Result<String, DraftError> {
        let base = format!("{now:x}");
        let mut id = base.clone();
        let mut n = 1;
        while index.get(&id).is_some() || self.store.get(&draft_key(&id))?.is_some() {
            n += 1;
            id = format!("{base}-{n}");
        }
        Ok(id)
    }

    fn write_index(&self, index: &DraftIndex) -> Result<(), DraftError> {
        let mut index = index.clone();
        index.format = INDEX_FORMAT;
        let text = serde_json::to_string(&index)
            .map_err(|error| DraftError::Store(StoreError::Other(error.to_string())))?;
        Ok(self.store.set(INDEX_KEY, &text)?)
    }
}

#[cfg(test)]
mod tests;
