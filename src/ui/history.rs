//! The open plan's edit log in the browser (`edit::Editor`), and undo and redo over it: Ctrl/Cmd+Z,
//! Shift+Ctrl/Cmd+Z and Ctrl+Y anywhere in the app, and buttons. Typing in one field joins into
//! one step; opening another draft starts afresh.
//!
//! Decision: undo is the app's everywhere, also inside plan fields, and the browser's own per-field
//! undo is prevented there — two undo histories over one plan would fight (the browser's does not
//! know about rows added, drafts loaded or values changed by other controls). Fields that are not
//! part of the plan (the paste-JSON box) carry `data-own-undo` and keep the browser's undo.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::drafts::Journal;
use crate::edit::{Applied, Edit, EditError, Editor};
use crate::plan::Plan;

/// The open plan's edit log and its undo history: every change of the plan goes through here
/// ([`History::apply`]). Cheap to copy; lives as long as the app.
#[derive(Clone, Copy)]
pub struct History {
    plan: RwSignal<Plan>,
    editor: StoredValue<Editor>,
    /// The number of the last record: what the autosave and the journal follow.
    head: RwSignal<u64>,
    /// Changes whenever the plan changed other than by one field writing its own value (rows,
    /// one-click applies, undo, another plan shown): every field reads its value again.
    redraw: RwSignal<u64>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
}

impl History {
    /// Starts the log of `plan`, and listens for the undo/redo keys.
    pub fn track(plan: RwSignal<Plan>) -> History {
        let history = History {
            plan,
            editor: StoredValue::new(Editor::new()),
            head: RwSignal::new(0),
            redraw: RwSignal::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
        };
        let keys = window_event_listener(leptos::ev::keydown, move |event| {
            history.on_key(&event);
        });
        on_cleanup(move || keys.remove());
        history
    }

    /// Applies `edit` to the plan and records it; a field write within a second of the last
    /// write to the same field joins its undo step (typing a word is one undo).
    pub fn apply(self, edit: Edit) -> Result<Applied, EditError> {
        let at = js_sys::Date::now();
        self.change(move |editor, plan| editor.apply_at(plan, edit, Some(at)))
    }

    /// Applies `edits` as one undo step (a row added with its first values), all or nothing.
    pub fn apply_step(self, edits: Vec<Edit>) -> Result<Applied, EditError> {
        self.change(move |editor, plan| editor.apply_step(plan, edits))
    }

    pub fn undo(self) {
        let _ = self.change(|editor, plan| editor.undo(plan).map(Option::unwrap_or_default));
    }

    pub fn redo(self) {
        let _ = self.change(|editor, plan| editor.redo(plan).map(Option::unwrap_or_default));
    }

    /// Runs `act` on the editor and the plan; the plan notifies only when it changed.
    fn change(
        self,
        act: impl FnOnce(&mut Editor, &mut Plan) -> Result<Applied, EditError>,
    ) -> Result<Applied, EditError> {
        let outcome = self
            .plan
            .try_maybe_update(|plan| {
                let outcome = self
                    .editor
                    .try_update_value(|editor| act(editor, plan))
                    .unwrap_or(Ok(Applied::Unchanged));
                (
                    matches!(outcome, Ok(Applied::Field(_) | Applied::Plan(_))),
                    outcome,
                )
            })
            .unwrap_or(Ok(Applied::Unchanged));
        if let Ok(applied) = &outcome {
            if let Applied::Plan(_) = applied {
                self.redraw_all();
            }
            if let Some(seq) = applied.record() {
                self.head.set(seq);
            }
        }
        self.refresh();
        outcome
    }

    pub fn can_undo(self) -> bool {
        self.can_undo.get()
    }

    pub fn can_redo(self) -> bool {
        self.can_redo.get()
    }

    /// Shows `plan` (another draft opened, their version loaded): a new log and no undo steps.
    pub fn show(self, plan: Plan) {
        self.editor.update_value(Editor::reset);
        self.plan.set(plan);
        self.redraw_all();
        self.refresh();
    }

    /// Makes every field read its value again.
    pub fn redraw_all(self) {
        self.redraw.update(|n| *n = n.wrapping_add(1));
    }

    /// Tracks redraws: a view reading this re-runs when the fields must read again.
    pub fn track_redraw(self) {
        self.redraw.track();
    }

    /// Tracks the log: re-runs at each record (the autosave and the journal follow it).
    pub fn track_records(self) {
        self.head.track();
    }

    /// The number of the last record, read now.
    pub fn head(self) -> u64 {
        self.editor.try_with_value(|e| e.log().head()).unwrap_or(0)
    }

    /// Whether records were applied since the last save.
    pub fn has_unsaved(self) -> bool {
        self.editor
            .try_with_value(|e| e.log().has_unsaved())
            .unwrap_or(false)
    }

    /// The stored draft now holds the records up to `seq` (a save of the plan at record `seq`).
    pub fn mark_saved_through(self, seq: u64) {
        self.editor.update_value(|e| e.mark_saved_through(seq));
    }

    /// The records the stored draft (at `revision`) does not hold yet, as a journal.
    pub fn journal(self, revision: u64) -> Journal {
        self.editor
            .try_with_value(|e| Journal::of_log(revision, e.log()))
            .unwrap_or_else(|| Journal::new(revision))
    }

    fn refresh(self) {
        let Some((undo, redo)) = self.editor.try_with_value(|e| (e.can_undo(), e.can_redo()))
        else {
            return;
        };
        if self.can_undo.get_untracked() != undo {
            self.can_undo.set(undo);
        }
        if self.can_redo.get_untracked() != redo {
            self.can_redo.set(redo);
        }
    }

    fn on_key(self, event: &web_sys::KeyboardEvent) {
        if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
            return;
        }
        let key = event.key().to_lowercase();
        let shift = event.shift_key();
        let redo = (key == "z" && shift) || (key == "y" && !shift);
        let undo = key == "z" && !shift;
        if !(undo || redo) || target_keeps_own_undo(event) {
            return;
        }
        event.prevent_default();
        if undo {
            self.undo();
        } else {
            self.redo();
        }
    }
}

fn target_keeps_own_undo(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-own-undo]").ok().flatten())
        .is_some()
}

/// Undo and Redo buttons, greyed out when there is nothing to undo or redo.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let history = expect_context::<History>();
    view! {
        <div class="undo-redo" role="group" aria-label="Undo and redo">
            <button
                type="button"
                title="Undo (Ctrl+Z)"
                prop:disabled=move || !history.can_undo()
                on:click=move |_| history.undo()
            >
                "Undo"
            </button>
            <button
                type="button"
                title="Redo (Shift+Ctrl+Z)"
                prop:disabled=move || !history.can_redo()
                on:click=move |_| history.redo()
            >
                "Redo"
            </button>
        </div>
    }
}
