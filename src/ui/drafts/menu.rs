//! The drafts menu: which draft is open and its save state, switch, New (blank or a starter
//! template), Duplicate, Rename and Delete (asked twice). Acts through the `Workspace`.

use leptos::prelude::*;

use super::Workspace;
use crate::drafts::UNTITLED;
use crate::plan::{templates, Plan};

/// Which inline panel of the menu is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    Closed,
    New,
    Rename,
    Delete,
}

/// The drafts menu, for the designer's toolbar.
#[component]
pub fn DraftsMenu() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let panel = RwSignal::new(Panel::Closed);
    let problem = RwSignal::new(None::<String>);
    // Runs an action; closes the panel on success, shows the reason on failure.
    let act = move |result: Result<(), String>| match result {
        Ok(()) => {
            problem.set(None);
            panel.set(Panel::Closed);
        }
        Err(message) => problem.set(Some(message)),
    };
    let open_id = move || workspace.current.with(|c| c.as_ref().map(|m| m.id.clone()));
    let open_name = move || {
        workspace
            .current
            .with(|c| c.as_ref().map(|m| m.name.clone()))
            .unwrap_or_else(|| UNTITLED.to_string())
    };
    let toggle = move |which: Panel| {
        problem.set(None);
        panel.update(|p| *p = if *p == which { Panel::Closed } else { which });
    };

    view! {
        <div class="drafts-menu" role="group" aria-label="Drafts">
            <label class="drafts-switch">
                "Draft"
                <select on:change=move |ev| act(workspace.open(&event_target_value(&ev)))>
                    <Show when=move || open_id().is_none()>
                        <option value="" selected=true>{open_name}" (not saved yet)"</option>
                    </Show>
                    <For
                        each=move || workspace.drafts.get()
                        key=|draft| (draft.id.clone(), draft.name.clone(), draft.unreadable.is_some())
                        children=move |draft| {
                            let id = draft.id.clone();
                            let unreadable = draft.unreadable.is_some();
                            let label = if unreadable {
                                format!("{} (unreadable)", draft.name)
                            } else {
                                draft.name.clone()
                            };
                            view! {
                                <option
                                    value=draft.id.clone()
                                    disabled=unreadable
                                    prop:selected=move || open_id().as_deref() == Some(id.as_str())
                                >
                                    {label}
                                </option>
                            }
                        }
                    />
                </select>
            </label>
            <span class="save-state" role="status" aria-live="polite">
                {move || workspace.save_state.get().message()}
            </span>
            <button type="button" on:click=move |_| toggle(Panel::New)>"New plan"</button>
            <button
                type="button"
                on:click=move |_| act(workspace.duplicate_open().map(|_| ()))
            >
                "Duplicate"
            </button>
            <button type="button" on:click=move |_| toggle(Panel::Rename)>"Rename"</button>
            <button type="button" on:click=move |_| toggle(Panel::Delete)>"Delete"</button>
            {move || match panel.get() {
                Panel::Closed => None,
                Panel::New => Some(new_panel(workspace, act, panel).into_any()),
                Panel::Rename => Some(rename_panel(workspace, act, panel, open_name()).into_any()),
                Panel::Delete => Some(delete_panel(workspace, act, panel, open_name()).into_any()),
            }}
            {move || problem.get().map(|message| view! { <p class="drafts-problem" role="alert">{message}</p> })}
        </div>
    }
}

fn new_panel(
    workspace: Workspace,
    act: impl Fn(Result<(), String>) + Copy + 'static,
    panel: RwSignal<Panel>,
) -> impl IntoView {
    let start = move |name: String, plan: Plan| act(workspace.create(&name, plan).map(|_| ()));
    let templates = templates::all()
        .into_iter()
        .map(|template| {
            let title = template.title;
            let plan = template.plan;
            view! {
                <li>
                    <button type="button" on:click=move |_| start(title.to_string(), plan.clone())>
                        {title}
                    </button>
                    <span class="template-summary">{template.summary}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="drafts-panel" role="group" aria-label="New plan">
            <p>"Start a new draft from:"</p>
            <ul class="template-list">
                <li>
                    <button type="button" on:click=move |_| start(UNTITLED.to_string(), Plan::blank())>
                        "Blank plan"
                    </button>
                    <span class="template-summary">"Only the brief's defaults: priorities, tiers and roadmap steps."</span>
                </li>
                {templates}
            </ul>
            <button type="button" on:click=move |_| panel.set(Panel::Closed)>"Cancel"</button>
        </div>
    }
}

fn rename_panel(
    workspace: Workspace,
    act: impl Fn(Result<(), String>) + Copy + 'static,
    panel: RwSignal<Panel>,
    current_name: String,
) -> impl IntoView {
    let name = RwSignal::new(current_name);
    let rename = move || match workspace.current.get_untracked() {
        Some(open) => act(workspace.rename(&open.id, &name.get_untracked())),
        None => act(workspace
            .create(&name.get_untracked(), workspace.plan.get_untracked())
            .map(|_| ())),
    };
    view! {
        <form
            class="drafts-panel"
            aria-label="Rename draft"
            on:submit=move |ev| {
                ev.prevent_default();
                rename();
            }
        >
            <label>
                "New name"
                <input
                    type="text"
                    data-own-undo=""
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </label>
            <button type="submit">"Save name"</button>
            <button type="button" on:click=move |_| panel.set(Panel::Closed)>"Cancel"</button>
        </form>
    }
}

fn delete_panel(
    workspace: Workspace,
    act: impl Fn(Result<(), String>) + Copy + 'static,
    panel: RwSignal<Panel>,
    current_name: String,
) -> impl IntoView {
    let delete = move || match workspace.current.get_untracked() {
        Some(open) => act(workspace.delete(&open.id)),
        None => act(Err(
            "This draft is not saved in the browser, so there is nothing to delete.".to_string(),
        )),
    };
    view! {
        <div class="drafts-panel" role="alertdialog" aria-label="Delete draft">
            <p>
                "Delete “" {current_name} "”? Its plan is removed from this browser and cannot be brought back. "
                "Export it first if you may need it."
            </p>
            <button type="button" class="danger" on:click=move |_| delete()>"Delete draft"</button>
            <button type="button" on:click=move |_| panel.set(Panel::Closed)>"Cancel"</button>
        </div>
    }
}
