//! The storage banner: says plainly when the browser cannot save (blocked or full), when another
//! tab changed the open draft, and when a stored draft could not be read and was set aside.

use leptos::prelude::*;

use super::Workspace;
use crate::drafts::StoreError;
use crate::render::file_stem;
use crate::ui::browser::download_plan_json;
use crate::ui::browser::download_text;

/// Banner of storage problems and their ways out; empty when all is well.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let failure = RwSignal::new(None::<String>);
    let dismissed = RwSignal::new(Vec::<String>::new());
    let export = move |_| {
        let result = workspace.plan.with_untracked(download_plan_json);
        failure.set(result.err());
    };
    let outcome = move |result: Result<(), String>| failure.set(result.err());

    let storage = move || {
        workspace.storage_problem.get().map(|problem| {
            let blocked = problem == StoreError::Unavailable;
            let message = match problem {
                StoreError::Unavailable => "This browser is not letting the page save anything \
                    (private browsing or blocked storage). You can keep working: your plan stays \
                    in this tab until you close it. Export it to keep a copy."
                    .to_string(),
                StoreError::QuotaExceeded => "The browser's storage for this page is full, so \
                    your latest changes are not saved. You can keep working: export your plan to \
                    keep a copy, or delete drafts you no longer need."
                    .to_string(),
                StoreError::Other(detail) => format!(
                    "The browser could not save your plan ({detail}). You can keep working: \
                     export your plan to keep a copy."
                ),
            };
            // A plan opened while the storage refused it is stored nowhere: say so by name.
            let unstored =
                (workspace.current.with(Option::is_none) && !workspace.starting.get() && !blocked)
                    .then(|| {
                        format!(
                        "“{}” is open in this tab only and is not being saved yet. This tab keeps \
                         trying to save it; until then, closing the tab loses it.",
                        workspace.open_name()
                    )
                    });
            view! {
                <div class="banner banner-storage" role="alert">
                    <p>{message}</p>
                    {unstored.map(|line| view! { <p>{line}</p> })}
                    <button type="button" on:click=export>"Export plan (JSON)"</button>
                </div>
            }
        })
    };

    // Plans left while the storage refused them: listed so the user knows they are not saved.
    let kept = move || {
        let names = workspace.kept.with(|kept| {
            kept.iter()
                .map(|k| format!("“{}”", k.unstored.name))
                .collect::<Vec<_>>()
        });
        (!names.is_empty()).then(|| {
            view! {
                <div class="banner banner-kept" role="alert">
                    <p>
                        "Kept in this tab only, not saved yet: " {names.join(", ")} ". This tab "
                        "keeps trying to save them. To export one, open it from the Draft list."
                    </p>
                </div>
            }
        })
    };

    let conflict = move || {
        workspace.conflict.get().then(|| {
            let name = workspace
                .current
                .with(|c| c.as_ref().map(|m| m.name.clone()))
                .unwrap_or_default();
            view! {
                <div class="banner banner-conflict" role="alert">
                    <p>
                        "“" {name} "” was changed in another tab while you were editing it here. "
                        "Nothing has been overwritten: choose which version to keep."
                    </p>
                    <button type="button" on:click=move |_| outcome(workspace.load_their_version())>
                        "Load their version"
                    </button>
                    <button
                        type="button"
                        on:click=move |_| outcome(workspace.keep_mine_as_copy().map(|_| ()))
                    >
                        "Keep mine as a copy"
                    </button>
                </div>
            }
        })
    };

    let unreadable = move || {
        workspace
            .drafts
            .get()
            .into_iter()
            .filter(|d| d.unreadable.is_some() && !dismissed.with(|x| x.contains(&d.id)))
            .map(|draft| {
                let reason = draft.unreadable.as_ref().map(|u| u.reason.clone()).unwrap_or_default();
                // Nothing at all was stored for it: no text to download, only an entry to remove.
                let nothing_kept = draft.unreadable.as_ref().is_some_and(|u| u.kept_at.is_none());
                let id = draft.id.clone();
                let name = draft.name.clone();
                let download = move |_| {
                    let result = match workspace.raw_text(&id) {
                        Ok(Some(text)) => download_text(
                            &format!("{}-unreadable.json.txt", file_stem(&name)),
                            "text/plain;charset=utf-8",
                            &text,
                        ),
                        Ok(None) => Err("Nothing was stored for this draft.".to_string()),
                        Err(message) => Err(message),
                    };
                    failure.set(result.err());
                };
                let remove = draft.id.clone();
                let hide = draft.id.clone();
                let action = if nothing_kept {
                    view! {
                        <button type="button" on:click=move |_| outcome(workspace.delete(&remove))>
                            "Delete this entry"
                        </button>
                    }
                    .into_any()
                } else {
                    view! { <button type="button" on:click=download>"Download its text"</button> }
                        .into_any()
                };
                let told = if nothing_kept {
                    "). Nothing of it is left in this browser, so there is nothing to recover; you can delete its entry from the list."
                } else {
                    "). It has been set aside, unchanged, and nothing was written over it."
                };
                view! {
                    <div class="banner banner-unreadable" role="alert">
                        <p>
                            "The saved draft “" {draft.name.clone()} "” could not be read (" {reason}
                            {told}
                        </p>
                        {action}
                        <button
                            type="button"
                            on:click=move |_| dismissed.update(|x| x.push(hide.clone()))
                        >
                            "Dismiss"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };

    let notices = move || {
        workspace
            .notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, message)| {
                view! {
                    <div class="banner banner-notice" role="alert">
                        <p>{message}</p>
                        <button
                            type="button"
                            on:click=move |_| workspace.notices.update(|n| {
                                if i < n.len() {
                                    n.remove(i);
                                }
                            })
                        >
                            "Dismiss"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };

    view! {
        <div class="storage-banner">
            {storage}
            {kept}
            {conflict}
            {unreadable}
            {notices}
            {move || failure.get().map(|m| view! { <p class="banner-failure" role="alert">{m}</p> })}
        </div>
    }
}
