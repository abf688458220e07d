//! What every form control shares: its label, messages and finding marks around it, its ARIA
//! state, and focusing a field after a render.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
pub fn field_frame(
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

/// A button that opens and closes a panel of the toolbar, saying whether it is open.
pub fn disclosure_button(
    id: &'static str,
    label: &'static str,
    open: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            id=id
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {label}
        </button>
    }
}

/// A box to paste a file's text into (it keeps its own undo, not the plan's).
pub fn paste_area(text: RwSignal<String>, rows: &'static str) -> impl IntoView {
    view! {
        <textarea
            data-own-undo=""
            rows=rows
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))
        ></textarea>
    }
}
