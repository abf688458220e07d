//! Import and export: the plan as text, Markdown or JSON, downloaded or copied; a JSON plan
//! imported from a file or pasted, opened as a new draft — a bad or oversized one is explained in a
//! moment and changes nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::plan::json::from_outside;
use crate::plan::limits::PLAN_FROM_OUTSIDE;
use crate::render::{Format, Section};
use crate::ui::browser::{after_showing, copy_text, download_text, plan_file_name};
use crate::ui::drafts::{name_for, DraftScoped, Workspace};
use crate::ui::exports::Exporter;
use crate::ui::helpdesk_import::HelpdeskImport;
use crate::ui::inputs::paste_area;
use crate::ui::template_values::TemplateWarning;

/// Reads `bytes` (a file, or pasted text) as a plan and opens it as a new draft named after its
/// product. On failure the message says what is wrong and where; the open draft is unchanged.
/// A plan over the limits (`plan::limits`) is refused before anything is built from it.
pub fn import_plan_bytes(workspace: Workspace, bytes: &[u8]) -> Result<String, String> {
    let plan = from_outside(bytes, &PLAN_FROM_OUTSIDE).map_err(|error| {
        format!("Could not import this plan: {error}. Your current plan is unchanged.")
    })?;
    let name = name_for(&plan, "Imported plan");
    match workspace.create(&name, plan) {
        Ok(opened) => Ok(opened.message(&name, &format!("Imported “{name}” as a new draft."))),
        Err(error) => Err(format!("Could not import this plan: {error}")),
    }
}

fn format_label(format: Format) -> &'static str {
    match format {
        Format::Text => "Text",
        Format::Markdown => "Markdown",
        Format::Json => "JSON",
    }
}

/// Export and import controls for the designer's toolbar.
#[component]
pub fn TransferMenu() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let format = RwSignal::new(Format::Markdown);
    // What the last action said, about the draft that was open then (an import's outcome is
    // about the draft it opened).
    let status = DraftScoped::<String>::new();
    let error = DraftScoped::<String>::new();
    let pasting = RwSignal::new(false);
    let busy = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());
    let outcome = move |result: Result<String, String>| match result {
        Ok(message) => {
            error.clear();
            status.set(message);
        }
        Err(message) => {
            status.clear();
            error.set(message);
        }
    };
    let exporter = Exporter::new(workspace.plan.into());
    let download = move |_| {
        let chosen = format.get_untracked();
        workspace.plan.with_untracked(|plan| {
            let name = plan_file_name(plan, chosen);
            exporter.write(plan, chosen, Section::Full, move |text| {
                let result = download_text(&name, chosen.mime(), &text);
                outcome(result.map(|()| "Download started.".to_string()));
            });
        });
    };
    let copy = move |_| {
        let deliver = move |text: String| {
            spawn_local(async move {
                outcome(
                    copy_text(text)
                        .await
                        .map(|()| "Copied to the clipboard.".to_string()),
                );
            });
        };
        workspace.plan.with_untracked(|plan| {
            exporter.write(plan, format.get_untracked(), Section::Full, deliver)
        });
    };
    let import_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        // Refused by its size alone before it is read: a huge file never reaches memory.
        let too_big = (PLAN_FROM_OUTSIDE.max_bytes as f64) * 2.0;
        if file.size() > too_big {
            outcome(Err(format!(
                "Could not import this plan: this file is {:.1} MB, and the app opens plans of up to {} MB. Your current plan is unchanged.",
                file.size() / 1_048_576.0,
                PLAN_FROM_OUTSIDE.max_bytes / 1_048_576
            )));
            return;
        }
        busy.set(Some("Reading the file…".to_string()));
        spawn_local(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .ok()
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
            match bytes {
                Some(bytes) => after_showing(busy, "Opening the plan…", move || {
                    outcome(import_plan_bytes(workspace, &bytes));
                }),
                None => {
                    busy.set(None);
                    outcome(Err(
                        "Could not read that file. Your current plan is unchanged.".to_string(),
                    ));
                }
            }
        });
    };
    let import_pasted = move || {
        let text = pasted.get_untracked();
        after_showing(busy, "Opening the plan…", move || {
            let result = import_plan_bytes(workspace, text.as_bytes());
            if result.is_ok() {
                pasting.set(false);
                pasted.set(String::new());
            }
            outcome(result);
        });
    };

    view! {
        <div class="transfer-menu" role="group" aria-label="Import and export">
            <label>
                "Export format"
                <select on:change=move |ev| {
                    if let Some(chosen) = Format::from_name(&event_target_value(&ev)) {
                        format.set(chosen);
                    }
                }>
                    {Format::ALL
                        .into_iter()
                        .map(|f| {
                            view! {
                                <option value=f.name() prop:selected=move || format.get() == f>
                                    {format_label(f)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button type="button" on:click=download>"Download"</button>
            <button type="button" on:click=copy>"Copy"</button>
            <label class="import-file">
                "Import JSON file"
                <input type="file" accept=".json,application/json" on:change=import_file />
            </label>
            <button type="button" on:click=move |_| pasting.update(|p| *p = !*p)>"Paste JSON…"</button>
            <Show when=move || pasting.get()>
                <div class="paste-dialog" role="dialog" aria-label="Paste a plan">
                    <label>
                        "Plan JSON"
                        {paste_area(pasted, "10")}
                    </label>
                    <button type="button" on:click=move |_| import_pasted()>"Import"</button>
                    <button type="button" on:click=move |_| pasting.set(false)>"Cancel"</button>
                </div>
            </Show>
            <HelpdeskImport />
            <TemplateWarning plan=workspace.plan />
            {move || busy.get().or_else(|| exporter.status()).map(|m| view! { <p class="transfer-status" role="status" aria-busy="true">{m}</p> })}
            {move || status.get().map(|m| view! { <p class="transfer-status" role="status">{m}</p> })}
            {move || error.get().map(|m| view! { <p class="transfer-error" role="alert">{m}</p> })}
        </div>
    }
}
