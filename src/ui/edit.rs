//! The one way the designer's forms read and change the plan: a field writes its own value by
//! path, and anything else that changes the plan (rows added, moved or removed, undo, an import,
//! another draft) makes every field read its value again.
//!
//! Why: a field that kept a signal or memo over the plan for its value would wake on every
//! keystroke anywhere, and hundreds of subscribers on one signal make each keystroke slow. Here
//! only the field being typed into does any work; the rest wait for a redraw.

use leptos::prelude::*;

use crate::form::node::{edit_list, len_at, set_text_at, text_at, List};
use crate::form::Names;
use crate::plan::Plan;

use super::drafts::Workspace;
use super::findings::FieldFindings;
use super::history::History;

/// The plan as the forms edit it (provided as context by the designer).
#[derive(Clone, Copy)]
pub struct Editor {
    pub plan: RwSignal<Plan>,
    /// Changes whenever the plan changed other than by a field writing its own value.
    redraw: RwSignal<u64>,
    /// Field writes the redraw watcher has not seen yet.
    own_writes: StoredValue<u32>,
    names: NameLists,
    /// The designer's field marks: a field typed in shows its findings from then on.
    marks: Option<FieldFindings>,
    /// The undo history a field's own edit is recorded in (none in component tests without one).
    history: Option<History>,
    /// The drafts a field's own edit is journaled to at once (none in component tests).
    workspace: Option<Workspace>,
}

/// The names reference fields pick from, each a memo over the plan.
#[derive(Clone, Copy)]
struct NameLists {
    priorities: Memo<Vec<String>>,
    tiers: Memo<Vec<String>>,
    calendars: Memo<Vec<String>>,
    channels: Memo<Vec<String>>,
    policies: Memo<Vec<String>>,
}

impl Editor {
    /// Starts watching `plan`: any change a field did not make redraws the fields.
    pub fn new(plan: RwSignal<Plan>) -> Editor {
        let names = NameLists {
            priorities: Memo::new(move |_| {
                plan.with(|p| p.priorities.iter().map(|x| x.name.clone()).collect())
            }),
            tiers: Memo::new(move |_| {
                plan.with(|p| p.tiers.iter().map(|x| x.name.clone()).collect())
            }),
            calendars: Memo::new(move |_| plan.with(Plan::calendar_names)),
            channels: Memo::new(move |_| {
                plan.with(|p| p.channels.iter().map(|x| x.name.clone()).collect())
            }),
            policies: Memo::new(move |_| {
                plan.with(|p| p.sla.iter().map(|x| x.name.clone()).collect())
            }),
        };
        let editor = Editor {
            plan,
            redraw: RwSignal::new(0),
            own_writes: StoredValue::new(0),
            names,
            marks: use_context::<FieldFindings>(),
            history: use_context::<History>(),
            workspace: use_context::<Workspace>(),
        };
        Effect::new(move |first: Option<()>| {
            plan.track();
            if first.is_none() {
                return;
            }
            let own = editor.own_writes.get_value();
            if own > 0 {
                editor.own_writes.set_value(0);
            } else {
                editor.redraw_all();
            }
        });
        editor
    }

    /// The editor the designer provides.
    pub fn get() -> Option<Editor> {
        use_context::<Editor>()
    }

    /// Makes every field read its value again.
    pub fn redraw_all(self) {
        self.redraw.update(|n| *n = n.wrapping_add(1));
    }

    /// Tracks redraws: a view reading this re-runs when the fields must read again.
    pub fn track_redraw(self) {
        self.redraw.track();
    }

    /// The text of the value at `path`, read now (untracked).
    pub fn text(self, path: &str) -> String {
        self.plan
            .with_untracked(|p| text_at(p, path))
            .unwrap_or_default()
    }

    /// Writes what a field typed into the value at `path`. Only a real change notifies.
    pub fn set_text(self, path: &str, text: &str) -> Result<(), String> {
        let result = self
            .plan
            .try_maybe_update(|p| match set_text_at(p, path, text) {
                Ok(changed) => (changed, Ok(changed)),
                Err(error) => (false, Err(error)),
            });
        match result {
            Some(Ok(true)) => {
                self.own_writes.update_value(|n| *n += 1);
                let field = crate::rules::field_id(path);
                if let Some(marks) = self.marks {
                    marks.touch(&field);
                }
                if let Some(workspace) = self.workspace {
                    workspace.journal_field(path, text);
                }
                if let Some(history) = self.history {
                    history.field_edit(&field, |seen| {
                        let _ = set_text_at(seen, path, text);
                    });
                }
                Ok(())
            }
            Some(Ok(false)) => Ok(()),
            Some(Err(error)) => Err(error),
            None => Ok(()),
        }
    }

    /// The length of the list at `path`, following redraws.
    pub fn len(self, path: &str) -> usize {
        self.redraw.track();
        self.plan.with_untracked(|p| len_at(p, path))
    }

    /// Changes the list at `path` (a structural edit: the fields redraw).
    pub fn edit_list<R>(self, path: &str, edit: impl FnOnce(&mut dyn List) -> R) -> Option<R> {
        self.plan.try_update(|p| edit_list(p, path, edit)).flatten()
    }

    /// Any other change of the plan (the fields redraw).
    pub fn update(self, edit: impl FnOnce(&mut Plan)) {
        self.plan.update(edit);
    }

    /// The names a reference field picks from.
    pub fn names(self, names: Names) -> Memo<Vec<String>> {
        match names {
            Names::Priorities => self.names.priorities,
            Names::Tiers => self.names.tiers,
            Names::Calendars => self.names.calendars,
            Names::Channels => self.names.channels,
            Names::Policies => self.names.policies,
        }
    }
}
