//! The row list every list of the plan uses: add, remove with undo, reorder, long lists a page at
//! a time with a Find box; the same frame whatever the rows hold.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;


use super::inputs::focus_after_render;

/// A removed row the user can bring back, shown in the Undo toast.
#[derive(Clone)]
pub struct Removal {
    pub message: String,
    pub restore: Arc<dyn Fn() + Send + Sync>,
}

/// The app-wide Undo toast for removed rows (provided by the designer shell).
#[derive(Clone, Copy)]
pub struct UndoToast(pub RwSignal<Option<Removal>>);

/// How a list looks: full rows with a heading, or one-line rows for lists of words.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RowLayout {
    Card,
    Line,
}

/// How many rows a list shows at first, and how many more each "Show more" adds: a plan with 500
/// categories would otherwise put some 200,000 elements on the page and make every keystroke slow.
pub const ROWS_PER_PAGE: usize = 50;

/// The JSON path of a field the designer is about to focus (a chosen finding): a long list that
/// holds it shows enough rows for it to be there.
#[derive(Clone, Copy)]
pub struct RevealField(pub RwSignal<Option<String>>);

/// The row of the list at `list_path` that `path` lies in: `taxonomy[7].name` → 7 for `taxonomy`.
fn row_in_list(list_path: &str, path: &str) -> Option<usize> {
    let rest = path.strip_prefix(list_path)?.strip_prefix('[')?;
    rest.split(']').next()?.parse().ok()
}

/// Whether row `index` holds the (lower-case) query.
pub type RowMatches = Arc<dyn Fn(usize, &str) -> bool + Send + Sync>;

/// Draws row `index` of a list.
pub type RowBody = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// Puts a removed row back; returns the index it is back at.
pub type Restore = Arc<dyn Fn() -> usize + Send + Sync>;

/// The structural edits of one list, with its item type hidden. Each returns the list's length
/// after the edit (0 when the list is not there).
#[derive(Clone)]
pub struct ListEdits {
    pub add: Arc<dyn Fn() -> usize + Send + Sync>,
    pub swap: Arc<dyn Fn(usize, usize) -> usize + Send + Sync>,
    /// Removes a row: the length left and how to bring the row back, if there was one.
    pub remove: Arc<dyn Fn(usize) -> Option<(usize, Restore)> + Send + Sync>,
}

/// Everything a list editor needs, whatever its items.
pub struct ListFrame {
    /// DOM id of the list (`field-taxonomy`); rows and buttons derive theirs from it.
    pub list_id: String,
    /// JSON path of the list (`taxonomy`), to reveal a row a finding points into.
    pub list_path: String,
    pub noun: String,
    pub layout: RowLayout,
    pub len: Signal<usize>,
    pub body: RowBody,
    pub edits: ListEdits,
    /// For a searchable list: which rows match the Find box.
    pub matches: Option<RowMatches>,
}

/// The editor for any list in the plan: the rows (drawn by `body`), an Add button, and on each
/// row Move up / Move down / Remove buttons. Removal can be undone from the toast. A long list
/// shows `ROWS_PER_PAGE` rows with "Show more" and "Show all", and with `matches` a Find box:
/// the rows whose text holds what is typed (ignoring case). Browser find-in-page cannot reach
/// rows a long list does not show. One function for every list, whatever its items.
pub fn list_frame(frame: ListFrame) -> impl IntoView {
    let ListFrame {
        list_id,
        list_path,
        noun,
        layout,
        len,
        body,
        edits,
        matches,
    } = frame;
    let shown = RwSignal::new(ROWS_PER_PAGE);
    let visible = Memo::new(move |_| len.get().min(shown.get()));
    let query = RwSignal::new(String::new());
    let searchable = matches.is_some();
    // The rows on screen: the first `visible`, or while finding, the matching ones.
    let on_screen = Memo::new(move |_| {
        let wanted = query.with(|q| q.trim().to_lowercase());
        match &matches {
            Some(matches) if !wanted.is_empty() => (0..len.get())
                .filter(|&index| matches(index, &wanted))
                .collect::<Vec<_>>(),
            _ => (0..visible.get()).collect(),
        }
    });
    let finding = move || query.with(|q| !q.trim().is_empty());
    // Makes row `index` one of the shown rows (a whole page at a time).
    let reveal_row = move |index: usize| {
        if query.with_untracked(|q| !q.is_empty()) {
            query.set(String::new());
        }
        if index >= shown.get_untracked() {
            shown.set((index / ROWS_PER_PAGE + 1) * ROWS_PER_PAGE);
        }
    };
    if let Some(RevealField(target)) = use_context::<RevealField>() {
        Effect::new(move |_| {
            if let Some(index) =
                target.with(|t| t.as_deref().and_then(|p| row_in_list(&list_path, p)))
            {
                reveal_row(index);
            }
        });
    }
    let toast = use_context::<UndoToast>();
    let add = {
        let add = Arc::clone(&edits.add);
        let list_id = list_id.clone();
        move |_| {
            let len = add();
            if len > 0 {
                reveal_row(len - 1);
                focus_first_control(format!("{list_id}-{}", len - 1));
            }
        }
    };
    let add_noun = in_sentence(&noun);
    let noun_for_find = noun.clone();
    let row_list_id = list_id.clone();
    let rows = move |index: usize| {
        let name = format!("{noun} {}", index + 1);
        let row_id = format!("{row_list_id}-{index}");
        let body = body(index);
        let move_row = {
            let swap = Arc::clone(&edits.swap);
            let row_list_id = row_list_id.clone();
            move |to: usize| {
                let count = swap(index, to);
                reveal_row(to);
                // Focus follows the row; at either end the other button stays usable.
                let button = match (to < index, to == 0, to + 1 >= count) {
                    (true, false, _) | (false, _, true) => "up",
                    _ => "down",
                };
                focus_after_render(format!("{row_list_id}-{to}-{button}"));
            }
        };
        let move_up = move_row.clone();
        let remove = {
            let remove = Arc::clone(&edits.remove);
            let name = name.clone();
            let row_list_id = row_list_id.clone();
            move || {
                let Some((remaining, restore)) = remove(index) else {
                    return;
                };
                // Keep keyboard focus in the list: the row that took its place, or the Add button.
                if remaining > index {
                    focus_after_render(format!("{row_list_id}-{index}-remove"));
                } else {
                    focus_after_render(format!("{row_list_id}-add"));
                }
                if let Some(UndoToast(toast)) = toast {
                    let row_list_id = row_list_id.clone();
                    let restore = move || {
                        let at = restore();
                        reveal_row(at);
                        focus_first_control(format!("{row_list_id}-{at}"));
                    };
                    toast.set(Some(Removal {
                        message: format!("{name} removed."),
                        restore: Arc::new(restore),
                    }));
                }
            }
        };
        let buttons = view! {
            <div class="row-actions">
                {row_button(
                    format!("{row_id}-up"),
                    format!("Move {name} up"),
                    ("Move up", "↑"),
                    Signal::stored(index == 0),
                    move || {
                        if index > 0 {
                            move_up(index - 1)
                        }
                    },
                )}
                {row_button(
                    format!("{row_id}-down"),
                    format!("Move {name} down"),
                    ("Move down", "↓"),
                    Signal::derive(move || index + 1 >= len.get()),
                    move || move_row(index + 1),
                )}
                {row_button(
                    format!("{row_id}-remove"),
                    format!("Remove {name}"),
                    ("Remove", "✕"),
                    Signal::stored(false),
                    remove,
                )}
            </div>
        };
        match layout {
            RowLayout::Card => view! {
                <li class="row row-card" id=row_id tabindex="-1">
                    <div class="row-head">
                        <span class="row-title">{name.clone()}</span>
                        {buttons}
                    </div>
                    <div class="row-body">{body}</div>
                </li>
            }
            .into_any(),
            RowLayout::Line => view! {
                <li class="row row-line" id=format!("{row_id}-row")>
                    <div class="row-body">{body}</div>
                    {buttons}
                </li>
            }
            .into_any(),
        }
    };
    let class = match layout {
        RowLayout::Card => "row-list cards",
        RowLayout::Line => "row-list lines",
    };
    let (more_id, all_id, add_id, find_id) = (
        format!("{list_id}-more"),
        format!("{list_id}-all"),
        format!("{list_id}-add"),
        format!("{list_id}-find"),
    );
    let find_label = format!("Find {}", plural_in_sentence(&noun_for_find));
    let find = move || {
        (searchable && len.get() > ROWS_PER_PAGE).then(|| {
            view! {
                <div class="rows-find">
                    <label for=find_id.clone()>{find_label.clone()}</label>
                    <input
                        type="search"
                        id=find_id.clone()
                        autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                    <span role="status">
                        {move || {
                            finding()
                                .then(|| {
                                    format!(
                                        "{} of {} match.",
                                        on_screen.with(Vec::len),
                                        len.get(),
                                    )
                                })
                        }}
                    </span>
                </div>
            }
        })
    };
    view! {
        <div class=class id=list_id tabindex="-1">
            {find}
            <ol class="rows">
                <For each=move || on_screen.get() key=|index| *index children=rows />
            </ol>
            <Show when=move || len.get() == 0>
                <p class="empty">"None yet."</p>
            </Show>
            <Show when=move || { !finding() && visible.get() < len.get() }>
                <p class="rows-more" role="status">
                    {move || format!("Showing {} of {}.", visible.get(), len.get())}
                    <button
                        type="button"
                        id=more_id.clone()
                        on:click=move |_| shown.update(|n| *n += ROWS_PER_PAGE)
                    >
                        {format!("Show {ROWS_PER_PAGE} more")}
                    </button>
                    <button
                        type="button"
                        id=all_id.clone()
                        on:click=move |_| shown.set(usize::MAX)
                    >
                        {move || format!("Show all {}", len.get())}
                    </button>
                </p>
            </Show>
            <button type="button" class="add-button" id=add_id on:click=add>
                "+ Add " {add_noun.clone()}
            </button>
        </div>
    }
}

/// One of a row's icon buttons: `label` is its accessible name, `(title, glyph)` its tooltip and face.
fn row_button(
    id: String,
    label: String,
    (title, glyph): (&'static str, &'static str),
    disabled: Signal<bool>,
    mut click: impl FnMut() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="icon-button"
            class:remove=title == "Remove"
            id=id
            aria-label=label
            title=title
            disabled=disabled
            on:click=move |_| click()
        >
            {glyph}
        </button>
    }
}

/// A noun as it reads mid-sentence: "Category" → "category", but "SLA target" stays.
fn in_sentence(noun: &str) -> String {
    let mut chars = noun.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() || second == ' ' => {
            first.to_lowercase().chain(noun.chars().skip(1)).collect()
        }
        _ => noun.to_string(),
    }
}

/// A noun in the plural as it reads mid-sentence: "Category" → "categories", "Escalation rule" →
/// "escalation rules".
fn plural_in_sentence(noun: &str) -> String {
    let singular = in_sentence(noun);
    match singular.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{singular}s"),
    }
}

/// Focuses the first input, select or textarea inside the element with this id, after render.
fn focus_first_control(container_id: String) {
    request_animation_frame(move || {
        let first = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&container_id))
            .and_then(|row| {
                if matches!(row.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
                    Some(row)
                } else {
                    row.query_selector("input, select, textarea").ok().flatten()
                }
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(control) = first {
            let _ = control.focus();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_read_as_in_a_sentence() {
        assert_eq!(in_sentence("Category"), "category");
        assert_eq!(in_sentence("SLA target"), "SLA target");
        assert_eq!(plural_in_sentence("Category"), "categories");
        assert_eq!(plural_in_sentence("Escalation rule"), "escalation rules");
        assert_eq!(plural_in_sentence("SLA target"), "SLA targets");
        assert_eq!(plural_in_sentence("Holiday"), "holidays");
    }

    #[test]
    fn a_finding_path_names_the_row_of_its_own_list_only() {
        assert_eq!(row_in_list("taxonomy", "taxonomy[7].name"), Some(7));
        assert_eq!(
            row_in_list("taxonomy[2].types", "taxonomy[2].types[5]"),
            Some(5)
        );
        assert_eq!(row_in_list("taxonomy", "tiers[1].name"), None);
        assert_eq!(row_in_list("sla", "sla_extra[1]"), None);
        assert_eq!(row_in_list("taxonomy", "taxonomy"), None);
    }
}
