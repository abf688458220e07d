//! The Share panel: make a link a stakeholder can open read-only, copy it, fall back to the plan
//! file when the link is too long, and download helpdesk configuration with its mapping report
//! (written by a worker, `Ask::Helpdesk`: the file is offered when the answer comes).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::messages::{Answer, HelpdeskFile, HelpdeskKind, Request};
use crate::plan::json::to_json;
use crate::plan::limits::thousands as group_thousands;
use crate::plan::Plan;
use crate::render::file_stem;
use crate::share::{link_is_too_long, share_link, PRACTICAL_LINK_LIMIT};
use crate::ui::browser::{copy_text, download_text};
use crate::ui::drafts::DraftScoped;
use crate::ui::exports::OnClick;
use crate::ui::template_values::TemplateWarning;
use crate::ui::worker::{Question, Words};

/// One helpdesk export button: its label, what the report is about, and the file it asks for.
struct ExportKind {
    label: &'static str,
    helpdesk: &'static str,
    export: HelpdeskKind,
}

/// A helpdesk configuration, written by a worker.
struct HelpdeskExport;

impl Question for HelpdeskExport {
    type Value = (u64, Box<HelpdeskFile>);
    const MEASURE: Option<&'static str> = None;
    const WORDS: Words = Words {
        crashed: "Writing the helpdesk file stopped with an error and was restarted. Nothing you \
                  typed is lost: the file is being written again.",
        hung: "Writing the helpdesk file stopped answering and was restarted. Nothing you typed \
               is lost: the file is being written again.",
        gave_up: "The helpdesk file could not be written. Your plan is saved as you type: reload \
                  the page and try again.",
        no_workers: "This browser cannot write helpdesk files (Web Workers are missing or turned \
                     off). The share link and the plan file work, and your plan is saved.",
    };
    fn read(answer: Answer) -> Result<Self::Value, Answer> {
        match answer {
            Answer::Helpdesk { asked, file } => Ok((asked, file)),
            other => Err(other),
        }
    }
}

const EXPORTS: [ExportKind; 3] = [
    ExportKind {
        label: "Zendesk SLA policy and schedules",
        helpdesk: "Zendesk",
        export: HelpdeskKind::Zendesk,
    },
    ExportKind {
        label: "Freshdesk SLA policy",
        helpdesk: "Freshdesk",
        export: HelpdeskKind::Freshdesk,
    },
    ExportKind {
        label: "Ticket taxonomy (CSV)",
        helpdesk: "The taxonomy CSV",
        export: HelpdeskKind::TaxonomyCsv,
    },
];

/// A link that was made, with the plan it was made from (to tell when it is out of date).
#[derive(Clone, PartialEq)]
struct MadeLink {
    link: String,
    from: Plan,
}

/// The Share panel for the plan being edited.
#[component]
pub fn SharePanel(plan: RwSignal<Plan>) -> impl IntoView {
    // The link, its status line and the last mapping report are about the draft open when they
    // were made: another draft never shows them.
    let made = DraftScoped::<MadeLink>::new();
    let status = DraftScoped::<String>::new();
    let report = DraftScoped::<(String, Vec<String>)>::new();
    let helpdesk_files = OnClick::<Box<HelpdeskFile>>::new::<HelpdeskExport>();

    let make_link = move |_| {
        let current = plan.get_untracked();
        let page = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        made.set(MadeLink {
            link: share_link(&page, &current),
            from: current,
        });
        status.clear();
    };
    let copy = move |_| {
        let Some(made) = made.get_untracked() else {
            return;
        };
        spawn_local(async move {
            status.set(match copy_text(made.link).await {
                Ok(()) => "Link copied. Paste it into an email or chat.".to_string(),
                Err(message) => message,
            });
        });
    };
    let download_plan = move |_| {
        let current = plan.get_untracked();
        let name = format!("{}.plan.json", file_stem(&current.header.product));
        if let Err(message) = download_text(&name, "application/json", &to_json(&current)) {
            status.set(message);
        }
    };
    let link_text = move || made.with(|m| m.map(|m| m.link.clone()).unwrap_or_default());
    let too_long = move || made.with(|m| m.is_some_and(|m| link_is_too_long(&m.link)));
    let out_of_date = move || made.with(|m| m.is_some_and(|m| plan.with(|p| *p != m.from)));
    let length = move || {
        made.with(|m| {
            m.map(|m| format!("{} characters", group_thousands(m.link.chars().count())))
                .unwrap_or_default()
        })
    };

    view! {
        <section class="share-panel" aria-label="Share">
            <h2>"Share"</h2>
            <TemplateWarning plan />
            <p>
                "A share link carries the whole plan inside the address, after the #. Nothing is "
                "uploaded: whoever opens it reads the plan in their browser and cannot change your draft."
            </p>
            <div class="share-actions">
                <button type="button" on:click=make_link>"Create share link"</button>
                <button type="button" on:click=download_plan>"Download plan file (JSON)"</button>
            </div>
            <Show when=move || made.is_some()>
                <label class="share-link">
                    "Share link"
                    <input id="share-link" type="text" readonly prop:value=link_text />
                </label>
                <p class="share-length">
                    {length}
                    <button type="button" on:click=copy disabled=too_long>"Copy link"</button>
                </p>
                <Show when=too_long>
                    <p class="share-warning" role="alert">
                        {format!(
                            "This link is longer than {} characters, more than chat tools and email \
                             reliably pass on. Send the plan file instead (Download plan file above); \
                             it opens in the designer.",
                            group_thousands(PRACTICAL_LINK_LIMIT)
                        )}
                    </p>
                </Show>
                <Show when=out_of_date>
                    <p class="share-stale">
                        "The plan has changed since this link was made. Create the link again to include the changes."
                    </p>
                </Show>
            </Show>
            <p class="share-status" role="status" aria-live="polite">{move || status.get()}</p>

            <h3>"Helpdesk configuration"</h3>
            <p>
                "Download SLA targets, business hours and the taxonomy in the shapes Zendesk and "
                "Freshdesk import. Whatever the helpdesk cannot hold is listed, never dropped."
            </p>
            <div class="share-actions">
                {EXPORTS
                    .iter()
                    .map(|kind| {
                        let export = kind.export;
                        let helpdesk = kind.helpdesk;
                        let on_click = move |_| {
                            let build = move |revision, number| {
                                plan.with_untracked(|p| Request::helpdesk_json(revision, p, number, export))
                            };
                            let deliver = move |file: Box<HelpdeskFile>| {
                                let file = *file;
                                if let Err(message) = download_text(&file.file_name, &file.mime, &file.body) {
                                    status.set(message);
                                }
                                report.set((helpdesk.to_string(), file.report));
                            };
                            helpdesk_files.ask(build, deliver);
                        };
                        view! { <button type="button" on:click=on_click>{kind.label}</button> }
                    })
                    .collect_view()}
            </div>
            {move || helpdesk_files.status("Writing the helpdesk file…").map(|words| {
                view! { <p class="share-status" role="status">{words}</p> }
            })}
            {move || {
                report
                    .get()
                    .map(|(helpdesk, lines)| {
                        let heading = if lines.is_empty() {
                            format!("{helpdesk}: everything in the plan fits.")
                        } else {
                            format!("{helpdesk}: what to finish by hand ({})", lines.len())
                        };
                        view! {
                            <div class="share-report" aria-label="Mapping report">
                                <h4>{heading}</h4>
                                <ul>
                                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
        </section>
    }
}
