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
