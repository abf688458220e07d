//! The first visit's start: the starter templates and an empty plan, before anything is stored.
//! Choosing a template or the empty plan makes it a stored draft; merely looking stores nothing.

use leptos::prelude::*;

use super::drafts::Workspace;
use crate::drafts::UNTITLED;
use crate::plan::{templates, Plan};

/// The choice of a template or an empty plan, in the form pane.
#[component]
pub fn StartScreen() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let problem = RwSignal::new(None::<String>);
    let begin = move |result: Result<Plan, String>, name: &str| {
        if let Err(message) = result.and_then(|plan| workspace.create(name, plan).map(|_| ())) {
            problem.set(Some(message));
        }
    };
    let choose = move |id: &'static str, title: &'static str| {
        let plan = templates::starter(id)
            .ok_or_else(|| format!("The template “{title}” could not be read."));
        begin(plan, title);
    };
    let choices = templates::catalogue()
        .map(|(id, title, summary)| {
            view! {
                <li>
                    <button type="button" class="start-choice" on:click=move |_| choose(id, title)>
                        <span class="start-choice-title">{title}</span>
                        <span class="start-choice-summary">{summary}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="start" id="start">
            <p class="start-lead">
                "Begin from a realistic support operation and change what differs from yours, or fill in "
                "an empty plan. Everything stays in this browser; nothing is uploaded."
            </p>
            <ul class="start-choices" aria-label="Starter templates">{choices}</ul>
            <p>
                <button type="button" class="start-empty" on:click=move |_| begin(Ok(Plan::blank()), UNTITLED)>
                    "Start with an empty plan"
                </button>
            </p>
            <p class="help">
                "Have a plan file already? Import it from the toolbar. The checks list what a new "
                "plan still needs as a checklist; nothing is marked red until you type in a field."
            </p>
            {move || problem.get().map(|m| view! { <p class="start-problem" role="alert">{m}</p> })}
        </div>
    }
}
