//! Helpers for the browser component tests: mount the app, find elements the way a user
//! names them (label text, region name), type into fields and wait for the page to catch up.
// Shared by every test module; not each of them uses every helper.
#![allow(dead_code)]

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// How long `wait_until` waits for the page before giving up.
const WAIT_LIMIT: Duration = Duration::from_secs(5);
const POLL_EVERY_MS: i32 = 10;

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("tests run in a browser page")
}

/// The app mounted into its own fresh `<div>`; removed from the page when dropped.
pub struct Mounted {
    root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    /// Mounts `support_ops::ui::App`.
    pub fn app() -> Self {
        Self::view(support_ops::ui::App)
    }

    /// Mounts any component (e.g. one form section) the same way. The test page has no worker
    /// files: designers check their plan with the same core on the page instead.
    pub fn view<F, N>(view: F) -> Self
    where
        F: FnOnce() -> N + 'static,
        N: leptos::prelude::IntoView + 'static,
    {
        let doc = document();
        let root: HtmlElement = doc
            .create_element("div")
            .expect("can create a div")
            .dyn_into()
            .expect("a div is an HtmlElement");
        doc.body()
            .expect("the test page has a body")
            .append_child(&root)
            .expect("can attach the div");
        let handle = leptos::mount::mount_to(root.clone(), move || {
            support_ops::ui::worker::provide_in_page_core();
            view()
        });
        Mounted {
            root,
            _handle: Box::new(handle),
        }
    }

    pub fn root(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// All elements under `root` matching a CSS selector, in document order.
/// (Walks the tree rather than using `querySelectorAll`, whose `NodeList` the app does not bind.)
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let mut found = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut next = root.first_element_child();
    loop {
        while let Some(element) = next {
            if element.matches(selector).expect("a valid selector") {
                found.push(element.clone());
            }
            next = element.first_element_child();
            stack.push(element);
        }
        match stack.pop() {
            Some(done) => next = done.next_element_sibling(),
            None => return found,
        }
    }
}

/// Text of an element with runs of whitespace collapsed, as a screen reader would read it.
pub fn text(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The form control whose label reads `name`: a `<label for=…>`, a control nested in its
/// `<label>`, or one with `aria-label`. The label's own text must equal `name` once the
/// control's text is left out, so "Product" does not match "Product area".
pub fn control_labelled(root: &Element, name: &str) -> Option<Element> {
    for label in all(root, "label") {
        let nested = label
            .query_selector("input, select, textarea")
            .ok()
            .flatten();
        let mut own = text(&label);
        if let Some(control) = &nested {
            own = own.replace(&text(control), "").trim().to_string();
        }
        if own != name {
            continue;
        }
        if let Some(id) = label.get_attribute("for") {
            if let Some(control) = root.query_selector(&format!("#{id}")).ok().flatten() {
                return Some(control);
            }
        }
        if nested.is_some() {
            return nested;
        }
    }
    all(root, "input, select, textarea")
        .into_iter()
        .find(|control| control.get_attribute("aria-label").as_deref() == Some(name))
}

/// The text input whose label reads `name`.
pub fn input_labelled(root: &Element, name: &str) -> Option<HtmlInputElement> {
    control_labelled(root, name)?.dyn_into().ok()
}

/// The region (`<section>` or `role="region"`) named `name` by `aria-label` or `aria-labelledby`.
pub fn region(root: &Element, name: &str) -> Option<Element> {
    all(root, "section, [role=region]").into_iter().find(|el| {
        el.get_attribute("aria-label").as_deref() == Some(name)
            || el.get_attribute("aria-labelledby").is_some_and(|ids| {
                let doc = document();
                let label = ids
                    .split_whitespace()
                    .filter_map(|id| doc.get_element_by_id(id))
                    .map(|el| text(&el))
                    .collect::<Vec<_>>()
                    .join(" ");
                label == name
            })
    })
}

/// Fires a bubbling DOM event of `kind` at `target`, as the browser does for user input.
pub fn fire(target: &Element, kind: &str) {
    let event = document()
        .create_event("Event")
        .expect("can create an Event");
    event.init_event_with_bubbles_and_cancelable(kind, true, true);
    target
        .dispatch_event(&event)
        .expect("can dispatch the event");
}

/// Replaces the value of a text input and fires `input` then `change`, as typing and leaving would.
pub fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    fire(input, "input");
    fire(input, "change");
}

/// The same for a multi-line field.
pub fn type_into_textarea(area: &HtmlTextAreaElement, value: &str) {
    area.set_value(value);
    fire(area, "input");
    fire(area, "change");
}

/// Lets the browser and Leptos's scheduled effects run for `ms` milliseconds.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("tests run in a browser window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("can set a timeout");
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits (up to a few seconds) until `done` holds; returns whether it did.
pub async fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    let started = js_sys::Date::now();
    loop {
        if done() {
            return true;
        }
        if js_sys::Date::now() - started > WAIT_LIMIT.as_millis() as f64 {
            return false;
        }
        sleep_ms(POLL_EVERY_MS).await;
    }
}
