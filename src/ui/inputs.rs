//! Reusable form controls: labelled text, parsed inputs (durations, numbers, times, dates), selects
//! and checkboxes, each marked with its findings, and focusing a field after a render.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::plan::{ClockTime, Date, Duration, Target};
use crate::rules::{field_id, Severity};

use super::findings::FieldFindings;

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

/// An SLA target: empty or `none` (no target), `best effort`, or a duration.
pub const TARGET: Format<Target> = Format {
    parse: |text| text.parse::<Target>().map_err(|e| e.to_string()),
    show: |target| match target {
        Target::NoTarget => String::new(),
        other => other.to_string(),
    },
    placeholder: "none",
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
