//! The one field component: draws any declared field (text, number, duration, target, time,
//! date, yes/no, choice, name of a plan part, time zone) for the value at a path.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::form::node::{at, Node};
use crate::form::{FieldSpec, Kind, Names};

use super::super::edit::Editor;
use super::super::inputs::{aria_state, field_frame, Field};

/// The id of the one list of known time zones the time-zone fields suggest from.
pub const TIME_ZONES_LIST: &str = "known-time-zones";

/// A field for the value at `path`, labelled by `spec` (or `label`); `name` is its accessible name.
pub fn field_view(
    editor: Editor,
    spec: &'static FieldSpec,
    path: String,
    name: String,
    label: Option<String>,
) -> AnyView {
    let field = Field {
        id: crate::rules::field_id(&path),
        label: label.unwrap_or_else(|| spec.label.to_string()),
        name,
    };
    let error = RwSignal::new(None::<String>);
    let error_signal: Signal<Option<String>> = error.into();
    let (described, invalid) = aria_state(&field.id, error_signal);
    let aria = Aria {
        id: field.id.clone(),
        label: field.name.clone(),
        described,
        invalid,
    };
    // The value from the plan: read at first, and again on every redraw.
    let value = {
        let path = path.clone();
        move || {
            editor.track_redraw();
            editor.text(&path)
        }
    };
    // Bumped on each write of this field, so its template mark reads again.
    let written = RwSignal::new(0u32);
    let write = {
        let path = path.clone();
        // `try_set`: a select or checkbox removed while focused fires `change` after the field
        // is gone; the plan still takes the value, the vanished field needs no message.
        move |text: String| {
            let reason = editor.set_text(&path, &text).err();
            let _ = error.try_set(reason);
            written.try_update(|n| *n = n.wrapping_add(1));
        }
    };
    let mark = super::super::template_values::field_mark(
        editor,
        path.clone(),
        field.name.clone(),
        written,
    );
    let control = match spec.kind {
        Kind::Check => check_box(aria, value, write),
        Kind::Weekdays => day_boxes(aria, value, write),
        Kind::Choice => {
            let choices = editor
                .plan
                .with_untracked(|p| at(p, &path).and_then(Node::leaf).and_then(|l| l.choices()))
                .unwrap_or(&[]);
            choice_select(aria, choices, value, write)
        }
        Kind::Name(names, none) => name_select(aria, editor.names(names), none, value, write),
        Kind::LongText => long_text(aria, value, write),
        Kind::Label(names) => name_input(aria, editor, path, names, value, write),
        Kind::Text => text_input(aria, None, value, write),
        Kind::Suggest(names) => text_input(aria, Some(names_list_id(names)), value, write),
        kind => typed_input(aria, editor, path, kind, error, value, write),
    };
    let hint = (!spec.hint.is_empty()).then_some(spec.hint);
    view! {
        {field_frame(&field, error_signal, control, spec.wide)}
        {hint.map(|hint| view! { <p class="field-hint">{hint}</p> })}
        {mark}
    }
    .into_any()
}

/// What a control says about itself to assistive technology.
struct Aria {
    id: String,
    label: String,
    described: Signal<Option<String>>,
    invalid: Signal<Option<&'static str>>,
}

/// A yes/no field: the value is `"true"` or `"false"`.
fn check_box(
    aria: Aria,
    value: impl Fn() -> String + Send + Sync + 'static,
    write: impl Fn(String) + 'static,
) -> AnyView {
    let Aria {
        id,
        label,
        described,
        invalid,
    } = aria;
    view! {
        <input
            type="checkbox"
            id=id
            aria-label=label
            aria-describedby=described
            aria-invalid=invalid
            prop:checked=move || value() == "true"
            on:change=move |ev| write(event_target_checked(&ev).to_string())
        />
    }
    .into_any()
}

/// Some weekdays, a box each; the value is `Mon, Wed` or `every day`. Clearing the last box is
/// refused (the field says why) and the box stays ticked, as the plan does.
fn day_boxes(
    aria: Aria,
    value: impl Fn() -> String + Clone + Send + Sync + 'static,
    write: impl Fn(String) + Clone + 'static,
) -> AnyView {
    use crate::plan::Weekday;
    let Aria {
        id,
        label,
        described,
        invalid,
    } = aria;
    let on = {
        let value = value.clone();
        move || {
            crate::form::node::parse_weekdays(&value())
                .map(|days| days.on())
                .unwrap_or([true; 7])
        }
    };
    let boxes = Weekday::ALL
        .into_iter()
        .map(|day| {
            let (on, write) = (on.clone(), write.clone());
            let now = on.clone();
            let change = move |ev: leptos::ev::Event| {
                let mut days = now();
                days[day.index()] = event_target_checked(&ev);
                if !days.contains(&true) {
                    if let Some(input) = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        input.set_checked(true);
                    }
                }
                let text: Vec<&str> = Weekday::ALL
                    .into_iter()
                    .filter(|d| days[d.index()])
                    .map(Weekday::label)
                    .collect();
                write(text.join(", "));
            };
            view! {
                <label class="day-check">
                    <input
                        type="checkbox"
                        id=format!("{id}-{}", day.label().to_lowercase())
                        aria-describedby=described
                        prop:checked=move || on()[day.index()]
                        on:change=change
                    />
                    {day.label()}
                </label>
            }
        })
        .collect_view();
    view! {
        <span
            class="week-days"
            role="group"
            id=id
            tabindex="-1"
            aria-label=label
            aria-invalid=invalid
        >
            {boxes}
        </span>
    }
    .into_any()
}

/// One of a fixed list of choices; the value is the chosen one's position.
fn choice_select(
    aria: Aria,
    choices: &'static [&'static str],
    value: impl Fn() -> String + Clone + Send + Sync + 'static,
    write: impl Fn(String) + 'static,
) -> AnyView {
    let options = choices
        .iter()
        .enumerate()
        .map(|(index, label)| {
            let value = value.clone();
            let option = index.to_string();
            let selected = move || value() == option;
            view! { <option value=index.to_string() prop:selected=selected>{*label}</option> }
        })
        .collect_view();
    select(aria, write, options)
}

/// The name of another part of the plan (a tier, a calendar…), chosen from those it defines.
fn name_select(
    aria: Aria,
    names: Memo<Vec<String>>,
    none: Option<&'static str>,
    value: impl Fn() -> String + Send + Sync + 'static,
    write: impl Fn(String) + 'static,
) -> AnyView {
    let choices = move || {
        let current = value();
        name_options(&names.get(), &current, none)
            .into_iter()
            .map(|(option, text)| {
                let selected = option == current;
                view! { <option value=option prop:selected=selected>{text}</option> }
            })
            .collect_view()
    };
    select(aria, write, choices)
}

/// Text over several lines (a description, a note).
fn long_text(
    aria: Aria,
    value: impl Fn() -> String + Send + Sync + 'static,
    write: impl Fn(String) + 'static,
) -> AnyView {
    let Aria {
        id,
        label,
        described,
        invalid,
    } = aria;
    view! {
        <textarea
            id=id
            aria-label=label
            aria-describedby=described
            aria-invalid=invalid
            rows="3"
            prop:value=value
            on:input=move |ev| write(event_target_value(&ev))
        ></textarea>
    }
    .into_any()
}

/// Free text on one line, offering the names in `list` (a `<datalist>` id) when given.
fn text_input(
    aria: Aria,
    list: Option<&'static str>,
    value: impl Fn() -> String + Send + Sync + 'static,
    write: impl Fn(String) + 'static,
) -> AnyView {
    let Aria {
        id,
        label,
        described,
        invalid,
    } = aria;
    view! {
        <input
            type="text"
            id=id
            aria-label=label
            aria-describedby=described
            aria-invalid=invalid
            list=list
            prop:value=value
            on:input=move |ev| write(event_target_value(&ev))
        />
    }
    .into_any()
}

/// The name of a tier, calendar… that others refer to: on leaving the field, every reference
/// to the name it had on entering follows the new one (one undo step of its own).
fn name_input(
    aria: Aria,
    editor: Editor,
    path: String,
    names: Names,
    value: impl Fn() -> String + Send + Sync + 'static,
    write: impl Fn(String) + 'static,
) -> AnyView {
    let before = StoredValue::new(String::new());
    let entered = move |_| before.set_value(editor.text(&path));
    let commit = move |ev: leptos::ev::Event| {
        let new = event_target_value(&ev);
        // Gone when the field is removed while focused; its typing is already saved.
        let Some(old) = before.try_get_value() else {
            return;
        };
        if old != new {
            // References to the name are anywhere in the plan: the whole plan is the edit.
            let _ = editor.change("Renaming", None, |plan| {
                crate::form::rename::rename_references(plan, names, &old, &new);
            });
        }
        before.try_set_value(new);
    };
    let Aria {
        id,
        label,
        described,
        invalid,
    } = aria;
    view! {
        <input
            type="text"
            id=id
            aria-label=label
            aria-describedby=described
            aria-invalid=invalid
            prop:value=value
            on:focus=entered
            on:input=move |ev| write(event_target_value(&ev))
            on:change=commit
        />
    }
    .into_any()
}

/// A typed value (a number, a duration, a time, a date, a time zone): what is typed stays while
/// it does not parse (the field says why); on leaving the field it shows the value as understood
/// ("30 min" → "30m").
fn typed_input(
    aria: Aria,
    editor: Editor,
    path: String,
    kind: Kind,
    error: RwSignal<Option<String>>,
    value: impl Fn() -> String + Send + Sync + 'static,
    write: impl Fn(String) + 'static,
) -> AnyView {
    let shown = move |ev: leptos::ev::Event| {
        // A focused field being removed (its page redrawn) fires `change` after its signals are
        // gone: then there is nothing to show.
        if error.try_with_untracked(Option::is_some).unwrap_or(true) {
            return;
        }
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&editor.text(&path));
        }
    };
    let (placeholder, mode) = typed_hints(kind);
    let list = (kind == Kind::TimeZone).then_some(TIME_ZONES_LIST);
    let Aria {
        id,
        label,
        described,
        invalid,
    } = aria;
    view! {
        <input
            type="text"
            class="parsed"
            id=id
            aria-label=label
            aria-describedby=described
            aria-invalid=invalid
            inputmode=mode
            placeholder=placeholder
            list=list
            autocomplete="off"
            spellcheck="false"
            prop:value=value
            on:input=move |ev| write(event_target_value(&ev))
            on:change=shown
        />
    }
    .into_any()
}

/// A select of `options` whose choice is written through `write`.
fn select(
    aria: Aria,
    write: impl Fn(String) + 'static,
    options: impl IntoView + 'static,
) -> AnyView {
    let Aria {
        id,
        label,
        described,
        invalid,
    } = aria;
    view! {
        <select
            id=id
            aria-label=label
            aria-describedby=described
            aria-invalid=invalid
            on:change=move |ev| write(event_target_value(&ev))
        >
            {options}
        </select>
    }
    .into_any()
}

/// The id of the list of names a suggesting field offers (the designer draws one per kind).
pub fn names_list_id(names: Names) -> &'static str {
    match names {
        Names::Priorities => "names-priorities",
        Names::Tiers => "names-tiers",
        Names::Calendars => "names-calendars",
        Names::Channels => "names-channels",
        Names::Policies => "names-policies",
    }
}

/// The placeholder and on-screen keyboard of a typed field.
fn typed_hints(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Count => ("0", "numeric"),
        Kind::Number(_) => ("0", "decimal"),
        Kind::OptionalNumber(_) => ("optional", "decimal"),
        Kind::PlanWide(_) => ("plan-wide", "decimal"),
        Kind::DefaultCount => ("default", "numeric"),
        Kind::Duration => ("e.g. 4h", "text"),
        Kind::OptionalDuration => ("optional, e.g. 30m", "text"),
        Kind::Target => ("none", "text"),
        Kind::Time => ("09:00", "text"),
        Kind::Date => ("2026-12-25", "text"),
        Kind::OptionalDate => ("YYYY-MM-DD", "text"),
        Kind::TimeZone => ("e.g. Europe/Berlin", "text"),
        _ => ("", "text"),
    }
}

/// The options of a name select: "none" or "Choose…" first, the current value marked
/// "(not defined)" when it names nothing (so it is never changed silently), then the names.
fn name_options(names: &[String], current: &str, none: Option<&str>) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = Vec::with_capacity(names.len() + 2);
    match none {
        Some(none) => options.push((String::new(), none.to_string())),
        None if current.is_empty() => options.push((String::new(), "Choose…".to_string())),
        None => {}
    }
    if !current.is_empty() && !names.iter().any(|n| n == current) {
        options.push((current.to_string(), format!("{current} (not defined)")));
    }
    options.extend(names.iter().map(|n| (n.clone(), n.clone())));
    options
}
