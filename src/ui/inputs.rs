//! Reusable form controls: labelled text, parsed inputs (durations, numbers, times, dates), selects,
//! checkboxes, and the row list (add, remove with undo, reorder) every list of the plan uses.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::plan::{ClockTime, Date, Duration, Plan};
use crate::rules::{field_id, Severity};

use super::findings::FieldFindings;
use super::rows::{list_of, ListSource, RowStore};

/// Where a control lives and what it is called: DOM id from the JSON path, a visible label and
/// the accessible name (which spells out the row for row fields: "Category 3 name").
#[derive(Clone, Debug)]
pub struct Field {
    pub id: String,
    pub label: String,
    pub name: String,
}

impl Field {
    /// A field editing the value at `path`, labelled `label`.
    pub fn new(path: &str, label: &str) -> Field {
        Field {
            id: field_id(path),
            label: label.to_string(),
            name: label.to_string(),
        }
    }

    /// The same field with another accessible name ("CSAT target" for a field labelled "Target").
    pub fn named(mut self, name: &str) -> Field {
        self.name = name.to_string();
        self
    }

    /// A row field: visible label `label`, accessible name "`row` `label`" in lower case after the row.
    pub fn in_row(path: &str, row: &str, label: &str) -> Field {
        Field {
            id: field_id(path),
            label: label.to_string(),
            name: format!("{row} {}", label.to_lowercase()),
        }
    }
}

/// The finding (if any) rules report for the field with this DOM id: worst severity and messages.
pub fn finding_for(id: &str) -> Signal<Option<(Severity, String)>> {
    let id = id.to_string();
    match use_context::<FieldFindings>() {
        Some(findings) => findings.for_field(&id),
        None => Signal::derive(|| None),
    }
}

/// The label, messages and state classes around one control.
fn field_frame(
    field: &Field,
    parse_error: Signal<Option<String>>,
    control: AnyView,
    wide: bool,
) -> impl IntoView {
    let finding = finding_for(&field.id);
    let error_id = format!("{}-error", field.id);
    let finding_id = format!("{}-finding", field.id);
    let severity_class = move || {
        finding.with(|f| match f {
            Some((Severity::Error, _)) => "field has-error",
            Some((Severity::Warning, _)) => "field has-warning",
            Some((Severity::Info, _)) => "field has-info",
            None => "field",
        })
    };
    view! {
        <div class=severity_class class:field-wide=wide class:invalid=move || parse_error.with(Option::is_some)>
            <label for=field.id.clone()>{field.label.clone()}</label>
            {control}
            <Show when=move || parse_error.with(Option::is_some)>
                <p class="field-message parse-error" id=error_id.clone()>
                    {move || parse_error.get().unwrap_or_default()}
                </p>
            </Show>
            <Show when=move || finding.with(Option::is_some)>
                <p class="field-message finding-message" id=finding_id.clone()>
                    {move || finding.get().map(|(_, message)| message).unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}

/// `aria-describedby` and `aria-invalid` for a control, following its parse error and findings.
pub fn aria_state(
    id: &str,
    parse_error: Signal<Option<String>>,
) -> (Signal<Option<String>>, Signal<Option<&'static str>>) {
    let finding = finding_for(id);
    let error_id = format!("{id}-error");
    let finding_id = format!("{id}-finding");
    let described = Signal::derive(move || {
        let mut ids = Vec::new();
        if parse_error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        if finding.with(Option::is_some) {
            ids.push(finding_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    });
    let invalid = Signal::derive(move || {
        let flagged = parse_error.with(Option::is_some)
            || finding.with(|f| matches!(f, Some((Severity::Error | Severity::Warning, _))));
        flagged.then_some("true")
    });
    (described, invalid)
}

/// A free-text field (one line, or several when `multiline`).
pub fn text_field(
    field: Field,
    value: Signal<String>,
    set: Callback<String>,
    multiline: bool,
) -> impl IntoView {
    let no_error = Signal::derive(|| None);
    let (described, invalid) = aria_state(&field.id, no_error);
    let control = if multiline {
        view! {
            <textarea
                id=field.id.clone()
                aria-label=field.name.clone()
                aria-describedby=described
                aria-invalid=invalid
                rows="3"
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=field.id.clone()
                aria-label=field.name.clone()
                aria-describedby=described
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    field_frame(&field, no_error, control, multiline)
}

/// How a typed value is read and shown.
#[derive(Clone, Copy)]
pub struct Format<V: 'static> {
    pub parse: fn(&str) -> Result<V, String>,
    pub show: fn(&V) -> String,
    /// Shown greyed in the empty field, e.g. `4h`.
    pub placeholder: &'static str,
    /// `inputmode` for on-screen keyboards: `text`, `numeric`, `decimal`.
    pub input_mode: &'static str,
}

/// A field whose text must parse: it keeps what the user typed, writes the plan only when the text
/// parses, and otherwise marks the field invalid with the reason — never wiping the text.
pub fn parsed_field<V>(
    field: Field,
    value: Signal<V>,
    set: Callback<V>,
    format: Format<V>,
) -> impl IntoView
where
    V: Clone + PartialEq + Send + Sync + 'static,
{
    let raw = RwSignal::new(value.with_untracked(|v| (format.show)(v)));
    let parse_error = RwSignal::new(None::<String>);
    // When the plan changes under the field (undo, a removed row above, an import), show the new
    // value — unless what is typed already means that value ("90m" stays "90m").
    Effect::new(move |_| {
        let current = value.get();
        let typed = raw.get_untracked();
        if (format.parse)(&typed).ok().as_ref() != Some(&current) {
            raw.set((format.show)(&current));
            parse_error.set(None);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match (format.parse)(&text) {
            Ok(parsed) => {
                parse_error.set(None);
                raw.set(text);
                if value.with_untracked(|v| v != &parsed) {
                    set.run(parsed);
                }
            }
            Err(reason) => {
                raw.set(text);
                parse_error.set(Some(reason));
            }
        }
    };
    // On leaving a valid field, show the value in its usual form ("240m" → "4h").
    let on_change = move |_| {
        if parse_error.with_untracked(Option::is_none) {
            raw.set(value.with_untracked(|v| (format.show)(v)));
        }
    };
    let error_signal: Signal<Option<String>> = parse_error.into();
    let (described, invalid) = aria_state(&field.id, error_signal);
    let control = view! {
        <input
            type="text"
            class="parsed"
            id=field.id.clone()
            aria-label=field.name.clone()
            aria-describedby=described
            aria-invalid=invalid
            inputmode=format.input_mode
            placeholder=format.placeholder
            autocomplete="off"
            spellcheck="false"
            prop:value=move || raw.get()
            on:input=on_input
            on:change=on_change
        />
    }
    .into_any();
    field_frame(&field, error_signal, control, false)
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    Duration::parse(text).map_err(|e| e.to_string())
}

fn parse_optional<V>(
    text: &str,
    parse: fn(&str) -> Result<V, String>,
) -> Result<Option<V>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

fn show_optional<V>(value: &Option<V>, show: fn(&V) -> String) -> String {
    value.as_ref().map(show).unwrap_or_default()
}

/// Durations typed as `30m`, `4h`, `1h30m`, `2d`, `3bd`.
pub const DURATION: Format<Duration> = Format {
    parse: parse_duration,
    show: Duration::to_string,
    placeholder: "e.g. 4h",
    input_mode: "text",
};

/// An optional duration: empty means "not set".
pub const OPTIONAL_DURATION: Format<Option<Duration>> = Format {
    parse: |text| parse_optional(text, parse_duration),
    show: |value| show_optional(value, Duration::to_string),
    placeholder: "optional, e.g. 30m",
    input_mode: "text",
};

fn parse_count(text: &str) -> Result<u32, String> {
    let trimmed: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    if trimmed.is_empty() {
        return Ok(0);
    }
    trimmed
        .parse::<u32>()
        .map_err(|_| format!("\"{text}\" is not a whole number. Type digits only, like 1200."))
}

/// Whole numbers (tickets a month, agents, concurrency, score bounds). Empty reads as 0.
pub const COUNT: Format<u32> = Format {
    parse: parse_count,
    show: u32::to_string,
    placeholder: "0",
    input_mode: "numeric",
};

fn parse_percent(text: &str) -> Result<f64, String> {
    let trimmed = text.trim().trim_end_matches('%').trim();
    if trimmed.is_empty() {
        return Ok(0.0);
    }
    match trimmed.parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
        _ => Err(format!(
            "\"{text}\" is not a percentage. Type a number like 35 or 12.5."
        )),
    }
}

fn show_percent(value: &f64) -> String {
    format!("{value}")
}

/// Percentages (shares, weights, CSAT). Empty reads as 0.
pub const PERCENT: Format<f64> = Format {
    parse: parse_percent,
    show: show_percent,
    placeholder: "%",
    input_mode: "decimal",
};

/// An optional percentage: empty means "not known".
pub const OPTIONAL_PERCENT: Format<Option<f64>> = Format {
    parse: |text| {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            parse_percent(text).map(Some)
        }
    },
    show: |value| show_optional(value, show_percent),
    placeholder: "optional %",
    input_mode: "decimal",
};

/// Clock times `HH:MM`.
pub const CLOCK: Format<ClockTime> = Format {
    parse: |text| text.parse(),
    show: ClockTime::to_string,
    placeholder: "09:00",
    input_mode: "text",
};

/// Dates `YYYY-MM-DD`.
pub const DATE: Format<Date> = Format {
    parse: |text| text.parse(),
    show: Date::to_string,
    placeholder: "2026-12-25",
    input_mode: "text",
};

/// An optional date: empty means "no date yet".
pub const OPTIONAL_DATE: Format<Option<Date>> = Format {
    parse: |text| parse_optional(text, |t| t.parse()),
    show: |value| show_optional(value, Date::to_string),
    placeholder: "YYYY-MM-DD",
    input_mode: "text",
};

/// A select over names the plan defines (priorities, tiers, calendars). A value that names
/// nothing stays selected and visible as "(not defined)" so it is never changed silently.
pub fn name_select(
    field: Field,
    options: Signal<Vec<String>>,
    value: Signal<String>,
    set: Callback<String>,
    none_label: Option<&'static str>,
) -> impl IntoView {
    let no_error = Signal::derive(|| None);
    let (described, invalid) = aria_state(&field.id, no_error);
    let choices = move || {
        let current = value.get();
        let mut names = options.get();
        let mut list: Vec<(String, String)> = Vec::new();
        if let Some(none) = none_label {
            list.push((String::new(), none.to_string()));
        } else if current.is_empty() {
            list.push((String::new(), "Choose…".to_string()));
        }
        if !current.is_empty() && !names.contains(&current) {
            list.push((current.clone(), format!("{current} (not defined)")));
        }
        list.extend(names.drain(..).map(|n| (n.clone(), n)));
        list.into_iter()
            .map(|(option_value, text)| {
                let selected = option_value == current;
                view! { <option value=option_value prop:selected=selected>{text}</option> }
            })
            .collect_view()
    };
    let control = view! {
        <select
            id=field.id.clone()
            aria-label=field.name.clone()
            aria-describedby=described
            aria-invalid=invalid
            on:change=move |ev| set.run(event_target_value(&ev))
        >
            {choices}
        </select>
    }
    .into_any();
    field_frame(&field, no_error, control, false)
}

/// A select over one of the plan's fixed enums (channel kind, escalation path, step status…).
pub fn enum_select<T>(
    field: Field,
    all: &'static [T],
    label: fn(T) -> &'static str,
    value: Signal<T>,
    set: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let no_error = Signal::derive(|| None);
    let (described, invalid) = aria_state(&field.id, no_error);
    let control = view! {
        <select
            id=field.id.clone()
            aria-label=field.name.clone()
            aria-describedby=described
            aria-invalid=invalid
            on:change=move |ev| {
                if let Some(choice) = event_target_value(&ev)
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| all.get(i))
                {
                    set.run(*choice);
                }
            }
        >
            {all
                .iter()
                .enumerate()
                .map(|(i, &option)| {
                    view! {
                        <option value=i.to_string() prop:selected=move || value.get() == option>
                            {label(option)}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
    .into_any();
    field_frame(&field, no_error, control, false)
}

/// A yes/no field.
pub fn checkbox(field: Field, value: Signal<bool>, set: Callback<bool>) -> impl IntoView {
    let finding = finding_for(&field.id);
    let no_error = Signal::derive(|| None);
    let (described, invalid) = aria_state(&field.id, no_error);
    view! {
        <div class="field field-check" class:has-error=move || finding.with(Option::is_some)>
            <input
                type="checkbox"
                id=field.id.clone()
                aria-label=field.name.clone()
                aria-describedby=described
                aria-invalid=invalid
                prop:checked=move || value.get()
                on:change=move |ev| set.run(event_target_checked(&ev))
            />
            <label for=field.id.clone()>{field.label.clone()}</label>
        </div>
    }
}

/// Focuses the element with this DOM id after the next render (it may be mounting right now),
/// scrolling it into view. Returns quietly if it never appears.
pub fn focus_after_render(id: String) {
    request_animation_frame(move || {
        if !focus_now(&id) {
            set_timeout(
                move || {
                    focus_now(&id);
                },
                std::time::Duration::from_millis(60),
            );
        }
    });
}

fn focus_now(id: &str) -> bool {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    element.focus().is_ok()
}

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
/// list shows `ROWS_PER_PAGE` rows with "Show more" and "Show all".
pub fn row_list<T, V>(
    plan: RwSignal<Plan>,
    lens: ListLens<T>,
    noun: String,
    new_item: fn() -> T,
    layout: RowLayout,
    row_view: impl Fn(Row<T>) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let list_id = field_id(&lens.path);
    let store = RowStore::new(lens.source(plan));
    let len = store.len_signal();
    let shown = RwSignal::new(ROWS_PER_PAGE);
    let visible = Memo::new(move |_| len.get().min(shown.get()));
    // Makes row `index` one of the shown rows (a whole page at a time).
    let reveal_row = move |index: usize| {
        if index >= shown.get_untracked() {
            shown.set((index / ROWS_PER_PAGE + 1) * ROWS_PER_PAGE);
        }
    };
    if let Some(RevealField(target)) = use_context::<RevealField>() {
        let list_path = lens.path.clone();
        Effect::new(move |_| {
            if let Some(index) =
                target.with(|t| t.as_deref().and_then(|p| row_in_list(&list_path, p)))
            {
                reveal_row(index);
            }
        });
    }
    let toast = use_context::<UndoToast>();
    let add_lens = lens.clone();
    let add_list_id = list_id.clone();
    let add_noun = in_sentence(&noun);
    let add = move |_| {
        let mut added = 0;
        plan.update(|p| {
            add_lens.edit(p, |list| {
                list.push(new_item());
                added = list.len();
            })
        });
        if added > 0 {
            reveal_row(added - 1);
            focus_first_control(format!("{add_list_id}-{}", added - 1));
        }
    };
    let rows_noun = noun.clone();
    let row_list_id = list_id.clone();
    let rows = move |index: usize| {
        let lens = lens.clone();
        let name = format!("{rows_noun} {}", index + 1);
        let row_id = format!("{row_list_id}-{index}");
        let value = store
            .row(index)
            .unwrap_or_else(|| Signal::stored(new_item()));
        let row = Row {
            index,
            name: name.clone(),
            path: format!("{}[{index}]", lens.path),
            plan,
            value,
            lens: lens.clone(),
        };
        let body = row_view.clone()(row);
        let move_row = {
            let lens = lens.clone();
            let row_list_id = row_list_id.clone();
            move |to: usize| {
                let mut count = 0;
                plan.update(|p| {
                    lens.edit(p, |list| {
                        if index < list.len() && to < list.len() {
                            list.swap(index, to);
                        }
                        count = list.len();
                    })
                });
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
            let name = name.clone();
            let row_list_id = row_list_id.clone();
            move |_| {
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
                    .flatten();
                let Some(item) = removed else { return };
                let remaining = plan.with_untracked(|p| lens.len(p));
                // Keep keyboard focus in the list: the row that took its place, or the Add button.
                if remaining > index {
                    focus_after_render(format!("{row_list_id}-{index}-remove"));
                } else {
                    focus_after_render(format!("{row_list_id}-add"));
                }
                if let Some(UndoToast(toast)) = toast {
                    let lens = lens.clone();
                    let row_list_id = row_list_id.clone();
                    let restore = move || {
                        let item = item.clone();
                        let mut at = index;
                        plan.update(|p| {
                            lens.edit(p, |list| {
                                at = index.min(list.len());
                                list.insert(at, item);
                            })
                        });
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
        let up_id = format!("{row_id}-up");
        let down_id = format!("{row_id}-down");
        let remove_id = format!("{row_id}-remove");
        let buttons = view! {
            <div class="row-actions">
                <button
                    type="button"
                    class="icon-button"
                    id=up_id
                    aria-label=format!("Move {name} up")
                    title="Move up"
                    disabled=index == 0
                    on:click=move |_| {
                        if index > 0 {
                            move_up(index - 1)
                        }
                    }
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="icon-button"
                    id=down_id
                    aria-label=format!("Move {name} down")
                    title="Move down"
                    disabled=move || { index + 1 >= len.get() }
                    on:click=move |_| move_row(index + 1)
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="icon-button remove"
                    id=remove_id
                    aria-label=format!("Remove {name}")
                    title="Remove"
                    on:click=remove
                >
                    "✕"
                </button>
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
    let more_id = list_id.clone();
    let class = match layout {
        RowLayout::Card => "row-list cards",
        RowLayout::Line => "row-list lines",
    };
    view! {
        <div class=class id=list_id.clone() tabindex="-1">
            <ol class="rows">
                <For each=move || 0..visible.get() key=|index| *index children=rows />
            </ol>
            <Show when=move || { visible.get() < len.get() }>
                <p class="rows-more" role="status">
                    {move || format!("Showing {} of {}.", visible.get(), len.get())}
                    <button
                        type="button"
                        id=format!("{more_id}-more")
                        on:click=move |_| shown.update(|n| *n += ROWS_PER_PAGE)
                    >
                        {format!("Show {ROWS_PER_PAGE} more")}
                    </button>
                    <button
                        type="button"
                        id=format!("{more_id}-all")
                        on:click=move |_| shown.set(usize::MAX)
                    >
                        {move || format!("Show all {}", len.get())}
                    </button>
                </p>
            </Show>
            <Show when=move || len.get() == 0>
                <p class="empty">"None yet."</p>
            </Show>
            <button type="button" class="add-button" id=format!("{list_id}-add") on:click=add>
                "+ Add " {add_noun.clone()}
            </button>
        </div>
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
    let list = row_list(plan, lens, noun, String::new, RowLayout::Line, |row| {
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
    });
    // Each entry's label ("Category 3 type 2") is its accessible name; on screen the list heading
    // says what the entries are.
    view! { <div class="word-list">{list}</div> }
}
