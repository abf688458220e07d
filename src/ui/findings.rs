//! The findings panel: live counts by severity and every finding with its rule, message and hint;
//! choosing one opens the section that owns the field and focuses it. Also marks fields inline.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::rules::{field_id, Finding, Severity};

/// A field's worst severity and its findings' messages, joined.
pub type FieldFinding = (Severity, String);

/// Findings by the DOM id of the field they concern, provided as context so every control can
/// mark itself. Each field reads a signal of its own that changes only when its finding does: a
/// keystroke that changes one finding wakes one field, not the thousands a large plan shows.
#[derive(Clone, Copy)]
pub struct FieldFindings {
    by_field: Memo<HashMap<String, FieldFinding>>,
    slots: StoredValue<HashMap<String, ArcRwSignal<Option<FieldFinding>>>>,
}

impl FieldFindings {
    pub fn new(findings: Memo<Vec<Finding>>) -> Self {
        let by_field = Memo::new(move |_| findings.with(|all| group_by_field(all)));
        let slots = StoredValue::new(HashMap::<String, ArcRwSignal<Option<FieldFinding>>>::new());
        // Compares the new findings with the last ones and sets only the fields that changed.
        Effect::new(move |last: Option<HashMap<String, FieldFinding>>| {
            by_field.with(|now| {
                let last = last.unwrap_or_default();
                slots.with_value(|slots| {
                    for id in now.keys().chain(last.keys()) {
                        if let Some(slot) = slots.get(id) {
                            let wanted = now.get(id).cloned();
                            if slot.with_untracked(|shown| *shown != wanted) {
                                slot.set(wanted);
                            }
                        }
                    }
                });
                now.clone()
            })
        });
        FieldFindings { by_field, slots }
    }

    /// The finding of the field with this DOM id, as a signal that changes only with it. The
    /// slot goes when the field does (a page left, a row removed), so slots never pile up.
    pub fn for_field(self, id: &str) -> Signal<Option<FieldFinding>> {
        let slot = self.slots.try_update_value(|slots| {
            slots
                .entry(id.to_string())
                .or_insert_with(|| {
                    ArcRwSignal::new(self.by_field.with_untracked(|map| map.get(id).cloned()))
                })
                .clone()
        });
        let slots = self.slots;
        let owned = id.to_string();
        on_cleanup(move || {
            slots.try_update_value(|slots| slots.remove(&owned));
        });
        match slot {
            Some(slot) => RwSignal::from(slot).into(),
            None => Signal::derive(|| None),
        }
    }
}

/// Worst severity first, messages joined, by field id.
fn group_by_field(all: &[Finding]) -> HashMap<String, FieldFinding> {
    let mut by_field: HashMap<String, FieldFinding> = HashMap::new();
    for finding in all {
        let id = field_id(&finding.path);
        match by_field.get_mut(&id) {
            Some((severity, message)) => {
                *severity = (*severity).min(finding.severity);
                message.push(' ');
                message.push_str(&finding.message);
            }
            None => {
                by_field.insert(id, (finding.severity, finding.message.clone()));
            }
        }
    }
    by_field
}

/// How many findings of each severity.
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    findings
        .iter()
        .fold((0, 0, 0), |(e, w, i), f| match f.severity {
            Severity::Error => (e + 1, w, i),
            Severity::Warning => (e, w + 1, i),
            Severity::Info => (e, w, i + 1),
        })
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// The panel. `open` is called with a finding's path when the user chooses it.
#[component]
pub fn FindingsPanel(findings: Memo<Vec<Finding>>, open: Callback<String>) -> impl IntoView {
    let tally = Memo::new(move |_| findings.with(|f| counts(f)));
    // Keyed by what a finding says, so a keystroke that changes one finding redraws only that one.
    let list = move || {
        view! {
            <For
                each=move || findings.get()
                key=|f| (f.rule, f.path.clone(), f.message.clone(), f.hint.clone())
                children=move |finding| {
                    let path = finding.path.clone();
                    let severity = finding.severity.label();
                    let section = crate::form::page_for(&finding.path).title();
                    view! {
                        <li>
                            <button
                                type="button"
                                class=format!("finding sev-{severity}")
                                on:click=move |_| open.run(path.clone())
                            >
                                <span class="finding-head">
                                    <span class=format!(
                                        "sev-badge sev-{severity}",
                                    )>{severity}</span>
                                    <span class="rule-id">{finding.rule}</span>
                                    <span class="finding-section">{section}</span>
                                </span>
                                <span class="finding-message">{finding.message}</span>
                                <span class="finding-hint">{finding.hint}</span>
                            </button>
                        </li>
                    }
                }
            />
        }
    };
    view! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">"Findings"</h2>
            <p class="finding-counts" role="status" aria-live="polite">
                <span class="count sev-error">
                    {move || plural(tally.get().0, "error", "errors")}
                </span>
                <span class="count sev-warning">
                    {move || plural(tally.get().1, "warning", "warnings")}
                </span>
                <span class="count sev-info">{move || format!("{} info", tally.get().2)}</span>
            </p>
            <Show
                when=move || findings.with(|f| !f.is_empty())
                fallback=|| view! { <p class="empty">"No findings: the plan is consistent."</p> }
            >
                <ul class="finding-list">{list}</ul>
            </Show>
        </section>
    }
}
