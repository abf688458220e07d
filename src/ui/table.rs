//! The pieces of HTML tables the plan document and the capacity view share: a header row whose
//! headings are scoped for screen readers.

use leptos::prelude::*;

/// A table's header row: one column heading each, scoped for screen readers.
pub fn table_head(columns: &'static [&'static str]) -> impl IntoView {
    let headings = columns
        .iter()
        .map(|&column| view! { <th scope="col">{column}</th> })
        .collect_view();
    view! {
        <thead>
            <tr>{headings}</tr>
        </thead>
    }
}

/// A table in a box that scrolls sideways when the table is wider than the page (on a phone), so
/// the page keeps its width and no word is broken; focusable and named, so a keyboard can scroll it
/// and a screen reader says what it is.
#[component]
pub fn TableScroll(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}
