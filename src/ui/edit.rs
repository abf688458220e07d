//! The one way the designer's forms read and change the plan: every change is an edit applied
//! through the open plan's log (`History`), a field writing its own value by path; any change of
//! another kind (rows added, moved or removed, undo, a one-click apply, another draft) makes
//! every field read its value again.
//!
//! Why: a field that kept a signal or memo over the plan for its value would wake on every
//! keystroke anywhere, and hundreds of subscribers on one signal make each keystroke slow. Here
//! only the field being typed into does any work; the rest wait for a redraw.

use leptos::prelude::*;

use crate::edit::{Applied, Edit, EditError};
use crate::form::node::{at, len_at, text_at, Node};
use crate::form::Names;
use crate::plan::{Path, Plan};

use super::findings::FieldFindings;
use super::history::History;

/// The plan as the forms edit it (provided as context by the designer).
#[derive(Clone, Copy)]
pub struct Editor {
    pub plan: RwSignal<Plan>,
    /// The log every change goes through (the app's; a fresh one in component tests without it).
    history: History,
    names: NameLists,
    /// The designer's field marks: a field typed in shows its findings from then on.
    marks: Option<FieldFindings>,
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
    /// The forms' editor of `plan`, over the log in context (or a log of its own).
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
        Editor {
            plan,
            history: use_context::<History>().unwrap_or_else(|| History::track(plan)),
            names,
            marks: use_context::<FieldFindings>(),
        }
    }

    /// The editor the designer provides.
    pub fn get() -> Option<Editor> {
        use_context::<Editor>()
    }

    /// The editor the designer provides, or one over `plan` (a view mounted on its own).
    pub fn of(plan: RwSignal<Plan>) -> Editor {
        Editor::get().unwrap_or_else(|| Editor::new(plan))
    }

    /// Makes every field read its value again.
    pub fn redraw_all(self) {
        self.history.redraw_all();
    }

    /// Tracks redraws: a view reading this re-runs when the fields must read again.
    pub fn track_redraw(self) {
        self.history.track_redraw();
    }

    /// Tracks the edit log: a view or Effect reading this re-runs at each record.
    pub fn track_records(self) {
        self.history.track_records();
    }

    /// The text of the value at `path`, read now (untracked).
    pub fn text(self, path: &str) -> String {
        self.plan
            .with_untracked(|p| text_at(p, path))
            .unwrap_or_default()
    }

    /// Writes what a field typed into the value at `path`. Only a real change is recorded.
    pub fn set_text(self, path: &str, text: &str) -> Result<(), String> {
        let parsed =
            Path::parse(path).ok_or_else(|| format!("The plan has no field at {path}."))?;
        match self.history.apply(Edit::set_field(parsed, text)) {
            Ok(Applied::Unchanged) => Ok(()),
            Ok(_) => {
                if let Some(marks) = self.marks {
                    marks.touch(&crate::rules::field_id(path));
                }
                Ok(())
            }
            Err(error) => Err(error.reason),
        }
    }

    /// The length of the list at `path`, following redraws.
    pub fn len(self, path: &str) -> usize {
        self.track_redraw();
        self.plan.with_untracked(|p| len_at(p, path))
    }

    /// Row `index` of the list at `path` as JSON, read now.
    pub fn row_json(self, path: &str, index: usize) -> Option<serde_json::Value> {
        self.plan.with_untracked(|p| {
            at(p, path)
                .and_then(Node::list)
                .and_then(|list| list.item_json(index))
        })
    }

    /// Applies one edit (the fields redraw unless it is a field write).
    pub fn apply(self, edit: Edit) -> Result<Applied, EditError> {
        self.history.apply(edit)
    }

    /// Applies several edits as one undo step.
    pub fn apply_step(self, edits: Vec<Edit>) -> Result<Applied, EditError> {
        self.history.apply_step(edits)
    }

    /// A one-click change named `label`: `change` runs on a copy of the plan, and the value at
    /// `at` (a row, a part, or the whole plan when `None`) is taken from the copy, as one edit.
    pub fn change<R>(
        self,
        label: &str,
        at: Option<Path>,
        change: impl FnOnce(&mut Plan) -> R,
    ) -> Result<R, EditError> {
        let mut copy = self.plan.get_untracked();
        let result = change(&mut copy);
        if self.plan.with_untracked(|plan| *plan == copy) {
            return Ok(result);
        }
        self.history
            .apply(Edit::replace_from(label, at, &copy)?)
            .map(|_| result)
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
