//! A declared list drawn in the shared row frame: its rows from the declaration's items, its
//! add / move / remove edits through the plan's list access, new rows with their declared values.

use std::sync::Arc;

use leptos::prelude::*;

use crate::form::node::{at, edit_list, set_text_at, List, Node};
use crate::form::{FieldSpec, Kind, Layout, ListSpec};
use crate::plan::Plan;

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

/// Add, move and remove for the list at `path`: each one undo step, each redrawing the fields.
fn edits(editor: Editor, path: String, spec: &'static ListSpec) -> ListEdits {
    let (add_path, swap_path) = (path.clone(), path.clone());
    let copy = spec.copyable.then(|| {
        let path = path.clone();
        Arc::new(move |index: usize| copy_row(editor, &path, index))
            as Arc<dyn Fn(usize) -> Option<usize> + Send + Sync>
    });
    ListEdits {
        add: Arc::new(move || {
            let mut len = 0;
            editor.update(|plan| {
                let home_zone = plan.header.time_zone.clone();
                len = edit_list(plan, &add_path, |list| {
                    list.push_default();
                    list.len()
                })
                .unwrap_or(0);
                let row = format!("{add_path}[{}]", len.saturating_sub(1));
                for (key, text) in spec.init {
                    let text = if *text == "@home-zone" {
                        &home_zone
                    } else {
                        *text
                    };
                    let _ = set_text_at(plan, &format!("{row}.{key}"), text);
                }
            });
            len
        }),
        swap: Arc::new(move |from, to| {
            editor
                .edit_list(&swap_path, |list| {
                    list.swap(from, to);
                    list.len()
                })
                .unwrap_or(0)
        }),
        remove: Arc::new(move |index| {
            let (removed, remaining) = editor.edit_list(&path, |list| {
                let removed = List::remove(list, index);
                (removed, list.len())
            })?;
            let removed = removed?;
            let path = path.clone();
            let restore: Restore = Arc::new(move || {
                editor
                    .edit_list(&path, |list| {
                        let at = index.min(list.len());
                        list.insert_json(at, &removed);
                        at
                    })
                    .unwrap_or(0)
            });
            Some((remaining, restore))
        }),
        copy,
    }
}

/// Puts a copy of row `index` of the list at `path` right after it, named "… (copy)" when rows
/// have names (names must stay unique). One undo step; the copy's index.
fn copy_row(editor: Editor, path: &str, index: usize) -> Option<usize> {
    let mut copied = None;
    editor.update(|plan| {
        let done = edit_list(plan, path, |list| {
            let json = List::remove(list, index)?;
            (list.insert_json(index, &json) && list.insert_json(index + 1, &json)).then_some(())
        })
        .flatten();
        if done.is_none() {
            return;
        }
        let name = format!("{path}[{}].name", index + 1);
        if let Some(original) = crate::form::node::text_at(plan, &name) {
            let _ = set_text_at(plan, &name, &format!("{original} (copy)"));
        }
        copied = Some(index + 1);
    });
    copied
}
