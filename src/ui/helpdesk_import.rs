//! "Import from Zendesk / Freshdesk": today's helpdesk configuration (the JSON its API returns, as
//! several files or pasted) opened as a new draft, with a report of what the plan could not hold.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::import::{import_from_outside, OutsideFile, ReportLine};
use crate::plan::limits::{megabytes, PLAN_FROM_OUTSIDE};
use crate::ui::browser::after_showing;
use crate::ui::drafts::{DraftScoped, Workspace};
use crate::ui::inputs::{disclosure_button, paste_area};

/// What an import said, kept with the draft it opened.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    /// "Imported … as a new draft “Today's operation (Zendesk)”."
    pub summary: String,
    /// What each file was: "schedules.json: Zendesk: 2 schedules".
    pub files: Vec<String>,
    /// Everything the plan could not take as it was, with its file and JSON path.
    pub not_mapped: Vec<ReportLine>,
}

/// Imports helpdesk `files` and opens the plan they make as a new draft. On failure, one
/// sentence per file at fault; the open draft is unchanged.
pub fn import_helpdesk_files(
    workspace: Workspace,
    files: &[OutsideFile],
) -> Result<ImportReport, Vec<String>> {
    let imported =
        import_from_outside(files, &PLAN_FROM_OUTSIDE).map_err(|error| error.problems)?;
    let helpdesk = imported.helpdesk.label();
    let name = format!("Today's operation ({helpdesk})");
    let opened = workspace.create(&name, imported.plan);
    // A name already taken gets a number: say the one the draft has.
    let name = workspace
        .current
        .with_untracked(|open| open.as_ref().map(|meta| meta.name.clone()))
        .unwrap_or(name);
    let summary = match opened {
        Ok(opened) => opened.message(&name, &format!(
            "Imported today's {helpdesk} configuration as a new draft, “{name}”. Its findings are the audit of the operation you run today."
        )),
        Err(error) => return Err(vec![error]),
    };
    Ok(ImportReport {
        summary,
        files: imported
            .files
            .iter()
            .map(|file| format!("{}: {}", file.file, file.describe()))
            .collect(),
        not_mapped: imported.report,
    })
}

/// Refuses, by their sizes alone and before reading them, files that could never import: over
/// the limit together (UTF-16 holds up to twice the bytes of the text), so none reaches memory.
fn refuse_by_size(files: &[web_sys::File]) -> Option<String> {
    let most = PLAN_FROM_OUTSIDE.max_bytes as f64 * 2.0;
    let total: f64 = files.iter().map(|file| file.size()).sum();
    (total > most).then(|| {
        format!(
            "These files hold {} together, and the app imports up to {} at a time.",
            megabytes(total as usize),
            megabytes(PLAN_FROM_OUTSIDE.max_bytes)
        )
    })
}

/// Reads every chosen file's bytes; `None` when the browser could not read one.
async fn read_files(files: Vec<web_sys::File>) -> Option<Vec<OutsideFile>> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .ok()?;
        read.push(OutsideFile {
            name: file.name(),
            bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
        });
    }
    Some(read)
}

/// The "Import from Zendesk / Freshdesk…" button, its panel (files or pasted JSON), and the
/// report of the last import, shown while the draft it opened is open.
#[component]
pub fn HelpdeskImport() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let open = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let busy = RwSignal::new(None::<String>);
    let report = DraftScoped::<ImportReport>::new();
    let problems = DraftScoped::<Vec<String>>::new();
    let outcome = move |result: Result<ImportReport, Vec<String>>| match result {
        Ok(said) => {
            problems.clear();
            open.set(false);
            pasted.set(String::new());
            report.set(said);
        }
        Err(why) => problems.set(why),
    };
    let import = move |files: Vec<OutsideFile>| {
        after_showing(busy, "Importing the helpdesk configuration…", move || {
            outcome(import_helpdesk_files(workspace, &files));
        });
    };
    let import_chosen = move |ev: leptos::ev::Event| {
        let files = super::browser::take_files(&ev);
        if files.is_empty() {
            return;
        }
        if let Some(why) = refuse_by_size(&files) {
            problems.set(vec![why]);
            return;
        }
        busy.set(Some("Reading the files…".to_string()));
        spawn_local(async move {
            match read_files(files).await {
                Some(files) => import(files),
                None => {
                    busy.set(None);
                    problems.set(vec!["Could not read one of those files.".to_string()]);
                }
            }
        });
    };
    let import_pasted = move |_| {
        import(vec![OutsideFile {
            name: "pasted text".to_string(),
            bytes: pasted.get_untracked().into_bytes(),
        }]);
    };

    view! {
        {disclosure_button("helpdesk-import-toggle", "Import from Zendesk / Freshdesk…", open)}
        <Show when=move || open.get()>
            <div class="helpdesk-import" role="dialog" aria-label="Import from Zendesk or Freshdesk">
                <p>
                    "Give the JSON your helpdesk's API returns for SLA policies, schedules or business hours, holidays and groups — one response per file, as it came. It opens as a new draft; the one open now is kept as it is."
                </p>
                <label class="helpdesk-files">
                    "Helpdesk JSON files"
                    <input type="file" multiple=true accept=".json,application/json" on:change=import_chosen />
                </label>
                <label class="helpdesk-paste">
                    "Or paste one API response"
                    {paste_area(pasted, "6")}
                </label>
                <button type="button" on:click=import_pasted>"Import pasted JSON"</button>
                <button type="button" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Show>
        {move || busy.get().map(|m| view! { <p class="transfer-status" role="status" aria-busy="true">{m}</p> })}
        {move || problems.get().map(|why| view! { <ImportProblems problems=why /> })}
        {move || report.get().map(|said| view! { <ImportReportPanel report=said on_dismiss=Callback::new(move |()| report.clear()) /> })}
    }
}

/// Why nothing was imported, one line per file at fault.
#[component]
fn ImportProblems(problems: Vec<String>) -> impl IntoView {
    view! {
        <div class="transfer-error helpdesk-problems" role="alert">
            <p>"Nothing was imported; your current plan is unchanged."</p>
            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        </div>
    }
}

/// The report of an import: what each file was, and each thing not mapped with its JSON path.
#[component]
fn ImportReportPanel(report: ImportReport, on_dismiss: Callback<()>) -> impl IntoView {
    let count = report.not_mapped.len();
    let files = report
        .files
        .into_iter()
        .map(|file| view! { <li>{file}</li> })
        .collect_view();
    let lines = report
        .not_mapped
        .into_iter()
        .map(|line| view! { <ReportItem line /> })
        .collect_view();
    view! {
        <section class="import-report" aria-labelledby="import-report-title">
            <h2 id="import-report-title">"Import report"</h2>
            <p role="status">{report.summary}</p>
            <h3>"Files read"</h3>
            <ul>{files}</ul>
            <h3>{format!("Not mapped or mapped with an assumption ({count})")}</h3>
            {(count == 0).then(|| view! { <p>"Everything in the files was mapped."</p> })}
            <ul class="import-report-lines">{lines}</ul>
            <button type="button" on:click=move |_| on_dismiss.run(())>"Dismiss report"</button>
        </section>
    }
}

/// One line of the report: where (file and JSON path), then what happened.
#[component]
fn ReportItem(line: ReportLine) -> impl IntoView {
    let place = match (line.file.is_empty(), line.path.is_empty()) {
        (true, _) => "The import as a whole".to_string(),
        (false, true) => line.file.clone(),
        (false, false) => format!("{} {}", line.file, line.path),
    };
    view! {
        <li>
            <code class="json-path">{place}</code>
            <span>{line.message}</span>
        </li>
    }
}
