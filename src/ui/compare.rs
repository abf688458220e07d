//! Before → after in the app: two drafts compared as stakeholders read it — SLA targets, channels
//! and hours, staffing, findings fixed or introduced — as tables, and as Markdown or text to hand on.
//! The comparison (both plans checked and staffed) and its text are worked out in a worker
//! (`Ask::Compare`); the page draws the answer and downloads or copies the text it came with.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diff::render::{
    applies_to, opening_change, policy_heading, staffing_rows, staffing_verdicts, still_open,
};
use crate::diff::{Comparison, Hours, PolicyChange, Verdict};
use crate::drafts::DraftMeta;
use crate::messages::{Answer, Compared, Request};
use crate::plan::Plan;
use crate::render::{file_stem, Format};
use crate::rules::Finding;
use crate::ui::browser::{copy_text, download_text};
use crate::ui::drafts::Workspace;
use crate::ui::inputs::disclosure_button;
use crate::ui::table::table_head;
use crate::ui::worker::{ask, Question, Words};

/// The comparison of two drafts, worked out in a worker.
pub struct CompareDraftsQuestion;

impl Question for CompareDraftsQuestion {
    type Value = Box<Compared>;
    const MEASURE: Option<&'static str> = None;
    const WORDS: Words = Words {
        crashed: "The comparison stopped with an error and was restarted. Nothing you typed is \
                  lost: the drafts are being compared again.",
        hung: "The comparison stopped answering and was restarted. Nothing you typed is lost: \
               the drafts are being compared again.",
        gave_up: "The drafts could not be compared. Your plans are saved: reload the page to \
                  compare them again.",
        no_workers: "This browser cannot compare drafts (Web Workers are missing or turned off). \
                     Everything else works, and your plan is saved as you type.",
    };
    fn read(answer: Answer) -> Result<Self::Value, Answer> {
        match answer {
            Answer::Comparison { compared } => Ok(compared),
            other => Err(other),
        }
    }
}

/// What the panel says until the first comparison comes.
const COMPARING: &str = "Comparing the drafts…";

/// The toolbar's "Compare…" button and, while it is pressed, the comparison panel.
#[component]
pub fn CompareMenu() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="compare-menu" class:compare-open=move || open.get()>
            {disclosure_button("compare-toggle", "Compare…", open)}
            <Show when=move || open.get()>
                <CompareDrafts on_close=Callback::new(move |()| open.set(false)) />
            </Show>
        </div>
    }
}

/// A draft that can be compared: its id (empty for the open plan when it is not stored yet) and
/// how the pickers name it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Choice {
    id: String,
    label: String,
    name: String,
}

/// The drafts to choose from, the open one marked; newest first after the open one.
fn choices(drafts: &[DraftMeta], open: Option<&DraftMeta>, open_name: &str) -> Vec<Choice> {
    let open_id = open.map(|meta| meta.id.as_str());
    let mut readable: Vec<&DraftMeta> = drafts.iter().filter(|d| d.unreadable.is_none()).collect();
    readable.sort_by_key(|d| (Some(d.id.as_str()) != open_id, std::cmp::Reverse(d.updated)));
    let mut list: Vec<Choice> = readable
        .into_iter()
        .map(|d| Choice {
            id: d.id.clone(),
            label: if Some(d.id.as_str()) == open_id {
                format!("{} (open)", d.name)
            } else {
                d.name.clone()
            },
            name: d.name.clone(),
        })
        .collect();
    if open.is_none() {
        list.insert(
            0,
            Choice {
                id: String::new(),
                label: format!("{open_name} (open, not saved yet)"),
                name: open_name.to_string(),
            },
        );
    }
    list
}

/// Two pickers (before, after; by default another draft → the open one), the comparison as
/// tables, and buttons to download or copy it.
#[component]
fn CompareDrafts(on_close: Callback<()>) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let listed = Memo::new(move |_| {
        let open = workspace.current.get();
        workspace
            .drafts
            .with(|all| choices(all, open.as_ref(), crate::drafts::UNTITLED))
    });
    let open_id = Memo::new(move |_| {
        workspace
            .current
            .with(|c| c.as_ref().map(|m| m.id.clone()))
            .unwrap_or_default()
    });
    let chosen_before = RwSignal::new(None::<String>);
    let chosen_after = RwSignal::new(None::<String>);
    let listed_id = move |id: &String| listed.with(|all| all.iter().any(|c| &c.id == id));
    let after = Memo::new(move |_| {
        chosen_after
            .get()
            .filter(listed_id)
            .unwrap_or_else(|| open_id.get())
    });
    let before = Memo::new(move |_| {
        let after = after.get();
        chosen_before.get().filter(listed_id).unwrap_or_else(|| {
            listed.with(|all| {
                all.iter()
                    .find(|c| c.id != after)
                    .map_or_else(|| after.clone(), |c| c.id.clone())
            })
        })
    });
    let name_of = move |id: &str| {
        listed.with(|all| {
            all.iter()
                .find(|c| c.id == id)
                .map_or_else(String::new, |c| c.name.clone())
        })
    };
    let plan_of = move |id: &str| {
        if id == open_id.get() {
            Ok(workspace.plan.get())
        } else {
            workspace.read_plan(id)
        }
    };
    let plans = Memo::new(move |_| -> Result<(Plan, Plan), String> {
        // Another tab saving a draft changes the list: read the stored plans again.
        workspace.drafts.track();
        let (before, after) = (before.get(), after.get());
        if before == after {
            return Err(
                "Choose two different drafts. To compare today's helpdesk with a design, import it (Import from Zendesk / Freshdesk…) or duplicate this draft and change the copy."
                    .to_string(),
            );
        }
        Ok((plan_of(&before)?, plan_of(&after)?))
    });
    let answered = ask::<CompareDraftsQuestion>(
        move |revision| {
            plans.with(|p| {
                p.as_ref()
                    .ok()
                    .map(|(before, after)| Request::compare_json(revision, before, after))
            })
        },
        Signal::from(true),
        false,
    );
    // The latest comparison answered, or why there is none yet; the words while a newer one is
    // worked out, or when the worker is gone.
    let comparison = Memo::new(move |_| {
        plans.get()?;
        answered.value.get().ok_or_else(|| {
            answered
                .notice
                .get()
                .unwrap_or_else(|| COMPARING.to_string())
        })
    });
    let working = Memo::new(move |_| {
        plans.with(Result::is_ok)
            && answered.value.with(Option::is_some)
            && (answered.working.get() || answered.notice.with(Option::is_some))
    });
    let status = RwSignal::new(None::<Result<String, String>>);
    let export = move |format: Format| {
        let Some(Ok(found)) = comparison.try_get_untracked() else {
            if plans.with_untracked(Result::is_ok) {
                status.set(Some(Err(
                    "The comparison is not worked out yet: try again in a moment.".to_string(),
                )));
            }
            return None;
        };
        let stem = format!(
            "{}-to-{}",
            file_stem(&name_of(&before.get_untracked())),
            file_stem(&name_of(&after.get_untracked()))
        );
        let text = match format {
            Format::Text => found.text,
            _ => found.markdown,
        };
        Some((format!("{stem}.{}", format.file_extension()), text))
    };
    let download = move |format: Format| {
        if let Some((file, text)) = export(format) {
            status.set(Some(
                download_text(&file, format.mime(), &text).map(|()| "Download started.".into()),
            ));
        }
    };
    let copy = move |format: Format| {
        if let Some((_, text)) = export(format) {
            spawn_local(async move {
                status.set(Some(
                    copy_text(text)
                        .await
                        .map(|()| "Copied to the clipboard.".into()),
                ));
            });
        }
    };

    view! {
        <section class="compare-panel" aria-labelledby="compare-title">
            <div class="compare-head">
                <h2 id="compare-title">"Compare two drafts"</h2>
                <button type="button" class="compare-close" on:click=move |_| on_close.run(())>
                    "Close"
                </button>
            </div>
            <div class="compare-pickers">
                <DraftPicker label="Before" choices=listed chosen=before on_choose=chosen_before />
                <DraftPicker label="After" choices=listed chosen=after on_choose=chosen_after />
            </div>
            <div class="compare-actions" role="group" aria-label="Hand on the comparison">
                <button type="button" on:click=move |_| download(Format::Markdown)>"Download Markdown"</button>
                <button type="button" on:click=move |_| download(Format::Text)>"Download text"</button>
                <button type="button" on:click=move |_| copy(Format::Markdown)>"Copy Markdown"</button>
                <button type="button" on:click=move |_| copy(Format::Text)>"Copy text"</button>
            </div>
            {move || status.get().map(|said| match said {
                Ok(m) => view! { <p class="transfer-status" role="status">{m}</p> }.into_any(),
                Err(m) => view! { <p class="transfer-error" role="alert">{m}</p> }.into_any(),
            })}
            {move || working.get().then(|| {
                let words = answered.notice.get().unwrap_or_else(|| COMPARING.to_string());
                view! { <p class="compare-note" role="status">{words}</p> }
            })}
            {move || match comparison.get() {
                Ok(found) => view! { <ComparisonView comparison=found.comparison /> }.into_any(),
                Err(why) => view! { <p class="compare-note" role="status">{why}</p> }.into_any(),
            }}
        </section>
    }
}

/// One draft picker: the drafts by name, `chosen` selected; choosing one tells `on_choose`.
#[component]
fn DraftPicker(
    label: &'static str,
    choices: Memo<Vec<Choice>>,
    #[prop(into)] chosen: Signal<String>,
    on_choose: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <label class="compare-picker">
            {label}
            <select on:change=move |ev| on_choose.set(Some(event_target_value(&ev)))>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|choice| {
                            let id = choice.id.clone();
                            view! {
                                <option
                                    value=choice.id
                                    prop:selected=move || chosen.get() == id
                                >
                                    {choice.label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The comparison as a document: headings and tables, in the order the Markdown has them.
#[component]
pub fn ComparisonView(comparison: Comparison) -> impl IntoView {
    let policies = comparison
        .policies
        .iter()
        .map(policy_section)
        .collect_view();
    let no_policies = comparison
        .policies
        .is_empty()
        .then(|| view! { <p class="doc-empty">"No SLA policies either side."</p> });
    view! {
        <article class="plan-document compare-document" aria-label="Before → after">
            <h1>"Before → after"</h1>
            <dl class="doc-facts">
                <dt>"Before"</dt>
                <dd>{comparison.before_product.clone()}</dd>
                <dt>"After"</dt>
                <dd>{comparison.after_product.clone()}</dd>
            </dl>
            <section class="doc-section">
                <h2>"SLA targets"</h2>
                {no_policies}
                {policies}
            </section>
            {openings_section(&comparison)}
            {staffing_section(&comparison)}
            {findings_section(&comparison)}
        </article>
    }
}

/// The class a verdict's cell takes, for its colour.
fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Same => "verdict verdict-same",
        Verdict::Faster | Verdict::New => "verdict verdict-better",
        Verdict::Slower | Verdict::Dropped => "verdict verdict-worse",
        Verdict::Changed => "verdict verdict-other",
    }
}

fn policy_section(policy: &PolicyChange) -> impl IntoView {
    let rows = policy
        .targets
        .iter()
        .map(|target| {
            view! {
                <tr>
                    <td>{target.priority.clone()}</td>
                    <td>{target.metric.heading()}</td>
                    <td>{target.before.clone()}</td>
                    <td>{target.after.clone()}</td>
                    <td><span class=verdict_class(target.verdict)>{target.verdict.label()}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{policy_heading(policy)}</h3>
        <p><span class="doc-label">"Applies to: "</span>{applies_to(policy)}</p>
        <div class="compare-table">
            <table>
                {table_head(&["Priority", "Metric", "Before", "After", "Change"])}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Channels or calendars that changed, as a table: name, and how its opening changed.
fn openings_table<'a>(
    columns: &'static [&'static str],
    changes: impl Iterator<Item = (&'a str, &'a Option<Hours>, &'a Option<Hours>)>,
) -> AnyView {
    let rows = changes
        .map(|(name, before, after)| {
            view! {
                <tr>
                    <td>{name.to_string()}</td>
                    <td>{opening_change(before, after)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="compare-table">
            <table>{table_head(columns)}<tbody>{rows}</tbody></table>
        </div>
    }
    .into_any()
}

fn openings_section(comparison: &Comparison) -> impl IntoView {
    let channels = if comparison.channels.is_empty() {
        view! { <p class="doc-empty">"No channel added, removed or open at other hours."</p> }
            .into_any()
    } else {
        let changes = comparison
            .channels
            .iter()
            .map(|c| (c.name.as_str(), &c.before, &c.after));
        openings_table(&["Channel", "Change"], changes)
    };
    let calendars = (!comparison.calendars.is_empty()).then(|| {
        let changes = comparison
            .calendars
            .iter()
            .map(|c| (c.name.as_str(), &c.before, &c.after));
        view! {
            <h3>"Calendars"</h3>
            {openings_table(&["Calendar", "Change"], changes)}
        }
    });
    view! {
        <section class="doc-section">
            <h2>"Channels and hours"</h2>
            {channels}
            {calendars}
        </section>
    }
}

fn staffing_section(comparison: &Comparison) -> impl IntoView {
    let rows = staffing_rows(&comparison.staffing)
        .into_iter()
        .map(|(label, before, after)| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{before}</td>
                    <td class="num">{after}</td>
                </tr>
            }
        })
        .collect_view();
    let verdicts = staffing_verdicts(&comparison.staffing)
        .into_iter()
        .map(|verdict| view! { <li>{verdict}</li> })
        .collect_view();
    view! {
        <section class="doc-section">
            <h2>"Staffing"</h2>
            <div class="compare-table">
                <table>{table_head(&["", "Before", "After"])}<tbody>{rows}</tbody></table>
            </div>
            <ul>{verdicts}</ul>
        </section>
    }
}

fn findings_table(heading: &'static str, findings: &[Finding]) -> impl IntoView {
    let body = if findings.is_empty() {
        view! { <p class="doc-empty">"None."</p> }.into_any()
    } else {
        let rows = findings
            .iter()
            .map(|finding| {
                view! {
                    <tr>
                        <td>{finding.severity.label()}</td>
                        <td class="compare-rule">{finding.rule.clone()}</td>
                        <td><code class="json-path">{finding.path.to_string()}</code></td>
                        <td>{finding.message.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="compare-table">
                <table>
                    {table_head(&["Severity", "Rule", "Where", "Finding"])}
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h3>{format!("{heading} ({})", findings.len())}</h3>
        {body}
    }
}

fn findings_section(comparison: &Comparison) -> impl IntoView {
    let findings = &comparison.findings;
    view! {
        <section class="doc-section">
            <h2>"Findings"</h2>
            {findings_table("Fixed", &findings.fixed)}
            {findings_table("Introduced", &findings.introduced)}
            <p><span class="doc-label">"Still open: "</span>{still_open(&findings.still_open)}</p>
        </section>
    }
}
