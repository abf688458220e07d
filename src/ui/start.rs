//! The first visit's start: the starter templates and an empty plan, before anything is stored.
//! A template becomes a draft when chosen; the empty plan becomes one at the first keystroke.

use leptos::prelude::*;

use super::drafts::Workspace;
use crate::plan::templates;

/// The choice of a template or an empty plan, in the form pane.
#[component]
pub fn StartScreen() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let problem = RwSignal::new(None::<String>);
    let choose = move |id: &'static str, title: &'static str| {
        let result = templates::by_id(id)
            .ok_or_else(|| format!("The template “{title}” could not be read."))
            .and_then(|plan| workspace.create(title, plan).map(|_| ()));
        if let Err(message) = result {
            problem.set(Some(message));
        }
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
                <button type="button" class="start-empty" on:click=move |_| workspace.starting.set(false)>
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
