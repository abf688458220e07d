//! The "Today, measured" page: one or several ticket exports chosen, read in chunks in a Web
//! Worker with a progress bar (Cancel), a column-mapping step for CSVs the app does not know, then
//! the figures of the plan's history part, the replay against the plan, and one-click buttons that
//! set Capacity's arrival profile, the channel mix and the success metrics' baselines from them.
//! Only the summary enters the plan; the tickets stay in the worker's memory and a failed read
//! leaves the plan as it was. The read belongs to the app, not to the page: it goes on while
//! another page is open.

mod mapping;
mod read;
mod summary;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::history::{self, ReadOptions, Replay, SetAside};
use crate::messages::reading::{HistoryRead, ReadProgress};
use crate::plan::{HistorySummary, Part, Path, Plan};
use crate::ui::edit::Editor;

use super::drafts::DraftScoped;
use mapping::{saved_for, MappingDraft, MappingStep};
use read::{slice_bytes, Handlers, PreviewAnswer, Reader, Shown};

/// Bytes looked at to tell a file's shape and preview a CSV.
const HEAD_BYTES: f64 = 262_144.0;

/// What the page is doing (a read under way shows over either).
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Choose,
    Mapping,
}

/// The page's state, kept while other pages are open (provided by the app) and scoped to the
/// draft it was read for.
#[derive(Clone, Copy)]
pub struct Session {
    step: RwSignal<Step>,
    files: StoredValue<Vec<web_sys::File>, LocalStorage>,
    draft: RwSignal<Option<MappingDraft>>,
    shown: Shown,
    /// The link to the reading worker, which holds the tickets.
    reader: StoredValue<read::Link, LocalStorage>,
    /// The designer's editor, which a finished read writes the summary through (set by the page).
    editor: StoredValue<Option<Editor>, LocalStorage>,
    /// The rows set aside by the last read.
    loaded: DraftScoped<Arc<SetAside>>,
    /// What the last one-click button did.
    applied: RwSignal<Option<String>>,
    /// The parts of the plan the replay reads.
    inputs: Memo<Plan>,
    /// The loaded tickets replayed against the plan as it is now (`None` until an export is read).
    pub replay: Memo<Option<Replay>>,
}

impl Session {
    /// The page's state over `plan`.
    pub fn new(plan: RwSignal<Plan>) -> Session {
        let loaded = DraftScoped::<Arc<SetAside>>::new();
        let replayed = DraftScoped::<Arc<Replay>>::new();
        let shown = Shown {
            progress: RwSignal::new(None),
            failure: RwSignal::new(None),
            notice: RwSignal::new(None),
        };
        let editor = StoredValue::new_local(None::<Editor>);
        let applied = RwSignal::new(None);
        let inputs = replay_inputs(plan);
        let reader = StoredValue::new_local(Reader::new(
            shown,
            Handlers {
                read: std::rc::Rc::new(move |read: HistoryRead| {
                    if let Some(editor) = editor.get_value() {
                        // One change of the plan: one undo step.
                        let history = Some(Path::field(Part::History.key()));
                        let summary = *read.summary;
                        let _ = editor.change("Reading the ticket history", history, |p| {
                            p.history = Some(summary)
                        });
                    }
                    loaded.set(Arc::new(read.set_aside));
                    replayed.set(Arc::new(*read.replay));
                    applied.set(None);
                }),
                replay: std::rc::Rc::new(move |replay: Replay| replayed.set(Arc::new(replay))),
            },
        ));
        // The replay runs again in the worker when a part it reads changes (not on every
        // keystroke in a category's description), while tickets are held for the open draft.
        Effect::new(move |_| {
            let inputs = inputs.get();
            if loaded.get_untracked().is_some() {
                reader.with_value(|link| Reader::replay(link, &inputs));
            }
        });
        Session {
            replay: Memo::new(move |_| replayed.get().map(|r| (*r).clone())),
            step: RwSignal::new(Step::Choose),
            files: StoredValue::new_local(Vec::new()),
            draft: RwSignal::new(None),
            shown,
            reader,
            editor,
            loaded,
            applied,
            inputs,
        }
    }

    fn reading(self) -> bool {
        self.shown.progress.with(Option::is_some)
    }
}

/// The parts of the plan the replay reads (and the home zone the summary counts in).
fn replay_inputs(plan: RwSignal<Plan>) -> Memo<Plan> {
    Memo::new(move |_| {
        plan.with(|p| Plan {
            header: p.header.clone(),
            calendars: p.calendars.clone(),
            priorities: p.priorities.clone(),
            channels: p.channels.clone(),
            taxonomy: p.taxonomy.clone(),
            sla: p.sla.clone(),
            helpdesk: p.helpdesk.clone(),
            ..Plan::blank()
        })
    })
}

/// Whether these first bytes start a JSON document (a Zendesk page) rather than a CSV.
fn is_json(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    matches!(
        text.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{') | Some(b'[')
    )
}

/// The page, over the session the app provides (or one of its own in a component test).
#[component]
pub fn MeasuredPage(plan: RwSignal<Plan>) -> impl IntoView {
    let editor = Editor::of(plan);
    let session = use_context::<Session>().unwrap_or_else(|| Session::new(plan));
    session.editor.set_value(Some(editor));
    let zone = move || plan.with_untracked(|p| history::writer_zone(p).to_string());
    let start_read = move |options: ReadOptions| {
        let files = session.files.get_value();
        session.step.set(Step::Choose);
        let inputs = session.inputs.get_untracked();
        session
            .reader
            .with_value(|link| Reader::read(link, &files, options, &inputs));
    };
    let choose = move |ev: leptos::ev::Event| {
        let files = super::browser::take_files(&ev);
        if files.is_empty() {
            return;
        }
        session.files.set_value(files.clone());
        session.shown.failure.set(None);
        let default_zone = zone();
        spawn_local(async move {
            match first_csv(session, &files, &default_zone).await {
                Ok(Some(draft)) => {
                    session.draft.set(Some(draft));
                    session.step.set(Step::Mapping);
                }
                Ok(None) => start_read(ReadOptions {
                    default_zone,
                    ..ReadOptions::default()
                }),
                Err(why) => session.shown.failure.set(Some(why)),
            }
        });
    };
    let on_read = Callback::new(move |draft: MappingDraft| start_read(draft.options()));
    let on_cancel = Callback::new(move |()| {
        session.draft.set(None);
        session.step.set(Step::Choose);
    });
    let file_count = move || session.files.with_value(Vec::len);
    let summary = Memo::new(move |_| plan.with(|p| p.history.clone()));
    view! {
        <section class="measured" aria-labelledby="measured-heading">
            <h2 id="measured-heading" class="visually-hidden">"Today, measured"</h2>
            <p class="help">
                "Read a ticket export to see how support performs today: Zendesk's incremental export (JSON pages), a Freshdesk CSV export, or any ticket CSV. The files are read in this browser and nothing leaves it; only the totals below are kept in the plan, never a ticket, subject or e-mail."
            </p>
            <Show when=move || session.step.get() == Step::Choose && !session.reading()>
                <label class="measured-files">
                    "Ticket export files"
                    <input
                        type="file"
                        id="measured-files"
                        multiple=true
                        accept=".json,.csv,.txt,application/json,text/csv"
                        on:change=choose
                    />
                </label>
            </Show>
            {move || session.shown.failure.get().map(|why| view! {
                <p class="transfer-error" role="alert" id="measured-failure">{why}</p>
            })}
            {move || session.shown.notice.get().map(|said| view! {
                <p class="measured-note" role="status" id="measured-notice">{said}</p>
            })}
            <Show when=move || session.step.get() == Step::Mapping && !session.reading()>
                <MappingStep session draft=session.draft files=file_count() on_read on_cancel />
            </Show>
            <Show when=move || session.reading()>
                <ReadingProgress session />
            </Show>
            {move || summary.get().map(|s| view! { <Figures plan session summary=s /> })}
        </section>
    }
}

/// The mapping step's draft for the first CSV among `files`, or `None` when every file is read
/// as it is (Zendesk pages, or a CSV of a known helpdesk whose times are settled).
async fn first_csv(
    session: Session,
    files: &[web_sys::File],
    default_zone: &str,
) -> Result<Option<MappingDraft>, String> {
    for file in files {
        let whole_file = file.size() <= HEAD_BYTES;
        let head = slice_bytes(file, 0.0, file.size().min(HEAD_BYTES))
            .await
            .ok_or_else(|| {
                format!(
                    "The browser could not read {}; choose it again.",
                    file.name()
                )
            })?;
        if is_json(&head) {
            continue;
        }
        let name = file.name();
        let options = ReadOptions {
            default_zone: default_zone.to_string(),
            ..ReadOptions::default()
        };
        let guessed = preview_in_worker(session, &name, &head, whole_file, options)
            .await
            .map_err(|e| match session.reader.with_value(Reader::gave_up) {
                // Why there is no reader at all, already in words.
                true => e,
                false => format!("{name}: {e}. The plan is unchanged."),
            })?;
        let Some(guess) = guessed.report.mapping.clone() else {
            return Ok(None);
        };
        let saved = saved_for(&guess.headers());
        let known = guessed.report.read_as != "CSV export" && guessed.report.questions.is_empty();
        if known && saved.is_none() {
            return Ok(None);
        }
        return Ok(Some(MappingDraft {
            file: name,
            head: Arc::new(head),
            whole_file,
            default_zone: default_zone.to_string(),
            saved: saved.is_some(),
            mapping: saved.unwrap_or(guess),
        }));
    }
    Ok(None)
}

/// Asks the reading worker for the preview of a CSV's first bytes; `answer` gets it.
fn ask_preview(
    session: Session,
    name: &str,
    head: &[u8],
    whole_file: bool,
    options: ReadOptions,
    answer: PreviewAnswer,
) {
    session.reader.with_value(|link| {
        Reader::preview(link, name, head, whole_file, options, answer);
    });
}

/// The preview of a CSV's first bytes, awaited (the first look at a chosen file).
async fn preview_in_worker(
    session: Session,
    name: &str,
    head: &[u8],
    whole_file: bool,
    options: ReadOptions,
) -> Result<Box<history::Preview>, String> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let slot = Rc::new(RefCell::new(None));
    let filled = slot.clone();
    let mut options = Some(options);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let filled = filled.clone();
        let answer: PreviewAnswer = Box::new(move |preview| {
            *filled.borrow_mut() = Some(preview);
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        let options = options.take().unwrap_or_default();
        ask_preview(session, name, head, whole_file, options, answer);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let preview = slot.borrow_mut().take();
    preview.unwrap_or_else(|| Err("the browser could not look at the file".to_string()))
}

/// The progress bar, the counts and Cancel.
#[component]
fn ReadingProgress(session: Session) -> impl IntoView {
    let value = move || {
        session
            .shown
            .progress
            .with(|p| p.as_ref().map_or(0.0, ReadProgress::fraction))
    };
    let words = move || {
        session.shown.progress.with(|p| match p {
            Some(p) if !p.file.is_empty() => p.words(),
            _ => "Starting…".to_string(),
        })
    };
    view! {
        <div class="measured-progress" id="measured-progress">
            <label for="measured-progress-bar">"Reading the export"</label>
            <progress id="measured-progress-bar" max="1" value=value></progress>
            <p role="status" aria-live="polite">{words}</p>
            <button type="button" id="measured-cancel" on:click=move |_| session.reader.with_value(Reader::cancel)>
                "Cancel"
            </button>
        </div>
    }
}

/// The figures of the plan's history part, the replay while the tickets are loaded, and the
/// buttons that carry figures into the plan.
#[component]
fn Figures(plan: RwSignal<Plan>, session: Session, summary: HistorySummary) -> impl IntoView {
    let editor = Editor::of(plan);
    let replay = session.replay;
    let goal = Memo::new(move |_| plan.with(|p| p.staffing.attainment_goal));
    let first = summary.clone();
    let trend = summary.clone();
    let heat = summary.arrivals.clone();
    view! {
        <section class="measured-figures" aria-labelledby="figures-title">
            <h3 id="figures-title">"Today, measured"</h3>
            {summary::facts(&summary)}
            <ApplyButtons plan session />
            {summary::heat_map(&heat)}
            {summary::monthly_trend(&trend)}
            {move || replay.with(|r| summary::first_reply(&first, r.as_ref(), goal.get()))}
            {move || replay.with(|r| r.as_ref().map(summary::replay_table))}
            {move || replay.with(|r| r.as_ref().and_then(|r| r.taxonomy.as_ref()).map(summary::coverage))}
            {move || session.loaded.with(|aside| aside.map(|aside| summary::set_aside(aside)))}
            <button
                type="button"
                id="measured-forget"
                on:click=move |_| {
                    let history = Some(Path::field(Part::History.key()));
                    let _ = editor.change("Removing the measured history", history, |p| {
                        p.history = None
                    });
                }
            >
                "Remove the measured history from the plan"
            </button>
        </section>
    }
}

/// One click each, one undo step each: arrival profile, channel mix, metric baselines.
#[component]
fn ApplyButtons(plan: RwSignal<Plan>, session: Session) -> impl IntoView {
    let editor = Editor::of(plan);
    let apply = move |what: &'static str, change: fn(&mut Plan) -> bool| {
        // Each sets figures in several parts: the whole plan is the edit.
        let changed = editor.change(what, None, change).unwrap_or(false);
        session.applied.set(Some(if changed {
            format!("{what} set from the measured history. Undo takes it back.")
        } else {
            format!("{what}: the history has nothing to set.")
        }));
    };
    let source = move || {
        plan.with(|p| {
            p.history
                .as_ref()
                .map_or(String::new(), |s| history::baselines(s).source)
        })
    };
    view! {
        <div class="measured-actions" role="group" aria-label="Use the measured figures">
            <button type="button" id="apply-arrivals" on:click=move |_| apply("Capacity's arrival profile", set_arrivals)>
                "Set Capacity's arrival profile"
            </button>
            <button type="button" id="apply-channels" on:click=move |_| apply("The channel mix", set_channel_mix)>
                "Set the channel mix"
            </button>
            <button type="button" id="apply-baselines" on:click=move |_| apply("The success metrics' baselines", set_baselines)>
                "Set the metrics' baselines"
            </button>
        </div>
        <p class="help">{move || format!("Measured from {}.", source())}</p>
        {move || session.applied.get().map(|said| view! { <p class="measured-note" role="status" id="measured-applied">{said}</p> })}
    }
}

fn set_arrivals(plan: &mut Plan) -> bool {
    let Some(profile) = plan
        .history
        .as_ref()
        .and_then(|s| history::arrival_profile(&s.arrivals))
    else {
        return false;
    };
    plan.staffing.arrival_profile = profile;
    true
}

fn set_channel_mix(plan: &mut Plan) -> bool {
    let Some(summary) = plan.history.clone() else {
        return false;
    };
    let mix = history::channel_mix(&summary, plan);
    for row in &mix {
        if let Some(channel) = plan.channels.get_mut(row.channel) {
            channel.volume_share = row.volume_share;
            channel.arrival_profile = row.arrival_profile.clone();
        }
    }
    !mix.is_empty()
}

fn set_baselines(plan: &mut Plan) -> bool {
    let Some(summary) = plan.history.as_ref() else {
        return false;
    };
    let measured = history::baselines(summary);
    let metrics = &mut plan.metrics;
    let mut any = false;
    if let Some(first) = measured.first_response {
        metrics.first_response.baseline = Some(first);
        any = true;
    }
    if let Some(resolution) = measured.resolution {
        metrics.resolution.baseline = Some(resolution);
        any = true;
    }
    if let Some(csat) = measured.csat {
        metrics.csat.baseline = Some(csat);
        any = true;
    }
    if let Some(fcr) = measured.first_contact_resolution {
        metrics.first_contact_resolution.baseline = Some(fcr);
        any = true;
    }
    any
}
