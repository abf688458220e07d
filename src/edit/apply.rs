//! Applying one edit to a plan and working out the edit that undoes it. Every edit is all or
//! nothing: one that fails leaves the plan exactly as it was.

use serde::Deserialize;
use serde_json::Value;

use super::{Claim, Edit, EditError};
use crate::form::node::{at, edit_list, set_text_at, List, Node};
use crate::plan::{Part, Path, Plan};

/// Applies `edit` to `plan`; returns the edit that undoes it, or `None` when the plan already
/// was so (nothing changed). On an error the plan is untouched.
pub(super) fn apply(plan: &mut Plan, edit: &Edit) -> Result<Option<Edit>, EditError> {
    let failed = |reason: String| EditError {
        edit: edit.describe(),
        reason,
    };
    match edit {
        Edit::SetField { path, text } => set_field(plan, path, text).map_err(failed),
        Edit::InsertRow { list, index, row } => {
            insert_row(plan, list, *index, row.as_ref()).map_err(failed)
        }
        Edit::RemoveRow { list, index } => remove_row(plan, list, *index).map_err(failed),
        Edit::MoveRow { list, from, to } => move_row(plan, list, *from, *to).map_err(failed),
        Edit::Replace {
            at,
            label,
            value,
            claim,
        } => replace(plan, at.as_ref(), label, value, claim.as_ref()).map_err(failed),
    }
}

/// The plan `edits` lead to from `start` (a journal's records on the stored plan). The first
/// that cannot be applied is reported and nothing is returned: a plan half replayed is nobody's.
pub fn replay<'a>(
    start: &Plan,
    edits: impl IntoIterator<Item = &'a Edit>,
) -> Result<Plan, EditError> {
    let mut plan = start.clone();
    for edit in edits {
        apply(&mut plan, edit)?;
    }
    Ok(plan)
}

/// A field write. Besides the value, writing a field can start an optional group (a channel's
/// on-call rotation) and confirms a template's claim on it, so the undo puts back the row or part
/// the field lies in, and the claim.
fn set_field(plan: &mut Plan, path: &Path, text: &str) -> Result<Option<Edit>, String> {
    let holder = path.row_or_part();
    let before = value_at(plan, Some(&holder))?;
    let claim_before = plan.from_template.get(path.as_str()).cloned();
    match set_text_at(plan, path.as_str(), text) {
        Ok(true) => Ok(Some(Edit::Replace {
            at: Some(holder),
            label: format!("typing in {path}"),
            value: before,
            claim: Some(Claim {
                path: path.to_string(),
                template_text: claim_before,
            }),
        })),
        outcome => {
            // Finding the field may have started an optional group: put the row back as it was.
            set_value_at(plan, Some(&holder), &before)?;
            outcome.map(|_| None)
        }
    }
}

fn insert_row(
    plan: &mut Plan,
    list: &Path,
    index: usize,
    row: Option<&Value>,
) -> Result<Option<Edit>, String> {
    with_list(plan, list, |items| {
        let len = items.len();
        if index > len {
            return Err(format!(
                "the list has {len} rows; there is no place {}",
                index + 1
            ));
        }
        let json = match row {
            Some(row) => row.to_string(),
            None => {
                items.push_default();
                items.remove(len).unwrap_or_default()
            }
        };
        if !items.insert_json(index, &json) {
            return Err("that is not a row of this list".to_string());
        }
        Ok(Some(Edit::RemoveRow {
            list: list.clone(),
            index,
        }))
    })
}

fn remove_row(plan: &mut Plan, list: &Path, index: usize) -> Result<Option<Edit>, String> {
    with_list(plan, list, |items| {
        let row = items.item_json(index).ok_or_else(|| no_row(items, index))?;
        items.remove(index);
        Ok(Some(Edit::InsertRow {
            list: list.clone(),
            index,
            row: Some(row),
        }))
    })
}

fn move_row(plan: &mut Plan, list: &Path, from: usize, to: usize) -> Result<Option<Edit>, String> {
    with_list(plan, list, |items| {
        let len = items.len();
        if from >= len || to >= len {
            return Err(no_row(items, from.max(to)));
        }
        if from == to {
            return Ok(None);
        }
        let row = items.remove(from).unwrap_or_default();
        if !items.insert_json(to, &row) {
            items.insert_json(from, &row);
            return Err("the row could not be put back in the list".to_string());
        }
        Ok(Some(Edit::MoveRow {
            list: list.clone(),
            from: to,
            to: from,
        }))
    })
}

fn replace(
    plan: &mut Plan,
    at: Option<&Path>,
    label: &str,
    value: &Value,
    claim: Option<&Claim>,
) -> Result<Option<Edit>, String> {
    let before = value_at(plan, at)?;
    let claim_before = claim.map(|claim| Claim {
        path: claim.path.clone(),
        template_text: plan.from_template.get(&claim.path).cloned(),
    });
    if before == *value && claim_before.as_ref() == claim {
        return Ok(None);
    }
    set_value_at(plan, at, value)?;
    if let Some(claim) = claim {
        match &claim.template_text {
            Some(text) => plan.from_template.insert(claim.path.clone(), text.clone()),
            None => plan.from_template.remove(&claim.path),
        };
    }
    Ok(Some(Edit::Replace {
        at: at.cloned(),
        label: label.to_string(),
        value: before,
        claim: claim_before,
    }))
}

/// Runs `change` on the list at `list`.
fn with_list<R>(
    plan: &mut Plan,
    list: &Path,
    change: impl FnOnce(&mut dyn List) -> Result<R, String>,
) -> Result<R, String> {
    edit_list(plan, list.as_str(), change)
        .unwrap_or_else(|| Err(format!("the plan has no list at {list}")))
}

fn no_row(items: &dyn List, index: usize) -> String {
    format!(
        "the list has {} rows; there is no row {}",
        items.len(),
        index + 1
    )
}

/// The value at `at` as JSON: a part, a row, or the whole plan (`None`).
pub(super) fn value_at(plan: &Plan, at: Option<&Path>) -> Result<Value, String> {
    let Some(path) = at else {
        return serde_json::to_value(plan).map_err(|error| error.to_string());
    };
    if let Some((list, index)) = path.list_item() {
        let items = node_at(plan, &list)?
            .list()
            .ok_or_else(|| format!("the plan has no list at {list}"))?;
        return items.item_json(index).ok_or_else(|| no_row(items, index));
    }
    part_of(path)?
        .to_json(plan)
        .map_err(|error| error.to_string())
}

/// Puts `value` at `at` (see [`value_at`]); nothing changes when it is not a value for there.
fn set_value_at(plan: &mut Plan, at: Option<&Path>, value: &Value) -> Result<(), String> {
    let Some(path) = at else {
        *plan = Plan::deserialize(value).map_err(|error| error.to_string())?;
        return Ok(());
    };
    if let Some((list, index)) = path.list_item() {
        return with_list(plan, &list, |items| items.replace_json(index, value));
    }
    part_of(path)?
        .set_json(plan, value)
        .map_err(|error| error.to_string())
}

fn node_at<'a>(plan: &'a Plan, path: &Path) -> Result<&'a dyn Node, String> {
    at(plan, path.as_str()).ok_or_else(|| format!("the plan has nothing at {path}"))
}

/// The part a replace names: only a part, a row or the whole plan is replaced whole.
fn part_of(path: &Path) -> Result<Part, String> {
    Part::from_key(path.as_str())
        .ok_or_else(|| format!("{path} is not a part, a row or the whole plan"))
}
