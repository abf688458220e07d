//! The row list every list of the plan uses (add, remove with undo, reorder, long lists a page at
//! a time), the lens it reaches its list through, and the one-line editor for lists of words.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::plan::Plan;
use crate::rules::field_id;

use super::inputs::{focus_after_render, text_field, Field};
use super::rows::{list_of, ListSource, RowStore};

type ReadList<T> = Arc<dyn Fn(&Plan) -> Option<&Vec<T>> + Send + Sync>;
type EditList<T> = Arc<dyn Fn(&mut Plan) -> Option<&mut Vec<T>> + Send + Sync>;

/// A list inside the plan, reached by closures so nested lists (a category's types) work too.
pub struct ListLens<T: 'static> {
    /// JSON path of the list, e.g. `taxonomy` or `taxonomy[2].types`.
    pub path: String,
    get: ReadList<T>,
    get_mut: EditList<T>,
    /// For a nested list: reads it from the parent row's signal, so a keystroke elsewhere in a
    /// large plan does not wake every nested list.
    parent: Option<ListSource<T>>,
}

impl<T> Clone for ListLens<T> {
    fn clone(&self) -> Self {
        ListLens {
            path: self.path.clone(),
            get: Arc::clone(&self.get),
            get_mut: Arc::clone(&self.get_mut),
            parent: self.parent.clone(),
        }
    }
}

impl<T: Clone + Send + Sync + 'static> ListLens<T> {
    pub fn new(
        path: impl Into<String>,
        get: impl Fn(&Plan) -> Option<&Vec<T>> + Send + Sync + 'static,
        get_mut: impl Fn(&mut Plan) -> Option<&mut Vec<T>> + Send + Sync + 'static,
    ) -> Self {
        ListLens {
            path: path.into(),
            get: Arc::new(get),
            get_mut: Arc::new(get_mut),
            parent: None,
        }
    }

    /// Where the rows are read from: the parent row for a nested list, else the plan.
    fn source(&self, plan: RwSignal<Plan>) -> ListSource<T> {
        match &self.parent {
            Some(parent) => Arc::clone(parent),
            None => {
                let get = Arc::clone(&self.get);
                list_of(plan, move |p| get(p).map_or(&[][..], Vec::as_slice))
            }
        }
    }

    /// The list itself, for edits that are more than one field.
    pub fn list_mut<'p>(&self, plan: &'p mut Plan) -> Option<&'p mut Vec<T>> {
        (self.get_mut)(plan)
    }

    fn len(&self, plan: &Plan) -> usize {
        (self.get)(plan).map_or(0, Vec::len)
    }

    fn edit(&self, plan: &mut Plan, edit: impl FnOnce(&mut Vec<T>)) {
        if let Some(list) = (self.get_mut)(plan) {
            edit(list);
        }
    }
}

/// One row of a list as a form sees it: where it is, what it holds (a signal of its own, so only
/// rows that changed re-render), and how to change one of its fields.
pub struct Row<T: Send + Sync + 'static> {
    pub index: usize,
    /// "Category 3": the row's name in labels.
    pub name: String,
    /// JSON path of the row, e.g. `taxonomy[2]`.
    pub path: String,
    pub plan: RwSignal<Plan>,
    /// The row's value (its last value while a removed row is being unmounted).
    pub value: Signal<T>,
    lens: ListLens<T>,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Row<T> {
    /// JSON path of a field of this row: `taxonomy[2].name`.
    pub fn path(&self, field: &str) -> String {
        format!("{}.{field}", self.path)
    }

    /// A field of this row for a control: id from the path, accessible name "Category 3 name".
    pub fn field(&self, field: &str, label: &str) -> Field {
        Field::in_row(&self.path(field), &self.name, label)
    }

    /// A value read from the row, updating when it changes.
    pub fn read<V>(&self, read: fn(&T) -> V) -> Signal<V>
    where
        V: Send + Sync + 'static,
    {
        let value = self.value;
        Signal::derive(move || value.with(read))
    }

    /// Writes one field of the row into the plan.
    pub fn write<V>(&self, write: fn(&mut T, V)) -> Callback<V>
    where
        V: Send + Sync + 'static,
    {
        let plan = self.plan;
        let lens = self.lens.clone();
        let index = self.index;
        Callback::new(move |value: V| {
            plan.update(|p| {
                lens.edit(p, |list| {
                    if let Some(item) = list.get_mut(index) {
                        write(item, value);
                    }
                })
            })
        })
    }

    /// A list nested in this row (a category's types), for another `row_list`.
    pub fn nested<U: Clone + Send + Sync + 'static>(
        &self,
        field: &str,
        get: fn(&T) -> &Vec<U>,
        get_mut: fn(&mut T) -> &mut Vec<U>,
    ) -> ListLens<U> {
        let (outer, outer_mut) = (self.lens.clone(), self.lens.clone());
        let index = self.index;
        let value = self.value;
        ListLens {
            path: self.path(field),
            get: Arc::new(move |p| (outer.get)(p).and_then(|l| l.get(index)).map(get)),
            get_mut: Arc::new(move |p| {
                (outer_mut.get_mut)(p)
                    .and_then(|l| l.get_mut(index))
                    .map(get_mut)
            }),
            parent: Some(list_of(value, move |row| get(row).as_slice())),
        }
    }
}

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

/// The editor for any list in the plan: the rows (drawn by `row_view`), an Add button, and on
/// each row Move up / Move down / Remove buttons. Removal can be undone from the toast. A long
/// list shows `ROWS_PER_PAGE` rows with "Show more" and "Show all", and with `search_text` a Find
/// box: the rows whose text holds what is typed (ignoring case). Browser find-in-page cannot
/// reach rows a long list does not show.
///
/// Only this thin layer knows the item type; the list itself (`list_frame`) is one function for
/// every list, so the wasm holds one copy of it rather than one per item type.
pub fn row_list<T, V>(
    plan: RwSignal<Plan>,
    lens: ListLens<T>,
    noun: String,
    new_item: fn() -> T,
    layout: RowLayout,
    row_view: impl Fn(Row<T>) -> V + Clone + Send + Sync + 'static,
    search_text: Option<fn(&T) -> String>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let store = RowStore::new(lens.source(plan));
    let matches: Option<RowMatches> = search_text.map(|text| {
        Arc::new(move |index: usize, query: &str| {
            store
                .row(index)
                .is_some_and(|row| row.with(|item| text(item).to_lowercase().contains(query)))
        }) as RowMatches
    });
    let body_noun = noun.clone();
    let body_lens = lens.clone();
    let body: RowBody = Arc::new(move |index| {
        let value = store
            .row(index)
            .unwrap_or_else(|| Signal::stored(new_item()));
        row_view(Row {
            index,
            name: format!("{body_noun} {}", index + 1),
            path: format!("{}[{index}]", body_lens.path),
            plan,
            value,
            lens: body_lens.clone(),
        })
        .into_any()
    });
    list_frame(ListFrame {
        list_id: field_id(&lens.path),
        list_path: lens.path.clone(),
        noun,
        layout,
        len: store.len_signal(),
        body,
        edits: list_edits(plan, lens, new_item),
        matches,
    })
}

/// Whether row `index` holds the (lower-case) query; reads the row, tracked.
type RowMatches = Arc<dyn Fn(usize, &str) -> bool + Send + Sync>;

/// Draws row `index` of a list.
type RowBody = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// Puts a removed row back; returns the index it is back at.
type Restore = Arc<dyn Fn() -> usize + Send + Sync>;

/// The structural edits of one list, with its item type hidden. Each returns the list's length
/// after the edit (0 when the list is not there).
#[derive(Clone)]
struct ListEdits {
    add: Arc<dyn Fn() -> usize + Send + Sync>,
    swap: Arc<dyn Fn(usize, usize) -> usize + Send + Sync>,
    /// Removes a row: the length left and how to bring the row back, if there was one.
    remove: Arc<dyn Fn(usize) -> Option<(usize, Restore)> + Send + Sync>,
}

fn list_edits<T>(plan: RwSignal<Plan>, lens: ListLens<T>, new_item: fn() -> T) -> ListEdits
where
    T: Clone + Send + Sync + 'static,
{
    let (add_lens, swap_lens) = (lens.clone(), lens.clone());
    ListEdits {
        add: Arc::new(move || {
            let mut len = 0;
            plan.update(|p| {
                add_lens.edit(p, |list| {
                    list.push(new_item());
                    len = list.len();
                })
            });
            len
        }),
        swap: Arc::new(move |from, to| {
            let mut len = 0;
            plan.update(|p| {
                swap_lens.edit(p, |list| {
                    if from < list.len() && to < list.len() {
                        list.swap(from, to);
                    }
                    len = list.len();
                })
            });
            len
        }),
        remove: Arc::new(move |index| {
            let removed = plan
                .try_update(|p| {
                    let mut taken = None;
                    lens.edit(p, |list| {
                        if index < list.len() {
                            taken = Some(list.remove(index));
                        }
                    });
                    taken
                })
                .flatten()?;
            let remaining = plan.with_untracked(|p| lens.len(p));
            let lens = lens.clone();
            let restore: Restore = Arc::new(move || {
                let mut at = index;
                plan.update(|p| {
                    lens.edit(p, |list| {
                        at = index.min(list.len());
                        list.insert(at, removed.clone());
                    })
                });
                at
            });
            Some((remaining, restore))
        }),
    }
}

/// Everything a list editor needs, whatever its items.
struct ListFrame {
    /// DOM id of the list (`field-taxonomy`); rows and buttons derive theirs from it.
    list_id: String,
    /// JSON path of the list (`taxonomy`), to reveal a row a finding points into.
    list_path: String,
    noun: String,
    layout: RowLayout,
    len: Signal<usize>,
    body: RowBody,
    edits: ListEdits,
    /// For a searchable list: which rows match the Find box.
    matches: Option<RowMatches>,
}

fn list_frame(frame: ListFrame) -> impl IntoView {
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

/// The one editor for lists of words or steps (types, keywords, FAQ entries, workflow steps).
pub fn string_list(plan: RwSignal<Plan>, lens: ListLens<String>, noun: String) -> impl IntoView {
    let list = row_list(
        plan,
        lens,
        noun,
        String::new,
        RowLayout::Line,
        |row| {
            let field = Field {
                id: field_id(&row.path),
                label: row.name.clone(),
                name: row.name.clone(),
            };
            text_field(
                field,
                row.read(String::clone),
                row.write(|item: &mut String, text| *item = text),
                false,
            )
        },
        None,
    );
    // Each entry's label ("Category 3 type 2") is its accessible name; on screen the list heading
    // says what the entries are.
    view! { <div class="word-list">{list}</div> }
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
