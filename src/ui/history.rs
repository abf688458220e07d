//! Undo and redo of plan edits: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y anywhere in the app, and buttons.
//! Typing in one field joins into one step (see `drafts::undo`); opening another draft starts afresh.
//!
//! Decision: undo is the app's everywhere, also inside plan fields, and the browser's own per-field
//! undo is prevented there — two undo histories over one plan would fight (the browser's does not
//! know about rows added, drafts loaded or values changed by other controls). Fields that are not
//! part of the plan (the paste-JSON box) carry `data-own-undo` and keep the browser's undo.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::drafts::undo::UndoStack;
use crate::plan::Plan;

/// The undo history of the open plan. Cheap to copy; lives as long as the app.
#[derive(Clone, Copy)]
pub struct History {
    plan: RwSignal<Plan>,
    stack: StoredValue<UndoStack<Plan>>,
    /// The plan as the history last saw it: the "before" of the next edit.
    seen: StoredValue<Plan>,
    /// Field edits already recorded (and applied to `seen`) that the watcher has not seen yet.
    recorded: StoredValue<u32>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
}

impl History {
    /// Starts recording every change of `plan`, and listens for the undo/redo keys.
    pub fn track(plan: RwSignal<Plan>) -> History {
        let history = History {
            plan,
            stack: StoredValue::new(UndoStack::new()),
            seen: StoredValue::new(plan.get_untracked()),
            recorded: StoredValue::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
        };
        // Any change a field did not record itself: compared and copied whole.
        Effect::new(move |_| {
            plan.track();
            if history.recorded.get_value() > 0 {
                history.recorded.set_value(0);
                return;
            }
            let now = plan.get_untracked();
            if history.seen.with_value(|seen| *seen == now) {
                return;
            }
            let Some(before) = history
                .seen
                .try_update_value(|seen| std::mem::replace(seen, now))
            else {
                return;
            };
            let field = focused_field();
            history
                .stack
                .update_value(|stack| stack.record(before, field.as_deref(), js_sys::Date::now()));
            history.refresh();
        });
        let keys = window_event_listener(leptos::ev::keydown, move |event| {
            history.on_key(&event);
        });
        on_cleanup(move || keys.remove());
        history
    }

    /// Records a field's own edit: `edit` is what it did to the plan, done again to the history's
    /// copy. The plan is copied only when the edit starts a new undo step.
    pub fn field_edit(self, field: &str, edit: impl FnOnce(&mut Plan)) {
        let at = js_sys::Date::now();
        self.stack.update_value(|stack| {
            self.seen.update_value(|seen| {
                stack.record_with(|| seen.clone(), Some(field), at);
                edit(seen);
            })
        });
        self.recorded.update_value(|n| *n += 1);
        self.refresh();
    }

    pub fn undo(self) {
        let current = self.plan.get_untracked();
        if let Some(previous) = self.stack.try_update_value(|s| s.undo(current)).flatten() {
            self.show(previous);
        }
    }

    pub fn redo(self) {
        let current = self.plan.get_untracked();
        if let Some(next) = self.stack.try_update_value(|s| s.redo(current)).flatten() {
            self.show(next);
        }
    }

    pub fn can_undo(self) -> bool {
        self.can_undo.get()
    }

    pub fn can_redo(self) -> bool {
        self.can_redo.get()
    }

    /// Forgets every step: `plan` (about to be shown) is where the new history starts.
    pub fn reset(self, plan: &Plan) {
        self.seen.set_value(plan.clone());
        self.stack.update_value(UndoStack::clear);
        self.refresh();
    }

    /// Shows a snapshot from the history without recording it as a new edit.
    fn show(self, plan: Plan) {
        self.seen.set_value(plan.clone());
        self.plan.set(plan);
        self.refresh();
    }

    fn refresh(self) {
        let (undo, redo) = self.stack.with_value(|s| (s.can_undo(), s.can_redo()));
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

/// The id of the focused form field, if any: edits in the same field join into one step.
fn focused_field() -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    let id = active.id();
    (!id.is_empty()).then_some(id)
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
