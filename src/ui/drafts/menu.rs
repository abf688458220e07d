//! The drafts menu: which draft is open and its save state, switch, New (blank or a starter
//! template), Duplicate, Rename and Delete (asked twice). Acts through the `Workspace`.

use leptos::prelude::*;

use super::Workspace;
use crate::drafts::UNTITLED;
use crate::plan::{templates, Plan};
use crate::ui::inputs::focus_after_render;

/// Which inline panel of the menu is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    Closed,
    New,
    Rename,
    Delete,
}

impl Panel {
    /// The id of the toolbar button that opens the panel.
    fn button(self) -> &'static str {
        match self {
            Panel::Closed | Panel::New => "drafts-new",
            Panel::Rename => "drafts-rename",
            Panel::Delete => "drafts-delete",
        }
    }

    /// The id of the control that takes the focus when the panel opens.
    fn first_control(self) -> Option<&'static str> {
        match self {
            Panel::Closed => None,
            Panel::New => Some("new-plan-blank"),
            Panel::Rename => Some("draft-new-name"),
            Panel::Delete => Some("draft-delete-cancel"),
        }
    }
}

/// The drafts menu, for the designer's toolbar.
/// The save state in the header's always-visible bar when the plan is not being saved ("Not
/// saved: storage is full — export your plan"), for a phone, where the drafts menu with the full
/// save state is folded behind the Menu button (the stylesheet shows it on narrow screens only).
#[component]
pub fn UnsavedNotice() -> impl IntoView {
    let workspace = use_context::<Workspace>();
    let unsaved = move || {
        let state = workspace?.save_state.get();
        match state {
            super::SaveState::Saved | super::SaveState::Saving => None,
            other => Some(other.message()),
        }
    };
    view! {
        <span class="header-unsaved" role="status" aria-live="polite">
            {unsaved}
        </span>
    }
}

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
    let open_name = move || workspace.open_name();
    let toggle = move |which: Panel| {
        problem.set(None);
        panel.update(|p| *p = if *p == which { Panel::Closed } else { which });
        // The opened panel takes the focus: its first choice, the name to edit, or Cancel.
        if let Some(first) = which
            .first_control()
            .filter(|_| panel.get_untracked() == which)
        {
            focus_after_render(first.to_string());
        }
    };
    // Escape closes the open panel and gives the focus back to the button that opened it.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let open = panel.get_untracked();
        if ev.key() == "Escape" && open != Panel::Closed {
            ev.prevent_default();
            panel.set(Panel::Closed);
            focus_after_render(open.button().to_string());
        }
    };

    // A button that opens one panel and says whether it is open.
    let panel_button = move |which: Panel, label: &'static str| {
        view! {
            <button
                type="button"
                id=which.button()
                aria-expanded=move || (panel.get() == which).to_string()
                on:click=move |_| toggle(which)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="drafts-menu" role="group" aria-label="Drafts" on:keydown=on_key>
            <label class="drafts-switch">
                "Draft"
                <select on:change=move |ev| act(workspace.open(&event_target_value(&ev)))>
                    <Show when=move || open_id().is_none()>
                        <option value="" selected=true>{open_name}" (not saved yet)"</option>
                    </Show>
                    // Plans left while the storage refused them: still here, in this tab only.
                    <For
                        each=move || workspace.kept.get()
                        key=|kept| kept.key.clone()
                        children=move |kept| {
                            view! {
                                <option value=kept.key.clone()>
                                    {kept.unstored.name.clone()}" (not saved, this tab only)"
                                </option>
                            }
                        }
                    />
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
                {move || {
                    let state = workspace.save_state.get();
                    // A first visit stores nothing until a plan is started or typed in.
                    if state == super::SaveState::Saved && workspace.current.with(Option::is_none) {
                        "Nothing stored yet".to_string()
                    } else {
                        state.message()
                    }
                }}
            </span>
            {panel_button(Panel::New, "New plan")}
            <button
                type="button"
                on:click=move |_| act(workspace.duplicate_open().map(|_| ()))
            >
                "Duplicate"
            </button>
            {panel_button(Panel::Rename, "Rename")}
            {panel_button(Panel::Delete, "Delete")}
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
    let templates = templates::catalogue()
        .map(|(id, title, summary)| {
            let choose = move |_| match templates::starter(id) {
                Some(plan) => start(title.to_string(), plan),
                None => act(Err(format!("The template “{title}” could not be read."))),
            };
            view! {
                <li>
                    <button type="button" on:click=choose>{title}</button>
                    <span class="template-summary">{summary}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="drafts-panel" role="group" aria-label="New plan">
            <p>"Start a new draft from:"</p>
            <ul class="template-list">
                <li>
                    <button
                        type="button"
                        id="new-plan-blank"
                        on:click=move |_| start(UNTITLED.to_string(), Plan::blank())
                    >
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
        None => act(workspace.rename_unstored(&name.get_untracked())),
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
                    id="draft-new-name"
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
            <button type="button" id="draft-delete-cancel" on:click=move |_| panel.set(Panel::Closed)>
                "Cancel"
            </button>
        </div>
    }
}
