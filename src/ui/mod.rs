//! The Leptos app: the designer's shell, forms, findings and preview.
//! Owns every browser API; everything it shows is derived from one `Plan` signal.

use leptos::prelude::*;

use crate::plan::Plan;

pub mod browser;
mod document;
mod findings;
mod forms;
pub mod inputs;
mod preview;
mod shell;
pub mod share_panel;

pub use document::PlanDocument;
pub use shell::{Designer, PlanSection};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let plan = RwSignal::new(Plan::blank());
    view! { <Designer plan>""</Designer> }
}
