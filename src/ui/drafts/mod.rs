//! The open draft in the browser: restores it on load, autosaves as soon as the page is idle after
//! each change, shows the save state, and keeps two tabs from silently overwriting each other: saves
//! run one tab at a time under a Web Lock, and the `storage` event tells a tab what another saved.
//!
//! Every load path (restore, switch, "load their version") starts the plan's edit log afresh
//! (`History::show`), so only records of the user's own edits after the last save count as unsaved
//! — and only then is anything written. A save stores the plan as it is after record N and marks
//! the log saved through N; the crash journal is the records after that.

mod banner;
mod journal;
mod menu;
mod scoped;
mod store;

use std::time::Duration;

use leptos::prelude::*;

use crate::drafts::{
    copy_name, BlankWrite, DraftError, DraftMeta, Drafts, Notice, StoreError, TheirChange,
    Unstored, INDEX_KEY, UNTITLED,
};
use crate::plan::Plan;
use crate::ui::browser::{when_idle, with_tab_lock};
use crate::ui::history::History;

pub use banner::StorageBanner;
pub use menu::{DraftsMenu, UnsavedNotice};
pub use scoped::DraftScoped;
pub use store::{BrowserStore, LocalStore};

/// The longest a change waits to be saved: it is saved as soon as the page is idle after it, and
/// at the latest this long after it. While storage is failing, saves wait for this much quiet.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);

/// While the storage refuses writes, how often this tab tries again to store what it keeps
/// (besides trying at each change): storage can be freed in another tab or window at any time.
pub const RETRY_EVERY: Duration = Duration::from_secs(3);

/// What a plan kept in this tab only is called in the draft list (`kept-1`, `kept-2`…).
const KEPT_PREFIX: &str = "kept-";

/// The Web Lock every tab's save holds, so one tab's read-compare-write of a draft never
/// interleaves with another's.
const SAVE_LOCK: &str = "support-ops.drafts.save";

/// How long a save keeps the lock after writing: each tab reads local storage from its own copy,
/// which another tab's write reaches a moment later, and the next tab's save must read it.
const SAVE_SETTLE_MS: i32 = 50;

/// Where a plan opened by [`Workspace::create`] lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// Saved as a new draft with this id.
    Draft(String),
    /// Open in this tab only: the browser would not store it (the message says why).
    InThisTabOnly(String),
}

impl Opened {
    /// What to tell the user about `name` opened this way (an import's outcome).
    pub fn message(&self, name: &str, stored: &str) -> String {
        match self {
            Opened::Draft(_) => stored.to_string(),
            Opened::InThisTabOnly(why) => format!(
                "Opened “{name}” in this tab only: {why}. It is not being saved yet (this tab \
                 keeps trying); export it to keep a copy."
            ),
        }
    }
}

/// A plan kept in this tab only because the storage refused it: listed in the draft menu, and
/// stored as soon as the storage takes writes again.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// Tells kept plans apart in the draft list.
    pub key: String,
    /// Kept only while it has edits the storage does not hold: reopened, it is unsaved as a whole.
    pub unstored: Unstored,
}

/// What the save-state line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    /// Kept in memory only: the browser does not let the page store anything.
    InThisTabOnly,
    /// The last save failed; the message says why and what to do.
    NotSaved(String),
    /// Another tab changed this draft while this tab had unsaved edits.
    Conflict,
}

impl SaveState {
    pub fn message(&self) -> String {
        match self {
            SaveState::Saved => "Saved".to_string(),
            SaveState::Saving => "Saving…".to_string(),
            SaveState::InThisTabOnly => {
                "Kept in this tab only — the browser does not allow saving; export your plan"
                    .to_string()
            }
            SaveState::NotSaved(message) => message.clone(),
            SaveState::Conflict => {
                "Not saved: changed in another tab — choose which to keep".to_string()
            }
        }
    }
}

/// The plan being designed and the drafts around it. Copy it freely; it is a set of handles.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// The single source of truth the designer edits.
    pub plan: RwSignal<Plan>,
    /// The open draft; `None` while it could not be stored yet (storage full at the start).
    pub current: RwSignal<Option<DraftMeta>>,
    /// Every draft in this browser, for the menu.
    pub drafts: RwSignal<Vec<DraftMeta>>,
    pub save_state: RwSignal<SaveState>,
    /// Why storage is not working, while it is not.
    pub storage_problem: RwSignal<Option<StoreError>>,
    /// One-off messages for the banner (a rebuilt draft list, a draft deleted in another tab).
    pub notices: RwSignal<Vec<String>>,
    /// Another tab saved the open draft while this tab had unsaved edits.
    pub conflict: RwSignal<bool>,
    /// No draft is stored yet (a first visit, or the last draft deleted): the designer offers the
    /// templates and an empty plan. Nothing is stored until the user starts one or types.
    pub starting: RwSignal<bool>,
    pub history: History,
    /// Plans left while the storage refused them: kept in this tab, stored when it can be.
    pub kept: RwSignal<Vec<Kept>>,
    /// The name the open plan gets when stored, while it is stored nowhere (`current` is `None`);
    /// `None` names it after its product.
    pub unstored_name: RwSignal<Option<String>>,
    kept_serial: StoredValue<u64>,
    store: StoredValue<Drafts<BrowserStore>>,
    /// The plan as stored for the open draft: the plan differs from it only by unsaved edits.
    /// The plan shown differs from what is stored for it before any record of the log (a plan the
    /// storage refused, a kept one reopened): unsaved until a save succeeds.
    shown_unstored: StoredValue<bool>,
    /// Counts scheduled autosaves; only the latest one runs.
    scheduled: StoredValue<u64>,
    memory_only: bool,
    /// In a memory-only tab: the user has changed something, which closing the tab would lose.
    edited_in_memory: StoredValue<bool>,
}

fn now() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Sets up the workspace (once, in `App`): restores the last open draft or starts "Untitled
/// plan", provides `Workspace` and `History` as context, and starts autosave and tab syncing.
pub fn provide_workspace() -> Workspace {
    let store = BrowserStore::best_available();
    let memory_only = store.is_memory_only();
    // Saves are marked with this tab's id, to tell its own saves from another tab's.
    let tab = format!("{:x}-{:x}", now(), (js_sys::Math::random() * 1e12) as u64);
    let mut drafts = Drafts::with_writer(store, &tab);
    let restored = drafts.restore(now());
    let notices = drafts.take_notices();
    let first_plan = match &restored {
        Ok(Some((_, plan))) => plan.clone(),
        _ => Plan::blank(),
    };
    let plan = RwSignal::new(first_plan.clone());
    let history = History::track(plan);
    let workspace = Workspace {
        plan,
        current: RwSignal::new(None),
        drafts: RwSignal::new(Vec::new()),
        save_state: RwSignal::new(SaveState::Saved),
        storage_problem: RwSignal::new(memory_only.then_some(StoreError::Unavailable)),
        notices: RwSignal::new(Vec::new()),
        conflict: RwSignal::new(false),
        starting: RwSignal::new(matches!(restored, Ok(None))),
        history,
        kept: RwSignal::new(Vec::new()),
        unstored_name: RwSignal::new(None),
        kept_serial: StoredValue::new(0),
        store: StoredValue::new(drafts),
        shown_unstored: StoredValue::new(false),
        scheduled: StoredValue::new(0),
        memory_only,
        edited_in_memory: StoredValue::new(false),
    };
    workspace.add_notices(notices);
    match restored {
        Ok(Some((meta, _))) => {
            workspace.current.set(Some(meta));
            workspace.mark_saved();
        }
        Ok(None) => workspace.mark_saved(),
        Err(error) => workspace.report_failure(&error),
    }
    workspace.refresh_list();
    provide_context(workspace);
    provide_context(history);
    workspace.start_autosave();
    workspace.warn_before_leaving_unsaved_work();
    workspace.listen_to_other_tabs();
    workspace
}

/// Creates a new draft named `name` holding `plan` and opens it (the shared-link "Make an
/// editable copy", imports). Other drafts are never touched. When the browser will not store it,
/// it is still opened, in this tab only, and says so.
pub fn create_draft_from(plan: Plan, name: &str) -> Result<Opened, String> {
    let workspace = use_context::<Workspace>().ok_or_else(|| {
        "The drafts are not ready yet; reload the page and try again.".to_string()
    })?;
    workspace.create(name, plan)
}

impl Workspace {
    /// Leaves the first visit's start screen. Only a real change notifies: the designer redraws
    /// its form when this changes, and a redraw at every save took the focus away.
    fn end_start(self) {
        if self.starting.get_untracked() {
            self.starting.set(false);
        }
    }

    /// Whether closing the tab now would lose edits: another tab's change not yet resolved, a save
    /// that failed with edits still unsaved, or edits in a tab that cannot store anything. (Edits
    /// merely waiting for their autosave are saved when the page is hidden.)
    pub fn unsaved_work_at_risk(self) -> bool {
        if self.kept.try_with_untracked(|kept| !kept.is_empty()) == Some(true) {
            return true;
        }
        match self.save_state.try_get_untracked() {
            Some(SaveState::Conflict) => true,
            Some(SaveState::NotSaved(_)) => self.has_unsaved_edits(),
            Some(SaveState::InThisTabOnly) => {
                self.edited_in_memory.try_get_value().unwrap_or(false) || self.has_unsaved_edits()
            }
            _ => false,
        }
    }

    /// Whether the plan has edits not yet stored: records of the log after the last save, or a
    /// plan shown that the storage never took.
    pub fn has_unsaved_edits(self) -> bool {
        self.shown_unstored.try_get_value().unwrap_or(false) || self.history.has_unsaved()
    }

    /// Saves the open draft now if it has unsaved edits.
    pub fn save_now(self) -> Result<(), DraftError> {
        let Some(plan) = self.plan.try_get_untracked() else {
            return Ok(());
        };
        // The plan as it is after this record of the log: what the save stores.
        let saved_through = self.history.head();
        if !self.has_unsaved_edits() || self.conflict.get_untracked() {
            return Ok(());
        }
        let at = now();
        let result = match self.current.get_untracked() {
            None => self
                .with_drafts(|d| d.create(&self.name_when_stored(&plan), &plan, at))
                .map(|meta| (meta, None)),
            Some(open) => match self.with_drafts(|d| {
                d.save(&open.id, &plan, open.revision, BlankWrite::UserEmptied, at)
            }) {
                // Deleted in another tab while open here: keep the work as a draft again.
                Err(DraftError::NotFound(_)) => self
                    .with_drafts(|d| d.create(&open.name, &plan, at))
                    .map(|meta| {
                        let note = format!(
                            "“{}” was deleted in another tab while open here; your version is saved again as “{}”.",
                            open.name, meta.name
                        );
                        (meta, Some(note))
                    }),
                other => other.map(|meta| (meta, None)),
            },
        };
        match result {
            Ok((meta, note)) => {
                if self.memory_only {
                    self.edited_in_memory.set_value(true);
                }
                self.forget_journal(&meta.id);
                self.end_start();
                self.current.set(Some(meta));
                self.history.mark_saved_through(saved_through);
                self.shown_unstored.set_value(false);
                if self.unstored_name.get_untracked().is_some() {
                    self.unstored_name.set(None);
                }
                self.mark_saved();
                if let Some(note) = note {
                    self.notices.update(|n| n.push(note));
                }
                self.refresh_list();
                Ok(())
            }
            Err(error) => {
                self.report_failure(&error);
                Err(error)
            }
        }
    }

    /// The name the open plan gets when stored.
    fn name_when_stored(self, plan: &Plan) -> String {
        self.unstored_name
            .get_untracked()
            .unwrap_or_else(|| name_for(plan, UNTITLED))
    }

    /// The name of the open plan, stored or not.
    pub fn open_name(self) -> String {
        match self.current.with(|c| c.as_ref().map(|m| m.name.clone())) {
            Some(name) => name,
            None => self
                .unstored_name
                .get()
                .unwrap_or_else(|| UNTITLED.to_string()),
        }
    }

    /// Opens draft `id` (or a plan kept in this tab), first saving the open one; if the storage
    /// refuses that save, the open one is kept in this tab. Refuses (with the reason) only when a
    /// choice between two tabs' versions is pending.
    pub fn open(self, id: &str) -> Result<(), String> {
        if id.starts_with(KEPT_PREFIX) {
            return self.open_kept(id);
        }
        self.leave_open_plan(|| {
            let opened = self.with_drafts(|d| d.open(id, now()));
            self.collect_notices();
            self.refresh_list();
            let (meta, plan) = opened.map_err(|e| e.to_string())?;
            self.show(meta, plan);
            Ok(())
        })
    }

    /// Creates a draft from `plan` and opens it, first saving the open one. When the browser will
    /// not store the new draft (full, or refusing writes), the plan is opened all the same, in this
    /// tab only, with the storage banner offering its export; each later change tries again.
    pub fn create(self, name: &str, plan: Plan) -> Result<Opened, String> {
        self.leave_open_plan(|| self.create_leaving_open_as_is(name, plan))
    }

    fn create_leaving_open_as_is(self, name: &str, plan: Plan) -> Result<Opened, String> {
        let created = self.with_drafts(|d| d.create(name, &plan, now()));
        self.collect_notices();
        match created {
            Ok(meta) => {
                let id = meta.id.clone();
                self.show(meta, plan);
                self.refresh_list();
                Ok(Opened::Draft(id))
            }
            Err(error) => match error {
                DraftError::Store(problem) => {
                    self.end_start();
                    self.current.set(None);
                    self.conflict.set(false);
                    self.show_unstored(plan);
                    self.unstored_name.set(Some(name.to_string()));
                    // Nothing of it is stored: unsaved until a save succeeds, unless it is blank.
                    let blank = self.plan.with_untracked(|shown| *shown == Plan::blank());
                    self.shown_unstored.set_value(!blank);
                    self.report_failure(&DraftError::Store(problem.clone()));
                    Ok(Opened::InThisTabOnly(problem.to_string()))
                }
                other => Err(other.to_string()),
            },
        }
    }

    /// Shows plan `key` kept in this tab, keeping the open one in its place if it cannot be saved.
    fn open_kept(self, key: &str) -> Result<(), String> {
        self.leave_open_plan(|| self.show_kept(key))
    }

    fn show_kept(self, key: &str) -> Result<(), String> {
        let mut taken = None;
        self.kept.update(|kept| {
            if let Some(at) = kept.iter().position(|k| k.key == key) {
                taken = Some(kept.remove(at));
            }
        });
        let kept = taken.ok_or_else(|| {
            "That plan is no longer kept in this tab: it has been saved as a draft.".to_string()
        })?;
        self.end_start();
        self.conflict.set(false);
        self.current.set(kept.unstored.base);
        self.show_unstored(kept.unstored.plan);
        self.unstored_name.set(Some(kept.unstored.name));
        self.shown_unstored.set_value(true);
        self.refresh_list();
        Ok(())
    }

    /// Keeps the plan on screen in this tab (the storage refused to save it), to be stored when
    /// the storage takes writes again. A plan with nothing unsaved needs no keeping.
    fn keep_open_plan_in_this_tab(self) -> Option<String> {
        if !self.has_unsaved_edits() {
            return None;
        }
        let plan = self.plan.get_untracked();
        let base = self.current.get_untracked();
        let name = match &base {
            Some(meta) => meta.name.clone(),
            None => self.name_when_stored(&plan),
        };
        let serial = self.kept_serial.try_update_value(|n| {
            *n += 1;
            *n
        });
        let key = format!("{KEPT_PREFIX}{}", serial.unwrap_or_default());
        let kept = Kept {
            key: key.clone(),
            unstored: Unstored { name, base, plan },
        };
        self.kept.update(|list| list.push(kept));
        Some(key)
    }

    /// Tries to store every plan kept in this tab, in the order they were kept; stops at the
    /// first the storage refuses.
    fn store_kept(self) {
        let Some(kept) = self.kept.try_get_untracked() else {
            return;
        };
        if kept.is_empty() {
            return;
        }
        let mut stored_any = false;
        let open = self
            .current
            .with_untracked(|c| c.as_ref().map(|m| m.id.clone()));
        for plan in kept {
            let mut unstored = plan.unstored.clone();
            // Its draft is open here as stored: writing over it would leave the screen behind.
            if let Some(base) = unstored
                .base
                .take_if(|base| Some(&base.id) == open.as_ref())
            {
                unstored.name = copy_name(&base.name);
            }
            match self.with_drafts(|d| d.store_unstored(&unstored, now())) {
                Ok(_) => {
                    if let Some(base) = &unstored.base {
                        self.forget_journal(&base.id);
                    }
                    self.kept.update(|list| list.retain(|k| k.key != plan.key));
                    stored_any = true;
                }
                Err(DraftError::Store(problem)) => {
                    self.note_storage_problem(problem);
                    break;
                }
                Err(_) => break,
            }
        }
        if stored_any {
            self.refresh_list();
            if self.kept.with_untracked(Vec::is_empty) && !self.has_unsaved_edits() {
                self.mark_saved();
            }
        }
    }

    /// While the storage refuses writes: tries again to store the open plan and the kept ones.
    fn retry_storing(self) {
        if self.memory_only {
            return;
        }
        let failing = self.storage_problem.try_get_untracked().flatten().is_some();
        let keeping = self.kept.try_with_untracked(|k| !k.is_empty()) == Some(true);
        if !failing && !keeping {
            return;
        }
        if self.save_now().is_ok() {
            self.store_kept();
        }
    }

    /// "Copy of X" from the open draft as it is on screen (with any unsaved edits).
    pub fn duplicate_open(self) -> Result<Opened, String> {
        self.create(&self.copy_name_of_open(), self.plan.get_untracked())
    }

    fn copy_name_of_open(self) -> String {
        copy_name(&untrack(|| self.open_name()))
    }

    /// Names the open plan that is stored nowhere yet, and tries to store it under that name; if
    /// the storage refuses, it keeps the name in this tab.
    pub fn rename_unstored(self, name: &str) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(DraftError::EmptyName.to_string());
        }
        self.unstored_name.set(Some(name.to_string()));
        match self.save_now() {
            Ok(()) | Err(DraftError::Store(_)) => Ok(()),
            Err(error) => Err(error.to_string()),
        }
    }

    pub fn rename(self, id: &str, name: &str) -> Result<(), String> {
        let renamed = self
            .with_drafts(|d| d.rename(id, name, now()))
            .map_err(|e| e.to_string())?;
        self.current.update(|current| {
            if let Some(open) = current.as_mut().filter(|open| open.id == renamed.id) {
                open.name = renamed.name.clone();
            }
        });
        self.refresh_list();
        Ok(())
    }

    /// Deletes draft `id` (the user has confirmed). Deleting the open draft opens another.
    pub fn delete(self, id: &str) -> Result<(), String> {
        let deleting_open = self
            .current
            .get_untracked()
            .is_some_and(|open| open.id == id);
        self.with_drafts(|d| d.delete(id, now()))
            .map_err(|e| e.to_string())?;
        if deleting_open {
            let restored = self.with_drafts(|d| d.restore(now()));
            self.collect_notices();
            self.unstored_name.set(None);
            match restored {
                Ok(Some((meta, plan))) => self.show(meta, plan),
                Ok(None) => {
                    self.current.set(None);
                    self.show_unstored(Plan::blank());
                    self.starting.set(true);
                }
                Err(error) => {
                    self.current.set(None);
                    self.show_unstored(Plan::blank());
                    self.report_failure(&error);
                }
            }
        }
        self.refresh_list();
        Ok(())
    }

    /// Draft `id`'s plan, to look at beside another (a comparison) without opening it: the open
    /// draft as on screen, with any unsaved edits; any other as stored. Nothing is opened, saved
    /// or changed, and no signal is written, so a memo may call it.
    pub fn read_plan(self, id: &str) -> Result<Plan, String> {
        let is_open = self
            .current
            .with_untracked(|open| open.as_ref().is_some_and(|meta| meta.id == id));
        if is_open {
            return Ok(self.plan.get_untracked());
        }
        self.with_drafts(|d| d.read_plan(id, now()))
            .map_err(|e| e.to_string())
    }

    /// The stored text of draft `id`, exactly as it is (for downloading an unreadable draft).
    pub fn raw_text(self, id: &str) -> Result<Option<String>, String> {
        self.with_drafts(|d| d.raw_text(id, now()))
            .map_err(|e| e.to_string())
    }

    /// Conflict: drop this tab's unsaved edits and show what the other tab saved.
    pub fn load_their_version(self) -> Result<(), String> {
        let id = self
            .current
            .get_untracked()
            .map(|open| open.id)
            .ok_or_else(|| "No draft is open.".to_string())?;
        let (meta, plan) = self
            .with_drafts(|d| d.open(&id, now()))
            .map_err(|e| e.to_string())?;
        self.show(meta, plan);
        Ok(())
    }

    /// Conflict: keep this tab's version as a new draft "Copy of X"; the other tab's stays as X.
    pub fn keep_mine_as_copy(self) -> Result<Opened, String> {
        // The open draft is theirs now; only this tab's version is written, as a new draft.
        self.create_leaving_open_as_is(&self.copy_name_of_open(), self.plan.get_untracked())
    }

    /// Leaves the open plan for what `open` shows: saved first, or, when the storage refuses,
    /// kept in this tab. If `open` fails, the open plan stays on screen, and is not kept twice.
    fn leave_open_plan<R>(self, open: impl FnOnce() -> Result<R, String>) -> Result<R, String> {
        let kept = self.save_before_leaving()?;
        let opened = open();
        if let (Err(_), Some(key)) = (&opened, kept) {
            self.kept.update(|list| list.retain(|k| k.key != key));
        }
        opened
    }

    /// Saves the open plan before another is shown; returns the key it is kept under in this tab
    /// when the storage refused it.
    fn save_before_leaving(self) -> Result<Option<String>, String> {
        if self.conflict.get_untracked() {
            return Err(
                "This draft was changed in another tab: first choose which version to keep."
                    .to_string(),
            );
        }
        match self.save_now() {
            Ok(()) => Ok(None),
            // The storage refuses: what is on screen stays in this tab, to be stored when it can.
            Err(DraftError::Store(_)) => Ok(self.keep_open_plan_in_this_tab()),
            Err(error) => Err(format!(
                "{error}. Your changes are still here; export them before opening another draft."
            )),
        }
    }

    /// Shows a draft just loaded from storage, as saved, with a fresh undo history.
    fn show(self, meta: DraftMeta, plan: Plan) {
        self.forget_journal_of_open();
        self.end_start();
        self.unstored_name.set(None);
        self.current.set(Some(meta));
        self.conflict.set(false);
        self.show_unstored(plan);
        self.mark_saved();
    }

    fn show_unstored(self, plan: Plan) {
        self.scheduled.update_value(|n| *n += 1);
        self.shown_unstored.set_value(false);
        self.history.show(plan);
    }

    fn mark_saved(self) {
        self.storage_problem
            .set(self.memory_only.then_some(StoreError::Unavailable));
        self.save_state.set(if self.memory_only {
            SaveState::InThisTabOnly
        } else {
            SaveState::Saved
        });
    }

    fn report_failure(self, error: &DraftError) {
        match error {
            DraftError::Conflict { .. } => {
                self.conflict.set(true);
                self.save_state.set(SaveState::Conflict);
            }
            DraftError::Store(problem) => {
                self.note_storage_problem(problem.clone());
                self.show_save_state(SaveState::NotSaved(error.to_string()));
            }
            other => self.show_save_state(SaveState::NotSaved(other.to_string())),
        }
    }

    /// Only a real change notifies: a retry that fails as the last one did redraws nothing.
    fn note_storage_problem(self, problem: StoreError) {
        if self.storage_problem.get_untracked().as_ref() != Some(&problem) {
            self.storage_problem.set(Some(problem));
        }
    }

    fn show_save_state(self, state: SaveState) {
        if self.save_state.get_untracked() != state {
            self.save_state.set(state);
        }
    }

    fn with_drafts<R>(
        self,
        act: impl FnOnce(&mut Drafts<BrowserStore>) -> Result<R, DraftError>,
    ) -> Result<R, DraftError> {
        self.store.try_update_value(act).unwrap_or_else(|| {
            Err(DraftError::Store(StoreError::Other(
                "the page is closing".to_string(),
            )))
        })
    }

    fn collect_notices(self) {
        let notices = self
            .store
            .try_update_value(|d| d.take_notices())
            .unwrap_or_default();
        self.add_notices(notices);
    }

    /// Set-aside drafts are shown from the list itself (see the banner); other notices are kept.
    fn add_notices(self, notices: Vec<Notice>) {
        let messages: Vec<String> = notices
            .into_iter()
            .filter(|n| !matches!(n, Notice::DraftSetAside { .. }))
            .map(|n| n.to_string())
            .collect();
        if !messages.is_empty() {
            self.notices.update(|n| n.extend(messages));
        }
    }

    fn refresh_list(self) {
        if let Ok(index) = self.with_drafts(|d| d.index(now())) {
            self.drafts.set(index.drafts);
        }
        self.collect_notices();
    }

    /// Saves each change as soon as the page is idle after it (at the latest `AUTOSAVE_DELAY`
    /// later), one tab at a time under the save lock, and right away when the page is hidden.
    /// While storage is failing, a save waits for `AUTOSAVE_DELAY` of quiet instead, so a full
    /// storage is not asked again on every keystroke.
    fn start_autosave(self) {
        Effect::new(move |_| {
            self.plan.track();
            self.history.track_records();
            self.journal_unsaved_records();
            if !self.has_unsaved_edits() {
                if self.save_state.get_untracked() == SaveState::Saving {
                    self.mark_saved();
                }
                return;
            }
            if self.conflict.get_untracked() {
                return;
            }
            let failing = self.storage_problem.get_untracked().is_some() && !self.memory_only;
            if !failing {
                self.save_state.set(SaveState::Saving);
            }
            let Some(ticket) = self.scheduled.try_update_value(|n| {
                *n += 1;
                *n
            }) else {
                return;
            };
            let save = move || {
                if self.scheduled.try_get_value() == Some(ticket) {
                    with_tab_lock(SAVE_LOCK, SAVE_SETTLE_MS, move || {
                        // Another change may have come, or the tab closed, while waiting.
                        if self.scheduled.try_get_value() == Some(ticket) && self.save_now().is_ok()
                        {
                            self.store_kept();
                        }
                    });
                }
            };
            if failing {
                set_timeout(save, AUTOSAVE_DELAY);
            } else {
                when_idle(AUTOSAVE_DELAY.as_millis() as u32, save);
            }
        });
        // The page may be gone before a lock is granted: this last save runs at once, unlocked.
        let hidden = window_event_listener(leptos::ev::pagehide, move |_| {
            let _ = self.save_now();
        });
        on_cleanup(move || hidden.remove());
        let retry = set_interval_with_handle(move || self.retry_storing(), RETRY_EVERY).ok();
        on_cleanup(move || {
            if let Some(retry) = retry {
                retry.clear();
            }
        });
    }

    /// Asks the browser to confirm leaving exactly when closing would lose edits
    /// ([`Self::unsaved_work_at_risk`]); never otherwise.
    fn warn_before_leaving_unsaved_work(self) {
        let listener = window_event_listener(leptos::ev::beforeunload, move |event| {
            if self.unsaved_work_at_risk() {
                event.prevent_default();
                // Older browsers look at returnValue instead.
                event.set_return_value("Your latest changes are not saved.");
            }
        });
        on_cleanup(move || listener.remove());
    }

    /// Another tab changed the stored drafts: refresh the list; if it saved the open draft, load
    /// its version when this tab has no unsaved edits, else warn and let the user choose.
    fn listen_to_other_tabs(self) {
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key();
            if key.is_some() && key.as_deref() != Some(INDEX_KEY) {
                return;
            }
            self.on_other_tab_change();
        });
        on_cleanup(move || listener.remove());
    }

    fn on_other_tab_change(self) {
        // Another tab changed the storage: it may have made room.
        self.retry_storing();
        let Ok(index) = self.with_drafts(|d| d.index(now())) else {
            return;
        };
        self.drafts.set(index.drafts.clone());
        let Some(open) = self.current.get_untracked() else {
            return;
        };
        let Some(theirs) = index.get(&open.id) else {
            return;
        };
        if theirs.name != open.name {
            self.current.update(|current| {
                if let Some(current) = current {
                    current.name = theirs.name.clone();
                }
            });
        }
        if theirs.unreadable.is_some() {
            return;
        }
        let change = open.their_change(theirs);
        if change == TheirChange::Unchanged {
            return;
        }
        // The version on screen is this tab's own when it has unsaved edits, or when two saves of
        // the same revision raced and the stored one is the other tab's: whatever this tab's save
        // said at the time, its version is not stored. Keep it and let the user choose.
        let own_save_replaced = change == TheirChange::ReplacedMine
            && self
                .store
                .with_value(|d| d.writer().is_some() && d.writer() == open.writer.as_deref());
        if self.has_unsaved_edits() || own_save_replaced {
            self.scheduled.update_value(|n| *n += 1);
            self.conflict.set(true);
            self.save_state.set(SaveState::Conflict);
        } else if let Ok((meta, plan)) = self.with_drafts(|d| d.open(&open.id, now())) {
            self.show(meta, plan);
        }
        self.collect_notices();
    }
}

/// A draft name from the plan's product, or `fallback`.
pub fn name_for(plan: &Plan, fallback: &str) -> String {
    let product = plan.header.product.trim();
    if product.is_empty() {
        fallback.to_string()
    } else {
        product.to_string()
    }
}
