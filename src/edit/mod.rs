//! The one way a plan changes: an [`Edit`] (a field typed, a row added, removed or moved, a part
//! or the whole plan replaced by a one-click apply) goes through the [`Editor`], which applies it
//! and appends a numbered [`Record`] to the [`EditLog`] with what undoes it. Undo and redo, the
//! autosave (stored up to record N) and the crash journal (the records after the last save) all
//! read that log; nothing else keeps its own idea of what changed.

mod apply;
mod editor;
mod log;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::plan::{Part, Path, Plan};

pub use apply::replay;
pub use editor::{Editor, JOIN_WINDOW_MS, STEP_LIMIT};
pub use log::{EditLog, Kind, Record};

/// One change of a plan, as data: small enough to journal at every keystroke, and replayable on
/// the plan it was made on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// The field at `path` now reads `text`, as typed (`4h`, `1,200`, the index of a choice).
    SetField { path: Path, text: String },
    /// A row at `index` of the list at `list`: `row` as JSON, or a new row with default values.
    InsertRow {
        list: Path,
        index: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        row: Option<serde_json::Value>,
    },
    /// Row `index` of the list at `list` taken out.
    RemoveRow { list: Path, index: usize },
    /// Row `from` of the list at `list` moved to `to` (taken out, then put in at `to`).
    MoveRow { list: Path, from: usize, to: usize },
    /// The value at `at` (a part such as `staffing`, a row such as `taxonomy[3]`, or the whole
    /// plan when `None`) replaced by `value`, for a one-click apply named `label` ("Apply the
    /// forecast") and for undoing a field write. `claim` sets whether a field is still as the
    /// starter template wrote it (a field write confirms it; its undo puts the claim back).
    Replace {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<Path>,
        label: String,
        value: serde_json::Value,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claim: Option<Claim>,
    },
}

/// Whether the value at `path` is the starter template's: its text as the template wrote it, or
/// `None` when it is the user's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub path: String,
    pub template_text: Option<String>,
}

impl Edit {
    /// A field write.
    pub fn set_field(path: Path, text: &str) -> Edit {
        Edit::SetField {
            path,
            text: text.to_string(),
        }
    }

    /// Takes part `part` as it is in `changed` (a copy of the plan a one-click apply changed).
    pub fn replace_part(label: &str, part: Part, changed: &Plan) -> Result<Edit, EditError> {
        Edit::replace_from(label, Some(Path::field(part.key())), changed)
    }

    /// Takes the whole plan `changed`.
    pub fn replace_plan(label: &str, changed: &Plan) -> Result<Edit, EditError> {
        Edit::replace_from(label, None, changed)
    }

    /// Takes the value at `at` (a part, a row, or the whole plan when `None`) as it is in
    /// `changed`.
    pub fn replace_from(label: &str, at: Option<Path>, changed: &Plan) -> Result<Edit, EditError> {
        let value = apply::value_at(changed, at.as_ref()).map_err(|reason| EditError {
            edit: label.to_string(),
            reason,
        })?;
        Ok(Edit::Replace {
            at,
            label: label.to_string(),
            value,
            claim: None,
        })
    }

    /// The user vouches for the value at `path` as it is in `plan`: no longer the starter
    /// template's (the value itself stays).
    pub fn confirm(path: &Path, plan: &Plan) -> Result<Edit, EditError> {
        let label = format!("confirming {path}");
        match Edit::replace_from(&label, Some(path.row_or_part()), plan)? {
            Edit::Replace { at, value, .. } => Ok(Edit::Replace {
                at,
                label,
                value,
                claim: Some(Claim {
                    path: path.to_string(),
                    template_text: None,
                }),
            }),
            other => Ok(other),
        }
    }

    /// What the edit does, in words, for messages ("typing in header.product").
    pub fn describe(&self) -> String {
        match self {
            Edit::SetField { path, .. } => format!("typing in {path}"),
            Edit::InsertRow { list, index, .. } => format!("adding row {} to {list}", index + 1),
            Edit::RemoveRow { list, index } => format!("removing row {} of {list}", index + 1),
            Edit::MoveRow { list, from, to } => {
                format!("moving row {} of {list} to {}", from + 1, to + 1)
            }
            Edit::Replace { label, .. } => label.clone(),
        }
    }

    /// Whether the edit changes one field only (its control already shows the new text).
    pub fn is_field_write(&self) -> bool {
        matches!(self, Edit::SetField { .. })
    }
}

/// What applying an edit did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Applied {
    /// The plan already was so: nothing was recorded.
    #[default]
    Unchanged,
    /// One field's value changed, as record `0`: only that field's control had it wrong.
    Field(u64),
    /// Rows or whole parts changed, up to record `0`: every control reads its value again.
    Plan(u64),
}

impl Applied {
    /// The number of the last record written, if any.
    pub fn record(self) -> Option<u64> {
        match self {
            Applied::Unchanged => None,
            Applied::Field(seq) | Applied::Plan(seq) => Some(seq),
        }
    }
}

/// An edit that could not be applied: the plan is as it was and nothing was recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError {
    /// The edit, in words ([`Edit::describe`]).
    pub edit: String,
    /// Why, in words.
    pub reason: String,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} was not applied: {}", self.edit, self.reason)
    }
}

impl std::error::Error for EditError {}

#[cfg(test)]
mod tests;
