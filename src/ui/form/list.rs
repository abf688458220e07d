//! A declared list drawn in the shared row frame: its rows from the declaration's items, its
//! add / move / remove edits through the plan's list access, new rows with their declared values.

use std::sync::Arc;

use leptos::prelude::*;

use crate::edit::Edit;
use crate::form::node::{at, len_at, text_at, Node};
use crate::form::{FieldSpec, Kind, Layout, ListSpec};
use crate::plan::{Path, Plan};

use super::super::edit::Editor;
use super::super::row_list::{
    list_frame, ListEdits, ListFrame, Restore, RowLayout, RowMatches, RowTitle,
};
use super::{field_view, items_view, Place};

/// The one field of a row of words: its text, named after the row.
const WORD: FieldSpec = FieldSpec {
    key: "",
    label: "",
    name: None,
    kind: Kind::Text,
    hint: "",
    wide: false,
};

/// The list `spec` declares, below `place`.
pub(super) fn list_view(editor: Editor, spec: &'static ListSpec, place: &Place) -> AnyView {
    let path = place.join(spec.key);
    let noun = if place.row.is_empty() {
        spec.noun.to_string()
    } else {
        format!("{} {}", place.row, spec.noun)
    };
    let len = {
        let path = path.clone();
        Signal::derive(move || editor.len(&path))
    };
    let body = {
        let (path, noun) = (path.clone(), noun.clone());
        Arc::new(move |index: usize| {
            let row = Place {
                path: format!("{path}[{index}]"),
                row: format!("{noun} {}", index + 1),
            };
            if spec.layout == Layout::Words {
                field_view(
                    editor,
                    &WORD,
                    row.path.clone(),
                    row.row.clone(),
                    Some(row.row),
                )
            } else {
                items_view(editor, spec.items, &row, None)
            }
        })
    };
    let matches: Option<RowMatches> = (!spec.search.is_empty()).then(|| {
        let path = path.clone();
        Arc::new(move |index: usize, query: &str| {
            editor.plan.with_untracked(|plan| {
                search_text(plan, &format!("{path}[{index}]"), spec.search)
                    .to_lowercase()
                    .contains(query)
            })
        }) as RowMatches
    });
    // Rows with a name are headed by it.
    let named = spec
        .items
        .iter()
        .any(|item| matches!(item, crate::form::Item::Field(f) if f.key == "name"));
    let title: Option<RowTitle> = (spec.layout == Layout::Card && named).then(|| {
        let path = path.clone();
        Arc::new(move |index: usize| {
            editor.track_redraw();
            editor.text(&format!("{path}[{index}].name"))
        }) as RowTitle
    });
    let frame = list_frame(ListFrame {
        list_id: crate::rules::field_id(&path),
        list_path: path.clone(),
        noun,
        layout: match spec.layout {
            Layout::Card => RowLayout::Card,
            Layout::Line | Layout::Words => RowLayout::Line,
        },
        len,
        body,
        edits: edits(editor, path, spec),
        matches,
        title,
    });
    if spec.layout == Layout::Words {
        // Each entry's label ("Category 3 type 2") is its accessible name; on screen the list's
        // heading says what the entries are.
        view! { <div class="word-list">{frame}</div> }.into_any()
    } else {
        frame.into_any()
    }
}

/// The text the Find box of a long list searches in a row.
fn search_text(plan: &Plan, row: &str, keys: &[&str]) -> String {
    let mut text = String::new();
    for key in keys {
        let Some(node) = at(plan, &format!("{row}.{key}")) else {
            continue;
        };
        if let Some(leaf) = node.leaf() {
            text.push_str(&leaf.text());
            text.push(' ');
        } else if let Some(list) = node.list() {
            for index in 0..list.len() {
                if let Some(leaf) = list.item(index).and_then(Node::leaf) {
                    text.push_str(&leaf.text());
                    text.push(' ');
                }
            }
        }
    }
    text
}

/// Add, move and remove for the list at `path`: each one edit (one undo step) through the log,
/// each redrawing the fields.
fn edits(editor: Editor, path: String, spec: &'static ListSpec) -> ListEdits {
    let (add_path, swap_path) = (path.clone(), path.clone());
    let copy = spec.copyable.then(|| {
        let path = path.clone();
        Arc::new(move |index: usize| copy_row(editor, &path, index))
            as Arc<dyn Fn(usize) -> Option<usize> + Send + Sync>
    });
    ListEdits {
        add: Arc::new(move || add_row(editor, &add_path, spec)),
        swap: Arc::new(move |from, to| {
            let list = list_path(&swap_path);
            let (low, high) = (from.min(to), from.max(to));
            if low == high {
                return editor.plan.with_untracked(|p| len_at(p, &swap_path));
            }
            // Two moves swap them: the lower row to the higher place, then the one that moved
            // down by one back to the lower place.
            let _ = editor.apply_step(vec![
                Edit::MoveRow {
                    list: list.clone(),
                    from: low,
                    to: high,
                },
                Edit::MoveRow {
                    list,
                    from: high - 1,
                    to: low,
                },
            ]);
            editor.plan.with_untracked(|p| len_at(p, &swap_path))
        }),
        remove: Arc::new(move |index| {
            let removed = editor.row_json(&path, index)?;
            let list = list_path(&path);
            editor
                .apply(Edit::RemoveRow {
                    list: list.clone(),
                    index,
                })
                .ok()?;
            let remaining = editor.plan.with_untracked(|p| len_at(p, &path));
            let restore: Restore = Arc::new(move || {
                let at = index.min(editor.plan.with_untracked(|p| len_at(p, list.as_str())));
                let _ = editor.apply(Edit::InsertRow {
                    list: list.clone(),
                    index: at,
                    row: Some(removed.clone()),
                });
                at
            });
            Some((remaining, restore))
        }),
        copy,
    }
}

/// The path of a declared list (always well formed: it comes from the declarations).
fn list_path(path: &str) -> Path {
    Path::parse(path).unwrap_or_else(|| Path::field(path))
}

/// Adds a row with the declared first values, as one undo step; the list's length after.
fn add_row(editor: Editor, path: &str, spec: &'static ListSpec) -> usize {
    let (len, home_zone) = editor
        .plan
        .with_untracked(|p| (len_at(p, path), p.header.time_zone.clone()));
    let row = list_path(path).at(len);
    let mut edits = vec![Edit::InsertRow {
        list: list_path(path),
        index: len,
        row: None,
    }];
    for (key, text) in spec.init {
        let text = if *text == "@home-zone" {
            &home_zone
        } else {
            *text
        };
        edits.push(Edit::set_field(row.clone().then(key), text));
    }
    let _ = editor.apply_step(edits);
    editor.plan.with_untracked(|p| len_at(p, path))
}

/// Puts a copy of row `index` of the list at `path` right after it, named "… (copy)" when rows
/// have names (names must stay unique). One undo step; the copy's index.
fn copy_row(editor: Editor, path: &str, index: usize) -> Option<usize> {
    let row = editor.row_json(path, index)?;
    let mut edits = vec![Edit::InsertRow {
        list: list_path(path),
        index: index + 1,
        row: Some(row),
    }];
    let name = format!("{path}[{index}].name");
    if let Some(original) = editor.plan.with_untracked(|p| text_at(p, &name)) {
        let copy_name = list_path(path).at(index + 1).then("name");
        edits.push(Edit::set_field(copy_name, &format!("{original} (copy)")));
    }
    editor.apply_step(edits).ok().map(|_| index + 1)
}
