//! The row list every list of the plan uses: add, remove with undo, reorder, long lists a page at
//! a time with a Find box; the same frame whatever the rows hold.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::drafts::DraftScoped;
use super::inputs::focus_after_render;

/// A removed row the user can bring back, shown in the Undo toast.
#[derive(Clone)]
pub struct Removal {
    pub message: String,
    pub restore: Arc<dyn Fn() + Send + Sync>,
}

/// The app-wide Undo toast for removed rows (provided by the designer shell); it belongs to the
/// draft the row was removed from.
#[derive(Clone, Copy)]
pub struct UndoToast(pub DraftScoped<Removal>);

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
pub struct RevealField(pub RwSignal<Option<Path>>);

use crate::plan::Path;

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
    /// For lists whose rows may be duplicated: copies a row right after itself, giving the
    /// copy's index.
    pub copy: Option<Arc<dyn Fn(usize) -> Option<usize> + Send + Sync>>,
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
    /// For rows that have a name: row `index`'s name, shown as its card's title (a tier called
    /// "Tier 1" is headed so, not "Tier 2" for being second).
    pub title: Option<RowTitle>,
}

/// The name of row `index`, if it has one.
pub type RowTitle = Arc<dyn Fn(usize) -> String + Send + Sync>;

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
        title,
    } = frame;
    let paging = Paging {
        len,
        shown: RwSignal::new(ROWS_PER_PAGE),
        query: RwSignal::new(String::new()),
    };
    let searchable = matches.is_some();
    // The rows on screen: the first `visible`, or while finding, the matching ones.
    let on_screen = Memo::new(move |_| {
        let wanted = paging.query.with(|q| q.trim().to_lowercase());
        match &matches {
            Some(matches) if !wanted.is_empty() => (0..len.get())
                .filter(|&index| matches(index, &wanted))
                .collect::<Vec<_>>(),
            _ => (0..paging.visible()).collect(),
        }
    });
    if let Some(RevealField(target)) = use_context::<RevealField>() {
        Effect::new(move |_| {
            if let Some(index) = target.with(|t| t.as_ref().and_then(|p| p.row_in(&list_path))) {
                paging.reveal(index);
            }
        });
    }
    let add = {
        let add = Arc::clone(&edits.add);
        let list_id = list_id.clone();
        move |_| {
            let len = add();
            if len > 0 {
                paging.reveal(len - 1);
                focus_first_control(format!("{list_id}-{}", len - 1));
            }
        }
    };
    let rows = RowFrame {
        list_id: list_id.clone(),
        noun: noun.clone(),
        layout,
        body,
        edits,
        paging,
        toast: use_context::<UndoToast>(),
        title,
    };
    let class = match layout {
        RowLayout::Card => "row-list cards",
        RowLayout::Line => "row-list lines",
    };
    let find = (searchable).then(|| find_box(&list_id, &noun, paging, on_screen));
    let add_id = format!("{list_id}-add");
    let add_noun = in_sentence(&noun);
    view! {
        <div class=class id=list_id.clone() tabindex="-1">
            {find}
            <ol class="rows">
                <For each=move || on_screen.get() key=|index| *index children=move |index| rows.row(index) />
            </ol>
            <Show when=move || len.get() == 0>
                <p class="empty">"None yet."</p>
            </Show>
            {more_rows(&list_id, paging)}
            <button type="button" class="add-button" id=add_id on:click=add>
                "+ Add " {add_noun}
            </button>
        </div>
    }
}

/// Which rows of a long list are shown: a page at a time, or those a Find matches.
#[derive(Clone, Copy)]
struct Paging {
    len: Signal<usize>,
    shown: RwSignal<usize>,
    query: RwSignal<String>,
}

impl Paging {
    fn visible(self) -> usize {
        self.len.get().min(self.shown.get())
    }

    fn finding(self) -> bool {
        self.query.with(|q| !q.trim().is_empty())
    }

    /// Makes row `index` one of the shown rows (a whole page at a time).
    /// Does nothing once the list is no longer drawn (its page was left before an undo).
    fn reveal(self, index: usize) {
        if self.query.try_with_untracked(|q| !q.is_empty()) == Some(true) {
            self.query.try_set(String::new());
        }
        if self
            .shown
            .try_get_untracked()
            .is_some_and(|shown| index >= shown)
        {
            self.shown
                .try_set((index / ROWS_PER_PAGE + 1) * ROWS_PER_PAGE);
        }
    }
}

/// What drawing one row needs.
#[derive(Clone)]
struct RowFrame {
    list_id: String,
    noun: String,
    layout: RowLayout,
    body: RowBody,
    edits: ListEdits,
    paging: Paging,
    toast: Option<UndoToast>,
    title: Option<RowTitle>,
}

impl RowFrame {
    /// Row `index`: its body and its Move up / Move down / Remove buttons.
    fn row(&self, index: usize) -> AnyView {
        let name = format!("{} {}", self.noun, index + 1);
        let row_id = format!("{}-{index}", self.list_id);
        let body = (self.body)(index);
        let len = self.paging.len;
        let move_up = self.mover(index);
        let move_down = self.mover(index);
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
                    move || move_down(index + 1),
                )}
                {self.copier(index).map(|copy| row_button(
                    format!("{row_id}-copy"),
                    format!("Duplicate {name}"),
                    ("Duplicate", ""),
                    Signal::stored(false),
                    copy,
                ))}
                {row_button(
                    format!("{row_id}-remove"),
                    format!("Remove {name}"),
                    ("Remove", "✕"),
                    Signal::stored(false),
                    self.remover(index, name.clone()),
                )}
            </div>
        };
        let title = {
            let (title, name) = (self.title.clone(), name.clone());
            move || {
                title
                    .as_ref()
                    .map(|title| title(index))
                    .filter(|named| !named.trim().is_empty())
                    .unwrap_or_else(|| name.clone())
            }
        };
        match self.layout {
            RowLayout::Card => view! {
                <li class="row row-card" id=row_id tabindex="-1">
                    <div class="row-head">
                        <span class="row-title">{title}</span>
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
    }

    /// Moves row `index` to a place, keeping focus on the moved row's button.
    fn mover(&self, index: usize) -> impl Fn(usize) + Clone + 'static {
        let swap = Arc::clone(&self.edits.swap);
        let list_id = self.list_id.clone();
        let paging = self.paging;
        move |to: usize| {
            let count = swap(index, to);
            paging.reveal(to);
            // Focus follows the row; at either end the other button stays usable.
            let button = match (to < index, to == 0, to + 1 >= count) {
                (true, false, _) | (false, _, true) => "up",
                _ => "down",
            };
            focus_after_render(format!("{list_id}-{to}-{button}"));
        }
    }

    /// Removes row `index` and offers to bring it back from the Undo toast.
    /// Duplicates row `index`, then shows the copy with its first field focused.
    fn copier(&self, index: usize) -> Option<impl FnMut() + 'static> {
        let copy = self.edits.copy.clone()?;
        let list_id = self.list_id.clone();
        let paging = self.paging;
        Some(move || {
            if let Some(at) = copy(index) {
                paging.reveal(at);
                focus_first_control(format!("{list_id}-{at}"));
            }
        })
    }

    fn remover(&self, index: usize, name: String) -> impl FnMut() + 'static {
        let remove = Arc::clone(&self.edits.remove);
        let list_id = self.list_id.clone();
        let (paging, toast) = (self.paging, self.toast);
        move || {
            let Some((remaining, restore)) = remove(index) else {
                return;
            };
            // Keep keyboard focus in the list: the row that took its place, or the Add button.
            if remaining > index {
                focus_after_render(format!("{list_id}-{index}-remove"));
            } else {
                focus_after_render(format!("{list_id}-add"));
            }
            if let Some(UndoToast(toast)) = toast {
                let list_id = list_id.clone();
                let restore = move || {
                    let at = restore();
                    paging.reveal(at);
                    focus_first_control(format!("{list_id}-{at}"));
                };
                toast.set(Removal {
                    message: format!("{name} removed."),
                    restore: Arc::new(restore),
                });
            }
        }
    }
}

/// The Find box of a long list: what is typed filters the rows, and it says how many match.
fn find_box(
    list_id: &str,
    noun: &str,
    paging: Paging,
    on_screen: Memo<Vec<usize>>,
) -> impl IntoView {
    let find_id = format!("{list_id}-find");
    let label = format!("Find {}", plural_in_sentence(noun));
    move || {
        (paging.len.get() > ROWS_PER_PAGE).then(|| {
            let find_id = find_id.clone();
            view! {
                <div class="rows-find">
                    <label for=find_id.clone()>{label.clone()}</label>
                    <input
                        type="search"
                        id=find_id
                        autocomplete="off"
                        prop:value=move || paging.query.get()
                        on:input=move |ev| paging.query.set(event_target_value(&ev))
                    />
                    <span role="status">
                        {move || {
                            paging
                                .finding()
                                .then(|| {
                                    format!(
                                        "{} of {} match.",
                                        on_screen.with(Vec::len),
                                        paging.len.get(),
                                    )
                                })
                        }}
                    </span>
                </div>
            }
        })
    }
}

/// "Showing 50 of 500" with Show more and Show all, while rows are hidden.
fn more_rows(list_id: &str, paging: Paging) -> impl IntoView {
    let (more_id, all_id) = (format!("{list_id}-more"), format!("{list_id}-all"));
    view! {
        <Show when=move || { !paging.finding() && paging.visible() < paging.len.get() }>
            <p class="rows-more" role="status">
                {move || format!("Showing {} of {}.", paging.visible(), paging.len.get())}
                <button
                    type="button"
                    id=more_id.clone()
                    on:click=move |_| paging.shown.update(|n| *n += ROWS_PER_PAGE)
                >
                    {format!("Show {ROWS_PER_PAGE} more")}
                </button>
                <button
                    type="button"
                    id=all_id.clone()
                    on:click=move |_| paging.shown.set(usize::MAX)
                >
                    {move || format!("Show all {}", paging.len.get())}
                </button>
            </p>
        </Show>
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
            {match title {
                "Duplicate" => duplicate_icon().into_any(),
                _ => glyph.into_any(),
            }}
        </button>
    }
}

/// Two overlapping squares, drawn: the ⧉ character has no glyph in the default fonts of many
/// Linux systems and showed as an empty box.
fn duplicate_icon() -> impl IntoView {
    view! {
        <svg class="icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <rect x="1.5" y="4.5" width="8" height="8" rx="1" fill="none" stroke="currentColor" stroke-width="1.4"></rect>
            <path d="M4.5 4.5V2.5a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2" fill="none" stroke="currentColor" stroke-width="1.4"></path>
        </svg>
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
}
